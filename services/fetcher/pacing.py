"""Per-host politeness: one dispatcher per host decides when its next request may start.

Every request to a host waits in that host's queue; the host's dispatcher
(one asyncio task) lets requests go one at a time, at most ``concurrency`` at
once and never sooner than ``delay`` seconds apart, and only once a global
slot is free, so that all requests to one host are paced by one worker with
no coordination beyond this process. With one request at a time per host (the
default) the delay is counted from the *end* of the previous request, so the
server sees at least ``delay`` seconds between two arrivals whatever the
network's jitter; with more, it is counted between starts.

A host that answers 429 or 503 is paused for its ``Retry-After`` (or an
exponential pause without one); a pause longer than ``max_wait`` fails the
waiting requests at once with :class:`HostBackingOff` rather than holding them.

Limits come from settings, replaced by those of the feeds that lead to the
host (the strictest feed wins), and robots.txt's ``Crawl-delay`` can only
lengthen the delay; :meth:`Pacer.configure` records each source separately so
that a reloaded feed can loosen what it once tightened.

A fetcher runs for months while its feeds link to ever more hosts, so the
state of a host that has gone quiet is forgotten: each request looks at a
couple of hosts, least recently looked at first, and drops any with no request
running or waiting, no pause in force, its delay since the last request over
(so forgetting it cannot shorten a gap) and idle for ``forget_after`` seconds
(a minute by default, so that a busy host is not dropped and rebuilt between
two of its requests). A throttled host forgotten that way starts its backoff
afresh, like one that answered normally since. Limits set by a feed stay until the feed is
forgotten; a Crawl-delay stays for twice robots.txt's time to live after
robots.txt last reported it, so it outlives the cached robots.txt that set it
(which is read again, and reports its Crawl-delay again, before the host's
next request).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field

from services.fetcher import metrics
from services.fetcher.errors import HostBackingOff

Clock = Callable[[], float]
#: The source name robots.txt's Crawl-delay is recorded under.
ROBOTS = "robots"
#: Hosts looked at for forgetting per request: more than the one a request can add, so the
#: sweep keeps pace with new hosts, and few enough to cost nothing on the request path.
_SWEEP = 2


@dataclass(frozen=True, slots=True)
class Limits:
    """How hard one host may be asked: requests at once and seconds between them."""

    concurrency: int = 1
    delay: float = 0.0


@dataclass
class _Host:
    name: str
    limits: Limits
    waiters: deque[asyncio.Future[None]] = field(default_factory=deque)
    active: int = 0
    next_start: float = 0.0
    paused_until: float = 0.0
    throttles: int = 0
    idle_since: float = 0.0
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    task: asyncio.Task[None] | None = None


class Pacer:
    """Hands out request slots per host and globally; see the module docstring."""

    def __init__(self, default: Limits, *, global_limit: int, max_wait: float = 60.0,
                 backoff_initial: float = 1.0, clock: Clock = time.monotonic,
                 forget_after: float = 60.0, robots_ttl: float = math.inf) -> None:
        self._default = default
        self._global = asyncio.Semaphore(global_limit)
        self._max_wait = max_wait
        self._backoff_initial = backoff_initial
        self._clock = clock
        self._forget_after = forget_after
        self._robots_ttl = robots_ttl
        self._hosts: OrderedDict[str, _Host] = OrderedDict()  # least recently looked at first
        self._sources: dict[str, dict[str, tuple[int | None, float | None]]] = {}
        self._robots_at: dict[str, float] = {}

    # ------------------------------------------------------------ configuration

    def configure(self, host: str, source: str, concurrency: int | None = None,
                  delay: float | None = None) -> None:
        """Record ``source``'s limits for ``host`` (a feed id, or ``robots`` for Crawl-delay)."""
        wanted = (concurrency, delay)
        if source == ROBOTS:
            # Dated, and tied to the host's state, so that the sweep drops it once stale.
            self._robots_at[host] = self._clock()
            self._host(host)
        sources = self._sources.get(host, {})
        if sources.get(source, (None, None)) != wanted:
            if wanted == (None, None):
                sources.pop(source, None)
            else:
                sources[source] = wanted
            self._set_sources(host, sources)

    def forget(self, source: str) -> None:
        """Drop every limit ``source`` set (a feed removed or changed)."""
        for host, sources in list(self._sources.items()):
            if sources.pop(source, None) is not None:
                self._set_sources(host, sources)

    def _set_sources(self, host: str, sources: dict[str, tuple[int | None, float | None]]) -> None:
        """Store ``host``'s sources (none: no entry at all) and apply its new limits."""
        if sources:
            self._sources[host] = sources
        else:
            self._sources.pop(host, None)
        self._update(host)

    def limits(self, host: str) -> Limits:
        """The limits in force for ``host``.

        Feeds that set a limit replace the settings' default (the strictest
        feed wins); robots.txt's Crawl-delay can only make the delay longer.
        """
        sources = self._sources.get(host, {})
        feeds = [v for k, v in sources.items() if k != ROBOTS]
        concurrency = [c for c, _ in feeds if c is not None]
        delays = [d for _, d in feeds if d is not None]
        crawl_delay = sources.get(ROBOTS, (None, None))[1] or 0.0
        return Limits(min(concurrency) if concurrency else self._default.concurrency,
                      max(max(delays) if delays else self._default.delay, crawl_delay))

    def _update(self, host: str) -> None:
        state = self._hosts.get(host)
        if state is not None:
            state.limits = self.limits(host)
            state.wake.set()

    # ---------------------------------------------------------------- feedback

    def throttled(self, host: str, retry_after: float | None) -> None:
        """The host said 429/503: pause it for ``retry_after``, or exponentially without one."""
        state = self._host(host)
        state.throttles += 1
        pause = retry_after if retry_after is not None else (
            self._backoff_initial * 2 ** min(state.throttles - 1, 10))
        state.paused_until = max(state.paused_until, self._clock() + pause)
        state.wake.set()

    def succeeded(self, host: str) -> None:
        """The host answered normally: forget earlier throttling."""
        state = self._hosts.get(host)
        if state is not None:
            state.throttles = 0

    def paused_for(self, host: str) -> float:
        """Seconds until ``host`` may be asked again after a 429/503 (0 when not paused)."""
        state = self._hosts.get(host)
        return max(0.0, state.paused_until - self._clock()) if state else 0.0

    def queue_depth(self, host: str) -> int:
        """Requests waiting for ``host``'s turn."""
        state = self._hosts.get(host)
        return len(state.waiters) if state else 0

    def paced_hosts(self) -> frozenset[str]:
        """The hosts whose pacing state is held: those asked recently (limits are kept apart)."""
        return frozenset(self._hosts)

    # -------------------------------------------------------------------- slots

    @contextlib.asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Wait for ``host``'s turn and a global slot; hold both while the request runs."""
        self._sweep()  # first, so that the state used below is never the one dropped
        state = self._host(host)
        self._check_pause(state)
        ticket: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        state.waiters.append(ticket)
        metrics.HOST_QUEUE.labels(host).set(len(state.waiters))
        state.wake.set()
        if state.task is None or state.task.done():
            state.task = asyncio.create_task(self._dispatch(state), name=f"pace:{host}")
        try:
            await ticket
        except BaseException:
            if ticket.done() and not ticket.cancelled() and ticket.exception() is None:
                self._release(state)  # granted just as we were cancelled: give it back
            raise
        try:
            yield
        finally:
            self._release(state)

    def _check_pause(self, state: _Host) -> None:
        wait = state.paused_until - self._clock()
        if wait > self._max_wait:
            raise HostBackingOff(f"{state.name} asked us to wait {wait:.0f}s more (429/503 "
                                 "Retry-After); the next poll tries again")

    def _release(self, state: _Host) -> None:
        state.active -= 1
        self._global.release()
        now = state.idle_since = self._clock()
        if state.limits.concurrency == 1:
            state.next_start = max(state.next_start, now + state.limits.delay)
        state.wake.set()

    def _host(self, host: str) -> _Host:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _Host(host, self.limits(host), idle_since=self._clock())
        return state

    def _sweep(self) -> None:
        """Look at the hosts least recently looked at; forget those gone quiet, requeue others."""
        now = self._clock()
        for _ in range(min(_SWEEP, len(self._hosts))):
            name, state = next(iter(self._hosts.items()))
            if self._quiet(state, now):
                self._drop(name)
            else:
                self._hosts.move_to_end(name)

    def _quiet(self, state: _Host, now: float) -> bool:
        """Whether forgetting ``state`` changes nothing a request to its host could notice."""
        return (state.active == 0 and not state.waiters
                and (state.task is None or state.task.done())
                and max(state.next_start, state.paused_until) <= now
                and now - state.idle_since >= self._forget_after
                and now - self._robots_at.get(state.name, -math.inf) >= 2 * self._robots_ttl)

    def _drop(self, host: str) -> None:
        """Forget ``host``'s pacing, its queue-depth series and its stale Crawl-delay."""
        del self._hosts[host]
        metrics.HOST_QUEUE.remove(host)
        if self._robots_at.pop(host, None) is not None:
            sources = self._sources.get(host, {})
            sources.pop(ROBOTS, None)
            self._set_sources(host, sources)

    async def _dispatch(self, state: _Host) -> None:
        """The one worker of a host: grant waiting requests their turn, in order."""
        while state.waiters:
            state.wake.clear()
            if state.active >= state.limits.concurrency:
                await state.wake.wait()
                continue
            wait = max(state.next_start, state.paused_until) - self._clock()
            if state.paused_until - self._clock() > self._max_wait:
                self._fail_waiters(state)
                return
            if wait > 0:  # sleep until the host's turn, or until something changes
                timer = asyncio.get_running_loop().call_later(wait, state.wake.set)
                try:
                    await state.wake.wait()
                finally:
                    timer.cancel()
                continue
            await self._global.acquire()
            ticket = self._next_waiter(state)
            if ticket is None:
                self._global.release()
                break
            state.active += 1
            state.next_start = self._clock() + state.limits.delay
            ticket.set_result(None)
        metrics.HOST_QUEUE.labels(state.name).set(len(state.waiters))

    def _next_waiter(self, state: _Host) -> asyncio.Future[None] | None:
        while state.waiters:
            ticket = state.waiters.popleft()
            metrics.HOST_QUEUE.labels(state.name).set(len(state.waiters))
            if not ticket.done():
                return ticket
        return None

    def _fail_waiters(self, state: _Host) -> None:
        while state.waiters:
            ticket = state.waiters.popleft()
            if not ticket.done():
                try:
                    self._check_pause(state)
                except HostBackingOff as exc:
                    ticket.set_exception(exc)

    async def close(self) -> None:
        """Stop every host's dispatcher."""
        tasks = [s.task for s in self._hosts.values() if s.task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
