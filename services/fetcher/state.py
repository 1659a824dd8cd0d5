"""Per-feed state that survives restarts: last poll, validators, failures, next poll.

One row per feed in ``fetcher_feed_state``, in the ledger's database. The
validators (``ETag``/``Last-Modified`` of every document the feed led to, and
a sitemap index's children) make every poll a conditional GET; ``next_poll_at``
lets a restarted fetcher keep its rhythm instead of polling everything at once;
the rest is what ``newsflow feeds status`` shows.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, DateTime, Engine, Integer, MetaData, String, Table, Text, select
from sqlalchemy.exc import OperationalError

from newsflow.errors import TransientError
from services.store.repository import create_tables

metadata = MetaData()

feed_state = Table(
    "fetcher_feed_state",
    metadata,
    Column("feed_id", String(200), primary_key=True),
    Column("url", Text, nullable=False),
    Column("last_poll_at", DateTime(timezone=True)),
    Column("last_success_at", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("last_error_at", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False, default=0),
    Column("items_found", Integer, nullable=False, default=0),
    Column("items_fetched", Integer, nullable=False, default=0),
    Column("next_poll_at", DateTime(timezone=True)),
    Column("validators", Text, nullable=False, default="{}"),
    Column("discovered", Text),
)


@dataclass(frozen=True, slots=True)
class Validators:
    """What a conditional GET sends back: a document's ETag and Last-Modified (and children)."""

    etag: str | None = None
    last_modified: str | None = None
    children: tuple[str, ...] = ()

    def headers(self) -> dict[str, str]:
        """``If-None-Match`` / ``If-Modified-Since`` for the next request."""
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass
class FeedState:
    """Everything the fetcher remembers about one feed."""

    feed_id: str
    url: str
    last_poll_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    failures: int = 0
    items_found: int = 0
    items_fetched: int = 0
    next_poll_at: datetime | None = None
    validators: dict[str, Validators] = field(default_factory=dict)
    discovered: str | None = None
    """For ``kind: site``: the feed URL and kind found on the home page, as ``kind url``."""


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _row(state: FeedState) -> dict[str, Any]:
    row = asdict(state)
    row["validators"] = json.dumps(
        {url: {"etag": v.etag, "last_modified": v.last_modified, "children": list(v.children)}
         for url, v in state.validators.items()})
    return row


def _state(row: Any) -> FeedState:
    raw = json.loads(row.validators or "{}")
    return FeedState(
        feed_id=row.feed_id, url=row.url,
        last_poll_at=_aware(row.last_poll_at), last_success_at=_aware(row.last_success_at),
        last_error=row.last_error, last_error_at=_aware(row.last_error_at),
        failures=row.failures or 0, items_found=row.items_found or 0,
        items_fetched=row.items_fetched or 0, next_poll_at=_aware(row.next_poll_at),
        validators={url: Validators(v.get("etag"), v.get("last_modified"),
                                    tuple(v.get("children", ())))
                    for url, v in raw.items()},
        discovered=row.discovered,
    )


class FeedStateStore:
    """Loads and saves :class:`FeedState` rows; blocking, so call it from a thread."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def open(self) -> None:
        """Create the table if needed."""
        create_tables(metadata, self._engine, "fetcher state")

    def load(self) -> dict[str, FeedState]:
        """Every feed's saved state, by feed id."""
        try:
            with self._engine.connect() as conn:
                return {row.feed_id: _state(row) for row in conn.execute(select(feed_state))}
        except OperationalError as exc:
            raise TransientError(f"fetcher state unavailable: {exc}") from exc

    def save(self, state: FeedState) -> None:
        """Insert or replace one feed's state."""
        row = _row(state)
        try:
            with self._engine.begin() as conn:
                done = conn.execute(
                    feed_state.update().where(feed_state.c.feed_id == state.feed_id).values(row))
                if done.rowcount == 0:
                    conn.execute(feed_state.insert().values(row))
        except OperationalError as exc:
            raise TransientError(f"fetcher state unavailable: {exc}") from exc
