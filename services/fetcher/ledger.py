"""The fetcher's ledger: which article URLs were already fetched and published.

Kept in a SQL database (SQLite by default, PostgreSQL in deployments) so that a
restarted fetcher does not fetch a URL again. An article is recorded only after
its raw page was published, so a crash between fetch and publish means one
refetch, never a lost article.

Records are answered from memory at once and written in batches
(:meth:`Ledger.flush`, called from a thread every half second and at the end of
each poll): one transaction per page would cap the fetcher at a few hundred
pages a second on SQLite. A crash loses at most the last batch of records, so
at most those pages are fetched once more; downstream ids make that harmless.

Several fetchers share one ledger database. Each reads what the others wrote
(:meth:`Ledger.refresh`) when it takes over hosts, so that the new owner of a
host does not fetch again what the last one did.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError

from newsflow.errors import TransientError
from services.store.repository import create_tables

metadata = MetaData()

fetched_urls = Table(
    "fetcher_fetched_urls",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("feed_id", String(200), nullable=False),
    Column("status", Integer, nullable=False),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Index("fetcher_fetched_urls_fetched_at", "fetched_at"),
)

#: Overlap of successive refreshes: covers clocks of fetchers that differ by this much.
_REFRESH_OVERLAP = timedelta(minutes=5)


class Ledger:
    """Set of fetched article ids, persisted in batches; the in-memory copy answers lookups."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._seen: set[str] = set()
        self._pending: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._loaded_at: datetime | None = None

    def open(self) -> None:
        """Create the table if needed and load the ids already fetched."""
        create_tables(metadata, self._engine, "fetcher ledger")
        self.refresh()

    def refresh(self) -> int:
        """Learn the ids recorded since the last load (by any fetcher); return how many. Blocking.

        Reads only rows newer than the last load, less a few minutes for other
        fetchers' clocks and their unflushed batches.
        """
        started = datetime.now(UTC)
        query = select(fetched_urls.c.article_id)
        if self._loaded_at is not None:
            query = query.where(fetched_urls.c.fetched_at >= self._loaded_at - _REFRESH_OVERLAP)
        try:
            with self._engine.connect() as conn:
                ids: set[str] = set(conn.scalars(query))
        except OperationalError as exc:
            raise TransientError(f"fetcher ledger unavailable: {exc}") from exc
        new = len(ids - self._seen)
        self._seen |= ids
        self._loaded_at = started
        return new

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def record(self, article_id: str, url: str, feed_id: str, status: int) -> None:
        """Remember that ``article_id`` was fetched and published (written at the next flush)."""
        if article_id in self._seen:
            return
        self._seen.add(article_id)
        row = {"article_id": article_id, "url": url, "feed_id": feed_id, "status": status,
               "fetched_at": datetime.now(UTC)}
        with self._lock:
            self._pending.append(row)

    def flush(self) -> int:
        """Write the pending records in one transaction; return how many. Blocking."""
        with self._lock:
            rows, self._pending = self._pending, []
        if not rows:
            return 0
        try:
            with self._engine.begin() as conn:
                conn.execute(self._insert_ignoring_duplicates(), rows)
        except OperationalError as exc:
            with self._lock:
                self._pending[:0] = rows  # keep them for the next flush
            raise TransientError(f"fetcher ledger unavailable: {exc}") from exc
        return len(rows)

    def _insert_ignoring_duplicates(self) -> Any:
        """INSERT that skips ids another fetcher recorded first (the effect we wanted)."""
        dialect = self._engine.dialect.name
        if dialect == "postgresql":
            return pg_insert(fetched_urls).on_conflict_do_nothing()
        if dialect == "sqlite":
            return sqlite_insert(fetched_urls).on_conflict_do_nothing()
        return fetched_urls.insert()  # other databases: one fetcher per ledger
