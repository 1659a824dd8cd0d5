"""Hot reload: a running fetcher follows edits of the feeds file and survives broken ones."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from newsflow.feeds import load_feeds
from newsflow.runtime import Output
from services.fetcher import FeedStateStore, Fetcher, Ledger
from services.fetcher.reload import FeedsWatcher
from services.store import make_engine
from tests.fetcher.harness import FAST, POLICY
from tests.fetcher.server import Site, page, rss


@pytest.fixture
def site() -> Iterator[Site]:
    with Site("127.0.0.1") as s:
        s.routes |= {"/a.xml": rss(s.url("/a.html")), "/b.xml": rss(s.url("/b.html")),
                     "/a.html": page("a"), "/b.html": page("b")}
        yield s


def feeds_yaml(site: Site, *ids: str, interval: float = 0.3) -> str:
    lines = [f"  - {{id: {i}, url: '{site.url(f'/{i}.xml')}', kind: rss, "
             f"poll_interval: {interval}}}" for i in ids]
    return "feeds:\n" + "\n".join(lines) + "\n"


async def eventually(check: Callable[[], bool], timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < end, "timed out"
        await asyncio.sleep(0.05)


@asynccontextmanager
async def watched_fetcher(path: Path, tmp_path: Path,
                          published: list[Output]) -> AsyncIterator[tuple[Fetcher, FeedsWatcher]]:
    """A running fetcher and a watcher of its feeds file; both stopped on exit."""

    async def publish(output: Output) -> None:
        published.append(output)

    engine = make_engine(f"sqlite:///{tmp_path / 'f.sqlite'}")
    ledger, store = Ledger(engine), FeedStateStore(engine)
    ledger.open()
    store.open()
    async with httpx.AsyncClient() as client:
        fetcher = Fetcher(load_feeds(path), client=client, policy=POLICY, ledger=ledger,
                          publish=publish, options=FAST, state=store)
        watcher = FeedsWatcher(path, fetcher.update_feeds, interval=0.1)
        tasks = [asyncio.create_task(fetcher.run()), asyncio.create_task(watcher.watch())]
        try:
            yield fetcher, watcher
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    engine.dispose()


async def test_edits_apply_without_restart_and_broken_edits_keep_the_last_good_feeds(
        site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(feeds_yaml(site, "a"))
    published: list[Output] = []
    async with watched_fetcher(path, tmp_path, published) as (fetcher, watcher):
        await eventually(lambda: len(site.hits("/a.xml")) >= 2)
        assert site.hits("/b.xml") == []

        path.write_text(feeds_yaml(site, "a", "b"))  # add a feed
        await eventually(lambda: len(published) == 2)
        assert {o.key for o in published} == {"127.0.0.1"}

        path.write_text("feeds:\n  - {id: a, url: 'ftp://nope', kind: rss}\n")  # broken
        await eventually(lambda: watcher.last_error is not None)
        assert "feeds[0].url" in (watcher.last_error or "")
        assert "keeping" in caplog.text or "last good feeds" in caplog.text
        polls = len(site.hits("/a.xml")), len(site.hits("/b.xml"))
        await eventually(lambda: len(site.hits("/a.xml")) > polls[0]
                         and len(site.hits("/b.xml")) > polls[1])  # both still polled

        path.write_text(feeds_yaml(site, "b"))  # remove a
        await eventually(lambda: watcher.last_error is None and len(fetcher.feeds) == 1)
        await asyncio.sleep(0.2)  # a poll of a may have been under way
        stopped_at = len(site.hits("/a.xml"))
        b_at = len(site.hits("/b.xml"))
        await eventually(lambda: len(site.hits("/b.xml")) >= b_at + 2)
        assert len(site.hits("/a.xml")) == stopped_at


async def test_a_changed_interval_applies_within_the_new_interval(site: Site,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(feeds_yaml(site, "a", interval=3600))
    async with watched_fetcher(path, tmp_path, []):
        await eventually(lambda: len(site.hits("/a.xml")) == 1)
        path.write_text(feeds_yaml(site, "a", interval=0.5))
        await eventually(lambda: len(site.hits("/a.xml")) >= 2, timeout=3)


async def test_a_feed_pointed_elsewhere_starts_with_fresh_state(site: Site,
                                                                tmp_path: Path) -> None:
    from newsflow.feeds import Feed, FeedKind
    from services.fetcher import FeedState

    async def publish(output: Output) -> None:
        pass

    engine = make_engine(f"sqlite:///{tmp_path / 'f.sqlite'}")
    ledger = Ledger(engine)
    ledger.open()
    feed = Feed(id="a", url=site.url("/a.xml"), kind=FeedKind.RSS, poll_interval=3600)
    async with httpx.AsyncClient() as client:
        fetcher = Fetcher([feed], client=client, policy=POLICY, ledger=ledger, publish=publish,
                          options=FAST)
        fetcher._states["a"] = FeedState("a", feed.url, failures=3)
        fetcher.update_feeds([feed], force=True)
        assert fetcher.update_feeds([feed.model_copy(update={"poll_interval": 60})]) == {
            "added": [], "removed": [], "changed": ["a"]}
        assert fetcher._states["a"].failures == 3  # same document: its state is kept
        fetcher.update_feeds([feed.model_copy(update={"kind": FeedKind.ATOM})])
        assert "a" not in fetcher._states or fetcher._states["a"].failures == 0
        assert fetcher.update_feeds([]) == {"added": [], "removed": ["a"], "changed": []}
        await fetcher.requests.close()
    engine.dispose()
