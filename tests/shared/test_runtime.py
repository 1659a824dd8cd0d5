"""The error policy both runners share: retry transient, dead-letter permanent, lose nothing."""

import logging
from datetime import UTC, datetime

import pytest
from prometheus_client import REGISTRY

from newsflow import codec, topics
from newsflow.errors import PermanentError, TransientError
from newsflow.messages import DeadLetter, Message, RawArticle
from newsflow.runtime import (
    Envelope,
    ItemResult,
    Output,
    RetryPolicy,
    handle,
    handle_batch,
)

FAST = RetryPolicy(initial=0.001, maximum=0.001)


def raw(n: int) -> RawArticle:
    return RawArticle(article_id=f"a{n}", url=f"https://x.example/{n}",
                      final_url=f"https://x.example/{n}", feed_id="f",
                      fetched_at=datetime(2026, 1, 1, tzinfo=UTC), status=200, html=f"<p>{n}</p>")


def env(message: Message | bytes, offset: int = 0) -> Envelope:
    value = message if isinstance(message, bytes) else codec.encode(message)
    return Envelope(topics.RAW_ARTICLES, "x.example", value, 0, offset)


class Flaky:
    """Fails as told per article id, and records what it processed (like a rolled-back batch)."""

    name = "cleaner"
    inputs = (topics.RAW_ARTICLES,)

    def __init__(self, failures: dict[str, list[Exception]]) -> None:
        self.failures = failures
        self.done: list[str] = []
        self.batches = 0

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def process(self, topic: str, message: Message) -> list[Output]:
        assert isinstance(message, RawArticle)
        pending = self.failures.get(message.article_id, [])
        if pending:  # transient failures pass, permanent ones repeat
            raise pending.pop(0) if isinstance(pending[0], TransientError) else pending[0]
        self.done.append(message.article_id)
        return [Output(topics.CLEAN_ARTICLES, message.article_id, message)]

    async def process_batch(self, items: list[tuple[str, Message]]) -> list[ItemResult]:
        """Transient errors sink the batch; permanent ones only their item."""
        self.batches += 1
        results: list[ItemResult] = []
        for topic, message in items:
            try:
                results.append(await self.process(topic, message))
            except PermanentError as exc:
                results.append(exc)
        return results


def dead_letters(outputs: list[Output]) -> list[DeadLetter]:
    return [o.value for o in outputs if isinstance(o.value, DeadLetter)]


async def test_transient_errors_are_retried_until_success() -> None:
    stage = Flaky({"a1": [TransientError("db down"), TransientError("db down")]})
    outputs = await handle(stage, env(raw(1)), FAST)
    assert stage.done == ["a1"] and [o.topic for o in outputs] == [topics.CLEAN_ARTICLES]


async def test_permanent_error_becomes_a_dead_letter_with_the_original() -> None:
    stage = Flaky({"a1": [PermanentError("no text", reason="no_main_text")]})
    outputs = await handle(stage, env(raw(1), offset=41), FAST)
    [dead] = dead_letters(outputs)
    assert outputs[0].topic == topics.dead_letter("cleaner") == "news.cleaner.dlq"
    assert dead.reason == "no_main_text" and dead.offset == 41 and dead.stage == "cleaner"
    assert dead.source_topic == topics.RAW_ARTICLES
    assert RawArticle.model_validate_json(dead.value) == raw(1)


async def test_unexpected_exception_is_dead_lettered_not_raised() -> None:
    stage = Flaky({"a1": [KeyError("bug")]})
    [dead] = dead_letters(await handle(stage, env(raw(1)), FAST))
    assert dead.error_type == "KeyError" and dead.reason == "unexpected"


async def test_undecodable_message_is_dead_lettered() -> None:
    [dead] = dead_letters(await handle(Flaky({}), env(b"\xff not json"), FAST))
    assert dead.error_type == "InvalidMessage"


async def test_batch_isolates_the_bad_message_and_keeps_the_rest() -> None:
    stage = Flaky({"a2": [PermanentError("bad page")]})
    envs = [env(raw(1), 0), env(raw(2), 1), env(b"{}", 2), env(raw(3), 3)]
    outputs = await handle_batch(stage, envs, FAST)
    assert stage.done == ["a1", "a3"] and stage.batches == 1
    assert {d.offset for d in dead_letters(outputs)} == {1, 2}
    stored = {o.value.article_id for o in outputs if isinstance(o.value, RawArticle)}
    assert stored == {"a1", "a3"}


async def test_batch_retries_transient_errors_as_a_whole() -> None:
    stage = Flaky({"a1": [TransientError("db down")]})
    outputs = await handle_batch(stage, [env(raw(1)), env(raw(2), 1)], FAST)
    assert stage.batches == 2 and len(outputs) == 2 and not dead_letters(outputs)


async def test_batch_that_raises_is_retried_one_by_one() -> None:
    stage = Flaky({"a2": [KeyError("bug")]})
    outputs = await handle_batch(stage, [env(raw(1), 0), env(raw(2), 1)], FAST)
    [dead] = dead_letters(outputs)
    assert dead.offset == 1 and dead.error_type == "KeyError"
    assert [o.value.article_id for o in outputs if isinstance(o.value, RawArticle)] == ["a1"]


def dlq_env(value: bytes, offset: int = 7) -> Envelope:
    return Envelope(topics.dead_letter("cleaner"), "x.example", value, 2, offset)


def dropped(stage: str, topic: str, reason: str) -> float:
    """The value of the Prometheus counter of dropped dead letters, as /metrics shows it."""
    value = REGISTRY.get_sample_value("newsflow_dead_letters_dropped_total",
                                      {"stage": stage, "topic": topic, "reason": reason})
    return value or 0.0


def dead_record(stage: str = "cleaner") -> DeadLetter:
    return codec.dead_letter(stage=stage, error=PermanentError("no text", reason="no_main_text"),
                             value=b"<p>gone</p>", source_topic=topics.RAW_ARTICLES, offset=3)


class Refusing:
    """A store-like stage that reads dead-letter topics and fails on every message."""

    name = "store"
    inputs = topics.DEAD_LETTERS

    def __init__(self, error: Exception) -> None:
        self.error = error

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    async def process(self, topic: str, message: Message) -> list[Output]:
        raise self.error

    async def process_batch(self, items: list[tuple[str, Message]]) -> list[ItemResult]:
        raise self.error


class Named(Flaky):
    """A stage of a given name that processes nothing (its inputs here never decode)."""

    def __init__(self, name: str) -> None:
        super().__init__({})
        self.name = name


async def test_each_stage_dead_letters_to_its_own_topic() -> None:
    bad = Envelope(topics.CLEAN_ARTICLES, "a1", b"not json", 0, 5)
    for stage in ("extractor", "store"):  # two stages reading one topic: two dead-letter topics
        [out] = await handle(Named(stage), bad, FAST)
        assert out.topic == f"news.{stage}.dlq" and out.key == "a1"
        assert isinstance(out.value, DeadLetter) and out.value.stage == stage
        assert out.value.source_topic == topics.CLEAN_ARTICLES and out.value.offset == 5


def test_dead_letter_topics_are_one_per_stage_and_nothing_else() -> None:
    assert topics.DEAD_LETTERS == ("news.fetcher.dlq", "news.cleaner.dlq", "news.extractor.dlq",
                                   "news.store.dlq")
    assert all(topics.is_dead_letter(t) for t in topics.DEAD_LETTERS)
    assert not any(topics.is_dead_letter(t) for t in topics.ALL)
    with pytest.raises(ValueError, match="no stage"):
        topics.dead_letter(topics.RAW_ARTICLES)  # the old per-topic naming is refused


async def test_undecodable_dead_letter_is_dropped_and_counted_not_dead_lettered_again(
        caplog: pytest.LogCaptureFixture) -> None:
    topic = topics.dead_letter("cleaner")
    before = dropped("store", topic, "invalid_message")
    with caplog.at_level(logging.ERROR, logger="newsflow.runtime"):
        outputs = await handle(Refusing(PermanentError("unused")), dlq_env(b"\x00garbage"), FAST)
    assert outputs == []
    assert dropped("store", topic, "invalid_message") == before + 1
    assert f"{topic}[2]@7" in caplog.text  # topic, partition and offset are logged


async def test_dead_letter_the_stage_fails_on_is_dropped_in_a_batch_too() -> None:
    topic = topics.dead_letter("cleaner")
    before = dropped("store", topic, "unexpected")
    good = dlq_env(codec.encode(dead_record()), 8)
    outputs = await handle_batch(Refusing(KeyError("bug")), [dlq_env(b"{}", 7), good], FAST)
    assert outputs == []  # neither the malformed nor the failing one makes a new dead letter
    assert dropped("store", topic, "unexpected") == before + 1


async def test_transient_give_up_on_a_dead_letter_is_dropped() -> None:
    stage = Refusing(TransientError("db down"))
    outputs = await handle(stage, dlq_env(codec.encode(dead_record())),
                           RetryPolicy(initial=0.001, maximum=0.001, attempts=2))
    assert outputs == []
