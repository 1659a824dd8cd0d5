"""The example consumer in examples/ reads news.events.v1 from a real broker and filters."""

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from newsflow import codec, topics
from newsflow.kafka import ensure_topics
from newsflow.settings import Settings
from tests.store.test_clusters import KHARKIV, strike

pytestmark = pytest.mark.integration


async def _publish(bootstrap: str, namespace: str) -> None:
    settings = Settings(kafka_bootstrap_servers=bootstrap, topic_namespace=namespace,
                        topic_partitions=1)
    await ensure_topics(settings, [topics.EVENTS])
    conflict = strike("e1", "a1", "courier.example", 10, where=KHARKIV)
    talks = strike("e2", "a2", "courier.example", 10, root="03").model_copy(
        update={"quad_class": 1, "cameo_code": "036", "cameo_base": "036"})
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        for event in (talks, conflict):
            await producer.send_and_wait(namespace + topics.EVENTS, codec.encode(event),
                                         key=event.article_id.encode())
    finally:
        await producer.stop()


def test_example_consumer_prints_only_matching_events(kafka_bootstrap: str, unique_id: str,
                                                      repo_root: Path) -> None:
    namespace = f"ex{unique_id}."
    asyncio.run(_publish(kafka_bootstrap, namespace))
    done = subprocess.run(
        [sys.executable, str(repo_root / "examples" / "consume_events.py"),
         "--bootstrap", kafka_bootstrap, "--topic", namespace + topics.EVENTS,
         "--group", f"g{unique_id}", "--quad-class", "4", "--country", "UKR", "--idle", "10"],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("2026-03-10 RUS 194 UKR @ Kharkiv: Russian forces shelled")
