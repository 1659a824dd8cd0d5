"""End to end on real parts: four services as four OS processes, real Kafka, real PostgreSQL.

A loopback HTTP server serves the demo site; the test asserts that compose's
healthcheck probe answers for every service, the exact articles
(body text included) and the exact events per article in PostgreSQL, that polling
the feed again and restarting the fetcher add no rows and fetch no page twice,
that every page fetched, cleaned, extracted and stored a second time (a fetcher
with a new ledger) adds no rows either, that a malformed message is dead-lettered
without stopping the stage, and that every message on every topic validates
against its published JSON Schema.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest
import yaml
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from sqlalchemy import Engine, func, select

from newsflow import topics
from newsflow.demo import ARTICLES, DemoSite, serve_demo_site
from newsflow.kafka import all_topics
from services.store import make_engine
from services.store.models import AnnotationRow, ArticleRow
from tests.pipeline_checks import assert_articles_stored, assert_expected_events, row_counts
from tests.services import Processes, free_port

pytestmark = pytest.mark.integration

SERVICES = ("store", "extractor", "cleaner", "fetcher")
DEADLINE = 180.0  # seconds for the whole pipeline to settle; bounded, never a timing assertion


@pytest.fixture
def site() -> Iterator[DemoSite]:
    with serve_demo_site() as demo:
        yield demo


@pytest.fixture
def engine(pg_database_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def services(kafka_bootstrap: str, pg_database_url: str, unique_id: str, site: DemoSite,
             tmp_path: Path) -> Iterator[Processes]:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(
        "feeds:\n"
        f"  - {{id: demo-rss, url: '{site.base_url}/rss.xml', kind: rss, poll_interval: 1}}\n"
        f"  - {{id: demo-sitemap, url: '{site.base_url}/sitemap-index.xml', kind: sitemap,"
        " poll_interval: 1}\n")
    env = {
        **os.environ,
        "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "NEWSFLOW_DATABASE_URL": pg_database_url,
        "NEWSFLOW_FEEDS_FILE": str(feeds),
        "NEWSFLOW_ALLOWED_NETWORKS": "127.0.0.0/8",
        "NEWSFLOW_TOPIC_NAMESPACE": f"t{unique_id}.",
        "NEWSFLOW_CONSUMER_GROUP_PREFIX": f"g{unique_id}",
        "NEWSFLOW_TOPIC_PARTITIONS": "3",
    }
    procs = Processes(env, tmp_path, DEADLINE)
    yield procs
    procs.stop_all()


async def _publish_garbage(bootstrap: str, namespace: str) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(namespace + topics.RAW_ARTICLES, b'{"not": "a page"}',
                                     key=b"127.0.0.1")
    finally:
        await producer.stop()


async def _read_all(bootstrap: str, namespace: str) -> dict[str, list[bytes]]:
    names = [namespace + t for t in all_topics()]
    consumer = AIOKafkaConsumer(*names, bootstrap_servers=bootstrap,
                                auto_offset_reset="earliest", enable_auto_commit=False,
                                group_id=None, max_partition_fetch_bytes=16 * 1024 * 1024)
    await consumer.start()
    seen: dict[str, list[bytes]] = {}
    try:
        await consumer.seek_to_beginning()
        idle = 0
        while idle < 4:
            batch = await consumer.getmany(timeout_ms=500)
            idle = 0 if batch else idle + 1
            for tp, records in batch.items():
                seen.setdefault(tp.topic.removeprefix(namespace), []).extend(
                    r.value for r in records if r.value is not None)
    finally:
        await consumer.stop()
    return seen


async def _unread(bootstrap: str, group: str, names: list[str]) -> int:
    """Messages on ``names`` that consumer group ``group`` has not committed yet."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    await admin.start()
    await consumer.start()
    try:
        committed = await admin.list_consumer_group_offsets(group)
        partitions = [TopicPartition(topic["topic"], part["partition"])
                      for topic in await admin.describe_topics(names)
                      for part in topic["partitions"]]
        assert {tp.topic for tp in partitions} == set(names), "a topic without partitions"
        ends = await consumer.end_offsets(partitions)
    finally:
        await consumer.stop()
        await admin.close()
    done = {tp: meta.offset for tp, meta in committed.items()}
    return sum(end - max(done.get(tp, 0), 0) for tp, end in ends.items())


async def _partition_counts(bootstrap: str, names: list[str]) -> dict[str, int]:
    """How many partitions each topic in ``names`` has on the broker."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        return {t["topic"]: len(t["partitions"]) for t in await admin.describe_topics(names)}
    finally:
        await admin.close()


def _stored_again(engine: Engine, since: datetime) -> Callable[[], bool]:
    """True once every article and its annotations were stored after ``since``."""
    def check() -> bool:
        with engine.connect() as conn:
            stale = [conn.scalar(select(func.count()).select_from(table)
                                 .where(table.stored_at <= since))
                     for table in (ArticleRow, AnnotationRow)]
        return stale == [0, 0]
    return check


def _settled(engine: Engine, want_articles: int) -> Callable[[], bool]:
    last: list[dict[str, int]] = []

    def check() -> bool:
        counts = row_counts(engine) if _has_schema(engine) else {}
        last.append(counts)
        stable = len(last) >= 3 and last[-3] == last[-2] == counts
        return stable and counts.get("articles") == want_articles and counts["events"] > 0
    return check


def _has_schema(engine: Engine) -> bool:
    from sqlalchemy import inspect

    return inspect(engine).has_table("article_annotations")


def test_four_services_on_kafka_and_postgres(services: Processes, site: DemoSite, engine: Engine,
                                             kafka_bootstrap: str, repo_root: Path,
                                             tmp_path: Path) -> None:
    ports = {name: free_port() for name in SERVICES}
    for name in SERVICES:
        services.start(name, NEWSFLOW_METRICS_PORT=str(ports[name]))
    services.wait_until(_settled(engine, len(ARTICLES)), "all demo articles and events")

    # the services created every topic, dead-letter topics too, with the configured partitions
    namespace = services.env["NEWSFLOW_TOPIC_NAMESPACE"]
    names = [namespace + t for t in all_topics()]
    assert asyncio.run(_partition_counts(kafka_bootstrap, names)) == dict.fromkeys(names, 3)

    # compose's healthcheck probe passes against every running service
    compose = yaml.safe_load((repo_root / "deploy" / "docker-compose.yml").read_text())
    for name, port in ports.items():
        _, _, *args = compose["services"][name]["healthcheck"]["test"]
        probe = subprocess.run([sys.executable, *args], capture_output=True, timeout=30,
                               env={**os.environ, "NEWSFLOW_METRICS_PORT": str(port)})
        assert probe.returncode == 0, f"{name}: {probe.stderr!r}"

    assert_articles_stored(engine, site.base_url)
    assert_expected_events(engine, site.base_url)
    first = row_counts(engine)
    assert first["dead_letters"] == 0

    # re-polling the feeds, and a restarted fetcher, fetch no page again and add no rows
    polls = site.hits("/rss.xml")
    services.wait_until(lambda: site.hits("/rss.xml") >= polls + 2, "two more polls")
    assert services.stop("fetcher") == 0
    services.start("fetcher")
    polls = site.hits("/rss.xml")
    services.wait_until(lambda: site.hits("/rss.xml") >= polls + 2, "polls after restart")
    time.sleep(2)
    assert row_counts(engine) == first
    pages = [r.path for r in site.requests if r.path.endswith(".html")]
    assert sorted(pages) == sorted(a.url_path for a in ARTICLES)

    # every page through cleaner, extractor and store once more: a fetcher with a new ledger
    # fetches and publishes them all again; the store replaces rows, adds none
    with engine.connect() as conn:
        mark = conn.scalar(select(func.max(AnnotationRow.stored_at)))
    assert mark is not None
    assert services.stop("fetcher") == 0
    services.start("fetcher", NEWSFLOW_FETCHER_STATE_URL=f"sqlite:///{tmp_path / 'ledger2.db'}")
    services.wait_until(lambda: len([r for r in site.requests if r.path.endswith(".html")])
                        == 2 * len(ARTICLES), "every page fetched again")
    services.wait_until(_stored_again(engine, mark), "every article stored again")
    store_inputs = [namespace + t for t in (topics.CLEAN_ARTICLES, topics.EVENTS,
                                            topics.ANNOTATIONS)]
    group = services.env["NEWSFLOW_CONSUMER_GROUP_PREFIX"] + ".store"
    services.wait_until(lambda: asyncio.run(_unread(kafka_bootstrap, group, store_inputs)) == 0,
                        "the store to read every message")
    assert row_counts(engine) == first
    assert_articles_stored(engine, site.base_url)
    assert_expected_events(engine, site.base_url)

    # a malformed message becomes a dead letter; the cleaner keeps running
    asyncio.run(_publish_garbage(kafka_bootstrap, namespace))
    services.wait_until(lambda: row_counts(engine)["dead_letters"] == 1, "the dead letter")
    services.assert_alive()

    # every message on every topic matches its published schema
    schemas = {p.stem: json.loads(p.read_text()) for p in (repo_root / "schemas").glob("*.json")}
    seen = asyncio.run(_read_all(kafka_bootstrap, namespace))
    assert len(seen[topics.RAW_ARTICLES]) == 2 * len(ARTICLES) + 1  # twice, + the garbage
    assert len(seen[topics.CLEAN_ARTICLES]) == 2 * len(ARTICLES)
    assert len(seen[topics.ANNOTATIONS]) == 2 * len(ARTICLES)
    assert len(seen[topics.EVENTS]) == 2 * first["events"]
    assert len(seen[topics.dead_letter("cleaner")]) == 1
    for topic, values in seen.items():
        schema = schemas["newsflow.deadletter.v1" if topic.endswith(".dlq") else topic]
        for value in values:
            if value == b'{"not": "a page"}':
                continue
            jsonschema.validate(json.loads(value), schema)

    for name in list(services.procs):
        assert services.stop(name) == 0, services.log(name)
