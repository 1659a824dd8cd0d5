"""What both runners share: the envelope, a stage's interface and the error policy.

A stage is plain Python that turns one input message into output messages. The
Kafka runner (:mod:`newsflow.kafka`) and the embedded runner
(:mod:`newsflow.embedded`) both call :func:`handle`, which is the one place that
decides what happens on failure:

- :class:`~newsflow.errors.TransientError`: retry the same input with
  exponential backoff; the input is not acknowledged meanwhile, so nothing is lost.
- :class:`~newsflow.errors.PermanentError` or any unexpected exception: log it
  and emit a dead-letter record on the stage's own ``news.<stage>.dlq``; the
  stage moves on.

A message read from a dead-letter topic is never dead-lettered again: there is
no dead-letter topic of dead letters, and sending to one would fail, crash the
stage and redeliver the same record for ever. The store (the only reader of
dead-letter topics) logs such a record with its topic, partition and offset,
counts it in ``newsflow_dead_letters_dropped_total`` and moves past it; the
record itself stays on its dead-letter topic for the topic's retention.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from prometheus_client import Counter

from newsflow import codec, topics
from newsflow.errors import PermanentError, TransientError
from newsflow.messages import Message

log = logging.getLogger(__name__)

DROPPED = Counter(
    "newsflow_dead_letters_dropped",
    "Records read from a dead-letter topic that the stage could not process; they are "
    "logged and skipped, never dead-lettered again (they stay on their topic).",
    ["stage", "topic", "reason"],
)


@dataclass(frozen=True, slots=True)
class Envelope:
    """A message as read from a topic, with its transport metadata beside it."""

    topic: str
    key: str | None
    value: bytes | None
    partition: int | None = None
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Output:
    """A message a stage wants published: topic, key and value."""

    topic: str
    key: str
    value: Message


class Stage(Protocol):
    """A consuming stage (cleaner, extractor, store): one input message in, outputs out."""

    name: str
    inputs: tuple[str, ...]

    async def start(self) -> None:
        """Acquire resources (process pools, database engines)."""

    async def process(self, topic: str, message: Message) -> list[Output]:
        """Process one decoded message; raise TransientError or PermanentError on failure."""

    async def stop(self) -> None:
        """Release resources."""


@runtime_checkable
class StatefulStage(Stage, Protocol):
    """A stage holding per-key state that it can reload (the cleaner's site templates)."""

    def forget(self) -> None:
        """Drop in-memory state: partitions moved, and it will be reloaded when needed."""


#: What a batch stage gives for one item: its outputs, or the permanent error that sinks it.
ItemResult = list[Output] | PermanentError


@runtime_checkable
class BatchStage(Stage, Protocol):
    """A stage that takes a whole batch at once (the store: one transaction per batch)."""

    async def process_batch(self, items: list[tuple[str, Message]]) -> list[ItemResult]:
        """Process decoded ``(topic, message)`` pairs; one result per item, in order.

        Raise TransientError to have the whole batch retried; any other raised
        exception makes the runner retry the items one at a time.
        """


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Backoff for transient errors: ``initial * 2**n`` seconds, capped, forever by default."""

    initial: float = 0.5
    maximum: float = 30.0
    attempts: int | None = None


def dead_letter_output(stage: str, env: Envelope, error: BaseException) -> Output:
    """The dead-letter output for an envelope that ``stage`` could not process."""
    record = codec.dead_letter(
        stage=stage,
        error=error,
        value=env.value,
        source_topic=env.topic,
        partition=env.partition,
        offset=env.offset,
        key=env.key,
    )
    return Output(topics.dead_letter(stage), env.key or "", record)


def give_up(stage: str, env: Envelope, error: BaseException) -> list[Output]:
    """Log why ``stage`` cannot process ``env``; return its dead letter, or nothing.

    The one place that decides it: an input from a dead-letter topic yields no
    output (see the module docstring), everything else its dead-letter record.
    An error that is neither transient nor permanent is a bug, logged with its
    traceback.
    """
    trace = error if not isinstance(error, PermanentError | TransientError) else None
    where = f"{env.topic}[{env.partition}]@{env.offset} key={env.key}"
    if topics.is_dead_letter(env.topic):
        reason = str(getattr(error, "reason", "unexpected"))
        DROPPED.labels(stage, env.topic, reason).inc()
        log.error("%s: cannot process dead letter %s: %s: %s; skipped (it stays on its topic, "
                  "and is never dead-lettered again)", stage, where, type(error).__name__, error,
                  exc_info=trace)
        return []
    log.warning("%s: dead-lettering %s: %s: %s", stage, where, type(error).__name__, error,
                exc_info=trace)
    return [dead_letter_output(stage, env, error)]


async def handle(stage: Stage, env: Envelope, retry: RetryPolicy = RetryPolicy()) -> list[Output]:
    """Decode ``env`` and run ``stage`` on it, applying the error policy above."""
    attempt = 0
    while True:
        try:
            message = codec.decode(env.topic, env.value)
            return await stage.process(env.topic, message)
        except TransientError as exc:
            attempt += 1
            if retry.attempts is not None and attempt >= retry.attempts:
                log.error("%s: giving up after %d attempts on %s@%s: %s",
                          stage.name, attempt, env.topic, env.offset, exc)
                return give_up(stage.name, env, exc)
            delay = min(retry.maximum, retry.initial * 2 ** (attempt - 1))
            log.warning("%s: transient error on %s@%s (attempt %d, retry in %.1fs): %s",
                        stage.name, env.topic, env.offset, attempt, delay, exc)
            await asyncio.sleep(delay)
        except Exception as exc:  # noqa: BLE001 - one bad message must not stop the stage
            return give_up(stage.name, env, exc)


async def handle_batch(stage: BatchStage, envs: list[Envelope],
                       retry: RetryPolicy = RetryPolicy()) -> list[Output]:
    """Run a batch through ``stage.process_batch``, with the same error policy as :func:`handle`.

    Messages that do not decode are dead-lettered alone. A transient failure
    retries the batch; any other failure falls back to one message at a time, so
    that one bad message is dead-lettered and the rest of the batch still lands.
    """
    outputs: list[Output] = []
    items: list[tuple[str, Message]] = []
    good: list[Envelope] = []
    for env in envs:
        try:
            items.append((env.topic, codec.decode(env.topic, env.value)))
            good.append(env)
        except PermanentError as exc:
            outputs += give_up(stage.name, env, exc)
    attempt = 0
    while items:
        try:
            results = await stage.process_batch(items)
        except TransientError as exc:
            attempt += 1
            if retry.attempts is not None and attempt >= retry.attempts:
                break
            delay = min(retry.maximum, retry.initial * 2 ** (attempt - 1))
            log.warning("%s: transient error on a batch of %d (attempt %d, retry in %.1fs): %s",
                        stage.name, len(items), attempt, delay, exc)
            await asyncio.sleep(delay)
            continue
        except Exception as exc:  # noqa: BLE001 - find the bad message one by one
            log.warning("%s: batch of %d failed (%s); retrying one by one",
                        stage.name, len(items), exc)
            break
        for env, result in zip(good, results, strict=True):
            if isinstance(result, PermanentError):
                outputs += give_up(stage.name, env, result)
            else:
                outputs += result
        return outputs
    for env in good:
        outputs += await handle(stage, env, retry)
    return outputs
