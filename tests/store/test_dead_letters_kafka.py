"""Bad input on real Kafka and PostgreSQL: dead letters per stage, and no crash loop.

The store and the extractor run as the real ``newsflow store`` and
``newsflow extractor`` processes. Before them, the test puts on the topics:
garbage on ``news.articles.clean.v1`` (both stages read it, so both must
dead-letter it, each on its own topic), garbage on ``news.events.v1``, a record
on a dead-letter topic that does not decode and one that decodes but that the
database refuses, and after all of them good messages. The good messages must
be stored, the garbage must come back as dead-letter rows naming the stage that
failed, and the dead letters the store cannot store must be skipped and
counted, with both processes still running: before this rule the store sent
them to a ``.dlq.dlq`` topic that does not exist, exited, and on restart read
the same record again.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from aiokafka import AIOKafkaProducer
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Engine, select

from newsflow import codec, topics
from newsflow.errors import PermanentError
from newsflow.kafka import ensure_topics
from newsflow.messages import CleanArticle
from newsflow.settings import Settings
from services.store import make_engine, migrate
from services.store.models import ArticleRow, DeadLetterRow, EventRow
from tests.pipeline_checks import row_counts
from tests.services import Processes, free_port

pytestmark = pytest.mark.integration

DEADLINE = 180.0  # seconds for both services to settle; bounded, never a timing assertion
NOW = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
PARAGRAPHS = [
    "Azerbaijani troops fired artillery at Armenian positions near the border on Tuesday, "
    "the Armenian defence ministry said.",
    "The ministry accused Baku of breaking the ceasefire and said two soldiers were wounded.",
]
GOOD_ARTICLE = CleanArticle(
    article_id="ridge-report-1", url="https://ridge.example/border-shelling", feed_id="ridge",
    site="Ridge Report", title="Shelling on the border", published_at=NOW,
    text="\n".join(PARAGRAPHS), paragraphs=PARAGRAPHS, fetched_at=NOW, cleaned_at=NOW,
    cleaner="test")
GOOD_DEAD_LETTER = codec.dead_letter(
    stage="cleaner", error=PermanentError("no main text", reason="no_main_text"),
    value=b"<html><body>menu only</body></html>", source_topic=topics.RAW_ARTICLES,
    partition=0, offset=12, key="ridge.example")
#: Decodes, but the database refuses it: ``dead_letters.stage`` holds 50 characters.
UNSTORABLE_DEAD_LETTER = GOOD_DEAD_LETTER.model_copy(update={"stage": "s" * 80, "offset": 13})


@pytest.fixture
def engine(pg_database_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_database_url)
    migrate(engine)  # the store migrates too; here, so that the test can count rows at once
    yield engine
    engine.dispose()


async def _produce(settings: Settings, records: list[tuple[str, str, bytes]]) -> None:
    """Create the topics and send ``(topic, key, value)`` in order, as a foreign producer would."""
    await ensure_topics(settings)
    producer = AIOKafkaProducer(bootstrap_servers=settings.kafka_bootstrap_servers)
    await producer.start()
    try:
        for topic, key, value in records:
            await producer.send_and_wait(settings.topic_namespace + topic, value,
                                         key=key.encode())
    finally:
        await producer.stop()


def _dropped(metrics_port: int) -> dict[str, float]:
    """The store's dropped-dead-letter counter per reason, read from its /metrics."""
    try:
        body = httpx.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5).text
    except httpx.HTTPError:
        return {}  # not serving yet
    return {sample.labels["reason"]: sample.value
            for family in text_string_to_metric_families(body)
            if family.name == "newsflow_dead_letters_dropped"
            for sample in family.samples if sample.name.endswith("_total")}


def _dead_letter_rows(engine: Engine) -> list[tuple[str, str | None, str]]:
    with engine.connect() as conn:
        rows = conn.execute(select(DeadLetterRow.stage, DeadLetterRow.source_topic,
                                   DeadLetterRow.reason))
        return sorted((stage, source, reason) for stage, source, reason in rows)


def test_garbage_is_dead_lettered_per_stage_and_bad_dead_letters_never_stop_the_store(
        kafka_bootstrap: str, pg_database_url: str, engine: Engine, unique_id: str,
        tmp_path: Path) -> None:
    namespace = f"t{unique_id}."
    settings = Settings(kafka_bootstrap_servers=kafka_bootstrap, topic_namespace=namespace,
                        topic_partitions=1)
    cleaner_dlq = topics.dead_letter("cleaner")
    asyncio.run(_produce(settings, [
        (topics.CLEAN_ARTICLES, "garbage-1", b'{"not": "an article"}'),
        (topics.EVENTS, "garbage-2", b"\x00\x01 not json at all"),
        (cleaner_dlq, "garbage-3", b"<not a dead letter>"),
        (cleaner_dlq, "ridge.example", codec.encode(UNSTORABLE_DEAD_LETTER)),
        (cleaner_dlq, "ridge.example", codec.encode(GOOD_DEAD_LETTER)),
        (topics.CLEAN_ARTICLES, GOOD_ARTICLE.article_id, codec.encode(GOOD_ARTICLE)),
    ]))
    metrics_port = free_port()
    procs = Processes({
        **os.environ,
        "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "NEWSFLOW_DATABASE_URL": pg_database_url,
        "NEWSFLOW_TOPIC_NAMESPACE": namespace,
        "NEWSFLOW_CONSUMER_GROUP_PREFIX": f"g{unique_id}",
        "NEWSFLOW_TOPIC_PARTITIONS": "1",
    }, tmp_path, DEADLINE)
    try:
        procs.start("store", NEWSFLOW_METRICS_PORT=str(metrics_port))
        procs.start("extractor")

        def settled() -> bool:
            counts = row_counts(engine)
            return (counts["dead_letters"] >= 4 and counts["article_annotations"] >= 1
                    and sum(_dropped(metrics_port).values()) >= 2)

        procs.wait_until(settled, "the good messages, the dead letters and the skipped records")

        # the good messages behind the garbage are stored: the article and its events
        with engine.connect() as conn:
            assert list(conn.scalars(select(ArticleRow.article_id))) == [GOOD_ARTICLE.article_id]
            events = list(conn.scalars(select(EventRow.article_id)))
        assert events and set(events) == {GOOD_ARTICLE.article_id}
        # the garbage on clean.v1 is dead-lettered by both of its readers, each on its own
        # topic; the garbage on events.v1 by the store; the good dead letter is kept as it came
        assert _dead_letter_rows(engine) == [
            ("cleaner", topics.RAW_ARTICLES, "no_main_text"),
            ("extractor", topics.CLEAN_ARTICLES, "invalid_message"),
            ("store", topics.CLEAN_ARTICLES, "invalid_message"),
            ("store", topics.EVENTS, "invalid_message"),
        ]
        # the two dead letters the store cannot store are skipped and counted, not resent
        assert _dropped(metrics_port) == {"invalid_message": 1.0, "db_rejected": 1.0}
        assert "news.cleaner.dlq[0]@0" in procs.log("store")  # logged with partition, offset
        procs.assert_alive()
        for name in list(procs.procs):
            assert procs.stop(name) == 0, procs.log(name)
    finally:
        procs.stop_all()
