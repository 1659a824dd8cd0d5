"""Persisting the template memory: one row per observed page, in SQL.

Rows are keyed by article id, so a redelivered page is stored once. Raw pages
are keyed by host on Kafka, so each cleaner worker owns the sites of its
partitions and reads only those sites' rows, lazily, the first time it sees a
site after a (re)start. Rows older than the window are pruned as new ones come.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from sqlalchemy import (
    JSON,
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import OperationalError

from newsflow.errors import TransientError
from services.cleaner.templates import Observation
from services.store.repository import create_tables

metadata = MetaData()

pages = Table(
    "cleaner_template_pages",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("site", String(300), nullable=False, index=True),
    Column("article_id", String(64), nullable=False, unique=True),
    Column("fingerprints", JSON, nullable=False),
)


class TemplateStore:
    """Reads and writes observations; SQLAlchemy errors become :class:`TransientError`."""

    def __init__(self, engine: Engine, window: int) -> None:
        self._engine = engine
        self._window = window

    def open(self) -> None:
        """Create the table if needed."""
        create_tables(metadata, self._engine, "template store")

    def close(self) -> None:
        """Close the engine's pooled connections; the store is the engine's only user."""
        self._engine.dispose()

    def load(self, site: str) -> list[Observation]:
        """The most recent observations of ``site``, oldest first."""
        query = (select(pages.c.article_id, pages.c.fingerprints)
                 .where(pages.c.site == site).order_by(pages.c.seq.desc()).limit(self._window))
        try:
            with self._engine.connect() as conn:
                rows = conn.execute(query).all()
        except OperationalError as exc:
            raise TransientError(f"template store unavailable: {exc}") from exc
        return [Observation(site, str(aid), frozenset(cast(list[str], fps)))
                for aid, fps in reversed(rows)]

    def save(self, observations: Iterable[Observation]) -> None:
        """Insert new observations (ignoring ones already stored) and prune old rows."""
        rows = [{"site": o.site, "article_id": o.article_id, "fingerprints": sorted(o.fingerprints)}
                for o in observations]
        if not rows:
            return
        try:
            with self._engine.begin() as conn:
                dialect = conn.dialect.name
                insert = (postgresql.insert(pages) if dialect == "postgresql"
                          else sqlite.insert(pages))
                conn.execute(insert.values(rows).on_conflict_do_nothing(
                    index_elements=["article_id"]))
                for site in {r["site"] for r in rows}:
                    cutoff = (select(pages.c.seq).where(pages.c.site == site)
                              .order_by(pages.c.seq.desc()).offset(self._window).limit(1)
                              .scalar_subquery())
                    conn.execute(delete(pages).where(pages.c.site == site,
                                                     pages.c.seq <= cutoff))
        except OperationalError as exc:
            raise TransientError(f"template store unavailable: {exc}") from exc
