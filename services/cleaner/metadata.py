"""Article metadata users rely on: dates with time zones, authors as people, language.

Sources in order of trust: JSON-LD (``NewsArticle`` and kin), then meta tags
(``article:published_time``, ``og:*``), then ``<time datetime>``, then what
trafilatura found. trafilatura's own date is a day without a time, so it comes
last.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from lxml import html as lxml_html

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting",
                  "analysisnewsarticle", "webpage", "report"}
_JUNK_AUTHOR = re.compile(
    r"\b(staff|news agencies|agency|desk|bureau|team|editors?|newsroom|reuters|afp|"
    r"associated press|contributors?|correspondents?)\b", re.IGNORECASE)
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass
class PageMetadata:
    """Metadata read from the page's markup."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    language: str | None = None
    site: str | None = None
    canonical_url: str | None = None


def parse_datetime(value: object) -> datetime | None:
    """Parse an ISO 8601 timestamp; naive times are taken as UTC."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _jsonld_objects(tree: Any) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if "@graph" in node:
                    stack.append(node["@graph"])
                yield node


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type", [])
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def _person_names(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            if "organization" in _types(item):
                continue
            item = item.get("name")
        if isinstance(item, str):
            names.append(item)
    return names


def clean_authors(candidates: list[str], site_names: set[str]) -> list[str]:
    """Keep people's names: split lists, strip 'By', drop agencies, desks and the site name."""
    out: list[str] = []
    for raw in candidates:
        for part in re.split(r"\s*(?:;|,| and |&)\s*", _BY.sub("", raw)):
            name = part.strip(" .|")
            if (not name or len(name) > 60 or _JUNK_AUTHOR.search(name)
                    or name.casefold() in site_names or not re.search(r"[A-Za-z]", name)):
                continue
            if name not in out:
                out.append(name)
    return out


def _meta(tree: Any, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if found and found[0].strip():
                return str(found[0]).strip()
    return None


def read_metadata(html: str) -> PageMetadata:
    """Read metadata from the page markup (no network, no trafilatura)."""
    meta = PageMetadata()
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return meta
    jsonld_authors: list[str] = []
    for obj in _jsonld_objects(tree):
        if _types(obj) & _ARTICLE_TYPES:
            meta.published_at = meta.published_at or parse_datetime(obj.get("datePublished"))
            meta.updated_at = meta.updated_at or parse_datetime(obj.get("dateModified"))
            meta.title = meta.title or (obj.get("headline") if isinstance(obj.get("headline"),
                                                                           str) else None)
            jsonld_authors += _person_names(obj.get("author"))
            publisher = obj.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                meta.site = meta.site or publisher["name"]
    meta.published_at = meta.published_at or parse_datetime(
        _meta(tree, "article:published_time", "datePublished", "pubdate", "date"))
    meta.updated_at = meta.updated_at or parse_datetime(
        _meta(tree, "article:modified_time", "dateModified", "og:updated_time"))
    if meta.published_at is None:
        for value in tree.xpath("//time/@datetime"):
            meta.published_at = parse_datetime(value)
            if meta.published_at:
                break
    meta.title = meta.title or _meta(tree, "og:title", "twitter:title")
    meta.site = meta.site or _meta(tree, "og:site_name", "application-name")
    meta.authors = jsonld_authors or [a for a in [_meta(tree, "author", "article:author")] if a]
    lang = tree.get("lang") or _meta(tree, "og:locale", "language")
    if lang:
        meta.language = lang.replace("_", "-").split("-")[0].lower()[:2] or None
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.canonical_url = str(canonical[0]).strip() if canonical else _meta(tree, "og:url")
    return meta
