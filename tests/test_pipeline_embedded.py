"""End to end through the embedded runner: demo site on loopback -> SQLite.

Asserts the exact articles (body text included) and the exact events per article,
that polling again fetches nothing, and that the same pages cleaned, extracted and
stored a second time (a fresh fetcher ledger, as after losing it) add no rows.
"""

import ipaddress
from pathlib import Path

import pytest
from sqlalchemy import select

from newsflow.app import run_embedded
from newsflow.demo import ARTICLES, serve_demo_site
from newsflow.feeds import Feed, FeedKind
from newsflow.settings import Settings
from services.store import make_engine
from services.store.models import AnnotationRow, ArticleRow
from tests.pipeline_checks import assert_articles_stored, assert_expected_events, row_counts


async def test_embedded_pipeline_end_to_end(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'store.sqlite'}",
        allowed_networks=[ipaddress.ip_network("127.0.0.0/8")],
    )
    with serve_demo_site() as site:
        feeds = [
            Feed(id="demo-rss", url=f"{site.base_url}/rss.xml", kind=FeedKind.RSS),
            Feed(id="demo-sitemap", url=f"{site.base_url}/sitemap-index.xml",
                 kind=FeedKind.SITEMAP),
        ]
        report = await run_embedded(settings, feeds=feeds)
        assert all(r.error is None for r in report.feeds), report.feeds
        engine = make_engine(settings.database_url)
        request.addfinalizer(engine.dispose)
        assert_articles_stored(engine, site.base_url)
        assert_expected_events(engine, site.base_url)
        first = row_counts(engine)
        assert first["articles"] == len(ARTICLES) and first["dead_letters"] == 0
        page_requests = [r for r in site.requests if r.path.endswith(".html")]
        assert len(page_requests) == len(ARTICLES)  # listed by two feeds, fetched once

        again = await run_embedded(settings, feeds=feeds)
        assert sum(r.fetched for r in again.feeds) == 0
        assert row_counts(engine) == first
        assert len([r for r in site.requests if r.path.endswith(".html")]) == len(ARTICLES)

        # the same pages through cleaner, extractor and store again: a fetcher whose ledger
        # is new fetches and publishes every page a second time
        with engine.connect() as conn:
            before = {aid: at for aid, at in conn.execute(
                select(AnnotationRow.article_id, AnnotationRow.stored_at))}
        fresh_ledger = settings.model_copy(
            update={"fetcher_state_url": f"sqlite:///{tmp_path / 'new-ledger.sqlite'}"})
        redo = await run_embedded(fresh_ledger, feeds=feeds)
        assert sum(r.fetched for r in redo.feeds) == len(ARTICLES)
        assert len([r for r in site.requests if r.path.endswith(".html")]) == 2 * len(ARTICLES)
        with engine.connect() as conn:
            after = {aid: at for aid, at in conn.execute(
                select(AnnotationRow.article_id, AnnotationRow.stored_at))}
            restored = conn.scalars(select(ArticleRow.stored_at)).all()
        assert after.keys() == before.keys()
        assert all(after[aid] > before[aid] for aid in before), "annotations not stored again"
        assert all(t > max(before.values()) for t in restored), "articles not stored again"
        assert row_counts(engine) == first
        assert_articles_stored(engine, site.base_url)
        assert_expected_events(engine, site.base_url)
