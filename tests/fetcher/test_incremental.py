"""Incremental polling: conditional GETs, state that survives restarts, one fetch per article."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from newsflow.feeds import Feed, FeedKind
from services.fetcher import FeedStateStore, Fetcher, Ledger
from services.store import make_engine
from tests.fetcher.harness import FAST, POLICY, Harness
from tests.fetcher.server import Reply, Seen, Site, page, rss

LAST_MODIFIED = "Wed, 04 Mar 2026 10:00:00 GMT"


@pytest.fixture
def site() -> Iterator[Site]:
    with Site("127.0.0.1") as s:
        yield s


async def test_conditional_get_with_etag_across_a_restart(site: Site, tmp_path: Path) -> None:
    site.routes |= {"/rss.xml": rss(site.url("/a.html"), etag='"v1"'), "/a.html": page("a")}
    feed = [Feed(id="f", url=site.url("/rss.xml"), kind=FeedKind.RSS)]
    harness = Harness(tmp_path)
    first = await harness.poll(feed)
    assert first.page_urls == {site.url("/a.html")}
    assert harness.states()["f"].validators[site.url("/rss.xml")].etag == '"v1"'
    second = await harness.poll(feed)  # a new fetcher: validators came from the database
    assert site.hits("/rss.xml")[-1].headers.get("if-none-match") == '"v1"'
    assert second.report("f").not_modified and second.report("f").found == 0
    assert len(site.hits("/a.html")) == 1


async def test_conditional_get_with_last_modified(site: Site, tmp_path: Path) -> None:
    body = rss(site.url("/a.html"))

    def feed_doc(seen: Seen) -> Reply:
        if seen.headers.get("if-modified-since") == LAST_MODIFIED:
            return Reply(304)
        reply = body(seen) if callable(body) else body
        return Reply(reply.status, reply.body, {**reply.headers, "Last-Modified": LAST_MODIFIED})

    site.routes |= {"/rss.xml": feed_doc, "/a.html": page("a")}
    feed = [Feed(id="f", url=site.url("/rss.xml"), kind=FeedKind.RSS)]
    harness = Harness(tmp_path)
    await harness.poll(feed)
    run = await harness.poll(feed)
    assert run.report("f").not_modified and run.outputs == []


async def test_unchanged_sitemap_index_still_asks_its_children(site: Site,
                                                              tmp_path: Path) -> None:
    index = (f'<?xml version="1.0"?><sitemapindex><sitemap><loc>{site.url("/news.xml")}</loc>'
             "</sitemap></sitemapindex>").encode()
    version = {"n": 1}

    def index_doc(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == '"i"':
            return Reply(304)
        return Reply(body=index, headers={"ETag": '"i"', "Content-Type": "application/xml"})

    def child(seen: Seen) -> Reply:
        urls = "".join(f"<url><loc>{site.url(f'/{i}.html')}</loc></url>"
                       for i in range(version["n"]))
        etag = f'"c{version["n"]}"'
        if seen.headers.get("if-none-match") == etag:
            return Reply(304)
        return Reply(body=f"<urlset>{urls}</urlset>".encode(), headers={"ETag": etag})

    site.routes |= {"/index.xml": index_doc, "/news.xml": child, "/0.html": page("0"),
                    "/1.html": page("1")}
    feed = [Feed(id="s", url=site.url("/index.xml"), kind=FeedKind.SITEMAP)]
    harness = Harness(tmp_path)
    assert (await harness.poll(feed)).page_urls == {site.url("/0.html")}
    version["n"] = 2  # the news sitemap grows; the index does not change
    run = await harness.poll(feed)
    assert run.page_urls == {site.url("/1.html")}
    assert site.hits("/index.xml")[-1].headers.get("if-none-match") == '"i"'
    assert site.hits("/news.xml")[-1].headers.get("if-none-match") == '"c1"'


async def test_one_article_in_three_feeds_is_fetched_once(site: Site, tmp_path: Path) -> None:
    article = site.url("/story.html")
    site.routes |= {
        "/rss.xml": rss(article + "?utm_source=rss&utm_medium=feed"),
        "/atom.xml": Reply(body=(
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title><entry><title>s</title>'
            f'<link href="{article}#comments"/></entry></feed>').encode()),
        "/urls.txt": Reply(body=f"{article.replace('http://', 'HTTP://')}#top\n".encode()),
        "/story.html": page("story"),
    }
    feeds = [Feed(id="r", url=site.url("/rss.xml"), kind=FeedKind.RSS),
             Feed(id="a", url=site.url("/atom.xml"), kind=FeedKind.ATOM),
             Feed(id="u", url=site.url("/urls.txt"), kind=FeedKind.URLS)]
    harness = Harness(tmp_path)
    run = await harness.poll(feeds)
    assert run.page_urls == {article} and len(site.hits("/story.html")) == 1
    assert run.dead == {} and run.report("u").skipped + run.report("u").fetched == 1
    await harness.poll(feeds)
    assert len(site.hits("/story.html")) == 1


async def test_validators_are_kept_only_when_every_entry_was_dealt_with(
        site: Site, tmp_path: Path) -> None:
    site.routes |= {"/rss.xml": rss(site.url("/a.html"), etag='"v1"'), "/a.html": page("a")}
    feed = [Feed(id="f", url=site.url("/rss.xml"), kind=FeedKind.RSS)]
    harness = Harness(tmp_path)
    await harness.poll(feed)
    site.routes |= {"/rss.xml": rss(site.url("/a.html"), site.url("/b.html"), etag='"v2"'),
                    "/b.html": Reply(503, b"busy")}
    run = await harness.poll(feed)
    assert run.report("f").retry_later == 1
    assert harness.states()["f"].validators[site.url("/rss.xml")].etag == '"v1"'
    site.routes["/b.html"] = page("b")
    run = await harness.poll(feed)  # v1 does not match: the feed comes in full, b is retried
    assert run.page_urls == {site.url("/b.html")}
    assert harness.states()["f"].validators[site.url("/rss.xml")].etag == '"v2"'


async def test_feed_state_is_saved_and_a_restart_keeps_the_rhythm(site: Site,
                                                                 tmp_path: Path) -> None:
    site.routes |= {"/rss.xml": rss(site.url("/a.html")), "/a.html": page("a")}
    feed = Feed(id="f", url=site.url("/rss.xml"), kind=FeedKind.RSS, poll_interval=3600)
    harness = Harness(tmp_path)
    before = datetime.now(UTC)
    await harness.poll([feed])
    state = harness.states()["f"]
    assert state.last_success_at is not None and state.last_success_at >= before
    assert state.items_found == 1 and state.items_fetched == 1 and state.failures == 0
    assert state.next_poll_at is not None
    assert state.next_poll_at - state.last_success_at >= timedelta(seconds=3599)

    # a restarted fetcher, running for ever, does not poll a feed that is not due
    engine = make_engine(harness.url)
    ledger, store = Ledger(engine), FeedStateStore(engine)
    ledger.open()
    store.open()

    async def publish(output: object) -> None:
        raise AssertionError("nothing is due")

    async with httpx.AsyncClient() as client:
        fetcher = Fetcher([feed], client=client, policy=POLICY, ledger=ledger,
                          publish=publish, options=FAST, state=store)
        task = asyncio.create_task(fetcher.run())
        await asyncio.sleep(1.0)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    engine.dispose()
    assert len(site.hits("/rss.xml")) == 1


async def test_failures_are_counted_and_reported(site: Site, tmp_path: Path) -> None:
    feed = [Feed(id="f", url=site.url("/missing.xml"), kind=FeedKind.RSS, poll_interval=60)]
    harness = Harness(tmp_path)
    await harness.poll(feed)
    await harness.poll(feed)
    state = harness.states()["f"]
    assert state.failures == 2 and "HTTP 404" in (state.last_error or "")
    assert state.last_success_at is None
    assert state.next_poll_at is not None and state.last_poll_at is not None
    assert state.next_poll_at - state.last_poll_at >= timedelta(seconds=60 * 4 - 1)


async def test_site_discovery_from_the_home_page(site: Site, tmp_path: Path) -> None:
    site.routes |= {
        "/": Reply(body=b'<html><head><link rel="alternate" type="application/feed+json" '
                        b'href="/feed.json"></head><body>home</body></html>',
                   headers={"Content-Type": "text/html"}),
        "/feed.json": Reply(body=(
            '{"version": "https://jsonfeed.org/version/1.1", "title": "j", '
            f'"items": [{{"id": "1", "url": "{site.url("/j.html")}"}}]}}').encode()),
        "/j.html": page("json story"),
    }
    feed = [Feed(id="home", url=site.url("/"))]  # kind omitted: a site
    harness = Harness(tmp_path)
    run = await harness.poll(feed)
    assert run.page_urls == {site.url("/j.html")}
    assert harness.states()["home"].discovered == f"json {site.url('/feed.json')}"
    await harness.poll(feed)
    assert len(site.hits("/")) == 1  # remembered: the home page is not read every poll
    assert len(site.hits("/feed.json")) == 2


async def test_a_home_page_without_feeds_is_a_clear_error(site: Site, tmp_path: Path) -> None:
    site.routes["/"] = Reply(body=b"<html><head></head><body>no feeds</body></html>",
                             headers={"Content-Type": "text/html"})
    run = await Harness(tmp_path).poll([Feed(id="home", url=site.url("/"))])
    assert "announces no feed" in (run.report("home").error or "")
