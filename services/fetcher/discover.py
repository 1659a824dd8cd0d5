"""Finding article URLs in feed documents: RSS, Atom, JSON Feed, sitemaps, URL lists.

Pure functions over bytes already fetched; the caller fetches. XML that
declares entities in its DTD is refused outright (the billion-laughs guard,
with a reason an operator can read), and sitemaps are parsed with entity
expansion and network access off besides, so a hostile feed can neither
expand entities nor make a parser fetch anything. A home page is searched for
its ``<link rel="alternate">`` feeds when a feed entry names only a site.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import struct_time
from typing import Any
from urllib.parse import urljoin

import feedparser
from lxml import etree
from lxml import html as lxml_html

from newsflow.errors import FetchFailed
from newsflow.feeds import FeedKind

_MAX_GUNZIPPED = 50_000_000
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
#: An internal DTD subset that declares entities: what every entity-expansion bomb needs.
_DTD_ENTITY = re.compile(rb"<!DOCTYPE[^\[>]*\[[^\]]*<!ENTITY", re.I)
_FEED_TYPES = {
    "application/rss+xml": FeedKind.RSS,
    "application/rdf+xml": FeedKind.RSS,
    "application/atom+xml": FeedKind.ATOM,
    "application/feed+json": FeedKind.JSON,
    "application/json": FeedKind.JSON,
}


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


_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, recover=False
)


def _gunzip(body: bytes) -> bytes:
    """Decompress a gzipped sitemap, refusing decompression bombs."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
            data = fh.read(_MAX_GUNZIPPED + 1)
    except (OSError, EOFError) as exc:
        raise FetchFailed(f"not a readable gzip file: {exc}", reason="encoding") from exc
    if len(data) > _MAX_GUNZIPPED:
        raise FetchFailed(f"decompression bomb: gzipped document expands beyond "
                          f"{_MAX_GUNZIPPED} bytes", reason="decompression_bomb")
    return data


def refuse_entities(body: bytes) -> None:
    """Raise :class:`FetchFailed` if the XML declares entities (possible billion laughs)."""
    if _DTD_ENTITY.search(body, 0, 1_000_000):
        raise FetchFailed("document declares XML entities in its DTD; refused so that no "
                          "entity expansion (billion laughs) can happen", reason="xml_entities")


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


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: etree._Element) -> str | None:
    text = element.text
    return text.strip() if isinstance(text, str) and text.strip() else None


def _child_text(item: etree._Element, name: str) -> str | None:
    for child in item:
        if _local(child.tag) == name and _text(child):
            return _text(child)
    return None


def _item_link(item: etree._Element) -> str | None:
    """An RSS ``<link>``, an Atom alternate ``<link href>``, or a permalink ``<guid>``."""
    for child in item:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if isinstance(href, str):
            if child.get("rel", "alternate") == "alternate":
                return href.strip()
        elif _text(child):
            return _text(child)
    for child in item:
        text = _text(child)
        if (_local(child.tag) == "guid" and child.get("isPermaLink", "true") != "false"
                and text and text.startswith(("http://", "https://"))):
            return text
    return None


def _item_date(item: etree._Element) -> datetime | None:
    for name in ("pubDate", "published", "updated", "date", "issued", "modified"):
        text = _child_text(item, name)
        if not text:
            continue
        if name == "pubDate":
            try:
                parsed = parsedate_to_datetime(text)
            except (TypeError, ValueError, IndexError):
                continue
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        return _parse_iso(text)
    return None


def _fast_feed(body: bytes) -> Discovery | None:
    """Well-formed RSS 0.9x/1.0/2.0 and Atom with lxml; None sends the body to feedparser.

    feedparser costs about half a millisecond per entry in pure Python, as much
    as fetching the article; well-formed feeds, nearly all of them, do not need
    its forgiveness.
    """
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError:
        return None
    if _local(root.tag) not in ("rss", "RDF", "feed"):
        return None
    entries = []
    for item in root.iter("{*}item", "{*}entry"):
        link = _item_link(item)
        if link:
            entries.append(Entry(url=link, title=_child_text(item, "title"),
                                 published=_item_date(item)))
    return Discovery(entries=entries, children=[])


def parse_feed(body: bytes) -> Discovery:
    """Entries of an RSS 0.9x/1.0/2.0 or Atom document.

    lxml reads well-formed feeds; anything else (undeclared entities of RSS
    0.91, broken markup, odd encodings) goes to feedparser, which reads every
    dialect and forgives much.
    """
    refuse_entities(body)
    fast = _fast_feed(body)
    if fast is not None:
        return fast
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if parsed.bozo and not parsed.entries:
        raise FetchFailed(f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}",
                          reason="unreadable_feed")
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        published = _to_datetime(item.get("published_parsed") or item.get("updated_parsed"))
        entries.append(Entry(url=link, title=item.get("title"), published=published))
    return Discovery(entries=entries, children=[])


def parse_json_feed(body: bytes) -> Discovery:
    """Entries of a JSON Feed (https://jsonfeed.org, versions 1 and 1.1)."""
    try:
        doc: Any = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise FetchFailed(f"not a readable JSON Feed: {exc}", reason="unreadable_feed") from exc
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
            "https://jsonfeed.org/version/") or not isinstance(doc.get("items"), list):
        raise FetchFailed("not a JSON Feed: no jsonfeed.org version and items list",
                          reason="unreadable_feed")
    entries = []
    for item in doc["items"]:
        if not isinstance(item, dict):
            continue
        url = item.get("url") or item.get("external_url")
        if not isinstance(url, str) or not url:
            continue
        title = item.get("title")
        published = item.get("date_published") or item.get("date_modified")
        entries.append(Entry(url=url, title=title if isinstance(title, str) else None,
                             published=_parse_iso(published if isinstance(published, str)
                                                  else None)))
    return Discovery(entries=entries, children=[])


def parse_sitemap(body: bytes) -> Discovery:
    """Entries of a sitemap (plain, Google News, or gzipped) or child sitemaps of an index."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body)
    refuse_entities(body)
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise FetchFailed(f"not a readable sitemap: {exc}", reason="unreadable_feed") from exc
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = [
            loc.text.strip() for loc in root.iter(f"{_SITEMAP_NS}loc", "loc") if loc.text
        ]
        return Discovery(entries=[], children=children)
    if tag != "urlset":
        raise FetchFailed(f"not a sitemap: root element is <{tag}>", reason="unreadable_feed")
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


def sniff(body: bytes) -> FeedKind | None:
    """The kind of feed document ``body`` is, or None (e.g. an HTML page)."""
    if body[:2] == b"\x1f\x8b":
        return FeedKind.SITEMAP
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return FeedKind.JSON if b"jsonfeed.org/version" in body[:4096] else None
    if b"<urlset" in head or b"<sitemapindex" in head:
        return FeedKind.SITEMAP
    if b"<rss" in head or b"<rdf:rdf" in head:
        return FeedKind.RSS
    if b"<feed" in head and b"<html" not in head:
        return FeedKind.ATOM
    return None


def feed_links(page: bytes, base_url: str) -> list[tuple[str, FeedKind]]:
    """Feeds a home page announces with ``<link rel="alternate" type=...>``, in page order."""
    try:
        doc = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return []
    found: list[tuple[str, FeedKind]] = []
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = _FEED_TYPES.get((link.get("type") or "").split(";")[0].strip().lower())
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind is not None and href:
            url = urljoin(base_url, href)
            if url not in (u for u, _ in found):
                found.append((url, kind))
    return found


def discover(kind: FeedKind, body: bytes) -> Discovery:
    """Dispatch on the feed's kind."""
    if kind in (FeedKind.RSS, FeedKind.ATOM):
        return parse_feed(body)
    if kind is FeedKind.JSON:
        return parse_json_feed(body)
    if kind is FeedKind.SITEMAP:
        return parse_sitemap(body)
    if kind is FeedKind.SITE:
        sniffed = sniff(body)
        if sniffed is None:
            raise FetchFailed("a home page is not a feed: resolve it with feed_links first",
                              reason="not_a_feed")
        return discover(sniffed, body)
    return parse_url_list(body)
