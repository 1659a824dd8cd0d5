"""Prometheus metrics of the fetcher (``NEWSFLOW_METRICS_PORT`` serves them).

Module-level collectors on the default registry, as prometheus-client intends:
one fetcher per process, and counters only ever grow, so tests read deltas.
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge

REQUESTS = Counter(
    "newsflow_fetcher_requests",
    "HTTP requests sent, by what was fetched (feed, article, robots) and response status.",
    ["kind", "status"],
)
BYTES = Counter(
    "newsflow_fetcher_bytes",
    "Body bytes received after decompression, by what was fetched.",
    ["kind"],
)
ERRORS = Counter(
    "newsflow_fetcher_errors",
    "Failed fetches by reason (timeout, http_404, robots, decompression_bomb, ...).",
    ["kind"],
)
PUBLISHED = Counter("newsflow_fetcher_published", "Raw article pages published.")
POLLS = Counter(
    "newsflow_fetcher_polls", "Feed polls by result (ok, not_modified, error).", ["result"]
)
RELOADS = Counter(
    "newsflow_fetcher_feeds_reloads", "Reloads of the feeds file by result (ok, error).",
    ["result"],
)
HOST_QUEUE = Gauge(
    "newsflow_fetcher_host_queue_depth", "Requests waiting for their host's turn.", ["host"]
)
HOST_URLS = Gauge(
    "newsflow_fetcher_host_urls_waiting",
    "Article URLs queued for their host, not yet taken by a worker.", ["host"]
)
IN_FLIGHT = Gauge("newsflow_fetcher_in_flight", "Requests being sent or read right now.")
