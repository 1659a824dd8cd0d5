"""Two fetcher processes on real Kafka share hosts, not feeds: each host has one owner.

An aggregator's feed lists pages of four other hosts that also have feeds of
their own. The hosts are chosen so that they fall in different partitions of
``news.articles.urls.v1``, so both processes own some. The server's record
shows, for each host, one User-Agent (one process) for every request (feed,
robots.txt and pages, whoever's feed listed them), never two requests at once
and never closer than the per-host delay; every page is fetched exactly once
and lands on ``news.articles.raw.v1``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from newsflow import topics
from newsflow.kafka import partition_of
from newsflow.messages import RawArticle
from tests.fetcher.server import Site, page, rss

pytestmark = pytest.mark.integration

PARTITIONS = 4
DELAY = 0.3
PAGES = 4  # per article host
DEADLINE = 120.0  # seconds for everything to arrive; bounded, never a timing assertion


def _hosts() -> tuple[str, list[str]]:
    """An aggregator host and one article host per partition (the hash is fixed, the pick too)."""
    by_partition: dict[int, str] = {}
    for last in range(20, 120):
        host = f"127.0.0.{last}"
        by_partition.setdefault(partition_of(host, PARTITIONS), host)
    hosts = [by_partition[p] for p in range(PARTITIONS)]
    aggregator = next(f"127.0.0.{n}" for n in range(120, 140) if f"127.0.0.{n}" not in hosts)
    return aggregator, hosts


@pytest.fixture
def sites() -> Iterator[tuple[Site, list[Site]]]:
    aggregator, hosts = _hosts()
    with ExitStack() as stack:
        agg = stack.enter_context(Site(aggregator))
        others = [stack.enter_context(Site(h)) for h in hosts]
        listed = []
        for site in others:
            paths = [f"/{site.host}-{i}.html" for i in range(PAGES)]
            for path in paths:
                site.routes[path] = page(path)
            site.routes["/rss.xml"] = rss(*(site.url(p) for p in paths))
            listed += [site.url(p) for p in paths[:2]]  # the aggregator lists half of each
        agg.routes["/agg.html"] = page("own page")
        agg.routes["/rss.xml"] = rss(agg.url("/agg.html"), *listed)
        yield agg, others


def _group_members(bootstrap: str, group: str) -> int:
    async def count() -> int:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
        await admin.start()
        try:
            [response] = await admin.describe_consumer_groups([group])
        except KafkaError:  # no coordinator yet: the broker is still creating its offsets topic
            return 0
        finally:
            await admin.close()
        _error, _gid, state, _ptype, _proto, members, *_ = response.groups[0]
        return len(members) if state == "Stable" else 0
    return asyncio.run(count())


def _raw_urls(bootstrap: str, topic: str) -> list[str]:
    async def read() -> list[str]:
        consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=None,
                                    auto_offset_reset="earliest", enable_auto_commit=False)
        await consumer.start()
        urls: list[str] = []
        try:
            idle = 0
            while idle < 3:
                batch = await consumer.getmany(timeout_ms=300)
                idle = 0 if batch else idle + 1
                for records in batch.values():
                    urls += [RawArticle.model_validate_json(r.value).url for r in records
                             if r.value is not None]
        finally:
            await consumer.stop()
        return urls
    return asyncio.run(read())


class Fetchers:
    """``newsflow fetcher`` processes on one group, each with its own User-Agent and log."""

    def __init__(self, env: dict[str, str], tmp_path: Path) -> None:
        self.env = env
        self.tmp_path = tmp_path
        self.procs: dict[int, subprocess.Popen[bytes]] = {}

    def start(self, n: int) -> None:
        with (self.tmp_path / f"fetcher-{n}.log").open("wb") as log:
            self.procs[n] = subprocess.Popen(
                [sys.executable, "-m", "newsflow", "fetcher"], stdout=log,
                stderr=subprocess.STDOUT,
                env={**self.env, "NEWSFLOW_USER_AGENT": f"newsflow-test-{n} (test@example.org)"})

    def logs(self) -> str:
        return "\n".join((self.tmp_path / f"fetcher-{n}.log").read_text()[-3000:]
                         for n in self.procs)

    def wait(self, check: Callable[[], bool], what: str) -> None:
        """Poll ``check`` until true; fail (with the logs) if a fetcher exits or time runs out."""
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            for n, proc in self.procs.items():
                assert proc.poll() is None, f"fetcher {n} exited:\n{self.logs()}"
            if check():
                return
            time.sleep(0.5)
        pytest.fail(f"timed out waiting for {what}\n{self.logs()}")

    def stop(self) -> list[int]:
        """SIGTERM each and return the exit codes."""
        for proc in self.procs.values():
            proc.send_signal(signal.SIGTERM)
        codes = [proc.wait(timeout=60) for proc in self.procs.values()]
        self.procs.clear()
        return codes


@pytest.fixture
def fetchers(kafka_bootstrap: str, pg_database_url: str, unique_id: str,
             tmp_path: Path) -> Iterator[Fetchers]:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds: []\n")  # no work until the processes have joined the group
    group = Fetchers({
        **os.environ,
        "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "NEWSFLOW_DATABASE_URL": pg_database_url,
        "NEWSFLOW_FEEDS_FILE": str(feeds), "NEWSFLOW_FEEDS_RELOAD_INTERVAL": "0.5",
        "NEWSFLOW_ALLOWED_NETWORKS": "127.0.0.0/8",
        "NEWSFLOW_TOPIC_NAMESPACE": f"t{unique_id}.",
        "NEWSFLOW_CONSUMER_GROUP_PREFIX": f"g{unique_id}",
        "NEWSFLOW_TOPIC_PARTITIONS": str(PARTITIONS),
        "NEWSFLOW_HOST_DELAY": str(DELAY), "NEWSFLOW_HOST_CONCURRENCY": "1"}, tmp_path)
    yield group
    for proc in group.procs.values():
        proc.kill()
        proc.wait()


def _give_feeds(fetchers: Fetchers, sites: list[Site]) -> None:
    Path(fetchers.env["NEWSFLOW_FEEDS_FILE"]).write_text("feeds:\n" + "".join(
        f"  - {{id: f{i}, url: '{s.url('/rss.xml')}', kind: rss, poll_interval: 2}}\n"
        for i, s in enumerate(sites)))


def _both_joined(fetchers: Fetchers) -> Callable[[], bool]:
    env = fetchers.env
    group = f"{env['NEWSFLOW_CONSUMER_GROUP_PREFIX']}.fetcher"
    return lambda: _group_members(env["NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS"], group) == 2


def _pages(agg: Site, others: list[Site]) -> set[str]:
    return {agg.url("/agg.html")} | {s.url(p) for s in others for p in s.routes
                                     if p.endswith(".html")}


def test_each_host_is_fetched_by_one_process(sites: tuple[Site, list[Site]],
                                              fetchers: Fetchers) -> None:
    agg, others = sites
    bootstrap = fetchers.env["NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS"]
    raw = fetchers.env["NEWSFLOW_TOPIC_NAMESPACE"] + topics.RAW_ARTICLES
    fetchers.start(1)
    fetchers.start(2)
    fetchers.wait(_both_joined(fetchers), "both fetchers in the group")
    _give_feeds(fetchers, [agg, *others])
    want = _pages(agg, others)
    fetchers.wait(lambda: set(_raw_urls(bootstrap, raw)) >= want, "every page on the raw topic")
    polls = len(agg.hits("/rss.xml"))
    fetchers.wait(lambda: len(agg.hits("/rss.xml")) >= polls + 2, "two more polls")
    assert fetchers.stop() == [0, 0]

    assert sorted(_raw_urls(bootstrap, raw)) == sorted(want)  # each page published once
    agents: set[str] = set()
    for site in [agg, *others]:
        seen = site.seen
        pages = [s.path for s in seen if s.path.endswith(".html")]
        assert sorted(pages) == sorted(set(pages)), f"{site.host}: a page fetched twice"
        hosts_agents = {s.headers.get("user-agent", "") for s in seen}
        assert len(hosts_agents) == 1, f"{site.host} was asked by {hosts_agents}"
        agents |= hosts_agents
        assert max(s.concurrent for s in seen) == 1, f"{site.host}: two requests at once"
        assert min(site.gaps()) >= DELAY, f"{site.host}: gap below the per-host delay"
    assert len(agents) == 2  # the hosts span every partition, so both processes had work


def test_when_a_fetcher_is_killed_the_other_finishes_its_hosts(
        sites: tuple[Site, list[Site]], fetchers: Fetchers) -> None:
    agg, others = sites
    for site in others:  # more pages, so that the kill lands in the middle of the work
        paths = [f"/{site.host}-more-{i}.html" for i in range(12)]
        for path in paths:
            site.routes[path] = page(path)
        site.routes["/rss.xml"] = rss(*(site.url(p) for p in sorted(site.routes)
                                        if p.endswith(".html")))
    bootstrap = fetchers.env["NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS"]
    raw = fetchers.env["NEWSFLOW_TOPIC_NAMESPACE"] + topics.RAW_ARTICLES
    fetchers.start(1)
    fetchers.start(2)
    fetchers.wait(_both_joined(fetchers), "both fetchers in the group")
    _give_feeds(fetchers, [agg, *others])
    fetchers.wait(lambda: len(_raw_urls(bootstrap, raw)) >= 5, "the first pages")
    victim = fetchers.procs.pop(1)
    victim.kill()  # SIGKILL: no hand-over, no ledger flush, no commit
    victim.wait()
    survivor = "newsflow-test-2 (test@example.org)"
    want = _pages(agg, others)
    fetchers.wait(lambda: set(_raw_urls(bootstrap, raw)) >= want,
                  "every page, the dead fetcher's hosts included")
    assert fetchers.stop() == [0]
    by_survivor = {s.path for site in [agg, *others] for s in site.seen
                   if s.headers.get("user-agent") == survivor and s.path.endswith(".html")}
    assert by_survivor < {urlsplit(u).path for u in want}  # it did not do everything itself...
    assert any("newsflow-test-1" in s.headers.get("user-agent", "")  # ...the victim had work
               for site in [agg, *others] for s in site.seen)
    for site in [agg, *others]:
        assert min(site.gaps()) >= DELAY, f"{site.host}: gap below the per-host delay"
