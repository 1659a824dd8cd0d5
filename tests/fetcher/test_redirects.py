"""Redirects to another host: paced and robots-checked as that host's requests, or passed on.

Alone, the fetcher follows a redirect to another host as a new request to that
host, in that host's turn. Beside other fetchers, it hands the redirected
article to the fetcher that owns the new host instead of sending the request
itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsflow.feeds import Feed, FeedKind
from newsflow.ids import article_id, url_host
from newsflow.messages import ArticleUrl, RawArticle
from services.fetcher import Fetcher, FetcherOptions
from services.fetcher.queue import Outcome
from tests.fetcher.harness import POLICY, Harness, Owners
from tests.fetcher.server import Reply, Site, page, rss

DELAY = 0.3


@pytest.fixture
def three() -> Iterator[tuple[Site, Site, Site]]:
    with Site("127.0.0.41") as a, Site("127.0.0.42") as b, Site("127.0.0.43") as target:
        yield a, b, target


async def test_redirects_from_two_hosts_wait_for_the_target_hosts_turn(
        three: tuple[Site, Site, Site], tmp_path: Path) -> None:
    a, b, target = three
    for n in range(3):
        target.routes[f"/{n}.html"] = page(f"page {n}")
        for site in (a, b):
            site.routes[f"/go-{n}.html"] = Reply(301, headers={
                "Location": target.url(f"/{n}.html") + f"?from={site.host}"})
    for site in (a, b):
        site.routes["/rss.xml"] = rss(*(site.url(f"/go-{n}.html") for n in range(3)))
    feeds = [Feed(id=f"feed-{i}", url=s.url("/rss.xml"), kind=FeedKind.RSS)
             for i, s in enumerate((a, b))]
    run = await Harness(tmp_path, options=FetcherOptions(host_delay=DELAY)).poll(feeds)

    assert len(run.pages) == 6
    assert {p.final_url.split("?")[0] for p in run.pages} == {
        target.url(f"/{n}.html") for n in range(3)}
    assert {p.url for p in run.pages} == {s.url(f"/go-{n}.html") for s in (a, b)
                                          for n in range(3)}
    assert target.hits("/robots.txt"), "the target host's robots.txt was not asked"
    assert max(s.concurrent for s in target.seen) == 1
    assert min(target.gaps()) >= DELAY  # two redirectors, yet the target is paced as one host


@pytest.fixture
async def owners(tmp_path: Path) -> AsyncIterator[Owners]:
    group = Owners(tmp_path)
    yield group
    await group.close()


async def _settle(fetcher: Fetcher, article: ArticleUrl) -> None:
    done = asyncio.Event()
    fetcher.enqueue(article, done.set)
    await asyncio.wait_for(done.wait(), timeout=30)


async def test_a_redirect_to_a_host_owned_elsewhere_is_handed_to_its_owner(
        three: tuple[Site, Site, Site], owners: Owners) -> None:
    a, _, target = three
    a.routes["/story.html"] = Reply(302, headers={"Location": target.url("/story.html")})
    target.routes["/story.html"] = page("the story")
    a.routes["/rss.xml"] = rss(a.url("/story.html"))
    feed = Feed(id="a", url=a.url("/rss.xml"), kind=FeedKind.RSS)
    handed, published = owners.handed, owners.published
    owner_a, owner_t = owners.owner(a.host, [feed]), owners.owner(target.host, [feed])

    report = await owner_a.poll(feed)
    assert report.handed_off == 1 and [h.url for h in handed] == [a.url("/story.html")]
    await _settle(owner_a, handed[0])  # owner of a: asks a, is sent to the target, passes it on
    moved = handed[1]
    assert (moved.url, moved.fetch_url, moved.hops) == (
        a.url("/story.html"), target.url("/story.html"), 1)
    assert target.seen == [] and published == []
    await _settle(owner_t, moved)  # the target's owner fetches it
    [raw] = [o.value for o in published if isinstance(o.value, RawArticle)]
    assert (raw.url, raw.final_url) == (a.url("/story.html"), target.url("/story.html"))
    assert raw.article_id == handed[0].article_id
    assert [s.path for s in target.seen] == ["/robots.txt", "/story.html"]


async def test_redirects_between_owners_end_after_the_redirect_limit(
        three: tuple[Site, Site, Site], owners: Owners) -> None:
    a, b, _ = three
    a.routes["/x.html"] = Reply(302, headers={"Location": b.url("/x.html")})
    b.routes["/x.html"] = Reply(302, headers={"Location": a.url("/x.html")})
    by_host = {a.host: owners.owner(a.host), b.host: owners.owner(b.host)}
    url = a.url("/x.html")
    article = ArticleUrl(article_id=article_id(url), url=url, feed_id="f",
                         found_at=datetime.now(UTC))
    outcomes: list[Outcome] = []
    while len(outcomes) < 20:  # bounded, whatever happens
        done: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        by_host[url_host(article.fetch_url or article.url)].queues.put(article, done.set_result)
        outcomes.append(await asyncio.wait_for(done, timeout=30))
        if outcomes[-1].status != "moved":
            break
        article = owners.handed[-1]
    assert [o.status for o in outcomes] == ["moved"] * POLICY.max_redirects + ["dead"]
    assert "redirects" in (outcomes[-1].error or "")
