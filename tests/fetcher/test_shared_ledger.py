"""Beside other fetchers, a poller learns from the shared ledger what they fetched.

An aggregator's feed lists pages of hosts other fetchers own. Without a look at the
ledger, its poller would hand those URLs off again at every poll; with one, it sends
only the new ones.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path

import httpx
import pytest

from newsflow.feeds import Feed, FeedKind
from newsflow.messages import ArticleUrl
from newsflow.runtime import Output
from services.fetcher import Fetcher, FetcherOptions, Ledger
from services.fetcher.transport import make_client
from services.store import make_engine
from tests.fetcher.harness import POLICY
from tests.fetcher.server import Site, page, rss


@pytest.fixture
def sites() -> Iterator[tuple[Site, Site]]:
    with Site("127.0.0.51") as aggregator, Site("127.0.0.52") as outlet:
        yield aggregator, outlet


class Group:
    """Fetchers that share one ledger database, each owning one host."""

    def __init__(self, tmp_path: Path) -> None:
        self.url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
        self.handed: list[ArticleUrl] = []
        self._open: list[tuple[Fetcher, httpx.AsyncClient]] = []

    def fetcher(self, host: str, feeds: Sequence[Feed], refresh: float) -> Fetcher:
        ledger = Ledger(make_engine(self.url))
        ledger.open()

        async def publish(output: Output) -> None:
            return None

        async def hand_off(articles: Sequence[ArticleUrl]) -> None:
            self.handed.extend(articles)

        client = make_client(timeout=5, max_connections=10,
                             allowed_networks=POLICY.allowed_networks)
        fetcher = Fetcher(feeds, client=client, policy=POLICY, ledger=ledger, publish=publish,
                          options=FetcherOptions(ledger_refresh=refresh),
                          hand_off=hand_off, owns=lambda h: h == host)
        self._open.append((fetcher, client))
        return fetcher

    async def close(self) -> None:
        for fetcher, client in self._open:
            await fetcher.release()
            await fetcher.requests.close()
            await client.aclose()


@pytest.fixture
async def group(tmp_path: Path) -> AsyncIterator[Group]:
    fetchers = Group(tmp_path)
    yield fetchers
    await fetchers.close()


async def _second_poll_hands_off(sites: tuple[Site, Site], group: Group,
                                 refresh: float) -> list[str]:
    """Poll the aggregator, let the outlet's owner fetch the story, poll again (with one
    more story listed); the URLs handed off by the second poll."""
    aggregator, outlet = sites
    first, second = outlet.url("/first.html"), outlet.url("/second.html")
    outlet.routes["/first.html"] = page("the first story")
    outlet.routes["/second.html"] = page("the second story")
    aggregator.routes["/rss.xml"] = rss(first)
    feed = Feed(id="aggregator", url=aggregator.url("/rss.xml"), kind=FeedKind.RSS)
    poller = group.fetcher(aggregator.host, [feed], refresh)
    owner = group.fetcher(outlet.host, [], refresh)

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
        sites: tuple[Site, Site], group: Group) -> None:
    _, outlet = sites
    handed = await _second_poll_hands_off(sites, group, refresh=0.0)
    assert handed == [outlet.url("/second.html")]


async def test_between_ledger_reads_a_poller_hands_off_everything_new_to_it(
        sites: tuple[Site, Site], group: Group) -> None:
    _, outlet = sites
    handed = await _second_poll_hands_off(sites, group, refresh=3600.0)
    assert handed == [outlet.url("/first.html"), outlet.url("/second.html")]
