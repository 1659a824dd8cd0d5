"""The fetcher: poll feeds, find article URLs, fetch each page once, publish it.

Knows nothing of Kafka: it publishes through a ``publish`` callable that the
runner provides (a Kafka producer or an in-process queue). New article URLs go
one of two ways. Alone in a process, the fetcher queues them on its own
:class:`HostQueues` and waits for them. Beside other fetchers, it hands them
(``hand_off``) to the ``news.articles.urls.v1`` topic, keyed by host, and the
fetcher that owns that host's partition queues and fetches them; each fetcher
polls only the feeds whose host it owns (``owns``). Either way all requests to
one host are paced by one process.

Each enabled feed has its own polling task, scheduled from its persisted state
(so a restart keeps the rhythm); :meth:`Fetcher.update_feeds` adds, removes and
restarts those tasks when the feeds file changes. Every request, feed document
or article, goes through one :class:`Requester` (robots.txt, per-host pacing,
retries). A failure stays with its feed or its article: the error is recorded
in the feed's state, the article dead-lettered or left for the next poll, and
every other feed goes on.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import httpx

from newsflow import codec, topics
from newsflow.errors import (
    FetchFailed,
    InvalidMessage,
    NewsflowError,
    PermanentError,
    TransientError,
)
from newsflow.feeds import Feed
from newsflow.ids import article_id, canonical_url, url_host
from newsflow.messages import ArticleUrl, Message, RawArticle
from newsflow.runtime import Output
from services.fetcher import metrics
from services.fetcher.client import HTML_TYPES, FetchPolicy, Response
from services.fetcher.discover import Entry
from services.fetcher.documents import read_feed
from services.fetcher.errors import CrossHostRedirect
from services.fetcher.ledger import Ledger
from services.fetcher.options import FetcherOptions
from services.fetcher.queue import HostQueues, Outcome
from services.fetcher.requester import Requester
from services.fetcher.state import FeedState, FeedStateStore

log = logging.getLogger(__name__)

Publish = Callable[[Output], Awaitable[None]]
HandOff = Callable[[Sequence[ArticleUrl]], Awaitable[None]]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)
#: A page whose text is more than this share of U+FFFD after every decoding is not text.
_MAX_REPLACED = 0.1
_FLUSH_EVERY = 0.5
DEFAULT_OPTIONS = FetcherOptions()


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
    not_modified: bool = False
    retry_later: int = 0
    """Articles that failed transiently and are tried again at the next poll."""
    handed_off: int = 0
    """New URLs handed to the fetcher that owns their host (Kafka runner only)."""

    def count(self, outcome: Outcome) -> None:
        """Add one article's outcome."""
        if outcome.status == "fetched":
            self.fetched += 1
        elif outcome.status == "moved":
            self.handed_off += 1
        elif outcome.status == "known":
            self.skipped += 1
        else:
            self.failed += 1
            self.retry_later += outcome.status == "retry"
            if outcome.error:
                self.errors.append(outcome.error)


def decode_html(resp: Response) -> str:
    """Decode a page body: declared charset, then ``<meta charset>``, then UTF-8 with care.

    An unknown or wrong charset is not fatal (the next candidate is tried and
    the fallback is logged); a body that is not text under any of them is a
    :class:`PermanentError` with reason ``charset``.
    """
    candidates = [resp.encoding]
    match = _META_CHARSET.search(resp.body[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for name in (*candidates, "utf-8"):
        if not name:
            continue
        try:
            return resp.body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    text = resp.body.decode("utf-8", "replace")
    replaced = text.count("\ufffd")
    if text and replaced / len(text) > _MAX_REPLACED:
        raise PermanentError(
            f"{resp.final_url}: not text in charset {resp.encoding or 'undeclared'} "
            f"nor UTF-8 ({replaced} of {len(text)} characters undecodable)", reason="charset")
    log.warning("%s: charset %s unusable; decoded as UTF-8 with %d replacement characters",
                resp.final_url, resp.encoding or "undeclared", replaced)
    return text


def _now() -> datetime:
    return datetime.now(UTC)


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "reason", type(exc).__name__.lower()))


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
        options: FetcherOptions = DEFAULT_OPTIONS,
        state: FeedStateStore | None = None,
        hand_off: HandOff | None = None,
        owns: Callable[[str], bool] | None = None,
    ) -> None:
        self.options = options
        self._configured = {f.id: f for f in feeds}
        self._owns = owns or (lambda host: True)
        self.feeds = self._select(feeds)
        self.requests = Requester(client, policy, options)
        self._grace = policy.timeout
        self._max_hops = policy.max_redirects
        self.queues = HostQueues(self._fetch,
                                 lambda host: self.requests.pacer.limits(host).concurrency)
        self._ledger = ledger
        self._publish = publish
        self._hand_off = hand_off
        self._store = state
        self._states: dict[str, FeedState] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._in_flight: set[str] = set()
        self._ledger_read_at = time.monotonic()

    # -------------------------------------------------------------- running

    async def run(self, *, once: bool = False) -> list[FeedReport]:
        """Poll every enabled feed; with ``once``, poll each one time and return the reports."""
        if self._store is not None:
            self._states = await asyncio.to_thread(self._store.load)
        flusher = asyncio.create_task(self._flush_forever(), name="ledger-flush")
        try:
            if once:
                return list(await asyncio.gather(*(self.poll(f) for f in self.feeds)))
            self.update_feeds(list(self._configured.values()), force=True)
            await asyncio.Event().wait()  # until cancelled
            return []
        finally:
            flusher.cancel()
            tasks = [flusher, *self._tasks.values()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._tasks.clear()
            await self.queues.clear()
            await self._flush()
            await self.requests.close()

    def _select(self, feeds: Sequence[Feed]) -> list[Feed]:
        return [f for f in feeds if f.enabled and self._owns(url_host(f.url))]

    def update_feeds(self, feeds: Sequence[Feed], *, force: bool = False) -> dict[str, list[str]]:
        """Start polling new feeds, stop removed ones, restart changed ones; say which."""
        self._configured = {f.id: f for f in feeds}
        new = {f.id: f for f in self._select(feeds)}
        old = {} if force else {f.id: f for f in self.feeds}
        changes: dict[str, list[str]] = {"added": [], "removed": [], "changed": []}
        for feed_id in old.keys() - new.keys():
            self._stop(feed_id)
            changes["removed"].append(feed_id)
        for feed_id, feed in new.items():
            if feed_id in old and old[feed_id] == feed:
                continue
            changes["changed" if feed_id in old else "added"].append(feed_id)
            self._stop(feed_id)
            if feed_id in old and (old[feed_id].url, old[feed_id].kind) != (feed.url, feed.kind):
                self._states.pop(feed_id, None)  # another document: start afresh, poll now
            self._tasks[feed_id] = asyncio.create_task(self._poll_forever(feed),
                                                       name=f"feed:{feed_id}")
        self.feeds = list(new.values())
        return changes

    def _stop(self, feed_id: str) -> None:
        task = self._tasks.pop(feed_id, None)
        if task is not None:
            task.cancel()
        self.requests.pacer.forget(feed_id)

    def enqueue(self, message: Message, done: Callable[[], None]) -> None:
        """Queue an article URL read from the topic; ``done`` is called once it is settled."""
        if not isinstance(message, ArticleUrl):
            raise InvalidMessage(f"expected an article URL, got {type(message).__name__}")
        self.queues.put(message, lambda _outcome: done())

    async def release(self) -> int:
        """Stop polling and drop queued URLs: this process no longer owns its hosts.

        Pages already being fetched get up to the request timeout to finish.
        Returns how many queued URLs were left undone; they are still on the
        topic, for the next owner. The ledger is written before this returns, so
        that the next owner knows what was fetched here.
        """
        for feed_id in list(self._tasks):
            self._stop(feed_id)
        self.feeds = []
        undone = await self.queues.clear(grace=self._grace)
        await self._flush()
        return undone

    async def take_over(self, owns: Callable[[str], bool]) -> None:
        """Own the hosts ``owns`` accepts: learn what others fetched, poll those hosts' feeds."""
        self._owns = owns
        await asyncio.to_thread(self._ledger.refresh)
        self._ledger_read_at = time.monotonic()
        if self._store is not None:
            self._states.update(await asyncio.to_thread(self._store.load))
        self.update_feeds(list(self._configured.values()), force=True)

    def states(self) -> list[FeedState]:
        """The state of every feed polled so far (what ``newsflow feeds status`` shows)."""
        return list(self._states.values())

    async def _poll_forever(self, feed: Feed) -> None:
        while True:
            wait = self._wait_before_poll(feed, self._state(feed))
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                report = await self.poll(feed)
            except Exception:  # noqa: BLE001 - one feed's bug must not end its polling for good
                log.exception("feed %s: unexpected error in poll; next poll in %ss", feed.id,
                              feed.poll_interval)
                state = self._state(feed)
                state.next_poll_at = _now() + timedelta(seconds=feed.poll_interval)
                continue
            log.info("feed %s: %d found, %d fetched, %d handed off, %d known, %d failed%s%s",
                     feed.id, report.found, report.fetched, report.handed_off, report.skipped,
                     report.failed,
                     " (not modified)" if report.not_modified else "",
                     f" ({report.error})" if report.error else "")

    def _interval(self, feed: Feed, failures: int) -> float:
        """Seconds to the next poll: the feed's interval, doubled per failure (up to 16x)."""
        return feed.poll_interval * (1 << min(failures, 4))

    def _wait_before_poll(self, feed: Feed, state: FeedState) -> float:
        if state.next_poll_at is None:
            return 0.0
        wait = (state.next_poll_at - _now()).total_seconds()
        return max(0.0, min(wait, self._interval(feed, state.failures)))

    def _state(self, feed: Feed) -> FeedState:
        state = self._states.get(feed.id)
        if state is None or state.url != feed.url:  # a new feed, or its URL was edited
            state = self._states[feed.id] = FeedState(feed.id, feed.url)
        return state

    # -------------------------------------------------------------- polling

    async def poll(self, feed: Feed) -> FeedReport:
        """Poll ``feed`` once: discover entries, fetch and publish the new ones."""
        report = FeedReport(feed.id)
        state = self._state(feed)
        state.last_poll_at = _now()
        self._configure_host(feed, url_host(feed.url))

        async def get(url: str, headers: dict[str, str] | None) -> Response:
            return await self.requests.get(url, kind="feed", headers=headers)

        try:
            found = await read_feed(feed, state, get)
        except NewsflowError as exc:
            report.error = f"{type(exc).__name__}: {exc}"
            log.warning("feed %s: poll failed: %s", feed.id, report.error)
            metrics.POLLS.labels("error").inc()
            metrics.ERRORS.labels(_reason(exc)).inc()
            state.failures += 1
            state.last_error, state.last_error_at = report.error, _now()
            state.next_poll_at = _now() + timedelta(seconds=self._interval(feed, state.failures))
            await self._save(state)
            return report
        report.not_modified = found.not_modified
        metrics.POLLS.labels("not_modified" if found.not_modified else "ok").inc()
        await self.process_entries(feed, found.entries, report)
        if report.retry_later == 0:  # else ask for the documents in full again next time
            state.validators = found.validators
        state.discovered = found.discovered
        state.failures = 0
        state.items_found = report.found
        state.items_fetched += report.fetched + report.handed_off
        state.last_success_at = _now()
        if found.problems:
            state.last_error, state.last_error_at = "; ".join(found.problems), _now()
        state.next_poll_at = _now() + timedelta(seconds=feed.poll_interval)
        await self._flush()
        await self._save(state)
        return report

    async def _save(self, state: FeedState) -> None:
        if self._store is None:
            return
        try:
            await asyncio.to_thread(self._store.save, state)
        except TransientError as exc:
            log.warning("feed %s: state not saved (kept in memory): %s", state.feed_id, exc)

    async def _flush(self) -> None:
        try:
            await asyncio.to_thread(self._ledger.flush)
        except TransientError as exc:
            log.warning("ledger not written yet, will try again: %s", exc)

    async def _flush_forever(self) -> None:
        while True:
            await asyncio.sleep(_FLUSH_EVERY)
            await self._flush()

    def _configure_host(self, feed: Feed, host: str) -> None:
        self.requests.pacer.configure(host, feed.id, feed.host_concurrency, feed.host_delay)

    # ------------------------------------------------------------- articles

    async def process_entries(self, feed: Feed, entries: Sequence[Entry],
                              report: FeedReport) -> None:
        """Fetch and publish the entries not fetched before, or hand them to their host's owner.

        Fetched here, each entry's outcome is counted in ``report`` (failures are
        dead-lettered or left for the next poll). Handed off, the entries are on
        the topic once this returns, and their owner fetches them.
        """
        report.found += len(entries)
        if self._hand_off is not None:
            await self._learn_what_others_fetched()
        found_at = _now()
        new: dict[str, ArticleUrl] = {}
        for entry in entries:
            url = canonical_url(entry.url)
            aid = article_id(url)
            if aid in self._ledger:
                report.skipped += 1
            elif aid not in new:
                new[aid] = ArticleUrl(article_id=aid, url=url, feed_id=feed.id, found_at=found_at,
                                      feed_title=entry.title, feed_published=entry.published)
        if self._hand_off is not None:
            await self._hand_off(list(new.values()))
            report.handed_off += len(new)
            return
        loop = asyncio.get_running_loop()
        waits: list[asyncio.Future[Outcome]] = []
        for article in new.values():
            wait: asyncio.Future[Outcome] = loop.create_future()
            self.queues.put(article, wait.set_result)
            waits.append(wait)
        for outcome in await asyncio.gather(*waits):
            report.count(outcome)

    async def _learn_what_others_fetched(self) -> None:
        """Read the shared ledger's newest rows, at most every ``ledger_refresh`` seconds.

        Other fetchers record what they fetched there; without a look, a feed that lists
        pages of their hosts (an aggregator) would hand those URLs off at every poll, and
        their owners would only skip them.
        """
        if time.monotonic() - self._ledger_read_at < self.options.ledger_refresh:
            return
        self._ledger_read_at = time.monotonic()
        try:
            learnt = await asyncio.to_thread(self._ledger.refresh)
        except TransientError as exc:
            log.warning("ledger not read, URLs fetched elsewhere may be sent again: %s", exc)
            return
        if learnt:
            log.debug("ledger: %d URLs fetched by other fetchers", learnt)

    async def _fetch(self, article: ArticleUrl) -> Outcome:
        """Fetch and publish one article unless the ledger knows it; never raises."""
        aid, url = article.article_id, article.url
        if aid in self._ledger or aid in self._in_flight:
            return Outcome("known")
        self._in_flight.add(aid)
        feed = self._configured.get(article.feed_id)
        try:
            if feed is not None:
                self._configure_host(feed, url_host(article.fetch_url or url))
            raw = await self.fetch_article(article)
            await self._publish(Output(topics.RAW_ARTICLES, url_host(url), raw))
            self._ledger.record(aid, url, article.feed_id, raw.status)
            metrics.PUBLISHED.inc()
            return Outcome("fetched")
        except CrossHostRedirect as moved:  # only when another fetcher owns the host
            return await self._pass_on(article, moved.location)
        except TransientError as exc:
            metrics.ERRORS.labels(_reason(exc)).inc()
            log.warning("feed %s: %s: will retry next poll: %s", article.feed_id, url, exc)
            return Outcome("retry", str(exc))
        except PermanentError as exc:
            metrics.ERRORS.labels(_reason(exc)).inc()
            await self._dead_letter(article, exc)
            return Outcome("dead", str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug or an unforeseen error costs one page
            log.exception("feed %s: %s: unexpected error; dead-lettering", article.feed_id, url)
            metrics.ERRORS.labels("unexpected").inc()
            await self._dead_letter(article, exc)
            return Outcome("dead", f"{type(exc).__name__}: {exc}")
        finally:
            self._in_flight.discard(aid)

    async def _pass_on(self, article: ArticleUrl, location: str) -> Outcome:
        """Hand a redirected article to the fetcher that owns the redirect's host."""
        if self._hand_off is None or article.hops >= self._max_hops:
            error = FetchFailed(f"{article.url}: more than {self._max_hops} redirects",
                                reason="redirects")
            await self._dead_letter(article, error)
            return Outcome("dead", str(error))
        await self._hand_off([article.model_copy(update={"fetch_url": location,
                                                         "hops": article.hops + 1})])
        log.debug("%s: redirected to %s, handed to that host's owner", article.url, location)
        return Outcome("moved")

    async def _dead_letter(self, article: ArticleUrl, exc: Exception) -> None:
        """Publish why ``article`` cannot be fetched, and record it so it is not tried again."""
        url, host = article.url, url_host(article.url)
        log.warning("feed %s: %s: dead-lettered: %s", article.feed_id, url, exc)
        record = codec.dead_letter(
            stage=self.name,
            error=exc,
            value=json.dumps({"url": url, "feed_id": article.feed_id}),
            key=host,
        )
        await self._publish(Output(topics.dead_letter(self.name), host, record))
        self._ledger.record(article.article_id, url, article.feed_id, 0)

    async def fetch_article(self, article: ArticleUrl) -> RawArticle:
        """Fetch one article page and wrap it as a :class:`RawArticle`."""
        url = article.url
        follow = self._owns if self._hand_off is not None else None
        resp = await self.requests.get(article.fetch_url or url, kind="article",
                                       accept=HTML_TYPES, follow=follow)
        html = decode_html(resp)
        if not html.strip():
            raise PermanentError(f"{url}: empty page", reason="empty")
        return RawArticle(
            article_id=article.article_id,
            url=url,
            final_url=resp.final_url,
            feed_id=article.feed_id,
            fetched_at=datetime.now(UTC),
            status=resp.status,
            content_type=resp.content_type,
            headers=resp.headers,
            html=html,
            truncated=resp.truncated,
            feed_title=article.feed_title,
            feed_published=article.feed_published,
        )

