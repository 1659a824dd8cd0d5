"""Ordered parallel map for the batch commands (`newsflow clean`, `newsflow extract`).

Input lines are processed on a process pool and yielded in input order, with a
bounded read-ahead so that memory stays flat however long the input is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

#: Items in flight per worker: enough to keep every worker busy, few enough to bound memory.
READ_AHEAD_PER_WORKER = 8


def ordered_map(fn: Callable[[In], Out], items: Iterable[In], workers: int) -> Iterator[Out]:
    """Apply ``fn`` to ``items`` on ``workers`` processes; yield results in input order.

    ``fn`` must be a module-level function and must not raise: batch commands
    turn every failure into an error record so that no input line goes missing.
    """
    window: deque[Future[Out]] = deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for item in items:
            window.append(pool.submit(fn, item))
            if len(window) >= workers * READ_AHEAD_PER_WORKER:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
