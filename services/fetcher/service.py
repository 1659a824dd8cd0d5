"""The fetcher: poll feeds, find article URLs, fetch each page once, publish it.

Knows nothing of Kafka: it publishes through a ``publish`` callable that the
runner provides (a Kafka producer or an in-process queue).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from newsflow import codec, topics
from newsflow.errors import NewsflowError, PermanentError, TransientError
from newsflow.feeds import Feed, FeedKind
from newsflow.ids import article_id, canonical_url, url_host
from newsflow.messages import RawArticle
from newsflow.runtime import Output
from services.fetcher.client import HTML_TYPES, FetchPolicy, Response, fetch
from services.fetcher.discover import Entry, discover
from services.fetcher.ledger import Ledger

log = logging.getLogger(__name__)

Publish = Callable[[Output], Awaitable[None]]

_MAX_SITEMAP_DEPTH = 3
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)


@dataclass
class FeedReport:
    """What one poll of one feed did, for logs and progress displays."""

    feed_id: str
    found: int = 0
    fetched: int = 0
    skipped: int = 0
    failed: int = 0
    error: str | None = None
    errors: list[str] = field(default_factory=list)


def decode_html(resp: Response) -> str:
    """Decode a page body: declared charset, then ``<meta charset>``, then UTF-8 with care."""
    candidates = [resp.encoding]
    match = _META_CHARSET.search(resp.body[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for name in candidates:
        if not name:
            continue
        try:
            return resp.body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return resp.body.decode("utf-8", "replace")


class Fetcher:
    """Polls feeds and publishes each new article page as a :class:`RawArticle`."""

    name = "fetcher"

    def __init__(
        self,
        feeds: Sequence[Feed],
        *,
        client: httpx.AsyncClient,
        policy: FetchPolicy,
        ledger: Ledger,
        publish: Publish,
        concurrency: int = 8,
    ) -> None:
        self.feeds = [f for f in feeds if f.enabled]
        self._client = client
        self._policy = policy
        self._ledger = ledger
        self._publish = publish
        self._slots = asyncio.Semaphore(concurrency)
        self._in_flight: set[str] = set()

    async def run(self, *, once: bool = False) -> list[FeedReport]:
        """Poll every enabled feed; with ``once``, poll each one time and return the reports."""
        if once:
            return list(await asyncio.gather(*(self.poll(f) for f in self.feeds)))
        await asyncio.gather(*(self._poll_forever(f) for f in self.feeds))
        return []

    async def _poll_forever(self, feed: Feed) -> None:
        while True:
            report = await self.poll(feed)
            log.info("feed %s: %d found, %d fetched, %d known, %d failed%s", feed.id,
                     report.found, report.fetched, report.skipped, report.failed,
                     f" ({report.error})" if report.error else "")
            await asyncio.sleep(feed.poll_interval)

    async def poll(self, feed: Feed) -> FeedReport:
        """Poll ``feed`` once: discover entries, fetch and publish the new ones."""
        report = FeedReport(feed.id)
        try:
            entries = await self._entries(feed, feed.url, depth=0)
        except NewsflowError as exc:
            report.error = f"{type(exc).__name__}: {exc}"
            log.warning("feed %s: poll failed: %s", feed.id, report.error)
            return report
        await self.process_entries(feed, entries, report)
        return report

    async def process_entries(self, feed: Feed, entries: Sequence[Entry],
                              report: FeedReport) -> None:
        """Fetch and publish the entries not fetched before; dead-letter the ones that fail."""
        report.found += len(entries)
        unique: dict[str, Entry] = {}
        for entry in entries:
            unique.setdefault(canonical_url(entry.url), entry)
        await asyncio.gather(*(self._article(feed, url, e, report) for url, e in unique.items()))

    async def _entries(self, feed: Feed, url: str, depth: int) -> list[Entry]:
        resp = await fetch(self._client, url, self._policy)
        found = discover(feed.kind, resp.body)
        entries = list(found.entries)
        if feed.kind is FeedKind.SITEMAP and depth < _MAX_SITEMAP_DEPTH:
            for child in found.children:
                try:
                    entries += await self._entries(feed, child, depth + 1)
                except NewsflowError as exc:
                    log.warning("feed %s: child sitemap %s failed: %s", feed.id, child, exc)
        return entries

    async def _article(self, feed: Feed, url: str, entry: Entry, report: FeedReport) -> None:
        aid = article_id(url)
        if aid in self._ledger or aid in self._in_flight:
            report.skipped += 1
            return
        self._in_flight.add(aid)
        try:
            async with self._slots:
                raw = await self.fetch_article(feed, url, entry)
            await self._publish(Output(topics.RAW_ARTICLES, url_host(url), raw))
            self._ledger.record(aid, url, feed.id, raw.status)
            report.fetched += 1
        except TransientError as exc:
            report.failed += 1
            report.errors.append(str(exc))
            log.warning("feed %s: %s: will retry next poll: %s", feed.id, url, exc)
        except PermanentError as exc:
            report.failed += 1
            report.errors.append(str(exc))
            await self._dead_letter(feed, url, exc)
            self._ledger.record(aid, url, feed.id, 0)
        finally:
            self._in_flight.discard(aid)

    async def _dead_letter(self, feed: Feed, url: str, exc: PermanentError) -> None:
        log.warning("feed %s: %s: dead-lettered: %s", feed.id, url, exc)
        record = codec.dead_letter(
            stage=self.name,
            error=exc,
            value=json.dumps({"url": url, "feed_id": feed.id}),
            key=url_host(url),
        )
        await self._publish(Output(topics.dead_letter(topics.RAW_ARTICLES), url_host(url), record))

    async def fetch_article(self, feed: Feed, url: str, entry: Entry) -> RawArticle:
        """Fetch one article page and wrap it as a :class:`RawArticle`."""
        resp = await fetch(self._client, url, self._policy, accept=HTML_TYPES)
        html = decode_html(resp)
        if not html.strip():
            raise PermanentError(f"{url}: empty page", reason="empty")
        return RawArticle(
            article_id=article_id(url),
            url=url,
            final_url=resp.final_url,
            feed_id=feed.id,
            fetched_at=datetime.now(UTC),
            status=resp.status,
            content_type=resp.content_type,
            headers=resp.headers,
            html=html,
            truncated=resp.truncated,
            feed_title=entry.title,
            feed_published=entry.published,
        )
