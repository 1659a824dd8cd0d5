"""Pure logic of the Kafka runner: where a key goes, and how far a partition may commit."""

from __future__ import annotations

from aiokafka import TopicPartition
from aiokafka.partitioner import DefaultPartitioner

from newsflow.kafka import _Pending, partition_of


def test_partition_of_agrees_with_the_producers_partitioner() -> None:
    for partitions in (1, 3, 8, 12):
        every = list(range(partitions))
        for n in range(300):
            key = f"site{n}.example"
            assert partition_of(key, partitions) == DefaultPartitioner()(
                key.encode(), every, every)


def test_a_partition_commits_up_to_its_oldest_open_offset() -> None:
    a, b = TopicPartition("t", 0), TopicPartition("t", 1)
    pending = _Pending()
    for offset in range(10, 15):
        pending.read(a, offset)
    pending.read(b, 3)
    assert len(pending) == 6
    assert pending.commit_points() == {a: 10, b: 3}
    pending.done(a, 11)
    pending.done(a, 13)
    assert pending.commit_points()[a] == 10  # 10 is still open: nothing past it is safe
    pending.done(a, 10)
    assert pending.commit_points()[a] == 12
    for offset in (12, 14):
        pending.done(a, offset)
    pending.done(b, 3)
    assert pending.commit_points() == {a: 15, b: 4}  # all done: commit past the last read
    assert len(pending) == 0


def test_done_after_clear_is_ignored() -> None:
    tp = TopicPartition("t", 0)
    pending = _Pending()
    pending.read(tp, 1)
    pending.clear()
    pending.done(tp, 1)
    assert pending.commit_points() == {} and len(pending) == 0
