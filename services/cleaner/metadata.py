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
from services.cleaner.dates import Stamp, has_time, parse_iso, read_stamp
from services.cleaner.markup import parse_html

# a role or an agency anywhere makes a candidate no person: "By AFP staff", "Metro Desk"
# (an agency's name may be glued to the byline before it: "ANN LEEAssociated Press")
_ROLE_AUTHOR = re.compile(
    r"\b(?:" + "|".join(keys.AUTHOR_ROLE_WORDS) + r")\b|(?:" + "|".join(keys.AGENCY_PHRASES)
    + r")\b|^the\s|[@/\d]|https?:|www\.",
    re.IGNORECASE,
)
# words of publication names, which are surnames too: junk only when they are all there is
_PUBLICATION_WORD = re.compile(
    "|".join((*keys.AUTHOR_ROLE_WORDS, *keys.AUTHOR_PUBLICATION_WORDS, *keys.AUTHOR_LINK_VERBS,
              *keys.AUTHOR_LINK_NOUNS)),
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]+")
# "Ann LeeView More Articles", "More stories by Ann Lee", "Ann Lee | See all posts": a link
# label starts a line, follows a space or separator, or is glued after a lower-case letter
_LINK_LABEL = re.compile(
    r"(?:^|(?<=[\s|,;:])|(?-i:(?<=[a-z])(?=[A-Z])))"
    r"(?:(?:(?:" + "|".join(keys.AUTHOR_LINK_VERBS) + r")\s+)+"
    r"(?:(?:more|all|of|the|latest|recent|my|his|her|their)\s+)*"
    r"(?:(?:" + "|".join(keys.AUTHOR_LINK_NOUNS) + r")(?:\s+(?:by|from|of))?|by|from)"
    r"(?:\s+(?:this|the)\s+(?:author|writer|reporter|columnist))?"
    r"|(?:view|see|read|show)\s+(?:more|all)\s*$)"  # "Read more" ends the line
    r"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))",
    re.IGNORECASE,
)
# given and family name written without a space: "김철수", "王小明", "山田太郎"
_UNSPACED_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af・·]{2,12}")
_BY = re.compile(r"^\s*(?:(?:by|von|par|por|di|door|av)\s*[:\-]?\s+|[\w ]{1,15}:\s*|"
                 r"(?:[\w-]+\s+){1,2}(?-i:by|By)\s+)", re.IGNORECASE)
# "and" in the languages of MONTHS, lower-case only: "Sarah E. Needleman" is one name
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\||&|/|\s(?:and|And|AND|und|et|y|e|og|en)\s)\s*")
# a byline goes on with the date or a role: "By Ann Lee Monday, Nov. 18" -> "By Ann Lee"
_BYLINE_TAIL = re.compile(
    r"(?:\s+(?:on\s+)?|(?<=[a-zA-Z])(?=[A-Z]))(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"(?:updated|published|posted|last)\b|\d|\(|—|–|-\s)", re.IGNORECASE)
_JSONLD_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
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
    #: only the day was given (the time is 00:00 there): a stamp of that day may say more
    published_day_only: bool = False
    updated_day_only: bool = False
    #: the zone the page writes its timestamps in, when it names one
    zone: tzinfo | None = None
    language: str | None = None
    site: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    headings: list[str] = field(default_factory=list)


def _load_jsonld(text: str) -> object:
    """The JSON in a JSON-LD script, as pages write it.

    ``strict=False`` lets raw control characters (a tab or newline typed into a name)
    through; a CDATA or comment wrapper left by a CMS is taken off before a second try.
    """
    try:
        return json.loads(text, strict=False)
    except ValueError:
        unwrapped = _JSONLD_WRAPPER.sub("", text)
        if unwrapped == text:
            raise
        return json.loads(unwrapped, strict=False)


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = _load_jsonld(script.text or "")
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


def _looks_like_name(name: str, structured: bool) -> bool:
    words = name.split()
    if len(words) == 1 and structured:
        # scripts that write a whole name as one word: trusted only where the markup says
        # "this is the author", since a lone word of running text is rarely a name
        return _UNSPACED_NAME.fullmatch(name) is not None
    if not 1 < len(words) <= 5 or len(name) > 60:
        return False
    latin = [w for w in words if w[0].isascii() and w[0].isalpha()]
    # Latin-script names are capitalised ("Maria Lind", "Jan van Dijk"): most words start upper
    return not latin or sum(w[0].isupper() for w in latin) * 2 > len(latin)


def _is_junk(name: str) -> bool:
    """A desk, an agency, a role or a publication rather than a person, judged on the whole.

    A word of publication names is a surname only as the last of two or three words after
    given names ("Bill Press", "Emily Post"); elsewhere, or after an acronym, it makes a
    publication ("USA Today", "CNN Business") or a name with its outlet glued on ("Ann Lee
    Valley Today"), which another source usually gives clean.
    """
    if _ROLE_AUTHOR.search(name):
        return True
    words = _LETTERS.findall(name)
    publication = [i for i, word in enumerate(words) if _PUBLICATION_WORD.fullmatch(word)]
    if not publication:
        return False
    acronym = not name.isupper() and any(len(w) > 1 and w.isupper() for w in words[:-1])
    return publication != [len(words) - 1] or not 2 <= len(words) <= 3 or acronym


def clean_authors(candidates: Iterable[str], site_names: set[str], *,
                  structured: bool = False) -> list[str]:
    """Keep people's names: split lists, strip 'By' and link labels, drop desks and the site.

    ``structured`` says the candidates come from a field that names the author (JSON-LD,
    a meta tag), where a one-word name in a script without spaces is accepted.
    """
    out: list[str] = []
    folded_sites = {s.casefold() for s in site_names}
    for raw in candidates:
        line = _LINK_LABEL.sub(" | ", _WS.sub(" ", raw).strip())
        line = _BYLINE_TAIL.split(_BY.sub("", line.strip(" |")), maxsplit=1)[0]
        for part in _AUTHOR_SPLIT.split(line):
            name = _BY.sub("", part.strip(" .|:-–—")).strip(" .|:-–—")
            if (not name or _is_junk(name) or name.casefold() in folded_sites
                    or not _looks_like_name(name, structured)):
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

    def __init__(self, values: Iterable[Stamp | None]) -> None:
        self.values = [v for v in values if v is not None]

    def add(self, stamp: Stamp | None) -> None:
        """A candidate from a source less trusted than those already added."""
        if stamp is not None:
            self.values.append(stamp)

    def wants_more(self) -> bool:
        """True when no candidate has a time of day: the page's text may give one."""
        return not any(v.timed for v in self.values)

    def best(self) -> Stamp | None:
        """The most trusted candidate, or a timestamp of the same day for a bare date."""
        if not self.values:
            return None
        first = self.values[0]
        if not first.timed:  # a bare date: a timestamp of the same day elsewhere is better
            for other in self.values[1:]:
                if other.timed and other.when.date() == first.when.date():
                    return other
        return first


# a zone after a time of day: the "-05" of a bare "2026-03-05" is the day
_ZONED_ISO = re.compile(r"[T ]\s*\d{1,2}:?\d{2}\S*?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)\s*$",
                        re.IGNORECASE)


def _iso_stamp(value: object, zone: tzinfo | None) -> Stamp | None:
    """An ISO value from the markup; naive ones take ``zone``, the page's own."""
    when = parse_iso(value, zone)
    if when is None or not isinstance(value, str):
        return None
    return Stamp(when, has_time(value), _ZONED_ISO.search(value.strip()) is not None)


def _zone_of(stamps: Iterable[Stamp | None]) -> tzinfo | None:
    """The time zone the page writes its timestamps in, to complete naive ones."""
    return next((s.when.tzinfo for s in stamps if s is not None and s.zoned), None)


def _in_zone(stamp: Stamp | None, zone: tzinfo | None) -> Stamp | None:
    """A text date whose zone was not written, put in the zone the page's markup uses."""
    if stamp is None or stamp.zoned or zone is None:
        return stamp
    return stamp._replace(when=stamp.when.replace(tzinfo=zone))


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


def page_text_dates(tree: HtmlElement) -> tuple[Stamp | None, Stamp | None]:
    """Dates written in the page's date and byline elements: (published, updated).

    A date whose zone is not written comes back in UTC with ``zoned`` false; the caller
    moves it into the page's zone when the page names one elsewhere.
    """
    published = updated = None
    for el in tree.xpath(_DATE_TEXT_XPATH)[:40]:
        text = _WS.sub(" ", el.text_content()).strip()
        if not text or len(text) > 160:
            continue
        stamp = read_stamp(text)
        if stamp is None:
            continue
        if re.search(r"updated|modified|aktualisiert|mis à jour|actualizado|atualizado",
                     text, re.IGNORECASE):
            updated = updated or stamp
        else:
            published = published or stamp
        if published and updated:
            break
    return published, updated


def _read_dates(meta: PageMetadata, tree: HtmlElement, articles: list[dict[str, Any]],
                values: dict[str, str], props: list[HtmlElement]) -> None:
    """Published and updated times, each with a zone the page gives wherever it can.

    A value without a zone takes the zone of any other timestamp on the page (markup
    first, then the dates written in its text); a bare date gives way to a timestamp of
    the same day from any source, the page's text included. Only when the page names no
    zone at all is UTC assumed, and a bare date stays 00:00 of its day.
    """
    times_pub, times_upd = _time_elements(tree, props)
    iso_pub = [*(a.get("datePublished") for a in articles),
               *(values[k] for k in keys.PUBLISHED_KEYS if k in values), *times_pub]
    iso_upd = [*(a.get("dateModified") for a in articles),
               *(values[k] for k in keys.UPDATED_KEYS if k in values), *times_upd]
    as_written = [_iso_stamp(v, None) for v in (*iso_pub, *iso_upd)]
    zone = _zone_of(as_written)
    text: tuple[Stamp | None, Stamp | None] | None = None
    if zone is None and any(s is not None and not s.zoned for s in as_written):
        text = page_text_dates(tree)
        zone = _zone_of(text)
    published = _Dates(_iso_stamp(v, zone) for v in iso_pub)
    updated = _Dates(_iso_stamp(v, zone) for v in iso_upd)
    if published.wants_more() or updated.wants_more():
        text = text or page_text_dates(tree)
        zone = zone or _zone_of(text)
        published.add(_in_zone(text[0], zone))
        updated.add(_in_zone(text[1], zone))
    best_pub, best_upd = published.best(), updated.best()
    meta.zone = zone
    if best_pub is not None:
        meta.published_at, meta.published_day_only = best_pub.when, not best_pub.timed
    if best_upd is not None:
        meta.updated_at, meta.updated_day_only = best_upd.when, not best_upd.timed


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
    authors: list[str] = []
    for obj in articles:
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
    _read_dates(meta, tree, articles, values, props)

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
        clean_authors(authors, site_names, structured=True)
        or clean_authors((v for k in keys.AUTHOR_KEYS if (v := values.get(k)) and "://" not in v),
                         site_names, structured=True)
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
