"""Running a fetcher against loopback sites and collecting what it published."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from newsflow.feeds import Feed
from newsflow.messages import ArticleUrl, DeadLetter, RawArticle
from newsflow.runtime import Output
from services.fetcher import (
    FeedReport,
    FeedState,
    FeedStateStore,
    Fetcher,
    FetcherOptions,
    FetchPolicy,
    Ledger,
)
from services.fetcher.transport import make_client
from services.store import make_engine

POLICY = FetchPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.0/8"),), timeout=5)
FAST = FetcherOptions(retries=3, retry_initial=0.01, retry_max=2.0)
DEFAULTS = FetcherOptions()


@dataclass
class Run:
    """What one or more polls published and reported."""

    outputs: list[Output] = field(default_factory=list)
    reports: list[FeedReport] = field(default_factory=list)

    @property
    def pages(self) -> list[RawArticle]:
        """Raw articles published."""
        return [o.value for o in self.outputs if isinstance(o.value, RawArticle)]

    @property
    def page_urls(self) -> set[str]:
        """URLs of the raw articles published."""
        return {p.url for p in self.pages}

    @property
    def dead(self) -> dict[str, str]:
        """Dead-lettered URL -> reason."""
        import json

        return {json.loads(o.value.value)["url"]: o.value.reason
                for o in self.outputs if isinstance(o.value, DeadLetter)}

    def report(self, feed_id: str) -> FeedReport:
        """The last report of ``feed_id``."""
        return [r for r in self.reports if r.feed_id == feed_id][-1]


class Harness:
    """A fetcher whose ledger and feed state live in ``tmp_path``, like a real deployment's."""

    def __init__(self, tmp_path: Path, *, policy: FetchPolicy = POLICY,
                 options: FetcherOptions = FAST) -> None:
        self.url = f"sqlite:///{tmp_path / 'fetcher.sqlite'}"
        self.policy = policy
        self.options = options

    async def poll(self, feeds: Sequence[Feed], run: Run | None = None) -> Run:
        """A fresh fetcher (as after a restart) polls every feed once."""
        run = run or Run()

        async def publish(output: Output) -> None:
            run.outputs.append(output)

        engine = make_engine(self.url)
        ledger, state = Ledger(engine), FeedStateStore(engine)
        ledger.open()
        state.open()
        try:
            async with make_client(timeout=self.policy.timeout, max_connections=100,
                                   allowed_networks=self.policy.allowed_networks) as client:
                fetcher = Fetcher(feeds, client=client, policy=self.policy, ledger=ledger,
                                  publish=publish, options=self.options, state=state)
                run.reports += await fetcher.run(once=True)
        finally:
            engine.dispose()
        return run

    def states(self) -> dict[str, FeedState]:
        """The persisted feed states, by feed id."""
        engine = make_engine(self.url)
        try:
            store = FeedStateStore(engine)
            store.open()
            return dict(store.load())
        finally:
            engine.dispose()


class Owners:
    """Fetchers that each own one host, as beside each other on Kafka: they hand URLs to a
    shared list instead of a topic, and publish to another. Each keeps its own ledger, or
    all share one (``shared_ledger``), as processes sharing a database do. Close at the end.
    """

    def __init__(self, tmp_path: Path, *, shared_ledger: bool = False) -> None:
        self.tmp_path = tmp_path
        self.shared_ledger = shared_ledger
        self.handed: list[ArticleUrl] = []
        self.published: list[Output] = []
        self._open: list[tuple[Fetcher, httpx.AsyncClient]] = []

    def owner(self, host: str, feeds: Sequence[Feed] = (),
              options: FetcherOptions = DEFAULTS) -> Fetcher:
        """A fetcher that owns ``host`` and polls those of ``feeds`` on it."""
        name = "ledger" if self.shared_ledger else host
        ledger = Ledger(make_engine(f"sqlite:///{self.tmp_path / f'{name}.sqlite'}"))
        ledger.open()

        async def publish(output: Output) -> None:
            self.published.append(output)

        async def hand_off(articles: Sequence[ArticleUrl]) -> None:
            self.handed.extend(articles)

        client = make_client(timeout=5, max_connections=10,
                             allowed_networks=POLICY.allowed_networks)
        fetcher = Fetcher(feeds, client=client, policy=POLICY, ledger=ledger, publish=publish,
                          options=options, hand_off=hand_off, owns=lambda h: h == host)
        self._open.append((fetcher, client))
        return fetcher

    async def close(self) -> None:
        """Stop every fetcher and close its client."""
        for fetcher, client in self._open:
            await fetcher.release()
            await fetcher.requests.close()
            await client.aclose()
