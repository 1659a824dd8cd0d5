"""robots.txt: read once per origin, cached for a time to live, asked before every request.

What the answers mean follows RFC 9309 and what large crawlers do: a 2xx body
is parsed (with protego); a 4xx means no rules, so everything is allowed; a
5xx or no answer at all means the site cannot tell us, so nothing is fetched
from it until robots.txt answers (the failure is cached briefly and each
request fails as transient, to be tried at the next poll). A ``Crawl-delay``
for our User-Agent raises the host's delay in the :class:`Pacer` (capped).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from newsflow.errors import FetchRefused, PermanentError
from services.fetcher.client import Response
from services.fetcher.errors import RobotsUnavailable
from services.fetcher.pacing import ROBOTS, Pacer

log = logging.getLogger(__name__)

#: Seconds a robots.txt that could not be read is remembered as unreadable.
FAILURE_TTL = 60.0
#: Origins cached before expired ones are dropped.
MAX_CACHED = 10_000
#: Longest Crawl-delay honoured, so that a typo cannot stall a host for hours.
MAX_CRAWL_DELAY = 60.0

GetRobots = Callable[[str], Awaitable[Response]]


@dataclass(slots=True)
class _Entry:
    rules: Protego | None  # None: no rules, everything allowed
    expires: float
    error: str | None = None


def origin(url: str) -> str:
    """``scheme://host[:port]`` of ``url``: robots.txt applies per origin."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class Robots:
    """Per-origin cache of robots.txt rules for one User-Agent."""

    def __init__(self, get: GetRobots, pacer: Pacer, *, user_agent: str, ttl: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._get = get
        self._pacer = pacer
        self._agent = user_agent
        self._ttl = ttl
        self._clock = clock
        self._cache: dict[str, _Entry] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def check(self, url: str) -> None:
        """Raise :class:`FetchRefused` (reason ``robots``) if robots.txt disallows ``url``."""
        entry = await self._entry(origin(url))
        if entry.error is not None:
            raise RobotsUnavailable(f"{url}: robots.txt unreadable ({entry.error}); "
                                    "nothing is fetched from this site until it answers")
        if entry.rules is not None and not entry.rules.can_fetch(url, self._agent):
            raise FetchRefused(f"{url}: disallowed by robots.txt for {self._agent!r}",
                               reason="robots")

    async def _entry(self, site: str) -> _Entry:
        entry = self._cache.get(site)
        if entry is not None and entry.expires > self._clock():
            return entry
        async with self._locks.setdefault(site, asyncio.Lock()):
            entry = self._cache.get(site)
            if entry is None or entry.expires <= self._clock():
                entry = self._cache[site] = await self._load(site)
        if len(self._cache) > MAX_CACHED:
            self._forget_expired()
        return entry

    def _forget_expired(self) -> None:
        """Drop expired origins, so that a fetcher running for months stays small."""
        now = self._clock()
        for site in [s for s, e in self._cache.items() if e.expires <= now]:
            del self._cache[site]
            lock = self._locks.get(site)
            if lock is not None and not lock.locked():
                del self._locks[site]

    async def _load(self, site: str) -> _Entry:
        url = f"{site}/robots.txt"
        try:
            resp = await self._get(url)
        except PermanentError as exc:  # 4xx, refused, unreadable: no usable rules
            log.debug("%s: no rules (%s)", url, exc)
            return _Entry(None, self._clock() + self._ttl)
        except RobotsUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - 5xx, timeout, reset: the site cannot tell us
            log.warning("%s: unreadable, pausing the site: %s", url, exc)
            return _Entry(None, self._clock() + FAILURE_TTL, error=str(exc))
        rules = Protego.parse(resp.body.decode("utf-8", "replace"))
        delay = rules.crawl_delay(self._agent)
        # Set or, when a re-read robots.txt dropped its Crawl-delay, cleared.
        self._pacer.configure(urlsplit(site).hostname or "", ROBOTS,
                              delay=min(float(delay), MAX_CRAWL_DELAY) if delay else None)
        return _Entry(rules, self._clock() + self._ttl)
