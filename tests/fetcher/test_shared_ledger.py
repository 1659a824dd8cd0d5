"""Beside other fetchers, a poller learns from the shared ledger what they fetched.

An aggregator's feed lists pages of hosts other fetchers own. Without a look at the
ledger, its poller would hand those URLs off again at every poll; with one, it sends
only the new ones.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from newsflow.feeds import Feed, FeedKind
from services.fetcher import FetcherOptions
from tests.fetcher.harness import Owners
from tests.fetcher.server import Site, page, rss


@pytest.fixture
def sites() -> Iterator[tuple[Site, Site]]:
    with Site("127.0.0.51") as aggregator, Site("127.0.0.52") as outlet:
        yield aggregator, outlet


@pytest.fixture
async def group(tmp_path: Path) -> AsyncIterator[Owners]:
    fetchers = Owners(tmp_path, shared_ledger=True)
    yield fetchers
    await fetchers.close()


async def _second_poll_hands_off(sites: tuple[Site, Site], group: Owners,
                                 refresh: float) -> list[str]:
    """Poll the aggregator, let the outlet's owner fetch the story, poll again (with one
    more story listed); the URLs handed off by the second poll."""
    aggregator, outlet = sites
    first, second = outlet.url("/first.html"), outlet.url("/second.html")
    outlet.routes["/first.html"] = page("the first story")
    outlet.routes["/second.html"] = page("the second story")
    aggregator.routes["/rss.xml"] = rss(first)
    feed = Feed(id="aggregator", url=aggregator.url("/rss.xml"), kind=FeedKind.RSS)
    options = FetcherOptions(ledger_refresh=refresh)
    poller = group.owner(aggregator.host, [feed], options)
    owner = group.owner(outlet.host, [], options)

    assert (await poller.poll(feed)).handed_off == 1
    done = asyncio.Event()
    owner.enqueue(group.handed[0], done.set)
    await asyncio.wait_for(done.wait(), timeout=30)
    await owner.release()  # writes its ledger rows
    assert [s.path for s in outlet.seen] == ["/robots.txt", "/first.html"]

    aggregator.routes["/rss.xml"] = rss(first, second)
    handed_before = len(group.handed)
    await poller.poll(feed)
    return [a.url for a in group.handed[handed_before:]]


async def test_a_poller_stops_handing_off_what_another_fetcher_fetched(
        sites: tuple[Site, Site], group: Owners) -> None:
    _, outlet = sites
    handed = await _second_poll_hands_off(sites, group, refresh=0.0)
    assert handed == [outlet.url("/second.html")]


async def test_between_ledger_reads_a_poller_hands_off_everything_new_to_it(
        sites: tuple[Site, Site], group: Owners) -> None:
    _, outlet = sites
    handed = await _second_poll_hands_off(sites, group, refresh=3600.0)
    assert handed == [outlet.url("/first.html"), outlet.url("/second.html")]
