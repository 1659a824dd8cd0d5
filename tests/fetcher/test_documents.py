"""Reading a feed's documents: the parsing runs in a worker thread, not on the event loop.

The fetcher's event loop also carries its Kafka consumer's heartbeats and its
producer; a feed or gzipped sitemap of tens of MB parsed on it would stall both.
The parsers are wrapped to note the thread they run in, and each call is
compared with the thread of the loop that awaits :func:`read_feed`.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Callable
from typing import Any

import pytest

from newsflow.feeds import Feed, FeedKind
from services.fetcher import documents
from services.fetcher.client import Response
from services.fetcher.state import FeedState

BASE = "https://tidewater.example"
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Tidewater Ledger</title>
<item><title>Harbour dredging resumes</title><link>{BASE}/news/dredging</link></item>
<item><title>Ferry timetable changes</title><link>{BASE}/news/ferry</link></item>
</channel></rss>""".encode()
INDEX = f"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{BASE}/sitemap-news.xml</loc></sitemap></sitemapindex>""".encode()
URLSET = f"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{BASE}/news/council-vote</loc></url><url><loc>{BASE}/news/storm-warning</loc></url>
</urlset>""".encode()
HOME = f"""<html><head><title>Tidewater Ledger</title>
<link rel="alternate" type="application/rss+xml" href="{BASE}/rss.xml"></head>
<body><p>Local news from the estuary.</p></body></html>""".encode()
DOCUMENTS = {f"{BASE}/rss.xml": RSS, f"{BASE}/sitemap.xml.gz": gzip.compress(INDEX),
             f"{BASE}/sitemap-news.xml": URLSET, f"{BASE}/": HOME}


async def get(url: str, headers: dict[str, str] | None) -> Response:
    body = DOCUMENTS[url]
    return Response(url=url, final_url=url, status=200, headers={}, body=body, truncated=False,
                    content_type="application/xml")


@pytest.fixture
def parser_threads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Wrap the parsers ``read_feed`` calls so that each notes the thread it ran in."""
    seen: list[tuple[str, int]] = []

    def noting(name: str, parse: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            seen.append((name, threading.get_ident()))
            return parse(*args)
        return wrapper

    for name in ("discover", "feed_links"):
        monkeypatch.setattr(documents, name, noting(name, getattr(documents, name)))
    return seen


@pytest.mark.parametrize(("kind", "url", "parsers", "found"), [
    (FeedKind.RSS, f"{BASE}/rss.xml", ["discover"], ["dredging", "ferry"]),
    (FeedKind.SITEMAP, f"{BASE}/sitemap.xml.gz", ["discover", "discover"],
     ["council-vote", "storm-warning"]),
    (FeedKind.SITE, f"{BASE}/", ["feed_links", "discover"], ["dredging", "ferry"]),
])
async def test_feeds_are_parsed_off_the_event_loop(
        parser_threads: list[tuple[str, int]], kind: FeedKind, url: str, parsers: list[str],
        found: list[str]) -> None:
    feed = Feed(id="tidewater", url=url, kind=kind)
    result = await documents.read_feed(feed, FeedState(feed.id, feed.url), get)
    assert [e.url.rsplit("/", 1)[-1] for e in result.entries] == found
    assert [name for name, _ in parser_threads] == parsers
    loop_thread = threading.get_ident()
    assert all(thread != loop_thread for _, thread in parser_threads)
