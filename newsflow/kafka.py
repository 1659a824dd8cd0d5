"""The Kafka runner: each stage as its own consumer-group member, on aiokafka.

Why aiokafka rather than faust agents: the commit order here is explicit and
matches what "loses nothing" needs (process the batch, publish every output,
flush the producer, *then* commit the input offsets), with no agent that acks a
message when it raises and no concurrency that commits past unfinished work.

Per batch of one partition: outputs are produced and flushed before the
partition's offset is committed, so a crash at any point means redelivery
(at-least-once), and deterministic ids make redelivery harmless downstream.

The fetcher's own topic of article URLs is consumed differently
(:func:`run_keyed_queue`): a URL may wait minutes for its host's turn, so
records are read continuously into the fetcher's per-host queues and each
partition's offset is committed up to its oldest URL not yet done. Which
partitions a fetcher holds also decides which hosts it owns.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from functools import partial

from aiokafka import (
    AIOKafkaConsumer,
    AIOKafkaProducer,
    ConsumerRebalanceListener,
    ConsumerRecord,
    TopicPartition,
)
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import (
    CommitFailedError,
    IllegalStateError,
    KafkaConnectionError,
    TopicAlreadyExistsError,
)
from aiokafka.partitioner import murmur2

from newsflow import codec, topics
from newsflow.errors import PermanentError, TransientError
from newsflow.messages import Message
from newsflow.runtime import (
    BatchStage,
    Envelope,
    Output,
    Stage,
    StatefulStage,
    give_up,
    handle,
    handle_batch,
)
from newsflow.settings import Settings

log = logging.getLogger(__name__)

#: Raw pages can be several MB of HTML; topics and clients allow messages up to this size.
MAX_MESSAGE_BYTES = 16 * 1024 * 1024


def all_topics() -> list[str]:
    """Every topic newsflow uses: content topics and each stage's dead-letter topic."""
    return [*topics.ALL, *topics.DEAD_LETTERS]


def on_broker(settings: Settings, topic: str) -> str:
    """The broker-side name of a topic: the configured namespace, then the topic's name."""
    return f"{settings.topic_namespace}{topic}"


async def ensure_topics(settings: Settings, names: Sequence[str] | None = None) -> list[str]:
    """Create missing topics with the configured partitions; return the ones created."""
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.kafka_bootstrap_servers)
    try:
        await admin.start()
    except KafkaConnectionError as exc:
        raise TransientError(
            f"cannot reach Kafka at {settings.kafka_bootstrap_servers}: {exc}") from exc
    created: list[str] = []
    try:
        existing = set(await admin.list_topics())
        wanted = [
            NewTopic(name, settings.topic_partitions, settings.topic_replication,
                     topic_configs={"max.message.bytes": str(MAX_MESSAGE_BYTES)})
            for name in (on_broker(settings, t) for t in (names or all_topics()))
            if name not in existing
        ]
        if wanted:
            with contextlib.suppress(TopicAlreadyExistsError):  # another service was first
                await admin.create_topics(wanted)
            created = [t.name for t in wanted]
    finally:
        await admin.close()
    return created


def make_producer(settings: Settings) -> AIOKafkaProducer:
    """An idempotent producer that waits for all in-sync replicas."""
    return AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        compression_type="gzip",
        max_request_size=MAX_MESSAGE_BYTES,
        # aiokafka's 16 kB default holds three raw pages per batch, and an idempotent producer
        # waits for each batch's ack: 1 MB batches publish ten times faster for a tenth of the CPU
        # (measured with benchmarks/fetch.py).
        max_batch_size=1024 * 1024,
    )


async def publish(producer: AIOKafkaProducer, settings: Settings, output: Output) -> None:
    """Send one output and wait for the broker's acknowledgement."""
    await producer.send_and_wait(on_broker(settings, output.topic), codec.encode(output.value),
                                 key=output.key.encode("utf-8"))


async def publish_all(producer: AIOKafkaProducer, settings: Settings,
                      outputs: Sequence[Output]) -> None:
    """Send several outputs at once and wait until the broker has acknowledged every one."""
    sends = [await producer.send(on_broker(settings, o.topic), codec.encode(o.value),
                                 key=o.key.encode("utf-8")) for o in outputs]
    for sent in sends:
        await sent


def partition_of(key: str, partitions: int) -> int:
    """The partition the producer sends ``key`` to: murmur2, as Kafka's Java client does."""
    return int(murmur2(key.encode("utf-8")) & 0x7FFFFFFF) % partitions


def _envelope(record: ConsumerRecord[bytes, bytes], namespace: str) -> Envelope:
    key = record.key.decode("utf-8", "replace") if record.key is not None else None
    topic = record.topic.removeprefix(namespace)
    return Envelope(topic, key, record.value, record.partition, record.offset)


class _ForgetOnRevoke(ConsumerRebalanceListener):  # type: ignore[misc]
    """Tell a stateful stage when partitions leave this worker, so it drops their state.

    The cleaner keeps per-site template memory for the sites of its partitions;
    after a rebalance another worker owns them, and what this worker remembers of
    them grows stale. Reloading from the store when they come back is correct.
    """

    def __init__(self, stage: Stage) -> None:
        self._stage = stage

    async def on_partitions_revoked(self, revoked: object) -> None:
        if isinstance(self._stage, StatefulStage):
            self._stage.forget()

    async def on_partitions_assigned(self, assigned: object) -> None:
        """Nothing to do: state is loaded lazily, the first time a key is seen."""


async def run_stage(stage: Stage, settings: Settings, stop: asyncio.Event,
                    *, concurrency: int = 1, max_batch: int = 64) -> None:
    """Consume ``stage.inputs`` as group ``<prefix>.<stage>`` until ``stop`` is set.

    A :class:`BatchStage` gets each partition's batch in one call; other stages
    get the batch's messages concurrently, at most ``concurrency`` at a time.
    What a stage cannot process goes to its own dead-letter topic, so a stage
    with no such topic is refused before it consumes anything.
    """
    topics.dead_letter(stage.name)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        group_id=f"{settings.consumer_group_prefix}.{stage.name}",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        max_partition_fetch_bytes=MAX_MESSAGE_BYTES,
        fetch_max_bytes=MAX_MESSAGE_BYTES * 2,
    )
    producer = make_producer(settings)
    slots = asyncio.Semaphore(concurrency)

    async def bounded(env: Envelope) -> list[Output]:
        async with slots:
            return await handle(stage, env)

    async def process(envs: list[Envelope]) -> list[Output]:
        if isinstance(stage, BatchStage):
            return await handle_batch(stage, envs)
        results = await asyncio.gather(*(bounded(env) for env in envs))
        return [output for outputs in results for output in outputs]

    await stage.start()
    await producer.start()
    await consumer.start()
    consumer.subscribe([on_broker(settings, t) for t in stage.inputs],
                       listener=_ForgetOnRevoke(stage))
    log.info("%s: consuming %s as group %s.%s", stage.name,
             ", ".join(on_broker(settings, t) for t in stage.inputs),
             settings.consumer_group_prefix, stage.name)
    try:
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=500, max_records=max_batch)
            for tp, records in batches.items():
                outputs = await process([_envelope(r, settings.topic_namespace) for r in records])
                sends = [
                    await producer.send(on_broker(settings, o.topic), codec.encode(o.value),
                                        key=o.key.encode())
                    for o in outputs
                ]
                await producer.flush()
                for sent in sends:
                    await sent  # raises if the broker refused: the offset stays uncommitted
                await _commit(consumer, {tp: records[-1].offset + 1}, stage.name)
    finally:
        await consumer.stop()
        await producer.stop()
        await stage.stop()


class _Pending:
    """Offsets read but not yet done, per partition; a partition commits up to its oldest."""

    def __init__(self) -> None:
        self._open: dict[TopicPartition, set[int]] = {}
        self._next: dict[TopicPartition, int] = {}

    def __len__(self) -> int:
        return sum(len(offsets) for offsets in self._open.values())

    def read(self, tp: TopicPartition, offset: int) -> None:
        self._open.setdefault(tp, set()).add(offset)
        self._next[tp] = offset + 1

    def done(self, tp: TopicPartition, offset: int) -> None:
        self._open.get(tp, set()).discard(offset)

    def commit_points(self) -> dict[TopicPartition, int]:
        """For each partition read from: the offset before which everything is done."""
        return {tp: min(self._open[tp], default=nxt) for tp, nxt in self._next.items()}

    def clear(self) -> None:
        self._open.clear()
        self._next.clear()


class _Handover(ConsumerRebalanceListener):  # type: ignore[misc]
    """Hand hosts over on a rebalance: release them all, commit, then take the new ones.

    aiokafka revokes every partition before assigning any (the eager protocol),
    so between the two this worker sends no request at all, and the next owner
    of a host starts from this worker's committed offsets and written ledger.
    """

    def __init__(self, consumer: AIOKafkaConsumer, topic: str, pending: _Pending,
                 take_over: Callable[[Callable[[str], bool]], Awaitable[None]],
                 release: Callable[[], Awaitable[int]]) -> None:
        self._consumer = consumer
        self._topic = topic
        self._pending = pending
        self._take_over = take_over
        self._release = release

    async def on_partitions_revoked(self, revoked: object) -> None:
        dropped = await self._release()
        await _commit(self._consumer, self._pending.commit_points(), "fetcher")
        self._pending.clear()
        log.info("fetcher: partitions revoked; %d queued URLs left for their next owner", dropped)

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        count = len(self._consumer.partitions_for_topic(self._topic) or ())
        owned = frozenset(tp.partition for tp in assigned)
        log.info("fetcher: owns partitions %s of %d of %s", sorted(owned), count, self._topic)
        if count:
            await self._take_over(lambda key: partition_of(key, count) in owned)


async def _commit(consumer: AIOKafkaConsumer, offsets: dict[TopicPartition, int],
                  owner: str) -> None:
    """Commit ``offsets``, or leave them to the partitions' next owner during a rebalance.

    A rebalance between reading a batch and committing it makes the commit fail
    (the group moved on, or the partition is no longer ours). That is no loss:
    the new owner reads those messages again, and deterministic ids make the
    redelivery harmless; so the worker logs it and goes on instead of dying.
    """
    if not offsets:
        return
    try:
        await consumer.commit(offsets)
    except (CommitFailedError, IllegalStateError) as exc:
        log.warning("%s: offsets not committed (%s); those messages will be read again",
                    owner, exc)


async def run_keyed_queue(
    settings: Settings,
    stop: asyncio.Event,
    *,
    topic: str,
    stage: str,
    put: Callable[[Message, Callable[[], None]], None],
    take_over: Callable[[Callable[[str], bool]], Awaitable[None]],
    release: Callable[[], Awaitable[int]],
    max_queued: int,
) -> None:
    """Read ``topic`` continuously into ``put`` as group ``<prefix>.<stage>`` until ``stop``.

    ``put`` queues a message and calls its callback once it is done; offsets
    are committed every second up to each partition's oldest message not done.
    Reading pauses while ``max_queued`` messages are open. ``take_over`` is
    told which keys this worker owns whenever partitions are assigned, and
    ``release`` is awaited before they are revoked. A message that does not
    decode is dead-lettered.
    """
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        group_id=f"{settings.consumer_group_prefix}.{stage}",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    producer = make_producer(settings)
    pending = _Pending()
    name = on_broker(settings, topic)
    await producer.start()
    await consumer.start()
    consumer.subscribe([name], listener=_Handover(consumer, name, pending, take_over, release))
    last_commit = time.monotonic()
    try:
        while not stop.is_set():
            assigned = consumer.assignment()
            if len(pending) >= max_queued:
                consumer.pause(*assigned)
            else:
                consumer.resume(*assigned)
            batches = await consumer.getmany(timeout_ms=200, max_records=1000)
            for tp, records in batches.items():
                for record in records:
                    pending.read(tp, record.offset)
                    env = _envelope(record, settings.topic_namespace)
                    try:
                        done = partial(pending.done, tp, record.offset)
                        put(codec.decode(topic, env.value), done)
                    except PermanentError as exc:
                        for output in give_up(stage, env, exc):
                            await publish(producer, settings, output)
                        pending.done(tp, record.offset)
            if time.monotonic() - last_commit >= 1.0:
                await _commit(consumer, pending.commit_points(), "fetcher")
                last_commit = time.monotonic()
    finally:
        await release()
        await _commit(consumer, pending.commit_points(), "fetcher")
        await consumer.stop()
        await producer.stop()
