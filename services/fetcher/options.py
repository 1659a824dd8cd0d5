"""The fetcher's options: one frozen object, built once from settings and passed down."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FetcherOptions:
    """Politeness and retries of one fetcher (safety lives in ``FetchPolicy``).

    The defaults suit tests and a single trusted site; ``newsflow.app`` builds
    the real ones from settings, where a host gets one request a second.
    """

    concurrency: int = 8
    """Requests in flight at once over all hosts."""
    host_concurrency: int = 1
    """Requests in flight at once to one host, unless a feed or robots.txt says fewer."""
    host_delay: float = 0.0
    """Seconds between requests to one host, unless a feed or robots.txt says more."""
    robots_ttl: float = 3600.0
    retries: int = 3
    """Attempts per request on transient errors, the first included."""
    retry_initial: float = 1.0
    retry_max: float = 60.0
    """Longest wait between retries, and longest 429/503 pause a poll waits out."""
    ledger_refresh: float = 60.0
    """Beside other fetchers: seconds between reads of what they fetched, before a poll hands
    its URLs off, so that a feed listing other hosts' pages stops re-sending those."""
