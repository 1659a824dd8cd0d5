"""Idempotent upserts on SQLite and PostgreSQL; migrations match the models."""

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from newsflow.messages import (
    Annotations,
    CleanArticle,
    Coder,
    DeadLetter,
    Event,
    Evidence,
    Modality,
    Span,
)
from services.store import Store, make_engine, migrate
from services.store.models import ArticleRow, Base, EventClusterRow

NOW = datetime(2026, 3, 4, 12, tzinfo=UTC)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    url: str = request.getfixturevalue("pg_database_url")
    return url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    engine = make_engine(database_url)
    migrate(engine)
    yield Store(engine)
    engine.dispose()


def article(title: str = "Bridge to reopen") -> CleanArticle:
    return CleanArticle(
        article_id="a1", url="https://hh.example/bridge", feed_id="hh", site="Harbour Herald",
        title=title, authors=["Maria Lind"], published_at=NOW, text="Body.", paragraphs=["Body."],
        fetched_at=NOW, cleaned_at=NOW, cleaner="test",
    )


def event(code: str = "190") -> Event:
    return Event(
        event_id=f"e-{code}", article_id="a1", source_url="https://hh.example/bridge",
        published_at=NOW, extracted_at=NOW, event_date=date(2026, 3, 4), date_precision="day",
        actor=[], target=[], cameo_code=code, cameo_root=code[:2], cameo_base=code[:3],
        plover="ASSAULT", quad_class=4, goldstein=-10.0,
        trigger=Span(text="shelled", start=0, end=7), modality=Modality(),
        evidence=Evidence(sentence="Troops shelled the town.", sentence_id=1, start=0, end=24,
                          in_lead=True, in_quote=False),
        confidence=0.8, coder=Coder(name="test", version="0"),
    )


def annotations() -> Annotations:
    return Annotations(article_id="a1", extracted_at=NOW, sentences=1, entities=[], quotes=[],
                       event_ids=["e-190"], coder=Coder(name="t", version="0"))


def dead_letter() -> DeadLetter:
    return DeadLetter(stage="cleaner", source_topic="news.articles.raw.v1", partition=0,
                      offset=7, key="k", value="{}", error_type="Rejected", reason="too_short",
                      error="x", failed_at=NOW)


def test_redelivery_makes_no_second_row(store: Store) -> None:
    batch = [article(), event("190"), event("195"), annotations(), dead_letter()]
    store.save(batch)
    store.save(batch)  # the whole batch redelivered after a crash before the commit
    store.save([event("190")])  # one message of it redelivered alone
    assert store.counts() == {"articles": 1, "events": 2, "article_annotations": 1,
                              "dead_letters": 1, "event_clusters": 1}


def test_copies_inside_one_batch_make_one_row(store: Store) -> None:
    """A batch can hold a message and its redelivered copy; PostgreSQL refuses an upsert that
    touches one row twice, so Store.save must keep one row per id (the last) before writing."""
    first = [article("First title"), event("190"), annotations(), dead_letter()]
    again = [article("Corrected title"), event("190"), annotations(), dead_letter()]
    store.save(first + again)
    assert store.counts() == {"articles": 1, "events": 1, "article_annotations": 1,
                              "dead_letters": 1, "event_clusters": 1}
    with store.engine.connect() as conn:
        assert conn.scalars(select(ArticleRow.title)).all() == ["Corrected title"]
        assert conn.scalars(select(EventClusterRow.num_events)).all() == [1]


def test_newer_article_version_replaces_the_old(store: Store) -> None:
    store.save([article("First title")])
    store.save([article("Corrected title")])
    with store.engine.connect() as conn:
        assert conn.scalars(select(ArticleRow.title)).all() == ["Corrected title"]


def test_migrations_match_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)  # a second upgrade is a no-op
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []
