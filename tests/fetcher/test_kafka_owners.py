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


def _wait(check: Callable[[], bool], procs: list[subprocess.Popen[bytes]], logs: list[Path],
          what: str) -> None:
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        for proc, log in zip(procs, logs, strict=True):
            assert proc.poll() is None, f"fetcher exited:\n{log.read_text()[-3000:]}"
        if check():
            return
        time.sleep(0.5)
    tails = "\n".join(log.read_text()[-3000:] for log in logs)
    pytest.fail(f"timed out waiting for {what}\n{tails}")


def test_each_host_is_fetched_by_one_process(sites: tuple[Site, list[Site]], kafka_bootstrap: str,
                                              pg_database_url: str, unique_id: str,
                                              tmp_path: Path) -> None:
    agg, others = sites
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds: []\n")  # no work until both processes have joined the group
    namespace, prefix = f"t{unique_id}.", f"g{unique_id}"
    env = {**os.environ,
           "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
           "NEWSFLOW_DATABASE_URL": pg_database_url,
           "NEWSFLOW_FEEDS_FILE": str(feeds), "NEWSFLOW_FEEDS_RELOAD_INTERVAL": "0.5",
           "NEWSFLOW_ALLOWED_NETWORKS": "127.0.0.0/8",
           "NEWSFLOW_TOPIC_NAMESPACE": namespace, "NEWSFLOW_CONSUMER_GROUP_PREFIX": prefix,
           "NEWSFLOW_TOPIC_PARTITIONS": str(PARTITIONS),
           "NEWSFLOW_HOST_DELAY": str(DELAY), "NEWSFLOW_HOST_CONCURRENCY": "1"}
    procs, logs = [], []
    try:
        for n in (1, 2):
            logs.append(tmp_path / f"fetcher-{n}.log")
            with logs[-1].open("wb") as log:
                procs.append(subprocess.Popen(
                    [sys.executable, "-m", "newsflow", "fetcher"], stdout=log,
                    stderr=subprocess.STDOUT,
                    env={**env, "NEWSFLOW_USER_AGENT": f"newsflow-test-{n} (test@example.org)"}))
        _wait(lambda: _group_members(kafka_bootstrap, f"{prefix}.fetcher") == 2, procs, logs,
              "both fetchers in the group")
        feeds.write_text("feeds:\n" + "".join(
            f"  - {{id: f{i}, url: '{s.url('/rss.xml')}', kind: rss, poll_interval: 2}}\n"
            for i, s in enumerate([agg, *others])))
        want = {agg.url("/agg.html")} | {s.url(p) for s in others for p in s.routes
                                         if p.endswith(".html")}
        raw = namespace + topics.RAW_ARTICLES
        _wait(lambda: set(_raw_urls(kafka_bootstrap, raw)) >= want, procs, logs,
              "every page on the raw topic")
        polls = len(agg.hits("/rss.xml"))
        _wait(lambda: len(agg.hits("/rss.xml")) >= polls + 2, procs, logs, "two more polls")
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        codes = [proc.wait(timeout=60) for proc in procs]
    assert codes == [0, 0]

    assert sorted(_raw_urls(kafka_bootstrap, raw)) == sorted(want)  # each page published once
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
