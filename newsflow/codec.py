"""Message codecs: bytes on the wire <-> validated message models.

Both runners use these functions, so the embedded runner exercises exactly the
serialisation the Kafka runner puts on the wire.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import ValidationError

from newsflow import topics
from newsflow.errors import InvalidMessage
from newsflow.messages import TOPIC_MODELS, DeadLetter, Message


def encode(message: Message) -> bytes:
    """Serialise a message to JSON bytes."""
    return message.encode()


def decode(topic: str, value: bytes | None) -> Message:
    """Decode and validate a message read from ``topic``, or raise :class:`InvalidMessage`."""
    model = TOPIC_MODELS.get(topic)
    if model is None:
        if topics.is_dead_letter(topic):
            model = DeadLetter
        else:
            raise InvalidMessage(f"no message model for topic {topic!r}")
    if value is None:
        raise InvalidMessage(f"empty message on {topic}")
    try:
        return model.model_validate_json(value)
    except ValidationError as exc:
        raise InvalidMessage(
            f"message on {topic} does not match {model.__name__}: {exc.error_count()} errors: "
            + "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
        ) from exc


def dead_letter(
    *,
    stage: str,
    error: BaseException,
    value: bytes | str | None,
    source_topic: str | None = None,
    partition: int | None = None,
    offset: int | None = None,
    key: str | None = None,
) -> DeadLetter:
    """Build the dead-letter record for an input that ``stage`` could not process."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else (value or "")
    return DeadLetter(
        stage=stage,
        source_topic=source_topic,
        partition=partition,
        offset=offset,
        key=key,
        value=text,
        error_type=type(error).__name__,
        reason=str(getattr(error, "reason", "unexpected")),
        error=str(error) or type(error).__name__,
        failed_at=datetime.now(UTC),
    )
