"""SQLAlchemy 2 models of what newsflow stores.

Rows are keyed by the deterministic ids the messages carry, so the store's
upserts are idempotent. Events carry no foreign key to their article: on a
stream the events of an article may be stored before the article itself.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Dialect, Float, Integer, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored in UTC and read back aware.

    SQLite has no time zones: SQLAlchemy would drop the offset and hand back a
    naive time. Converting to UTC on the way in and marking UTC on the way out
    gives the same instants on SQLite and PostgreSQL.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: newsflow stores aware times only")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base of the store's tables."""

    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: UTCDateTime()}


class ArticleRow(Base):
    """One clean article."""

    __tablename__ = "articles"

    article_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    feed_id: Mapped[str] = mapped_column(String(200), index=True)
    site: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[Any]]
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    updated_at: Mapped[datetime | None]
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    removed: Mapped[list[Any]]
    fetched_at: Mapped[datetime]
    cleaned_at: Mapped[datetime]
    cleaner: Mapped[str] = mapped_column(String(200))
    stored_at: Mapped[datetime]


class EventRow(Base):
    """One coded event; the full message is kept in ``record``."""

    __tablename__ = "events"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    article_id: Mapped[str] = mapped_column(String(64), index=True)
    event_date: Mapped[date] = mapped_column(Date, index=True)
    date_precision: Mapped[str] = mapped_column(String(32))
    cameo_code: Mapped[str] = mapped_column(String(8), index=True)
    cameo_root: Mapped[str] = mapped_column(String(4))
    quad_class: Mapped[int] = mapped_column(Integer)
    goldstein: Mapped[float] = mapped_column(Float)
    actor_country: Mapped[str | None] = mapped_column(String(3), index=True)
    target_country: Mapped[str | None] = mapped_column(String(3), index=True)
    location_country: Mapped[str | None] = mapped_column(String(3))
    evidence: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    record: Mapped[dict[str, Any]]
    stored_at: Mapped[datetime]
    source: Mapped[str | None] = mapped_column(String(300))
    """Host of the source URL: distinct sources are counted per cluster."""
    event_cluster_id: Mapped[str | None] = mapped_column(String(64), index=True)


class EventClusterRow(Base):
    """Events from different articles that report the same happening (GDELT's NumArticles)."""

    __tablename__ = "event_clusters"

    event_cluster_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    actor_country: Mapped[str | None] = mapped_column(String(3))
    target_country: Mapped[str | None] = mapped_column(String(3))
    cameo_root: Mapped[str] = mapped_column(String(4))
    place: Mapped[str] = mapped_column(String(64))
    """Gazetteer id of the event's location, its country when only that is known, or ''."""
    event_date: Mapped[date] = mapped_column(Date, index=True)
    num_events: Mapped[int] = mapped_column(Integer)
    num_articles: Mapped[int] = mapped_column(Integer)
    num_sources: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]


class AnnotationRow(Base):
    """Entities, quotes and event ids of one article."""

    __tablename__ = "article_annotations"

    article_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sentences: Mapped[int] = mapped_column(Integer)
    entities: Mapped[list[Any]]
    quotes: Mapped[list[Any]]
    event_ids: Mapped[list[Any]]
    stored_at: Mapped[datetime]


class DeadLetterRow(Base):
    """A message some stage could not process, kept for inspection and replay."""

    __tablename__ = "dead_letters"

    dead_letter_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    stage: Mapped[str] = mapped_column(String(50), index=True)
    source_topic: Mapped[str | None] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(String(100))
    error: Mapped[str] = mapped_column(Text)
    record: Mapped[dict[str, Any]]
    failed_at: Mapped[datetime]
    stored_at: Mapped[datetime]
