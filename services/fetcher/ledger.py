"""The fetcher's ledger: which article URLs were already fetched and published.

Kept in a SQL database (SQLite by default, PostgreSQL in deployments) so that a
restarted fetcher does not fetch a URL again. An article is recorded only after
its raw page was published, so a crash between fetch and publish means one
refetch, never a lost article.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)
from sqlalchemy.exc import IntegrityError, OperationalError

from newsflow.errors import TransientError

metadata = MetaData()

fetched_urls = Table(
    "fetcher_fetched_urls",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("feed_id", String(200), nullable=False),
    Column("status", Integer, nullable=False),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
)


class Ledger:
    """Set of fetched article ids, persisted; the in-memory copy answers lookups."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._seen: set[str] = set()

    def open(self) -> None:
        """Create the table if needed and load the ids already fetched."""
        try:
            metadata.create_all(self._engine)
            with self._engine.connect() as conn:
                self._seen = set(conn.scalars(select(fetched_urls.c.article_id)))
        except OperationalError as exc:
            raise TransientError(f"fetcher ledger unavailable: {exc}") from exc

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._seen

    def __len__(self) -> int:
        return len(self._seen)

    def record(self, article_id: str, url: str, feed_id: str, status: int) -> None:
        """Remember that ``article_id`` was fetched and published."""
        if article_id in self._seen:
            return
        try:
            with self._engine.begin() as conn:
                conn.execute(
                    fetched_urls.insert().values(
                        article_id=article_id,
                        url=url,
                        feed_id=feed_id,
                        status=status,
                        fetched_at=datetime.now(UTC),
                    )
                )
        except IntegrityError:
            pass  # another fetcher recorded it first: the effect we wanted
        except OperationalError as exc:
            raise TransientError(f"fetcher ledger unavailable: {exc}") from exc
        self._seen.add(article_id)
