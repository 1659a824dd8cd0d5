"""Article URLs waiting to be fetched: one first-in-first-out queue per host.

A host's queue is drained by at most as many workers as the host may have
requests in flight, so a queued URL costs a few hundred bytes, not a task:
tens of thousands can wait for slow hosts while fast hosts go on. Each URL
comes with a ``done`` callback that is called exactly once with its
:class:`Outcome`, except when the queues are cleared, which is how the Kafka
runner keeps its partitions' offsets from moving past unfinished work.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

from newsflow.ids import url_host
from newsflow.messages import ArticleUrl
from services.fetcher import metrics

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one article URL."""

    status: Literal["fetched", "known", "moved", "retry", "dead"]
    """Published; already fetched before; redirected to a host another fetcher owns (handed
    to it); failed transiently (found again at the next poll); failed for good (dead-lettered)."""
    error: str | None = None


Done = Callable[[Outcome], None]
Work = Callable[[ArticleUrl], Awaitable[Outcome]]


@dataclass(slots=True)
class _Host:
    waiting: deque[tuple[ArticleUrl, Done]]
    workers: set[asyncio.Task[None]]


class HostQueues:
    """Per-host FIFO queues of article URLs, each drained by up to ``width(host)`` workers."""

    def __init__(self, work: Work, width: Callable[[str], int]) -> None:
        self._work = work
        self._width = width
        self._hosts: dict[str, _Host] = {}
        self._size = 0

    def __len__(self) -> int:
        """URLs queued or being fetched, over all hosts."""
        return self._size

    def depth(self, host: str) -> int:
        """URLs of ``host`` waiting for a worker."""
        state = self._hosts.get(host)
        return len(state.waiting) if state is not None else 0

    def put(self, article: ArticleUrl, done: Done) -> None:
        """Queue ``article`` behind the other URLs of its host; ``done`` gets its outcome."""
        host = url_host(article.fetch_url or article.url)
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _Host(deque(), set())
        state.waiting.append((article, done))
        metrics.HOST_URLS.labels(host).set(len(state.waiting))
        self._size += 1
        if len(state.workers) < max(1, self._width(host)):
            task = asyncio.create_task(self._drain(host, state), name=f"host:{host}")
            state.workers.add(task)

    async def _drain(self, host: str, state: _Host) -> None:
        try:
            while state.waiting:
                article, done = state.waiting.popleft()
                metrics.HOST_URLS.labels(host).set(len(state.waiting))
                try:
                    outcome = await self._work(article)
                except Exception as exc:  # noqa: BLE001 - the work should not raise; log, go on
                    log.exception("%s: unexpected error", article.url)
                    outcome = Outcome("retry", f"{type(exc).__name__}: {exc}")
                self._size -= 1
                done(outcome)
        finally:
            state.workers.discard(asyncio.current_task())  # type: ignore[arg-type]
            if not state.workers and not state.waiting and self._hosts.get(host) is state:
                del self._hosts[host]
                metrics.HOST_URLS.remove(host)

    async def clear(self, grace: float = 0.0) -> int:
        """Drop every waiting URL without calling its ``done``; say how many were left undone.

        URLs already taken by a worker get ``grace`` seconds to finish (and call
        ``done``) before their workers are cancelled. Used when the fetcher hands
        its hosts to another worker: a page being downloaded is worth finishing,
        since the next owner would otherwise ask the site for it again; what was
        not finished here is read again from the topic by the next owner.
        """
        for state in self._hosts.values():
            state.waiting.clear()
        tasks = [t for state in self._hosts.values() for t in state.workers]
        if tasks and grace > 0:
            await asyncio.wait(tasks, timeout=grace)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        undone, self._size = self._size, 0
        for host in self._hosts:
            metrics.HOST_URLS.remove(host)
        self._hosts.clear()
        return undone
