"""Build the outgoing messages from plain dicts, each in one validation pass.

A message built field by field validates every nested model on its own (an event
has up to eight); one ``validate_python`` call over nested dicts does the same
work at once. Events are first validated strictly, which skips coercion and took
a third of the time of lax validation; a value that only lax validation accepts
(an ``int`` where a ``float`` belongs, say) falls back to the ordinary lax pass,
so the result is always the message the model's own constructor would have built.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast

from pydantic import BaseModel, TypeAdapter, ValidationError

from newsflow.messages import Entity, Quote

M = TypeVar("M", bound=BaseModel)

_ENTITIES: TypeAdapter[list[Entity]] = TypeAdapter(list[Entity])
_QUOTES: TypeAdapter[list[Quote]] = TypeAdapter(list[Quote])


def build(model: type[M], fields: dict[str, Any]) -> M:
    """``model(**fields)``, with nested models given as dicts, in one validation pass."""
    validator = model.__pydantic_validator__
    try:
        return cast(M, validator.validate_python(fields, strict=True))
    except ValidationError:
        return cast(M, validator.validate_python(fields))


def build_entities(items: list[dict[str, Any]]) -> list[Entity]:
    """Entity messages from dicts (mentions as dicts too), in one validation pass."""
    return _build_list(_ENTITIES, items)


def build_quotes(items: list[dict[str, Any]]) -> list[Quote]:
    """Quote messages from dicts, in one validation pass."""
    return _build_list(_QUOTES, items)


def _build_list(adapter: TypeAdapter[list[M]], items: list[dict[str, Any]]) -> list[M]:
    # Lax: for these flat lists strict validation measured slower, not faster.
    return adapter.validate_python(items)
