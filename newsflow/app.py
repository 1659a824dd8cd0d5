"""Assembling the services from settings: the one place that wires stages to runners.

Stage cores know nothing of settings or Kafka; this module builds them from a
:class:`Settings` object and hands them to the Kafka runner (one service per
process) or to the embedded pipeline (all in one process). The cleaner and the
extractor are imported only by the processes that run them: trafilatura and
the gazetteer cost the fetcher seconds of start-up and a hundred MB otherwise.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsflow import kafka, topics
from newsflow.embedded import Pipeline, ProgressHook
from newsflow.feeds import Feed, load_feeds
from newsflow.ids import url_host
from newsflow.messages import ArticleUrl
from newsflow.runtime import Output, Stage
from newsflow.settings import Settings
from services.fetcher import (
    FeedReport,
    FeedStateStore,
    Fetcher,
    FetcherOptions,
    FetchPolicy,
    Ledger,
)
from services.fetcher.reload import FeedsWatcher
from services.fetcher.service import HandOff, Publish
from services.fetcher.transport import make_client
from services.store import Store, StoreStage, make_engine

if TYPE_CHECKING:
    from services.cleaner import CleanerStage

log = logging.getLogger(__name__)

SERVICES = ("fetcher", "cleaner", "extractor", "store")


def fetch_policy(settings: Settings) -> FetchPolicy:
    """The fetcher's safety and size policy from settings."""
    return FetchPolicy(
        allowed_networks=tuple(settings.allowed_networks),
        max_bytes=settings.max_page_bytes,
        max_redirects=settings.max_redirects,
        timeout=settings.fetch_timeout,
        user_agent=settings.user_agent,
        max_retry_after=settings.max_retry_after,
    )


def fetcher_options(settings: Settings) -> FetcherOptions:
    """The fetcher's politeness and retries from settings."""
    return FetcherOptions(
        concurrency=settings.fetch_concurrency,
        host_concurrency=settings.host_concurrency,
        host_delay=settings.host_delay,
        robots_ttl=settings.robots_ttl,
        retries=settings.fetch_retries,
        retry_initial=settings.retry_initial,
        retry_max=settings.retry_max,
    )


@asynccontextmanager
async def open_fetcher(settings: Settings, feeds: Sequence[Feed], publish: Publish,
                       hand_off: HandOff | None = None,
                       owns: Callable[[str], bool] | None = None) -> AsyncIterator[Fetcher]:
    """A fetcher with its HTTP client, ledger and feed state, closed on exit."""
    options = fetcher_options(settings)
    engine = make_engine(settings.ledger_url)
    ledger = Ledger(engine)
    state = FeedStateStore(engine)
    await asyncio.to_thread(ledger.open)
    await asyncio.to_thread(state.open)
    client = make_client(timeout=settings.fetch_timeout,
                         allowed_networks=tuple(settings.allowed_networks),
                         max_connections=max(settings.fetch_concurrency * 2, 100))
    try:
        async with client:
            yield Fetcher(feeds, client=client, policy=fetch_policy(settings), ledger=ledger,
                          publish=publish, options=options, state=state, hand_off=hand_off,
                          owns=owns)
    finally:
        engine.dispose()


async def run_fetcher(fetcher: Fetcher, settings: Settings, stop: asyncio.Event,
                      *also: Coroutine[Any, Any, None]) -> None:
    """Poll until ``stop`` is set, reloading the feeds file when it changes; run ``also`` too."""
    watcher = FeedsWatcher(settings.feeds_file, fetcher.update_feeds,
                           interval=settings.feeds_reload_interval)
    tasks = [asyncio.create_task(fetcher.run(once=False), name="fetcher"),
             asyncio.create_task(watcher.watch(), name="feeds-watcher"),
             *(asyncio.create_task(job) for job in also)]
    stopped = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait([*tasks, stopped], return_when=asyncio.FIRST_COMPLETED)
    for task in [*tasks, stopped]:
        task.cancel()
    await asyncio.gather(*tasks, stopped, return_exceptions=True)
    for task in done:
        error = None if task is stopped or task.cancelled() else task.exception()
        if error is not None:
            raise error


def serve_metrics(settings: Settings) -> Callable[[], None]:
    """Serve Prometheus /metrics when NEWSFLOW_METRICS_PORT is set; return the stopper."""
    if not settings.metrics_port:
        return lambda: None
    import prometheus_client

    server, thread = prometheus_client.start_http_server(settings.metrics_port,
                                                         settings.metrics_host)
    log.info("metrics on http://%s:%d/metrics", settings.metrics_host, settings.metrics_port)

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    return stop


def cleaner_stage(settings: Settings) -> CleanerStage:
    """The cleaner with its options, template rule and template store, from settings."""
    from services.cleaner import CleanerStage
    from services.cleaner.clean import disabled_from
    from services.cleaner.template_store import TemplateStore
    from services.cleaner.templates import DEFAULT_WINDOW, TemplateMemory, TemplateRule

    options = disabled_from(settings.cleaner_keep_kinds)  # ConfigError on an unknown kind
    rule = TemplateRule(settings.template_min_pages, settings.template_min_share)
    return CleanerStage(
        options,
        workers=settings.workers,
        memory=TemplateMemory(rule, DEFAULT_WINDOW),
        store=TemplateStore(make_engine(settings.template_state_url), DEFAULT_WINDOW),
    )


def consuming_stage(name: str, settings: Settings) -> tuple[Stage, int]:
    """The stage object for a consuming service and how many messages it takes at once."""
    if name == "cleaner":
        return cleaner_stage(settings), settings.workers
    if name == "extractor":
        from services.extractor.service import ExtractorStage

        return ExtractorStage(workers=settings.workers), settings.workers
    if name == "store":
        return StoreStage(settings.database_url), 1
    raise ValueError(f"no consuming service named {name!r}")


@dataclass
class RunReport:
    """What an embedded run did."""

    feeds: list[FeedReport]
    counts: dict[str, int]
    stored: dict[str, int]


async def run_embedded(settings: Settings, *, once: bool = True,
                       feeds: Sequence[Feed] | None = None,
                       on_progress: ProgressHook | None = None) -> RunReport:
    """Run the four stages in this process; with ``once``, poll each feed once and drain."""
    feeds = list(feeds) if feeds is not None else load_feeds(settings.feeds_file)
    stages = [consuming_stage(n, settings) for n in ("cleaner", "extractor", "store")]
    async with Pipeline(stages, on_progress=on_progress) as pipeline:
        async with open_fetcher(settings, feeds, pipeline.publish) as fetcher:
            if once:
                reports = await fetcher.run(once=True)
            else:  # polls until interrupted, following edits of the feeds file
                await run_fetcher(fetcher, settings, asyncio.Event())
                reports = []
        await pipeline.drain()
        counts = dict(pipeline.counts)
    stored = await asyncio.to_thread(Store(make_engine(settings.database_url)).counts)
    return RunReport(feeds=reports, counts=counts, stored=stored)


async def run_service(name: str, settings: Settings, stop: asyncio.Event) -> None:
    """Run one service on Kafka until ``stop`` is set.

    Its configuration (the feeds file, the stage's options) is read and checked
    before anything touches the network, so a bad file is reported as itself and
    not as an unreachable broker. With ``NEWSFLOW_METRICS_PORT`` set, every service
    serves /metrics: its own counters (the fetcher's, dropped dead letters), and an
    answer there is the liveness probe of compose's healthchecks.
    """
    if name == "fetcher":
        feeds = load_feeds(settings.feeds_file)
    else:
        stage, concurrency = consuming_stage(name, settings)
    await kafka.ensure_topics(settings)
    stop_metrics = serve_metrics(settings)
    try:
        if name == "fetcher":
            await _fetcher_service(settings, feeds, stop)
        else:
            await kafka.run_stage(stage, settings, stop, concurrency=concurrency)
    finally:
        stop_metrics()


async def _fetcher_service(settings: Settings, feeds: Sequence[Feed],
                           stop: asyncio.Event) -> None:
    """The fetcher on Kafka: poll the feeds of the hosts it owns, fetch those hosts' URLs.

    New URLs go to ``news.articles.urls.v1`` keyed by host; the partitions of
    that topic this process is assigned decide the hosts it owns, so every
    request to a host (feed, robots.txt, article) comes from one process.
    """
    producer = kafka.make_producer(settings)
    await producer.start()
    try:
        async def publish(output: Output) -> None:
            await kafka.publish(producer, settings, output)

        async def hand_off(articles: Sequence[ArticleUrl]) -> None:
            await kafka.publish_all(producer, settings, [
                Output(topics.ARTICLE_URLS, url_host(a.fetch_url or a.url), a) for a in articles])

        async with open_fetcher(settings, feeds, publish, hand_off=hand_off,
                                owns=lambda host: False) as fetcher:  # until partitions come
            queue = kafka.run_keyed_queue(
                settings, stop, topic=topics.ARTICLE_URLS, stage="fetcher", put=fetcher.enqueue,
                take_over=fetcher.take_over, release=fetcher.release,
                max_queued=settings.fetch_queue_max)
            await run_fetcher(fetcher, settings, stop, queue)
    finally:
        await producer.stop()
