"""The fetcher's errors, each a leaf of newsflow's tree (:mod:`newsflow.errors`).

::

    TransientError (newsflow)      retried with jittered backoff, then left for the next poll
    ├── Timeout                    no complete answer within the total-time cap (slow drip)
    ├── Unreachable                DNS, connection refused or reset, broken transfer
    ├── ServerError                HTTP 408, 425, 500, 502, 504
    ├── Throttled                  HTTP 429 or 503; carries the server's Retry-After, if any
    ├── HostBackingOff             the host asked for a pause longer than one poll should wait
    └── RobotsUnavailable          robots.txt could not be read (5xx, timeout): ask again later
    PermanentError (newsflow)      dead-lettered, never retried
    ├── FetchRefused               scheme, address, content type, robots.txt, decompression bomb
    └── FetchFailed                4xx, redirect loop, unreadable body or feed, XML entities

Besides the errors, :class:`CrossHostRedirect` is how :func:`~services.fetcher.client.fetch`
says "this answer sends you to another host": the request to that host must wait
for that host's turn (or go to the fetcher that owns it), not ride on this one's.

Every error has a short machine-readable ``reason`` (``timeout``, ``http_429``,
``robots``, ``decompression_bomb``...), which labels the errors metric and the
dead-letter record, so an operator can tell a slow drip from a 404 without
reading logs.
"""

from __future__ import annotations

from newsflow.errors import NewsflowError, TransientError


class CrossHostRedirect(NewsflowError):
    """A redirect to another host; ``location`` is the absolute URL it points to."""

    reason = "cross_host_redirect"

    def __init__(self, message: str, location: str) -> None:
        super().__init__(message)
        self.location = location


class FetchTransient(TransientError):
    """A transient fetch failure with a machine-readable reason."""

    reason = "transient"


class Timeout(FetchTransient):
    """The server did not send a complete answer within the total-time cap."""

    reason = "timeout"


class Unreachable(FetchTransient):
    """The host could not be resolved or reached, or the transfer broke off."""

    reason = "unreachable"


class ServerError(FetchTransient):
    """The server answered with a status that may pass (5xx other than 503, 408, 425)."""


class Throttled(FetchTransient):
    """The server answered 429 or 503: slow down, and wait ``retry_after`` seconds if given."""

    def __init__(self, message: str, *, status: int, retry_after: float | None) -> None:
        super().__init__(message, reason=f"http_{status}")
        self.status = status
        self.retry_after = retry_after


class HostBackingOff(FetchTransient):
    """The host asked for a pause longer than this poll may wait; the next poll tries again."""

    reason = "host_backoff"


class RobotsUnavailable(FetchTransient):
    """robots.txt answered 5xx or not at all; nothing is fetched from the host until it answers."""

    reason = "robots_unavailable"
