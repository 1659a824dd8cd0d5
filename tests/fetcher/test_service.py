"""The fetcher against a real loopback server: publish new pages once, dead-letter bad ones."""

import ipaddress
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsflow import topics
from newsflow.demo import ARTICLES, DemoSite, serve_demo_site
from newsflow.feeds import Feed, FeedKind
from newsflow.messages import ArticleUrl, DeadLetter, RawArticle
from newsflow.runtime import Output
from services.fetcher import FeedReport, Fetcher, FetchPolicy, Ledger
from services.fetcher.discover import Entry
from services.store import make_engine

POLICY = FetchPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.0/8"),), timeout=10)


@pytest.fixture
def site() -> Iterator[DemoSite]:
    with serve_demo_site() as demo:
        yield demo


async def poll(feeds: list[Feed], ledger_url: str, policy: FetchPolicy = POLICY) -> list[Output]:
    published: list[Output] = []

    async def publish(output: Output) -> None:
        published.append(output)

    engine = make_engine(ledger_url)
    ledger = Ledger(engine)
    ledger.open()
    async with httpx.AsyncClient() as client:
        fetcher = Fetcher(feeds, client=client, policy=policy, ledger=ledger, publish=publish)
        await fetcher.run(once=True)
    engine.dispose()
    return published


async def test_pages_are_published_once_across_feeds_and_restarts(site: DemoSite,
                                                                  tmp_path: Path) -> None:
    ledger = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    feeds = [Feed(id="rss", url=f"{site.base_url}/rss.xml", kind=FeedKind.RSS),
             Feed(id="maps", url=f"{site.base_url}/sitemap-index.xml", kind=FeedKind.SITEMAP)]
    first = await poll(feeds, ledger)
    raws = [o.value for o in first if isinstance(o.value, RawArticle)]
    assert len(raws) == len(ARTICLES) == len(first)
    assert all("utm_" not in r.url for r in raws)  # canonicalised
    assert {o.key for o in first} == {"127.0.0.1"}  # keyed by host
    assert await poll(feeds, ledger) == []  # a new fetcher with the same ledger: nothing again
    assert len([r for r in site.requests if r.path.endswith(".html")]) == len(ARTICLES)


async def test_bad_urls_are_dead_lettered_and_good_ones_still_published(site: DemoSite,
                                                                        tmp_path: Path) -> None:
    good = site.base_url + ARTICLES[0].url_path
    entries = [Entry(f"{site.base_url}/missing.html"), Entry(good),
               Entry(f"{site.base_url}/rss.xml"), Entry("http://10.0.0.1/private.html"),
               Entry("ftp://127.0.0.1/file.html")]
    feed = Feed(id="list", url=f"{site.base_url}/rss.xml", kind=FeedKind.URLS)
    published: list[Output] = []

    async def publish(output: Output) -> None:
        published.append(output)

    engine = make_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    ledger = Ledger(engine)
    ledger.open()
    report = FeedReport("list")
    async with httpx.AsyncClient() as client:
        fetcher = Fetcher([feed], client=client, policy=POLICY, ledger=ledger, publish=publish)
        await fetcher.process_entries(feed, entries, report)
    engine.dispose()
    dead = [o for o in published if isinstance(o.value, DeadLetter)]
    assert sorted(o.value.reason for o in dead) == [
        "address", "content_type", "http_404", "scheme"]
    assert all(o.topic == topics.dead_letter("fetcher") for o in dead)
    assert [o.value.url for o in published if isinstance(o.value, RawArticle)] == [good]
    assert (report.found, report.fetched, report.failed) == (5, 1, 4)


async def test_a_feed_that_fails_is_reported_and_publishes_nothing(site: DemoSite,
                                                                   tmp_path: Path) -> None:
    feeds = [Feed(id="gone", url=f"{site.base_url}/no-such-feed.xml", kind=FeedKind.RSS)]
    assert await poll(feeds, f"sqlite:///{tmp_path / 'ledger.sqlite'}") == []


async def test_an_unexpected_error_costs_one_page_only(site: DemoSite, tmp_path: Path) -> None:
    class Buggy(Fetcher):
        async def fetch_article(self, article: ArticleUrl) -> RawArticle:
            if article.url.endswith(ARTICLES[0].url_path):
                raise RuntimeError("a bug")
            return await super().fetch_article(article)

    published: list[Output] = []

    async def publish(output: Output) -> None:
        published.append(output)

    engine = make_engine(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    ledger = Ledger(engine)
    ledger.open()
    feed = Feed(id="rss", url=f"{site.base_url}/rss.xml", kind=FeedKind.RSS)
    async with httpx.AsyncClient() as client:
        reports = await Buggy([feed], client=client, policy=POLICY, ledger=ledger,
                              publish=publish).run(once=True)
    engine.dispose()
    dead = [o.value for o in published if isinstance(o.value, DeadLetter)]
    assert [(d.reason, d.error_type) for d in dead] == [("unexpected", "RuntimeError")]
    assert len([o for o in published if isinstance(o.value, RawArticle)]) == len(ARTICLES) - 1
    assert reports[0].failed == 1 and reports[0].error is None
