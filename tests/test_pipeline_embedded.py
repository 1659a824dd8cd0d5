"""End to end through the embedded runner: demo site on loopback -> SQLite."""

import ipaddress
from pathlib import Path

import pytest

from newsflow.app import run_embedded
from newsflow.demo import ARTICLES, serve_demo_site
from newsflow.feeds import Feed, FeedKind
from newsflow.settings import Settings
from services.store import make_engine
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
