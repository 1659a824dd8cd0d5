"""Article metadata users rely on: dates with time zones, authors as people, language.

Sources in order of trust: JSON-LD (``NewsArticle`` and kin), then meta tags
(``article:published_time``, ``og:*``, Dublin Core, ...), then ``<time>``
elements, then the page's own text (a dateline or "Updated:" stamp, a byline).
Each field takes the first source that has it; a timestamp with a time of day
beats a bare date from a more trusted source only when both name the same day.
Everything is read from the tree parsed once by :mod:`services.cleaner.markup`;
nothing here calls trafilatura's slower metadata extraction.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any
from urllib.parse import urljoin

from lxml.etree import XPath
from lxml.html import HtmlElement

from newsflow.ids import url_host
from services.cleaner import metakeys as keys
from services.cleaner.dates import has_time, parse_iso, parse_text
from services.cleaner.markup import parse_html

_JUNK_AUTHOR = re.compile(
    r"\b(" + "|".join(keys.AUTHOR_JUNK_WORDS) + r")\b|^the\s|[@/\d]|https?:|www\.|"
    r"(associated press|press association|news agency|view more|more articles)",  # glued on
    re.IGNORECASE,
)
_BY = re.compile(r"^\s*(?:(?:by|von|par|por|di|door|av)\s*[:\-]?\s+|[\w ]{1,15}:\s*|"
                 r"(?:[\w-]+\s+){1,2}(?-i:by|By)\s+)", re.IGNORECASE)
# "and" in the languages of MONTHS, lower-case only: "Sarah E. Needleman" is one name
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\||&|/|\s(?:and|And|AND|und|et|y|e|og|en)\s)\s*")
# a byline goes on with the date or a role: "By Ann Lee Monday, Nov. 18" -> "By Ann Lee"
_BYLINE_TAIL = re.compile(
    r"(?:\s+(?:on\s+)?|(?<=[a-zA-Z])(?=[A-Z]))(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"(?:updated|published|posted|last)\b|\d|\(|—|–|-\s)", re.IGNORECASE)
_TITLE_TAIL = re.compile(r"\s+[|\-–—:·•]\s+[^|\-–—:·•]{2,60}$")
_WS = re.compile(r"\s+")
_ITEMPROPS = XPath("//*[@itemprop]")
_BYLINES = XPath('//*[@class][contains(@class, "yline") or contains(@class, "uthor")] | '
                 '//*[@rel="author"]')
_DATE_TEXT_XPATH = (
    '//*[self::time or self::span or self::div or self::p or self::li or self::small]'
    '[contains(@class, "date") or contains(@class, "time") or contains(@class, "publish") or '
    'contains(@class, "posted") or contains(@class, "updated") or contains(@class, "byline") or '
    'contains(@class, "dateline") or contains(@class, "meta")]'
)


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
    description: str | None = None
    headings: list[str] = field(default_factory=list)


def parse_datetime(value: object) -> datetime | None:
    """Parse an ISO 8601 timestamp; naive times are taken as UTC."""
    return parse_iso(value.strip() if isinstance(value, str) else value)


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                if "@graph" in node:
                    stack.append(node["@graph"])
                yield node


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type", [])
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def _article_objects(tree: HtmlElement) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """JSON-LD objects describing the article, best type first, and every node by its ``@id``."""
    ranked = []
    by_id: dict[str, Any] = {}
    for position, obj in enumerate(_jsonld_objects(tree)):
        if isinstance(obj.get("@id"), str) and len(obj) > 1:
            by_id.setdefault(obj["@id"], obj)
        types = _types(obj)
        rank = min((keys.ARTICLE_TYPES.index(t) for t in types if t in keys.ARTICLE_TYPES),
                   default=None)
        if rank is None and "datePublished" in obj and ("headline" in obj or "name" in obj):
            rank = len(keys.ARTICLE_TYPES)  # a kind of page of its own: a fact check, a recipe
        if rank is not None:
            ranked.append((rank, position, obj))
    return [obj for _, _, obj in sorted(ranked, key=lambda r: (r[0], r[1]))], by_id


def _person_names(value: object, by_id: dict[str, Any]) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            if "name" not in item and isinstance(item.get("@id"), str):  # a reference
                item = by_id.get(item["@id"], item)
            if _types(item) & {"organization", "newsmediaorganization", "corporation"}:
                continue
            item = item.get("name")
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, list):
            names += [n for n in item if isinstance(n, str)]
    return names


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 < len(words) <= 5 or len(name) > 60:
        return False
    latin = [w for w in words if w[0].isascii() and w[0].isalpha()]
    # Latin-script names are capitalised ("Maria Lind", "Jan van Dijk"): most words start upper
    return not latin or sum(w[0].isupper() for w in latin) * 2 > len(latin)


def clean_authors(candidates: Iterable[str], site_names: set[str]) -> list[str]:
    """Keep people's names: split lists, strip 'By', drop agencies, desks and the site name."""
    out: list[str] = []
    folded_sites = {s.casefold() for s in site_names}
    for raw in candidates:
        line = _BYLINE_TAIL.split(_BY.sub("", _WS.sub(" ", raw).strip()), maxsplit=1)[0]
        for part in _AUTHOR_SPLIT.split(line):
            name = _BY.sub("", part.strip(" .|:-–—")).strip(" .|:-–—")
            if (not name or _JUNK_AUTHOR.search(name) or name.casefold() in folded_sites
                    or not _looks_like_name(name)):
                continue
            if name.isupper():  # "TOM KRISHER", as wire bylines write it
                name = name.title()
            if name.casefold() not in (o.casefold() for o in out):
                out.append(name)
    return out


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """First non-empty content of every ``<meta>`` key (lower-cased name, property or itemprop)."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content)
    return found


def _first(values: dict[str, str], wanted: Iterable[str]) -> str | None:
    return next((values[k] for k in wanted if k in values), None)


class _Dates:
    """Timestamp candidates in order of trust; the best one wins, see the module docstring."""

    def __init__(self) -> None:
        self.values: list[tuple[datetime, bool]] = []

    def add(self, when: datetime | None, timed: bool) -> None:
        """A candidate from the next source down; ``timed`` when it has a time of day."""
        if when is not None:
            self.values.append((when, timed))

    def best(self) -> datetime | None:
        """The most trusted candidate, or a timestamp of the same day for a bare date."""
        if not self.values:
            return None
        first, timed = self.values[0]
        if not timed:  # a bare date: a timestamp of the same day elsewhere is better
            for when, other_timed in self.values[1:]:
                if other_timed and when.date() == first.date():
                    return when
        return first


def _zone_of(values: Iterable[str]) -> tzinfo | None:
    """The time zone the page writes its timestamps in, to complete naive ones."""
    for value in values:
        when = parse_iso(value)
        if when is not None and re.search(r"(Z|[+-]\d{2}:?\d{2})\s*$", value.strip()):
            return when.tzinfo
    return None


def _time_elements(tree: HtmlElement, props: list[HtmlElement]) -> tuple[list[str], list[str]]:
    """``datetime`` values of ``<time>`` and itemprop elements: (published, updated)."""
    published: list[str] = []
    updated: list[str] = []
    for el in props:
        prop = el.get("itemprop")
        if el.tag != "meta" and prop in ("datePublished", "dateModified"):
            value = el.get("datetime") or el.get("content")
            if value:
                (published if prop == "datePublished" else updated).append(value)
    for el in tree.iter("time"):
        value = el.get("datetime")
        if not value:
            continue
        hint = " ".join(filter(None, (el.get("class"), el.get("itemprop"), el.get("id")))).lower()
        if "modif" in hint or "updat" in hint:
            updated.append(value)
        else:
            published.append(value)
    return published, updated


def _byline_names(tree: HtmlElement, props: list[HtmlElement]) -> list[str]:
    """Names in the page's byline elements, for pages whose markup names no author."""
    names = []
    found = [el for el in props if "author" in (el.get("itemprop") or "").split()]
    for el in found or _BYLINES(tree)[:12]:
        if any("comment" in (a.get("class") or "").lower()
               for a in (el, *itertools.islice(el.iterancestors(), 6))):
            continue  # a reader's name on a comment is not the article's author
        name = el.find('.//*[@itemprop="name"]') if el in found else None
        text = _WS.sub(" ", (name if name is not None else el).text_content()).strip()
        if text and len(text) <= 120:
            names.append(text)
    return names


def page_text_dates(tree: HtmlElement, default: tzinfo | None = None,
                    ) -> tuple[datetime | None, datetime | None]:
    """Dates written in the page's date and byline elements: (published, updated)."""
    published = updated = None
    for el in tree.xpath(_DATE_TEXT_XPATH)[:40]:
        text = _WS.sub(" ", el.text_content()).strip()
        if not text or len(text) > 160:
            continue
        when = parse_text(text, default)
        if when is None:
            continue
        if re.search(r"updated|modified|aktualisiert|mis à jour|actualizado|atualizado",
                     text, re.IGNORECASE):
            updated = updated or when
        else:
            published = published or when
        if published and updated:
            break
    return published, updated


def _strip_site(title: str, site: str | None) -> str:
    """'Headline | Site' -> 'Headline' when the tail is the site's name or short."""
    tail = _TITLE_TAIL.search(title)
    if tail is None:
        return title.strip()
    rest = title[: tail.start()].strip()
    tail_text = tail.group(0).strip(" |-–—:·•")
    if (site and tail_text.casefold() in site.casefold()) or len(tail_text) < len(rest) / 2:
        return rest
    return title.strip()


def read_metadata(page: str | HtmlElement, url: str | None = None) -> PageMetadata:
    """Read metadata from the page markup (no network, no trafilatura metadata pass)."""
    meta = PageMetadata()
    tree = parse_html(page) if isinstance(page, str) else page
    if tree is None:
        return meta
    values = _meta_values(tree)
    articles, by_id = _article_objects(tree)
    props = _ITEMPROPS(tree)
    times_pub, times_upd = _time_elements(tree, props)
    zone = _zone_of([*(str(a.get("datePublished", "")) for a in articles),
                     *(values.get(k, "") for k in keys.PUBLISHED_KEYS), *times_pub])
    published, updated = _Dates(), _Dates()
    authors: list[str] = []
    for obj in articles:
        for dates, key in ((published, "datePublished"), (updated, "dateModified")):
            value = obj.get(key)
            dates.add(parse_iso(value, zone), has_time(value))
        headline = obj.get("headline") or obj.get("name")
        if isinstance(headline, str) and "webpage" not in _types(obj):
            meta.title = meta.title or headline.strip()
        authors += _person_names(obj.get("author"), by_id) + _person_names(obj.get("creator"),
                                                                             by_id)
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            meta.site = meta.site or publisher["name"].strip()
        language = obj.get("inLanguage")
        if isinstance(language, str):
            meta.language = meta.language or _language(language)
        description = obj.get("description")
        if isinstance(description, str):
            meta.description = meta.description or description.strip()
    for key in keys.PUBLISHED_KEYS:
        if key in values:
            published.add(parse_iso(values[key], zone), has_time(values[key]))
    for key in keys.UPDATED_KEYS:
        if key in values:
            updated.add(parse_iso(values[key], zone), has_time(values[key]))
    for value in times_pub:
        published.add(parse_iso(value, zone), has_time(value))
    for value in times_upd:
        updated.add(parse_iso(value, zone), has_time(value))
    meta.published_at, meta.updated_at = published.best(), updated.best()
    if meta.published_at is None:
        meta.published_at, text_updated = page_text_dates(tree, zone)
        meta.updated_at = meta.updated_at or text_updated

    meta.site = meta.site or _first(values, keys.SITE_KEYS)
    title = meta.title or _first(values, keys.TITLE_KEYS)
    if title is None:
        h1 = tree.find(".//h1")
        title = _WS.sub(" ", h1.text_content()).strip() if h1 is not None else None
    if not title:
        element = tree.find(".//title")
        title = element.text_content() if element is not None else None
    meta.title = _strip_site(_WS.sub(" ", title), meta.site) if title else None
    meta.description = meta.description or _first(values, keys.DESCRIPTION_KEYS)
    meta.headings = [_WS.sub(" ", h.text_content()).strip() for h in tree.iter("h1")][:3]

    # the first source that names a person wins; a source naming only a desk falls through
    site_names = {n for n in (meta.site, url_host(url) if url else None) if n}
    meta.authors = (
        clean_authors(authors, site_names)
        or clean_authors((v for k in keys.AUTHOR_KEYS if (v := values.get(k)) and "://" not in v),
                         site_names)
        or clean_authors(_byline_names(tree, props), site_names)
    )

    meta.language = meta.language or _language(tree.get("lang") or tree.get("xml:lang")
                                               or _first(values, keys.LANGUAGE_KEYS))
    canonical = next((link.get("href") for link in tree.iterfind(".//link[@rel='canonical']")
                      if link.get("href")), None) or values.get("og:url")
    if canonical:
        canonical = canonical.strip()
        meta.canonical_url = urljoin(url, canonical) if url else canonical
    return meta


def _language(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None
