"""Politeness: per-host delay and concurrency (per feed too), global limit, Crawl-delay, pauses."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from newsflow.feeds import Feed, FeedKind
from services.fetcher import FetcherOptions
from services.fetcher.client import retry_after_seconds
from services.fetcher.errors import HostBackingOff
from services.fetcher.pacing import ROBOTS, Limits, Pacer
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


class FakeClock:
    """A clock that moves only when told, so that pacing decisions are exact."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def ask(pacer: Pacer, host: str) -> None:
    """One request to ``host`` that takes no time; every request also sweeps quiet hosts."""
    async with pacer.slot(host):
        pass


async def test_a_quiet_host_is_forgotten_after_its_idle_time() -> None:
    clock = FakeClock()
    pacer = Pacer(Limits(1, 10.0), global_limit=4, clock=clock, forget_after=60.0)
    await ask(pacer, "h")
    clock.now = 30.0  # its delay is over, but it has not been idle for a minute
    await ask(pacer, "poke")
    assert "h" in pacer.paced_hosts()
    clock.now = 60.0
    await ask(pacer, "poke")
    assert "h" not in pacer.paced_hosts()
    assert REGISTRY.get_sample_value("newsflow_fetcher_host_queue_depth", {"host": "h"}) is None
    await pacer.close()


async def test_a_host_is_kept_while_a_request_runs_or_waits() -> None:
    clock = FakeClock()
    pacer = Pacer(Limits(1, 0.0), global_limit=4, clock=clock, forget_after=0.0)
    entered, leave = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        async with pacer.slot("h"):
            entered.set()
            await leave.wait()

    running = asyncio.create_task(hold())
    await entered.wait()
    waiting = asyncio.create_task(ask(pacer, "h"))
    while pacer.queue_depth("h") == 0:
        await asyncio.sleep(0)
    clock.now = 100.0
    await ask(pacer, "poke")
    await ask(pacer, "poke")
    assert "h" in pacer.paced_hosts()
    leave.set()
    await asyncio.gather(running, waiting)
    await ask(pacer, "poke")
    await ask(pacer, "poke")
    assert "h" not in pacer.paced_hosts()
    await pacer.close()


async def test_a_paused_host_is_kept_until_the_pause_ends() -> None:
    clock = FakeClock()
    pacer = Pacer(Limits(1, 0.0), global_limit=4, clock=clock, forget_after=0.0)
    pacer.throttled("h", 30.0)
    clock.now = 29.0
    await ask(pacer, "poke")
    assert "h" in pacer.paced_hosts() and pacer.paused_for("h") == 1.0
    clock.now = 30.0
    await ask(pacer, "poke")
    assert "h" not in pacer.paced_hosts()
    await pacer.close()


async def test_the_gap_holds_across_forgetting_and_the_feed_limits_stay() -> None:
    clock = FakeClock()
    pacer = Pacer(Limits(1, 0.0), global_limit=4, clock=clock, forget_after=0.0)
    pacer.configure("h", "feed", delay=10.0)
    await ask(pacer, "h")
    clock.now = 10.0
    await ask(pacer, "poke")
    assert "h" not in pacer.paced_hosts()  # its gap is over: nothing left to remember
    assert pacer.limits("h") == Limits(1, 10.0)  # but the feed's limits are
    await ask(pacer, "h")  # granted at once, 10 s after the last request
    clock.now = 15.0
    await ask(pacer, "poke")
    assert "h" in pacer.paced_hosts()  # 5 s of its gap remain
    waiting = asyncio.create_task(ask(pacer, "h"))
    for _ in range(10):
        await asyncio.sleep(0)
    assert not waiting.done() and pacer.queue_depth("h") == 1  # not before the gap is over
    waiting.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await waiting
    await pacer.close()


async def test_a_crawl_delay_outlives_the_robots_txt_that_set_it() -> None:
    clock = FakeClock()
    pacer = Pacer(Limits(1, 0.0), global_limit=4, clock=clock, forget_after=0.0,
                  robots_ttl=100.0)
    pacer.configure("h", ROBOTS, delay=5.0)
    pacer.configure("h", "feed", concurrency=2)
    clock.now = 150.0
    pacer.configure("h", ROBOTS, delay=5.0)  # robots.txt read again, same Crawl-delay
    clock.now = 349.0
    await ask(pacer, "poke")
    assert "h" in pacer.paced_hosts() and pacer.limits("h") == Limits(2, 5.0)
    clock.now = 350.0
    await ask(pacer, "poke")
    assert "h" not in pacer.paced_hosts()
    assert pacer.limits("h") == Limits(2, 0.0)  # the Crawl-delay went, the feed's limit stays
    await pacer.close()


async def test_state_stays_small_over_ever_more_hosts() -> None:
    clock = FakeClock()
    pacer = Pacer(Limits(1, 1.0), global_limit=4, clock=clock, forget_after=5.0)
    for i in range(1000):
        clock.now = float(i)
        await ask(pacer, f"host-{i}")
    assert len(pacer.paced_hosts()) <= 6  # the hosts of the last five seconds, and this one
    await pacer.close()
