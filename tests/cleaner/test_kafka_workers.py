"""Cleaner workers on real Kafka and PostgreSQL: each owns its sites' templates, and hands them on.

Raw pages are keyed by host, so the partitions of ``news.articles.raw.v1``
divide the sites between the workers of the cleaner's consumer group, and each
worker's template memory holds only its own sites. Each worker here is the
cleaner stage run by the Kafka runner in this process, so that the test can
look into its memory.

Four sites, two in each partition of a two-partition raw topic, each with a
paragraph of its own on every page (its template). The test

1. runs two workers and publishes pages as the fetcher does: each site's pages
   are all cleaned by one worker (the workers' site sets are disjoint and cover
   every site), the template is dropped (recorded as ``template``) once the rule
   has seen it on enough pages, and another site's template on a page is kept;
2. stops one worker: the other takes its partitions, and the first new page of
   a site it never saw loses the template at once, which only the store can
   have told it;
3. starts a third worker, which takes a partition, and gives every site a new
   recurring block on a few pages, then stops it: the sites it held come back
   to the worker that had them before, whose memory of them is stale, and their
   next page loses the new block, seen so far on pages the third worker alone
   cleaned. That holds only if the worker forgot its sites when they left
   (``_ForgetOnRevoke``) and reloaded them from the store.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from sqlalchemy import Engine, func, select

from newsflow import codec, topics
from newsflow.ids import article_id, url_host
from newsflow.kafka import ensure_topics, make_producer, on_broker, partition_of, publish, run_stage
from newsflow.messages import CleanArticle, RawArticle
from newsflow.runtime import Output
from newsflow.settings import Settings
from services.cleaner import CleanerStage
from services.cleaner.template_store import TemplateStore
from services.cleaner.template_store import pages as template_rows
from services.cleaner.templates import DEFAULT_WINDOW, TemplateMemory, TemplateRule
from services.store import make_engine

pytestmark = pytest.mark.integration

PARTITIONS = 2
DEADLINE = 90.0  # seconds for each step to settle; bounded, never a timing assertion
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
FIRST_PAGES = 5  # per site while two workers share the sites
TAKEN_OVER_PAGES = 2  # per site once one worker holds them all
NEW_BLOCK_PAGES = 3  # per site with a new recurring block, while a third worker holds some
#: The default thresholds, but a site counts as mature after ten pages rather than fifty, so that
#: a block a site starts to show mid-test is template after a few pages (see TemplateRule).
RULE = TemplateRule(min_pages=4, min_share=0.3, mature_pages=10)

WORDS = ("alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel", "ironwood",
         "juniper", "kapok", "larch", "maple", "nutmeg", "oak", "pine")
CANDIDATES = (("heronsgate-courier.example", "Heronsgate Courier", "Heronsgate"),
              ("saltmarsh-herald.example", "Saltmarsh Herald", "Saltmarsh"),
              ("upper-fenwick-post.example", "Upper Fenwick Post", "Upper Fenwick"),
              ("brackwater-mercury.example", "Brackwater Mercury", "Brackwater"),
              ("kelder-valley-news.example", "Kelder Valley News", "Kelder"),
              ("ostley-observer.example", "Ostley Observer", "Ostley"))


@dataclass(frozen=True)
class Site:
    """A local paper whose pages share a template paragraph; the pages differ in their words."""

    host: str
    name: str
    town: str

    @property
    def template(self) -> str:
        """The paragraph on every page of this site, inside the article body."""
        return (f"The {self.name} is printed each weekday morning in {self.town} and sold at the "
                "harbour kiosk and at the railway station.")

    @property
    def new_block(self) -> str:
        """A block the site starts to put on its pages later on."""
        return (f"Readers can reach the {self.name} newsroom at the front desk of the "
                f"{self.town} library on Saturdays.")

    def url(self, n: int) -> str:
        """The address of page ``n``."""
        return f"https://{self.host}/local/council-{n}"

    def page(self, n: int, extra: Iterable[str] = ()) -> RawArticle:
        """Page ``n``: three paragraphs of its own around the template, then ``extra``."""
        a, b, c = (WORDS[(k * n + j) % len(WORDS)] for k, j in ((1, 0), (3, 1), (5, 2)))
        paragraphs = [
            f"Members of the {self.town} council met in the {a} room on Tuesday and voted on "
            f"the {b} proposal after a debate that ran late into the evening.",
            self.template,
            f"Shopkeepers on {c} Street said the {a} roadworks had kept customers away for "
            "weeks and asked the council to pay for the lost trade.",
            *extra,
            f"The council said work on the {b} scheme would finish before the {c} market opens "
            "in the spring.",
        ]
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        html = (f"<html><head><title>{self.town} council and the {b} plan</title></head><body>"
                f"<article><h1>{self.town} council votes on the {b} plan</h1>{body}</article>"
                "</body></html>")
        url = self.url(n)
        return RawArticle(article_id=article_id(url), url=url, final_url=url, feed_id=self.host,
                          fetched_at=NOW, status=200, html=html)


def _sites() -> list[Site]:
    """Two sites in each partition of the raw topic (the hash is fixed, so the pick is too)."""
    by_partition: dict[int, list[Site]] = {}
    for host, name, town in CANDIDATES:
        by_partition.setdefault(partition_of(host, PARTITIONS), []).append(Site(host, name, town))
    assert sorted(by_partition) == list(range(PARTITIONS)), "pick hosts for every partition"
    return [site for p in range(PARTITIONS) for site in by_partition[p][:2]]


class Worker:
    """One cleaner worker: a cleaner stage with its own template store, on the Kafka runner.

    Built as :func:`newsflow.app.cleaner_stage` builds it, but with :data:`RULE`.
    """

    def __init__(self, settings: Settings) -> None:
        store = TemplateStore(make_engine(settings.template_state_url), DEFAULT_WINDOW)
        self.stage = CleanerStage(workers=1, memory=TemplateMemory(RULE, DEFAULT_WINDOW),
                                  store=store)
        self.stopping = asyncio.Event()
        self.task = asyncio.create_task(run_stage(self.stage, settings, self.stopping))

    def holds(self, sites: Iterable[Site]) -> set[str]:
        """The hosts among ``sites`` whose template this worker has in memory."""
        return {site.host for site in sites if site.host in self.stage.memory}

    async def close(self) -> None:
        """Stop consuming and leave the group, as a worker does on SIGTERM."""
        self.stopping.set()
        await self.task  # the stage's stop() closes its template store's connections


class Cluster:
    """The workers of one consumer group, the raw topic's producer and the clean topic's reader."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.workers: list[Worker] = []
        self.cleaned: dict[str, CleanArticle] = {}
        self._producer = make_producer(settings)
        self._reader = AIOKafkaConsumer(
            on_broker(settings, topics.CLEAN_ARTICLES),
            bootstrap_servers=settings.kafka_bootstrap_servers, group_id=None,
            auto_offset_reset="earliest", enable_auto_commit=False)

    async def __aenter__(self) -> Cluster:
        await ensure_topics(self.settings)
        await self._producer.start()
        await self._reader.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        for worker in self.workers:
            if not worker.stopping.is_set():
                await worker.close()
        await self._reader.stop()
        await self._producer.stop()

    def start_worker(self) -> Worker:
        """A new worker in the group."""
        worker = Worker(self.settings)
        self.workers.append(worker)
        return worker

    async def publish(self, pages: Iterable[RawArticle]) -> None:
        """Publish raw pages keyed by host, as the fetcher does."""
        for page in pages:
            await publish(self._producer, self.settings,
                          Output(topics.RAW_ARTICLES, url_host(page.url), page))

    async def _members(self) -> int:
        """Members of the cleaner's group once it is stable (0 while it rebalances)."""
        admin = AIOKafkaAdminClient(bootstrap_servers=self.settings.kafka_bootstrap_servers)
        await admin.start()
        try:
            [response] = await admin.describe_consumer_groups(
                [f"{self.settings.consumer_group_prefix}.cleaner"])
        except KafkaError:  # no coordinator yet
            return 0
        finally:
            await admin.close()
        _error, _gid, state, _ptype, _proto, members, *_ = response.groups[0]
        return len(members) if state == "Stable" else 0

    def _check_workers(self) -> None:
        for worker in self.workers:
            if worker.task.done() and not worker.stopping.is_set():
                worker.task.result()  # raises what stopped it
                pytest.fail("a cleaner worker stopped on its own")

    async def wait_for_members(self, count: int) -> None:
        """Wait until the group is stable with ``count`` members."""
        end = time.monotonic() + DEADLINE
        while await self._members() != count:
            self._check_workers()
            if time.monotonic() > end:
                pytest.fail(f"the cleaner group did not settle with {count} members")
            await asyncio.sleep(0.3)

    async def wait_for_clean(self, pages: Iterable[RawArticle]) -> list[CleanArticle]:
        """Read the clean topic until every one of ``pages`` is there; return them in order."""
        wanted = [page.article_id for page in pages]
        end = time.monotonic() + DEADLINE
        while not set(wanted) <= self.cleaned.keys():
            self._check_workers()
            if time.monotonic() > end:
                missing = len(set(wanted) - self.cleaned.keys())
                pytest.fail(f"{missing} of {len(wanted)} pages never reached the clean topic")
            batch = await self._reader.getmany(timeout_ms=300)
            for records in batch.values():
                for record in records:
                    article = codec.decode(topics.CLEAN_ARTICLES, record.value)
                    assert isinstance(article, CleanArticle)
                    self.cleaned.setdefault(article.article_id, article)  # first delivery
        return [self.cleaned[aid] for aid in wanted]


@pytest.fixture
def settings(kafka_bootstrap: str, pg_database_url: str, unique_id: str) -> Settings:
    return Settings(kafka_bootstrap_servers=kafka_bootstrap, database_url=pg_database_url,
                    topic_namespace=f"t{unique_id}.", consumer_group_prefix=f"g{unique_id}",
                    topic_partitions=PARTITIONS, workers=1)


@pytest.fixture
async def cluster(settings: Settings) -> AsyncIterator[Cluster]:
    async with Cluster(settings) as running:
        yield running


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    engine = make_engine(settings.template_state_url)
    yield engine
    engine.dispose()


def _stored_pages(engine: Engine) -> dict[str, int]:
    """Observed pages per site in the template store."""
    with engine.connect() as conn:
        rows = conn.execute(select(template_rows.c.site, func.count().label("pages"))
                            .group_by(template_rows.c.site))
        return {row.site: row.pages for row in rows}


def _removed_as_template(article: CleanArticle, paragraph: str) -> bool:
    """Whether ``paragraph`` is gone from ``article`` and recorded as a template removal."""
    return paragraph not in article.paragraphs and any(
        r.kind == "template" and r.length == len(paragraph) for r in article.removed)


async def test_workers_split_sites_and_hand_their_templates_over(cluster: Cluster,
                                                                  engine: Engine) -> None:
    sites = _sites()
    hosts = {site.host for site in sites}
    first, second = cluster.start_worker(), cluster.start_worker()
    await cluster.wait_for_members(2)  # before any page, so that no site is seen by both

    # 1. two workers: each site is cleaned by one of them, its template dropped once learnt
    neighbour = {site.host: sites[(i + 1) % len(sites)] for i, site in enumerate(sites)}
    pages = {site.host: [site.page(n, extra=[neighbour[site.host].template]
                                   if n == FIRST_PAGES else [])
                         for n in range(1, FIRST_PAGES + 1)] for site in sites}
    await cluster.publish(page for site_pages in pages.values() for page in site_pages)
    learnt_at = next(n for n in range(1, FIRST_PAGES) if RULE.is_template(n, n))
    for site in sites:
        cleaned = await cluster.wait_for_clean(pages[site.host])
        assert [_removed_as_template(a, site.template) for a in cleaned] == [
            n >= learnt_at for n in range(1, FIRST_PAGES + 1)], site.host
        # another site's template is that site's business: kept here
        assert neighbour[site.host].template in cleaned[-1].paragraphs, site.host
    held_first, held_second = first.holds(sites), second.holds(sites)
    assert held_first and held_second, "both workers should own sites"
    assert held_first.isdisjoint(held_second) and held_first | held_second == hosts
    assert _stored_pages(engine) == dict.fromkeys(hosts, FIRST_PAGES)

    # 2. the first worker stops: the second takes its sites and knows their templates at once
    await first.close()
    await cluster.wait_for_members(1)
    assert not second.holds(sites) & held_first
    n = FIRST_PAGES
    later = {site.host: [site.page(n + k) for k in range(1, TAKEN_OVER_PAGES + 1)]
             for site in sites}
    await cluster.publish(page for site_pages in later.values() for page in site_pages)
    for site in sites:
        cleaned = await cluster.wait_for_clean(later[site.host])
        assert all(_removed_as_template(a, site.template) for a in cleaned), site.host
    assert second.holds(sites) == hosts
    n += TAKEN_OVER_PAGES

    # 3. a third worker takes some sites while they start to show a new block, then stops
    third = cluster.start_worker()
    await cluster.wait_for_members(2)
    showing = {site.host: [site.page(n + k, extra=[site.new_block])
                           for k in range(1, NEW_BLOCK_PAGES + 1)] for site in sites}
    await cluster.publish(page for site_pages in showing.values() for page in site_pages)
    for site in sites:
        cleaned = await cluster.wait_for_clean(showing[site.host])
        assert all(site.new_block in a.paragraphs for a in cleaned), site.host  # not learnt yet
    moved = third.holds(sites)
    assert moved, "the third worker should have taken a partition"
    assert not second.holds(sites) & moved  # forgotten when they left
    n += NEW_BLOCK_PAGES
    await third.close()
    await cluster.wait_for_members(1)
    last = {site.host: site.page(n + 1, extra=[site.new_block]) for site in sites}
    await cluster.publish(last.values())
    for site in sites:
        [cleaned_last] = await cluster.wait_for_clean([last[site.host]])
        # seen on NEW_BLOCK_PAGES earlier pages, by the third worker for the sites it held
        assert _removed_as_template(cleaned_last, site.new_block), site.host
        assert _removed_as_template(cleaned_last, site.template), site.host
    assert second.holds(sites) == hosts
    assert _stored_pages(engine) == dict.fromkeys(hosts, n + 1)
