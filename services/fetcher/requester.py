"""The one way the fetcher sends a request: robots.txt, host pacing, retries, then fetch.

Order matters: robots.txt is asked first (a disallowed URL costs the host
nothing), then the request waits for its host's turn (:class:`Pacer`), then it
is sent under the safety policy (:func:`fetch`). Transient errors are retried
with jittered exponential backoff (stamina); a 429/503 also pauses the whole
host for its ``Retry-After``, so the retry and every other request to that
host wait it out. Permanent errors are never retried. A redirect to another
host starts over on that host: its robots.txt, its turn, its retries.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable

import httpx
import stamina

from newsflow.errors import FetchFailed, TransientError
from newsflow.ids import url_host
from services.fetcher.client import FetchPolicy, Response, fetch
from services.fetcher.errors import (
    CrossHostRedirect,
    HostBackingOff,
    RobotsUnavailable,
    Throttled,
)
from services.fetcher.options import FetcherOptions
from services.fetcher.pacing import Limits, Pacer
from services.fetcher.robots import Robots


def _retryable(exc: Exception) -> bool:
    """Transient errors only; a host that asked for a long pause waits for the next poll."""
    if isinstance(exc, HostBackingOff | RobotsUnavailable):
        return False
    return isinstance(exc, TransientError)


class Requester:
    """Sends GETs politely and safely; owns the host pacer and the robots.txt cache."""

    def __init__(self, client: httpx.AsyncClient, policy: FetchPolicy,
                 options: FetcherOptions) -> None:
        self._client = client
        self._policy = policy
        self._options = options
        self.pacer = Pacer(Limits(options.host_concurrency, options.host_delay),
                           global_limit=options.concurrency, max_wait=options.retry_max,
                           backoff_initial=max(options.retry_initial, 0.001),
                           robots_ttl=options.robots_ttl)
        self.robots = Robots(self._get_robots, self.pacer, user_agent=policy.user_agent,
                             ttl=options.robots_ttl)

    async def get(self, url: str, *, kind: str, accept: tuple[str, ...] | None = None,
                  headers: dict[str, str] | None = None,
                  follow: Callable[[str], bool] | None = None) -> Response:
        """GET ``url`` once robots.txt allows it, when its host's turn comes, with retries.

        A redirect to another host is followed as a new request to that host,
        unless ``follow`` refuses the host: then the :class:`CrossHostRedirect`
        is raised for the caller to pass on (to the fetcher that owns the host).
        """
        async def send(target: str) -> Response:
            return await self._get_one(target, kind, accept, headers)

        return await self._across_hosts(url, send, follow)

    async def _across_hosts(self, url: str, send: Callable[[str], Awaitable[Response]],
                            follow: Callable[[str], bool] | None) -> Response:
        """``send(url)``, then ``send`` again at each redirect to another host, up to the cap."""
        current = url
        for _hop in range(self._policy.max_redirects + 1):
            try:
                resp = await send(current)
            except CrossHostRedirect as moved:
                if follow is not None and not follow(url_host(moved.location)):
                    raise
                current = moved.location
                continue
            return resp if current == url else dataclasses.replace(resp, url=url)
        raise FetchFailed(f"{url}: more than {self._policy.max_redirects} redirects",
                          reason="redirects")

    async def _get_one(self, url: str, kind: str, accept: tuple[str, ...] | None,
                       headers: dict[str, str] | None) -> Response:
        """One host's part of a GET: robots.txt, then the request with its retries."""
        await self.robots.check(url)
        try:
            return await self._once(url, kind, accept, headers)
        except Exception as exc:  # noqa: BLE001 - sorted below: only transient errors retry
            if self._options.retries <= 1 or not _retryable(exc):
                raise
            failed: Exception | None = exc
        # Only a failed request pays for stamina's machinery (a tenth of a millisecond per
        # request on the happy path). The first attempt re-raises that failure without a
        # request, so stamina counts it, waits its jittered backoff and retries as usual.
        options = self._options
        async for attempt in stamina.retry_context(
            on=_retryable, attempts=options.retries, timeout=None,
            wait_initial=options.retry_initial, wait_max=options.retry_max,
            wait_jitter=options.retry_initial,
        ):
            with attempt:
                if failed is not None:
                    error, failed = failed, None
                    raise error
                return await self._once(url, kind, accept, headers)
        raise AssertionError("stamina re-raises the last error")  # pragma: no cover

    async def _get_robots(self, url: str) -> Response:
        """robots.txt, following redirects to other hosts (``www.``, https) in their turn."""
        async def send(target: str) -> Response:
            return await self._once(target, "robots", None, None)

        return await self._across_hosts(url, send, None)

    async def _once(self, url: str, kind: str, accept: tuple[str, ...] | None,
                    headers: dict[str, str] | None) -> Response:
        host = url_host(url)
        async with self.pacer.slot(host):
            try:
                resp = await fetch(self._client, url, self._policy, accept=accept,
                                   extra_headers=headers, kind=kind)
            except Throttled as exc:
                self.pacer.throttled(host, exc.retry_after)
                raise
        self.pacer.succeeded(host)
        return resp

    async def close(self) -> None:
        """Stop the pacer's per-host workers."""
        await self.pacer.close()
