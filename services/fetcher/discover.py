"""Finding article URLs in feed documents: RSS/Atom, sitemaps, plain URL lists.

Pure functions over bytes already fetched; the caller fetches. XML is parsed
with entity expansion and network access off, so a hostile feed cannot expand
a billion laughs or make the parser fetch anything.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from time import struct_time

import feedparser
from lxml import etree

from newsflow.errors import FetchFailed
from newsflow.feeds import FeedKind

_MAX_GUNZIPPED = 50_000_000
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One article URL found in a feed, with what the feed says about it."""

    url: str
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class Discovery:
    """What a feed document yields: article entries and, for sitemap indexes, child sitemaps."""

    entries: list[Entry]
    children: list[str]


def _gunzip(body: bytes) -> bytes:
    """Decompress a gzipped sitemap, refusing decompression bombs."""
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
        data = fh.read(_MAX_GUNZIPPED + 1)
    if len(data) > _MAX_GUNZIPPED:
        raise FetchFailed(f"gzipped document expands beyond {_MAX_GUNZIPPED} bytes")
    return data


def _to_datetime(value: struct_time | None) -> datetime | None:
    if value is None:
        return None
    return datetime(*value[:6], tzinfo=UTC)


def _parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_feed(body: bytes) -> Discovery:
    """Entries of an RSS or Atom document (feedparser handles every RSS/Atom dialect)."""
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if parsed.bozo and not parsed.entries:
        raise FetchFailed(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        published = _to_datetime(item.get("published_parsed") or item.get("updated_parsed"))
        entries.append(Entry(url=link, title=item.get("title"), published=published))
    return Discovery(entries=entries, children=[])


_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=False
)


def parse_sitemap(body: bytes) -> Discovery:
    """Entries of a sitemap (plain, Google News, or gzipped) or child sitemaps of an index."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body)
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise FetchFailed(f"not a readable sitemap: {exc}") from exc
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = [
            loc.text.strip() for loc in root.iter(f"{_SITEMAP_NS}loc", "loc") if loc.text
        ]
        return Discovery(entries=[], children=children)
    if tag != "urlset":
        raise FetchFailed(f"not a sitemap: root element is <{tag}>")
    entries = []
    for url in root.iter(f"{_SITEMAP_NS}url", "url"):
        loc = url.findtext(f"{_SITEMAP_NS}loc") or url.findtext("loc")
        if not loc:
            continue
        title = url.findtext(f"{_NEWS_NS}news/{_NEWS_NS}title")
        published = _parse_iso(
            url.findtext(f"{_NEWS_NS}news/{_NEWS_NS}publication_date")
            or url.findtext(f"{_SITEMAP_NS}lastmod")
        )
        entries.append(Entry(url=loc.strip(), title=title, published=published))
    return Discovery(entries=entries, children=[])


def parse_url_list(body: bytes) -> Discovery:
    """Entries of a plain list: one URL per line, ``#`` comments and blank lines ignored."""
    text = body.decode("utf-8", "replace")
    urls = [line.strip() for line in text.splitlines()]
    return Discovery(
        entries=[Entry(url=u) for u in urls if u and not u.startswith("#")], children=[]
    )


def discover(kind: FeedKind, body: bytes) -> Discovery:
    """Dispatch on the feed's kind."""
    if kind in (FeedKind.RSS, FeedKind.ATOM):
        return parse_feed(body)
    if kind is FeedKind.SITEMAP:
        return parse_sitemap(body)
    return parse_url_list(body)
