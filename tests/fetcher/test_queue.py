"""The per-host queues: order, width, outcomes, and what a hand-over keeps or drops."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from newsflow.ids import article_id
from newsflow.messages import ArticleUrl
from services.fetcher.queue import HostQueues, Outcome


def url(host: str, n: int) -> ArticleUrl:
    link = f"http://{host}/{n}.html"
    return ArticleUrl(article_id=article_id(link), url=link, feed_id="f",
                      found_at=datetime(2026, 1, 1, tzinfo=UTC))


class Recorder:
    """Work that records what runs when, and can be held at a gate."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.running: dict[str, int] = {}
        self.most: dict[str, int] = {}
        self.gate = asyncio.Event()
        self.gate.set()

    async def work(self, article: ArticleUrl) -> Outcome:
        host = article.url.split("/")[2]
        self.started.append(article.url)
        self.running[host] = self.running.get(host, 0) + 1
        self.most[host] = max(self.most.get(host, 0), self.running[host])
        await asyncio.sleep(0.001)
        await self.gate.wait()
        self.running[host] -= 1
        if article.url.endswith("/bug.html"):
            raise RuntimeError("a bug")
        return Outcome("fetched")


async def test_each_host_in_order_and_no_wider_than_allowed() -> None:
    rec = Recorder()
    queues = HostQueues(rec.work, lambda host: 2 if host == "wide" else 1)
    outcomes: list[tuple[str, Outcome]] = []
    waits = []
    for n in range(6):
        for host in ("narrow", "wide"):
            done = asyncio.get_running_loop().create_future()
            article = url(host, n)
            queues.put(article, lambda o, a=article, d=done: (outcomes.append((a.url, o)),
                                                              d.set_result(None)))
            waits.append(done)
    assert len(queues) == 12
    await asyncio.gather(*waits)
    assert len(queues) == 0
    assert [u for u in rec.started if "narrow" in u] == [url("narrow", n).url for n in range(6)]
    assert rec.most == {"narrow": 1, "wide": 2}
    assert sorted(u for u, _ in outcomes) == sorted(a for a in rec.started)
    assert {o.status for _, o in outcomes} == {"fetched"}


async def test_work_that_raises_is_a_retry_and_the_queue_goes_on() -> None:
    rec = Recorder()
    queues = HostQueues(rec.work, lambda host: 1)
    got: list[Outcome] = []
    bug = url("h", 0).model_copy(update={"url": "http://h/bug.html"})
    queues.put(bug, got.append)
    queues.put(url("h", 1), got.append)
    while len(got) < 2:
        await asyncio.sleep(0.01)
    assert [o.status for o in got] == ["retry", "fetched"]
    assert got[0].error == "RuntimeError: a bug"


async def test_clear_finishes_what_was_started_and_drops_what_waited() -> None:
    rec = Recorder()
    rec.gate.clear()
    queues = HostQueues(rec.work, lambda host: 1)
    got: list[str] = []
    for n in range(3):
        article = url("h", n)
        queues.put(article, lambda o, a=article: got.append(a.url))
    while not rec.started:
        await asyncio.sleep(0.001)
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, rec.gate.set)
    assert await queues.clear(grace=30) == 2  # the two waiting; the started one finished
    assert got == [url("h", 0).url]
    assert len(queues) == 0 and queues.depth("h") == 0


async def test_clear_without_grace_stops_the_started_one_too() -> None:
    rec = Recorder()
    rec.gate.clear()
    queues = HostQueues(rec.work, lambda host: 1)
    got: list[Outcome] = []
    for n in range(3):
        queues.put(url("h", n), got.append)
    while not rec.started:
        await asyncio.sleep(0.001)
    assert await queues.clear() == 3
    assert got == []
    queues.put(url("h", 9), got.append)  # usable again afterwards
    rec.gate.set()
    while not got:
        await asyncio.sleep(0.01)
    assert got == [Outcome("fetched")]


async def test_waiting_urls_per_host_are_a_metric_that_goes_when_the_host_is_done() -> None:
    from prometheus_client import REGISTRY

    def waiting(host: str) -> float | None:
        return REGISTRY.get_sample_value("newsflow_fetcher_host_urls_waiting", {"host": host})

    rec = Recorder()
    rec.gate.clear()
    queues = HostQueues(rec.work, lambda host: 1)
    got: list[Outcome] = []
    for n in range(4):
        queues.put(url("metered", n), got.append)
    while not rec.started:
        await asyncio.sleep(0.001)
    assert waiting("metered") == 3  # one taken by the worker, three waiting
    rec.gate.set()
    while len(got) < 4:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.01)  # the worker's exit
    assert waiting("metered") is None
