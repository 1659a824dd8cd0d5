"""What both end-to-end tests check of a store filled from the demo site."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine, select

from newsflow.demo import ARTICLES, DemoArticle
from newsflow.ids import article_id, canonical_url
from services.store.models import ArticleRow, EventRow


def expected_ids(base_url: str) -> dict[str, DemoArticle]:
    """Article id of every demo article served at ``base_url``."""
    return {article_id(canonical_url(base_url + a.url_path)): a for a in ARTICLES}


def assert_articles_stored(engine: Engine, base_url: str) -> None:
    """Exactly the demo articles are stored, with their titles, authors, dates and body."""
    expected = expected_ids(base_url)
    with engine.connect() as conn:
        rows = {r.article_id: r for r in conn.execute(select(ArticleRow))}
    assert set(rows) == set(expected)
    for aid, demo in expected.items():
        row = rows[aid]
        assert row.title == demo.title
        assert row.authors == list(demo.authors)
        assert row.published_at is not None
        assert row.published_at.timestamp() == demo.published.timestamp()
        for paragraph in demo.paragraphs:
            assert paragraph in row.text, f"{demo.slug}: lost body text {paragraph[:60]!r}"
        assert row.removed, f"{demo.slug}: no boilerplate was recorded as removed"


def stored_triples(engine: Engine) -> dict[str, Counter[tuple[str | None, str, str | None]]]:
    """(actor country, CAMEO root, target country) of the stored events, per article."""
    out: dict[str, Counter[tuple[str | None, str, str | None]]] = {}
    with engine.connect() as conn:
        for row in conn.execute(select(EventRow)):
            out.setdefault(row.article_id, Counter())[
                (row.actor_country, row.cameo_root, row.target_country)] += 1
    return out


def assert_expected_events(engine: Engine, base_url: str) -> None:
    """Every hand-coded demo event is among the stored events of its article."""
    triples = stored_triples(engine)
    missing = []
    for aid, demo in expected_ids(base_url).items():
        found = triples.get(aid, Counter())
        for event in demo.expected_events:
            if (event.actor, event.root, event.target) not in found:
                missing.append(f"{demo.slug}: {event}")
    assert not missing, "events not extracted:\n" + "\n".join(missing)


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table."""
    from services.store import Store

    return Store(engine).counts()
