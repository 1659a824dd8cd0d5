"""Reading one feed's documents with conditional GETs: feeds, sitemap trees, home pages.

Each document is asked for with the ``ETag``/``Last-Modified`` it had last
time; a 304 costs the site no body and yields no entries (a sitemap index that
did not change still has its children asked, each with its own validators,
since news sitemaps change under a stable index). A feed entry that names only
a site (``kind: site``) is resolved once through the home page's
``<link rel="alternate">`` and resolved again after a failure.

Parsing runs in a worker thread: a feed or a gzipped sitemap may be tens of MB
(up to the size cap), and lxml, feedparser and gzip would hold the event loop
the fetcher shares with its Kafka consumer and producer for that long. In a
thread they give the loop its turn (a thread yields the GIL every few
milliseconds, and zlib and lxml's parser release it while they work).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from newsflow.errors import FetchFailed, NewsflowError
from newsflow.feeds import Feed, FeedKind
from services.fetcher.client import Response
from services.fetcher.discover import Entry, discover, feed_links, sniff
from services.fetcher.state import FeedState, Validators

log = logging.getLogger(__name__)

MAX_SITEMAP_DEPTH = 3

#: ``get(url, conditional_headers)`` for feed documents.
GetDocument = Callable[[str, dict[str, str] | None], Awaitable[Response]]


@dataclass
class Found:
    """What one poll read from a feed's documents."""

    entries: list[Entry] = field(default_factory=list)
    validators: dict[str, Validators] = field(default_factory=dict)
    not_modified: bool = False
    discovered: str | None = None
    problems: list[str] = field(default_factory=list)


async def _resolve_site(feed: Feed, state: FeedState, get: GetDocument) -> tuple[str, FeedKind]:
    """The feed a home page announces, remembered in ``state.discovered`` until it fails."""
    if state.discovered and state.failures == 0 and state.url == feed.url:
        kind, _, url = state.discovered.partition(" ")
        return url, FeedKind(kind)
    resp = await get(feed.url, None)
    sniffed = sniff(resp.body)
    if sniffed is not None:
        return feed.url, sniffed
    links = await asyncio.to_thread(feed_links, resp.body, resp.final_url)
    if not links:
        raise FetchFailed(f"{feed.url}: the page announces no feed (no <link rel=\"alternate\" "
                          "type=\"application/rss+xml|atom+xml|feed+json\">)",
                          reason="no_feed_link")
    url, kind = links[0]
    log.info("feed %s: %s announces %s feed %s", feed.id, feed.url, kind.value, url)
    return url, kind


async def read_feed(feed: Feed, state: FeedState, get: GetDocument) -> Found:
    """Every entry the feed's documents list now; raises when the top document fails."""
    found = Found()
    url, kind = feed.url, feed.kind
    if kind is FeedKind.SITE:
        url, kind = await _resolve_site(feed, state, get)
        found.discovered = f"{kind.value} {url}"
    await _walk(url, kind, state, get, found, depth=0)
    return found


async def _walk(url: str, kind: FeedKind, state: FeedState, get: GetDocument, found: Found,
                depth: int) -> None:
    old = state.validators.get(url)
    resp = await get(url, old.headers() if old else None)
    if resp.not_modified and old is not None:
        found.validators[url] = old
        children: tuple[str, ...] = old.children
        found.not_modified = found.not_modified or depth == 0
    else:
        doc = await asyncio.to_thread(discover, kind, resp.body)
        found.entries += doc.entries
        children = tuple(doc.children)
        found.validators[url] = Validators(resp.headers.get("etag"),
                                           resp.headers.get("last-modified"), children)
    if kind is not FeedKind.SITEMAP or depth >= MAX_SITEMAP_DEPTH:
        return
    for child in children:
        try:
            await _walk(child, FeedKind.SITEMAP, state, get, found, depth + 1)
        except NewsflowError as exc:
            found.problems.append(f"child sitemap {child}: {exc}")
            log.warning("feed %s: child sitemap %s failed: %s", state.feed_id, child, exc)
