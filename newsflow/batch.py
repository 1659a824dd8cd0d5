"""Ordered parallel map for the batch commands (`newsflow clean`, `newsflow extract`).

Input lines are processed on a process pool and yielded in input order, with a
bounded read-ahead so that memory stays flat however long the input is. A
worker that dies (killed for memory, a crash in a C extension) breaks the whole
pool: the jobs in flight then come back as the caller's error records, a fresh
pool takes over, and the rest of the input goes on in order.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

#: Items in flight per worker: enough to keep every worker busy, few enough to bound memory.
READ_AHEAD_PER_WORKER = 8

#: The ``reason`` of an error record for a job lost with its worker process.
WORKER_CRASHED = "worker_crashed"

log = logging.getLogger(__name__)


def crash_error(exc: BaseException) -> str:
    """The ``error`` of a record for a job lost with its worker, naming the failure."""
    return (f"worker process died while this line was in flight "
            f"({type(exc).__name__}: {exc})")


class _Pool:
    """A process pool that is replaced by a fresh one when a worker dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = ProcessPoolExecutor(max_workers=workers)

    def submit(self, fn: Callable[[In], Out], item: In) -> Future[Out]:
        """Submit ``item``, on a fresh pool if the current one is already broken."""
        try:
            return self.executor.submit(fn, item)
        except BrokenProcessPool:
            self.restart(self.executor)
            return self.executor.submit(fn, item)

    def restart(self, broken: ProcessPoolExecutor) -> None:
        """Replace ``broken`` unless a later failure has replaced it already."""
        if broken is self.executor:
            log.warning("a worker process died; restarting the pool of %d", self.workers)
            # no cancelling: the broken pool fails each of its futures with the cause
            broken.shutdown(wait=False)
            self.executor = ProcessPoolExecutor(max_workers=self.workers)


def ordered_map(fn: Callable[[In], Out], items: Iterable[In], workers: int,
                on_crash: Callable[[In, BaseException], Out]) -> Iterator[Out]:
    """Apply ``fn`` to ``items`` on ``workers`` processes; yield results in input order.

    ``fn`` must be a module-level function and must not raise: batch commands
    turn every failure into an error record so that no input line goes missing.
    A job lost with its worker yields ``on_crash(item, error)`` in its place;
    the jobs that were in flight with it are lost too (which of them killed the
    worker cannot be told) and yield the same.
    """
    window: deque[tuple[In, ProcessPoolExecutor, Future[Out]]] = deque()
    pool = _Pool(workers)

    def next_result() -> Out:
        item, executor, future = window.popleft()
        try:
            return future.result()
        except BrokenProcessPool as exc:
            pool.restart(executor)
            return on_crash(item, exc)

    try:
        for item in items:
            future = pool.submit(fn, item)
            window.append((item, pool.executor, future))
            if len(window) >= workers * READ_AHEAD_PER_WORKER:
                yield next_result()
        while window:
            yield next_result()
    finally:
        pool.executor.shutdown(cancel_futures=True)
