"""Each server behaviour and bad input, against real loopback sockets.

Every test runs a misbehaving site beside a good one (another host) and asserts
both the clear error and that the good feed's pages were all published: one
feed's trouble never costs another feed its work.
"""

from __future__ import annotations

import dataclasses
import gzip
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsflow.feeds import Feed, FeedKind
from services.fetcher import FetcherOptions
from tests.fetcher.harness import POLICY, Harness, Run
from tests.fetcher.server import HTML, Reply, Route, Seen, Site, page, rss


@pytest.fixture
def good() -> Iterator[Site]:
    with Site("127.0.0.1") as site:
        site.routes |= {"/rss.xml": rss(site.url("/g1.html"), site.url("/g2.html")),
                        "/g1.html": page("good one"), "/g2.html": page("good two")}
        yield site


@pytest.fixture
def bad() -> Iterator[Site]:
    with Site("127.0.0.2") as site:
        yield site


def feeds(good: Site, bad: Site, bad_path: str = "/rss.xml",
          kind: FeedKind = FeedKind.RSS) -> list[Feed]:
    return [Feed(id="good", url=good.url("/rss.xml"), kind=FeedKind.RSS),
            Feed(id="bad", url=bad.url(bad_path), kind=kind)]


def assert_good_work_kept(run: Run, good: Site) -> None:
    assert {good.url("/g1.html"), good.url("/g2.html")} <= run.page_urls
    assert run.report("good").error is None and run.report("good").fetched == 2


def bad_articles(bad: Site, **routes: Route) -> None:
    """The bad site's feed lists one good page and the given misbehaving ones."""
    paths = [f"/{name}.html" for name in routes]
    bad.routes |= {"/rss.xml": rss(bad.url("/ok.html"), *(bad.url(p) for p in paths)),
                   "/ok.html": page("fine"), **dict(zip(paths, routes.values(), strict=True))}


# ------------------------------------------------------------------ articles


@pytest.mark.parametrize(("status", "reason"), [(404, "http_404"), (410, "http_410")])
async def test_gone_pages_are_dead_lettered_once_and_not_retried(
        good: Site, bad: Site, tmp_path: Path, status: int, reason: str) -> None:
    bad_articles(bad, gone=Reply(status, b"gone", dict(HTML)))
    harness = Harness(tmp_path)
    run = await harness.poll(feeds(good, bad))
    assert run.dead == {bad.url("/gone.html"): reason}
    assert len(bad.hits("/gone.html")) == 1  # permanent: no retry
    assert bad.url("/ok.html") in run.page_urls
    assert_good_work_kept(run, good)
    again = await harness.poll(feeds(good, bad))  # recorded: not asked again after a restart
    assert again.outputs == [] and len(bad.hits("/gone.html")) == 1


async def test_redirect_loop_is_dead_lettered(good: Site, bad: Site, tmp_path: Path) -> None:
    bad_articles(bad, loop=Reply(302, headers={"Location": "/loop.html?again"}))
    run = await Harness(tmp_path).poll(feeds(good, bad))
    assert run.dead == {bad.url("/loop.html"): "redirects"}
    assert "more than 5 redirects" in " ".join(run.report("bad").errors)
    assert len(bad.hits("/loop.html")) == 6
    assert_good_work_kept(run, good)


async def test_wrong_content_type_is_dead_lettered(good: Site, bad: Site,
                                                   tmp_path: Path) -> None:
    bad_articles(bad, pdf=Reply(body=b"%PDF-1.7", headers={"Content-Type": "application/pdf"}))
    run = await Harness(tmp_path).poll(feeds(good, bad))
    assert run.dead == {bad.url("/pdf.html"): "content_type"}
    assert "content type application/pdf is not one of text/html" in run.report("bad").errors[0]
    assert_good_work_kept(run, good)


async def test_bad_charset(good: Site, bad: Site, tmp_path: Path) -> None:
    bogus = {"Content-Type": "text/html; charset=no-such-charset"}
    bad_articles(
        bad,
        mislabelled=Reply(body="<p>Zürich café</p>".encode(), headers=bogus),
        binary=Reply(body=bytes(range(128, 256)) * 40, headers=bogus),
    )
    run = await Harness(tmp_path).poll(feeds(good, bad))
    published = {p.url: p.html for p in run.pages}
    assert published[bad.url("/mislabelled.html")] == "<p>Zürich café</p>"  # UTF-8 fallback
    assert run.dead == {bad.url("/binary.html"): "charset"}
    assert "not text in charset no-such-charset nor UTF-8" in " ".join(run.report("bad").errors)
    assert_good_work_kept(run, good)


async def test_gzip_bomb_is_refused_without_reading_it(good: Site, bad: Site,
                                                       tmp_path: Path) -> None:
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)  # 200 MB from ~200 kB
    bad_articles(bad, bomb=Reply(body=bomb, headers={**HTML, "Content-Encoding": "gzip"}),
                 zipped=Reply(body=gzip.compress(b"<p>small zipped page</p>"),
                              headers={**HTML, "Content-Encoding": "gzip"}))
    run = await Harness(tmp_path).poll(feeds(good, bad))
    assert run.dead == {bad.url("/bomb.html"): "decompression_bomb"}
    assert "decompression bomb" in run.report("bad").errors[0]
    assert {p.url: p.html for p in run.pages}[bad.url("/zipped.html")] == "<p>small zipped page</p>"
    assert_good_work_kept(run, good)


async def test_slow_drip_times_out_and_is_retried_next_poll(good: Site, bad: Site,
                                                            tmp_path: Path) -> None:
    bad_articles(bad, drip=Reply(body=b"<p>" + b"x" * 100 + b"</p>", headers=dict(HTML),
                                 drip=0.05))
    policy = Harness(tmp_path).policy
    harness = Harness(tmp_path, policy=type(policy)(**{**policy.__dict__, "timeout": 0.5}),
                      options=FetcherOptions(retries=2, retry_initial=0.01))
    run = await harness.poll(feeds(good, bad))
    report = run.report("bad")
    assert report.retry_later == 1 and run.dead == {}  # transient: not dead-lettered
    assert "no complete answer within 0.5s" in report.errors[0]
    assert len(bad.hits("/drip.html")) == 2  # retried once
    assert_good_work_kept(run, good)
    bad.routes["/drip.html"] = page("finally")
    again = await harness.poll(feeds(good, bad))  # the feed is read in full again: retried
    assert again.page_urls == {bad.url("/drip.html")}


async def test_429_with_retry_after_pauses_the_host(good: Site, bad: Site,
                                                    tmp_path: Path) -> None:
    calls: list[float] = []

    def throttled(seen: Seen) -> Reply:
        calls.append(seen.at)
        if len(calls) == 1:
            return Reply(429, b"slow down", {"Retry-After": "1"})
        return page("after the pause")

    bad_articles(bad, limited=throttled)
    run = await Harness(tmp_path).poll(feeds(good, bad))
    assert bad.url("/limited.html") in run.page_urls
    assert calls[1] - calls[0] >= 1.0  # Retry-After honoured
    after = [s.at for s in bad.seen if s.at > calls[0]]
    assert all(t - calls[0] >= 1.0 for t in after)  # the whole host waited, not one URL
    assert_good_work_kept(run, good)


async def test_long_retry_after_defers_the_host_to_the_next_poll(good: Site, bad: Site,
                                                                 tmp_path: Path) -> None:
    bad_articles(bad, limited=Reply(429, b"", {"Retry-After": "3600"}))
    start = time.monotonic()
    run = await Harness(tmp_path).poll(feeds(good, bad))
    assert time.monotonic() - start < 10
    report = run.report("bad")
    assert report.retry_later >= 1 and run.dead == {}
    assert any("Retry-After" in e or "asked us to wait" in e for e in report.errors)
    assert_good_work_kept(run, good)


@pytest.mark.parametrize("recovers", [True, False])
async def test_503_is_retried_with_backoff(good: Site, bad: Site, tmp_path: Path,
                                           recovers: bool) -> None:
    def unavailable(seen: Seen) -> Reply:
        if recovers and len(bad.hits("/busy.html")) >= 3:
            return page("back")
        return Reply(503, b"busy", {"Content-Type": "text/plain"})

    bad_articles(bad, busy=unavailable)
    run = await Harness(tmp_path).poll(feeds(good, bad))
    assert len(bad.hits("/busy.html")) == 3  # FAST: three attempts
    if recovers:
        assert bad.url("/busy.html") in run.page_urls
    else:
        assert run.report("bad").retry_later == 1 and run.dead == {}
        assert "HTTP 503" in run.report("bad").errors[0]
    assert_good_work_kept(run, good)


# --------------------------------------------------------------------- feeds


async def test_xml_bomb_feed_fails_its_feed_only(good: Site, bad: Site, tmp_path: Path) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            b"<rss><channel><item><title>&c;</title><link>http://x/1</link></item>"
            b"</channel></rss>")
    bad.routes["/rss.xml"] = Reply(body=bomb, headers={"Content-Type": "application/rss+xml"})
    harness = Harness(tmp_path)
    run = await harness.poll(feeds(good, bad))
    assert "declares XML entities" in (run.report("bad").error or "")
    state = harness.states()["bad"]
    assert "declares XML entities" in (state.last_error or "")
    assert state.failures == 1
    assert_good_work_kept(run, good)


@pytest.mark.parametrize(("reply", "message"), [
    (Reply(404, b"", {}), "HTTP 404"),
    (Reply(body=b"<html>not a feed", headers=dict(HTML)), "not a readable RSS/Atom feed"),
    (Reply(body=gzip.compress(b"<urlset>" + b" " * 60_000_000), headers={}), "bomb"),
])
async def test_broken_feeds_fail_alone(good: Site, bad: Site, tmp_path: Path, reply: Reply,
                                       message: str) -> None:
    bad.routes["/feed"] = reply
    kind = FeedKind.SITEMAP if reply.body[:2] == b"\x1f\x8b" else FeedKind.RSS
    run = await Harness(tmp_path).poll(feeds(good, bad, "/feed", kind))
    assert message in (run.report("bad").error or "")
    assert_good_work_kept(run, good)


async def test_robots_txt_is_honoured_and_cached(good: Site, bad: Site, tmp_path: Path) -> None:
    bad.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /private/\n",
                                      headers={"Content-Type": "text/plain"})
    bad.routes |= {"/rss.xml": rss(bad.url("/open.html"), bad.url("/private/secret.html")),
                   "/open.html": page("open"), "/private/secret.html": page("secret")}
    agent = "newsflow-test/1 (+mailto:desk@example.org)"
    harness = Harness(tmp_path, policy=dataclasses.replace(POLICY, user_agent=agent))
    run = await harness.poll(feeds(good, bad))
    assert run.dead == {bad.url("/private/secret.html"): "robots"}
    assert bad.url("/open.html") in run.page_urls and bad.hits("/private/secret.html") == []
    assert len(bad.hits("/robots.txt")) == 1  # once per origin, then cached
    assert {s.headers["user-agent"] for s in bad.seen} == {agent}
    assert_good_work_kept(run, good)


async def test_unreadable_robots_txt_pauses_that_site_only(good: Site, bad: Site,
                                                           tmp_path: Path) -> None:
    bad.routes |= {"/robots.txt": Reply(500, b"oops", {}), "/rss.xml": rss(bad.url("/a.html")),
                   "/a.html": page("a")}
    run = await Harness(tmp_path).poll(feeds(good, bad))
    assert "robots.txt unreadable" in (run.report("bad").error or "")
    assert bad.hits("/rss.xml") == []
    assert_good_work_kept(run, good)
