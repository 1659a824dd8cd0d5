"""The real services answer: a message makes the round trip through Kafka, a row through PostgreSQL.

These check the test infrastructure itself (tests/conftest.py, deploy/*.sh), so that a broken
broker or database shows up here first, by name, rather than as a puzzle in a pipeline test.
"""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import UnknownTopicOrPartitionError
from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine, inspect, select

pytestmark = pytest.mark.integration

# Generous for a cold broker on a 2-core machine; a healthy one answers in well under a second.
KAFKA_TIMEOUT = 60.0


async def test_kafka_round_trip(kafka_bootstrap: str, unique_id: str) -> None:
    """A message produced to a newly created topic is consumed back, key and value intact."""
    # Each client starts inside its try: one whose start fails still needs closing.
    topic = f"newsflow.test.{unique_id}"
    async with asyncio.timeout(KAFKA_TIMEOUT):
        admin = AIOKafkaAdminClient(bootstrap_servers=kafka_bootstrap)
        try:
            await admin.start()
            await admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
            # metadata reaches the broker a moment after the controller: poll, bounded above
            while topic not in await admin.list_topics():
                await asyncio.sleep(0.1)
        finally:
            await admin.close()

        producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all")
        try:
            await producer.start()
            sent = await producer.send_and_wait(topic, value=b"hello, broker", key=b"k1")
        finally:
            await producer.stop()
        assert (sent.topic, sent.partition, sent.offset) == (topic, 0, 0)

        consumer = AIOKafkaConsumer(
            topic,
            bootstrap_servers=kafka_bootstrap,
            group_id=f"newsflow.test.{unique_id}",
            auto_offset_reset="earliest",
            enable_auto_commit=False,
        )
        try:
            await consumer.start()
            received = await consumer.getone()
            await consumer.commit()
        finally:
            await consumer.stop()
    assert (received.key, received.value, received.offset) == (b"k1", b"hello, broker", 0)


async def test_kafka_topics_are_not_auto_created(kafka_bootstrap: str, unique_id: str) -> None:
    """The broker refuses to invent topics, so a misspelt topic name fails loudly in tests."""
    # The producer waits this long for the topic to appear before it gives up.
    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap, request_timeout_ms=2000)
    async with asyncio.timeout(KAFKA_TIMEOUT):
        try:
            await producer.start()
            with pytest.raises(UnknownTopicOrPartitionError):
                await producer.send_and_wait(f"newsflow.test.missing.{unique_id}", b"x")
        finally:
            await producer.stop()


def test_postgres_round_trip(pg_database_url: str) -> None:
    """A table is created, a row inserted and read back, in a database of the test's own."""
    engine = create_engine(pg_database_url)
    try:
        assert engine.dialect.name == "postgresql"
        assert inspect(engine).get_table_names() == []  # a fresh database, nobody else's rows

        metadata = MetaData()
        articles = Table(
            "articles",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("title", Text, nullable=False),
        )
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(articles.insert(), [{"id": 1, "title": "Hello, PostgreSQL"}])
        with engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.title)).all()
            server_version = conn.dialect.server_version_info
    finally:
        engine.dispose()
    assert [tuple(row) for row in rows] == [(1, "Hello, PostgreSQL")]
    assert server_version is not None and server_version >= (13,)
