"""The error policy both runners share: retry transient, dead-letter permanent, lose nothing."""

from datetime import UTC, datetime

from newsflow import codec, topics
from newsflow.errors import PermanentError, TransientError
from newsflow.messages import DeadLetter, Message, RawArticle
from newsflow.runtime import Envelope, ItemResult, Output, RetryPolicy, handle, handle_batch

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

    name = "flaky"
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
    assert outputs[0].topic == topics.dead_letter(topics.RAW_ARTICLES)
    assert dead.reason == "no_main_text" and dead.offset == 41 and dead.stage == "flaky"
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
