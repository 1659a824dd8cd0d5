"""Idempotent writes of newsflow messages into the store's tables.

Every write is an upsert keyed by the message's deterministic id, in one
transaction per batch, so a redelivered message never makes a second row.
Articles and annotations are replaced by newer versions; events and dead
letters are immutable once written. SQLAlchemy errors are translated here:
a lost connection is transient (retry), a rejected row is permanent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Insert, MetaData, Table, create_engine, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError

from newsflow.errors import PermanentError, TransientError
from newsflow.ids import content_hash, url_host
from newsflow.messages import Annotations, CleanArticle, DeadLetter, Event, Message
from services.store import clusters
from services.store.models import AnnotationRow, ArticleRow, Base, DeadLetterRow, EventRow

MIGRATIONS = Path(__file__).parent / "migrations"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL and a busy timeout so processes can share it."""
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=10000")
            cur.close()
    return engine


def create_tables(metadata: MetaData, engine: Engine, what: str) -> None:
    """Create ``metadata``'s missing tables, safe against another process doing the same.

    Services that keep state beside the store (the fetcher's ledger, the
    cleaner's templates) create their own tables at start. Two replicas starting
    together can both see a table missing; the database then refuses the second
    CREATE, and a second look finds the table there.
    """
    for attempt in (1, 2):
        try:
            metadata.create_all(engine)
            return
        except (IntegrityError, ProgrammingError, OperationalError) as exc:
            # SQLite says "table ... already exists" as an OperationalError, PostgreSQL as
            # an IntegrityError; a second look tells a lost race from a real outage.
            if attempt == 2:
                if isinstance(exc, OperationalError):
                    raise TransientError(f"{what} unavailable: {exc}") from exc
                raise


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@cache
def _upsert_statement(dialect: str, table: Table, key: str, replace: bool) -> Insert:
    """The upsert of ``table``, built once so SQLAlchemy compiles it once per process.

    Rows go in as executemany parameters, not as a multi-row VALUES clause: a
    VALUES clause is a new statement for every batch size, compiled afresh each
    time, which cost more than the database's work on the rows.
    """
    stmt: postgresql.Insert | sqlite.Insert
    if dialect == "postgresql":
        stmt = postgresql.insert(table)
    elif dialect == "sqlite":
        stmt = sqlite.insert(table)
    else:
        raise PermanentError(f"unsupported database dialect {dialect!r}")
    if replace:
        updates = {c.name: stmt.excluded[c.name] for c in table.columns if c.name != key}
        return stmt.on_conflict_do_update(index_elements=[key], set_=updates)
    return stmt.on_conflict_do_nothing(index_elements=[key])


def _upsert(conn: Connection, table: Table, rows: list[dict[str, Any]], key: str,
            replace: bool) -> None:
    if rows:
        conn.execute(_upsert_statement(conn.dialect.name, table, key, replace), rows)


def _article_row(a: CleanArticle, now: datetime) -> dict[str, Any]:
    return {
        "article_id": a.article_id, "url": a.url, "canonical_url": a.canonical_url,
        "feed_id": a.feed_id, "site": a.site, "title": a.title, "authors": list(a.authors),
        "published_at": a.published_at, "updated_at": a.updated_at, "language": a.language,
        "text": a.text, "removed": [r.model_dump() for r in a.removed],
        "fetched_at": a.fetched_at, "cleaned_at": a.cleaned_at, "cleaner": a.cleaner,
        "stored_at": now,
    }


def _event_row(e: Event, now: datetime) -> dict[str, Any]:
    return {
        "event_id": e.event_id, "article_id": e.article_id, "event_date": e.event_date,
        "date_precision": e.date_precision, "cameo_code": e.cameo_code,
        "cameo_root": e.cameo_root, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "actor_country": next((a.country for a in e.actor if a.country), None),
        "target_country": next((a.country for a in e.target if a.country), None),
        "location_country": e.location.country if e.location else None,
        "evidence": e.evidence.sentence, "confidence": e.confidence,
        "record": e.model_dump(mode="json", by_alias=True), "stored_at": now,
        "source": url_host(e.source_url) or None, "event_cluster_id": None,
    }


def _annotation_row(a: Annotations, now: datetime) -> dict[str, Any]:
    return {
        "article_id": a.article_id, "sentences": a.sentences,
        "entities": [x.model_dump(mode="json") for x in a.entities],
        "quotes": [x.model_dump(mode="json") for x in a.quotes],
        "event_ids": list(a.event_ids), "stored_at": now,
    }


def _dead_letter_row(d: DeadLetter, now: datetime) -> dict[str, Any]:
    ident = content_hash(f"{d.stage}|{d.source_topic}|{d.partition}|{d.offset}|{d.value}")
    return {
        "dead_letter_id": ident, "stage": d.stage, "source_topic": d.source_topic,
        "reason": d.reason, "error": d.error, "record": d.model_dump(mode="json", by_alias=True),
        "failed_at": d.failed_at, "stored_at": now,
    }


class Store:
    """Writes batches of messages idempotently; reads counts for reports and tests."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save(self, messages: Sequence[Message]) -> None:
        """Upsert ``messages`` in one transaction (transient errors are retryable)."""
        now = datetime.now(UTC)
        events = {m.event_id: (m, _event_row(m, now)) for m in messages if isinstance(m, Event)}
        tables: list[tuple[Table, str, bool, list[dict[str, Any]]]] = [
            (ArticleRow.__table__, "article_id", True,  # type: ignore[list-item]
             [_article_row(m, now) for m in messages if isinstance(m, CleanArticle)]),
            (EventRow.__table__, "event_id", False,  # type: ignore[list-item]
             [row for _, row in events.values()]),
            (AnnotationRow.__table__, "article_id", True,  # type: ignore[list-item]
             [_annotation_row(m, now) for m in messages if isinstance(m, Annotations)]),
            (DeadLetterRow.__table__, "dead_letter_id", False,  # type: ignore[list-item]
             [_dead_letter_row(m, now) for m in messages if isinstance(m, DeadLetter)]),
        ]
        try:
            with self.engine.begin() as conn:
                touched = self._cluster_new_events(conn, events, now)
                for table, key, replace, rows in tables:
                    # one row per distinct id: a batch may carry a redelivered copy
                    unique = list({r[key]: r for r in rows}.values())
                    _upsert(conn, table, unique, key, replace)
                clusters.recount(conn, touched, now)
        except OperationalError as exc:
            raise TransientError(f"database unavailable: {exc.orig}") from exc
        except (IntegrityError, DBAPIError) as exc:
            raise PermanentError(f"database rejected the rows: {exc.orig}",
                                 reason="db_rejected") from exc

    @staticmethod
    def _cluster_new_events(conn: Connection, events: dict[str, tuple[Event, dict[str, Any]]],
                            now: datetime) -> set[str]:
        """Assign clusters to the events not stored yet (a redelivered event keeps its own)."""
        if not events:
            return set()
        stored = set(conn.scalars(select(EventRow.event_id).where(
            EventRow.event_id.in_(list(events)))))
        new = [pair for event_id, pair in events.items() if event_id not in stored]
        return clusters.assign(conn, new, now)

    def counts(self) -> dict[str, int]:
        """Row count of every table (for progress displays and reports)."""
        with self.engine.connect() as conn:
            return {
                table.name: conn.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
            }
