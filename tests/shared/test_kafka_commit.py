"""A commit refused because of a rebalance is left to the next owner, not fatal to the worker."""

import asyncio
import logging

import pytest
from aiokafka import TopicPartition
from aiokafka.errors import CommitFailedError, IllegalStateError, KafkaConnectionError

from newsflow.kafka import _commit

TP = TopicPartition("news.articles.raw.v1", 0)


class Consumer:
    """Stands in for AIOKafkaConsumer.commit: records offsets, or raises ``error``."""

    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.committed: list[dict[TopicPartition, int]] = []

    async def commit(self, offsets: dict[TopicPartition, int]) -> None:
        if self.error is not None:
            raise self.error
        self.committed.append(offsets)


def test_offsets_are_committed() -> None:
    consumer = Consumer()
    asyncio.run(_commit(consumer, {TP: 7}, "cleaner"))  # type: ignore[arg-type]
    assert consumer.committed == [{TP: 7}]


def test_nothing_to_commit_asks_nothing() -> None:
    consumer = Consumer(KafkaConnectionError())
    asyncio.run(_commit(consumer, {}, "cleaner"))  # type: ignore[arg-type]
    assert consumer.committed == []


@pytest.mark.parametrize("error", [CommitFailedError("group rebalanced"),
                                   IllegalStateError("partition not assigned")])
def test_a_commit_lost_to_a_rebalance_is_logged_not_raised(
        error: Exception, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsflow.kafka"):
        asyncio.run(_commit(Consumer(error), {TP: 7}, "cleaner"))  # type: ignore[arg-type]
    assert "cleaner: offsets not committed" in caplog.text


def test_other_broker_errors_still_stop_the_worker() -> None:
    with pytest.raises(KafkaConnectionError):
        asyncio.run(_commit(Consumer(KafkaConnectionError()), {TP: 7}, "cleaner"))  # type: ignore[arg-type]
