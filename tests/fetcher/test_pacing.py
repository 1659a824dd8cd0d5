"""Politeness: per-host delay and concurrency (per feed too), global limit, Crawl-delay, pauses."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from newsflow.feeds import Feed, FeedKind
from services.fetcher import FetcherOptions
from services.fetcher.client import retry_after_seconds
from services.fetcher.errors import HostBackingOff
from services.fetcher.pacing import Limits, Pacer
from tests.fetcher.harness import Harness
from tests.fetcher.server import Reply, Seen, Site, page, rss


@pytest.fixture
def site() -> Iterator[Site]:
    with Site("127.0.0.1") as s:
        yield s


@pytest.fixture
def other() -> Iterator[Site]:
    with Site("127.0.0.3") as s:
        yield s


def articles(site: Site, n: int, slow: float = 0.0) -> list[str]:
    urls = [site.url(f"/{i}.html") for i in range(n)]

    def slow_page(seen: Seen) -> Reply:
        time.sleep(slow)
        return page(seen.path)

    for i in range(n):
        site.routes[f"/{i}.html"] = slow_page if slow else page(str(i))
    site.routes["/rss.xml"] = rss(*urls)
    return urls


@pytest.mark.parametrize(("setting", "override"), [(0.2, None), (0.0, 0.3)])
async def test_min_delay_between_requests_to_a_host(site: Site, tmp_path: Path, setting: float,
                                                    override: float | None) -> None:
    articles(site, 6)
    feed = Feed(id="f", url=site.url("/rss.xml"), kind=FeedKind.RSS, host_delay=override)
    run = await Harness(tmp_path, options=FetcherOptions(host_delay=setting)).poll([feed])
    assert len(run.pages) == 6
    assert len(site.seen) == 8  # robots.txt, the feed, six pages
    assert min(site.gaps()) >= (override or setting)


async def test_per_host_concurrency_from_the_feed(
        site: Site, other: Site, tmp_path: Path) -> None:
    articles(site, 8, slow=0.2)
    articles(other, 8, slow=0.2)
    feeds = [Feed(id="a", url=site.url("/rss.xml"), kind=FeedKind.RSS, host_concurrency=3),
             Feed(id="b", url=other.url("/rss.xml"), kind=FeedKind.RSS, host_concurrency=3)]
    run = await Harness(tmp_path, options=FetcherOptions(concurrency=4)).poll(feeds)
    assert len(run.pages) == 16
    assert max(s.concurrent for s in site.seen) == 3
    assert max(s.concurrent for s in other.seen) == 3


async def test_global_limit_holds_over_hosts(site: Site, other: Site, tmp_path: Path) -> None:
    articles(site, 6, slow=0.2)
    articles(other, 6, slow=0.2)
    feeds = [Feed(id="a", url=site.url("/rss.xml"), kind=FeedKind.RSS, host_concurrency=4),
             Feed(id="b", url=other.url("/rss.xml"), kind=FeedKind.RSS, host_concurrency=4)]
    active = {"now": 0, "max": 0}

    lock = threading.Lock()

    def counting(seen: Seen) -> Reply:
        with lock:
            active["now"] += 1
            active["max"] = max(active["max"], active["now"])
        time.sleep(0.2)
        with lock:
            active["now"] -= 1
        return page(seen.path)

    for s in (site, other):
        s.routes |= {f"/{i}.html": counting for i in range(6)}
    run = await Harness(tmp_path, options=FetcherOptions(concurrency=3)).poll(feeds)
    assert len(run.pages) == 12
    assert active["max"] == 3


async def test_robots_crawl_delay_raises_the_delay(site: Site, tmp_path: Path) -> None:
    articles(site, 4)
    site.routes["/robots.txt"] = Reply(body=b"User-agent: *\nCrawl-delay: 0.3\n")
    feed = Feed(id="f", url=site.url("/rss.xml"), kind=FeedKind.RSS)
    await Harness(tmp_path, options=FetcherOptions(host_delay=0.0)).poll([feed])
    assert min(site.gaps()[1:]) >= 0.3  # every request after robots.txt was read


def test_retry_after_in_seconds_or_as_a_date() -> None:
    now = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    assert retry_after_seconds("120", 3600, now) == 120
    date = format_datetime(now + timedelta(seconds=90), usegmt=True)
    assert retry_after_seconds(date, 3600, now) == 90
    assert retry_after_seconds("999999", 3600, now) == 3600  # capped
    assert retry_after_seconds("soon", 3600, now) is None
    assert retry_after_seconds(None, 3600, now) is None


def test_feeds_replace_the_default_strictest_first_and_crawl_delay_only_lengthens() -> None:
    pacer = Pacer(Limits(4, 0.5), global_limit=10)
    pacer.configure("h", "feed-a", concurrency=2, delay=0.1)
    assert pacer.limits("h") == Limits(2, 0.1)
    pacer.configure("h", "feed-b", concurrency=3, delay=2.0)
    assert pacer.limits("h") == Limits(2, 2.0)
    pacer.forget("feed-b")
    assert pacer.limits("h") == Limits(2, 0.1)
    pacer.configure("h", "robots", delay=1.0)
    assert pacer.limits("h") == Limits(2, 1.0)
    pacer.forget("feed-a")
    assert pacer.limits("h") == Limits(4, 1.0)
    assert pacer.limits("other") == Limits(4, 0.5)


async def test_a_long_pause_fails_waiting_requests_at_once() -> None:
    pacer = Pacer(Limits(1, 0.0), global_limit=2, max_wait=60)
    pacer.throttled("h", 3600)
    start = time.monotonic()
    with pytest.raises(HostBackingOff, match="asked us to wait"):
        async with pacer.slot("h"):
            pass
    assert time.monotonic() - start < 30  # far below the 60 s it would wait
    async with pacer.slot("elsewhere"):  # other hosts are not affected
        pass
    await pacer.close()


async def test_queue_depth_and_order() -> None:
    pacer = Pacer(Limits(1, 0.05), global_limit=5)
    order: list[int] = []

    async def one(i: int) -> None:
        async with pacer.slot("h"):
            order.append(i)

    tasks = [asyncio.create_task(one(i)) for i in range(5)]
    await asyncio.sleep(0.01)
    assert pacer.queue_depth("h") >= 3
    await asyncio.gather(*tasks)
    assert order == [0, 1, 2, 3, 4] and pacer.queue_depth("h") == 0
    await pacer.close()
