"""The cleaner's core: raw page in, clean article out. Pure and CPU-bound.

The page is parsed once (:mod:`markup`); :mod:`metadata` reads titles, dates,
authors and the rest from that tree; trafilatura finds the main text on the
same tree in its fast mode (no readability/jusText comparison, no metadata
pass), falling back to its full cascade only when the fast result looks wrong
(empty, or a menu of one-word lines); :mod:`boilerplate` then removes what
trafilatura keeps inside the body. Dates the markup lacks come from the
dateline and "Updated:" stamps that pass removed; the language is the text's
own when :mod:`language` can tell, else the markup's, else the HTTP header's.
Lone surrogates (half an emoji cut off, a bad ``\\ud83d`` escape in JSON) are
replaced before parsing: lxml drops everything after one in its text node.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document, Extractor

from newsflow.errors import ConfigError, Rejected
from newsflow.ids import url_host
from newsflow.messages import CleanArticle, RawArticle
from services.cleaner.boilerplate import PageContext, strip_boilerplate
from services.cleaner.dates import Stamp, read_stamp
from services.cleaner.language import guess_language
from services.cleaner.markup import link_index, parse_html, text_key, words
from services.cleaner.metadata import PageMetadata, clean_authors, read_metadata
from services.cleaner.patterns import BYLINE, KINDS

CLEANER = "newsflow-cleaner/0.2.0+trafilatura-" + trafilatura.__version__

# Options built once: trafilatura's fast mode, no comments, no metadata pass of its own.
_FAST = Extractor(output_format="python", fast=True, comments=False, with_metadata=False)
_FULL = Extractor(output_format="python", fast=False, comments=False, with_metadata=False)
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")
#: A fast result with more paragraphs than this, most of them a word or two,
#: is a menu dump: the full cascade gets a second try.
_MENU_PARAGRAPHS = 40
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class CleanOptions:
    """Options for :func:`clean`, built once and passed to every call."""

    disabled_kinds: frozenset[str] = frozenset()
    min_text_chars: int = 200


def well_formed(html: str) -> str:
    """``html`` with lone surrogates replaced by U+FFFD; a pair of them becomes its character.

    lxml cuts a text node short at a lone surrogate, so a stray one would lose the rest
    of its paragraph (and a page of them every paragraph) rather than one character.
    """
    if _SURROGATE.search(html) is None:
        return html
    return html.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _paragraphs(doc: Document | None) -> list[str]:
    if doc is None or not doc.text:
        return []
    return [p.strip() for p in doc.text.split("\n") if p.strip()]


def _looks_like_menu(paragraphs: Sequence[str]) -> bool:
    if len(paragraphs) < _MENU_PARAGRAPHS:
        return False
    short = sum(1 for p in paragraphs if words(p) <= 3)
    return short * 2 > len(paragraphs)


def extract_paragraphs(tree: HtmlElement) -> list[str]:
    """Main-text paragraphs of the page by trafilatura; the tree is left as it was."""
    fast = trafilatura.bare_extraction(tree, options=_FAST)
    paragraphs = _paragraphs(fast if isinstance(fast, Document) else None)
    if not paragraphs or _looks_like_menu(paragraphs):
        full = trafilatura.bare_extraction(tree, options=_FULL)
        retry = _paragraphs(full if isinstance(full, Document) else None)
        if retry and not _looks_like_menu(retry):
            paragraphs = retry
    return paragraphs


def _standfirsts(tree: HtmlElement) -> list[str]:
    """Headings set right after the headline, before any paragraph: the standfirst, a kicker."""
    found = []
    for h1 in tree.iter("h1"):
        for sibling in h1.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.tag == "p":
                break
            if sibling.tag in _SUBHEADINGS:
                found.append(sibling.text_content())
    return found


def _context(tree: HtmlElement, meta: PageMetadata, site_names: set[str],
             authors: Sequence[str], url: str) -> PageContext:
    """The headline and standfirst, authors, the site's names and its links."""
    headings = {text_key(h) for h in (meta.title, *meta.headings, *_standfirsts(tree)) if h}
    if meta.description:
        description = text_key(meta.description)
        if any(text_key(h.text_content()) == description for h in tree.iter(*_SUBHEADINGS)):
            headings.add(description)
    return PageContext(site_names=frozenset(site_names), headings=frozenset(headings),
                       authors=tuple(authors), links=link_index(tree, url))


def _byline_authors(paragraphs: Sequence[str], site_names: set[str]) -> list[str]:
    """Names in a byline written as one of the text's first paragraphs ("By Jane Doe").

    The last source of authors, for pages whose markup names none: such a line is
    boilerplate to the text (the boilerplate pass removes it) but the page's own
    statement of who wrote it.
    """
    for paragraph in paragraphs[:4]:
        if BYLINE.match(paragraph):
            return clean_authors([paragraph], site_names)
    return []


def clean(raw: RawArticle, options: CleanOptions = CleanOptions(),
          *, now: datetime | None = None) -> CleanArticle:
    """Extract the main text and metadata of ``raw``, or raise :class:`Rejected` with a reason."""
    if not raw.html.strip():
        raise Rejected(f"{raw.url}: empty page", reason="empty")
    tree = parse_html(well_formed(raw.html))
    if tree is None:
        raise Rejected(f"{raw.url}: not an HTML page", reason="no_main_text")
    meta = read_metadata(tree, url=raw.final_url)
    host = url_host(raw.final_url)
    site = meta.site or host
    site_names = {s for s in (meta.site, host) if s}
    paragraphs = extract_paragraphs(tree)
    if not paragraphs:
        raise Rejected(f"{raw.url}: no main text found", reason="no_main_text")
    authors = meta.authors or _byline_authors(paragraphs, site_names)
    context = _context(tree, meta, site_names, authors, raw.final_url)
    result = strip_boilerplate(paragraphs, context=context, disabled=options.disabled_kinds)
    text = "\n".join(result.kept)
    if len(text) < options.min_text_chars:
        raise Rejected(f"{raw.url}: main text too short ({len(text)} characters)",
                       reason="too_short")
    published, updated = meta.published_at, meta.updated_at
    if (published is None or updated is None or meta.published_day_only
            or meta.updated_day_only):
        stamp_pub, stamp_upd = _stamp_dates(result.stamps, meta.zone)
        published = _with_stamp(meta.published_at, meta.published_day_only, stamp_pub)
        updated = _with_stamp(meta.updated_at, meta.updated_day_only, stamp_upd)
    return CleanArticle(
        article_id=raw.article_id,
        url=raw.url,
        canonical_url=meta.canonical_url,
        feed_id=raw.feed_id,
        site=site,
        title=meta.title or raw.feed_title,
        authors=authors,
        published_at=published or raw.feed_published,
        updated_at=updated,
        # the text's own language when it is clear: markup sometimes declares a template's
        language=(guess_language(result.kept) or meta.language
                  or _header_language(raw.headers)),
        text=text,
        paragraphs=result.kept,
        removed=result.removed,
        fetched_at=raw.fetched_at,
        cleaned_at=now or datetime.now(UTC),
        cleaner=CLEANER,
    )


def _stamp_dates(stamps: Sequence[str], zone: tzinfo | None,
                 ) -> tuple[Stamp | None, Stamp | None]:
    """Dates of the dateline and "Updated:" stamps the boilerplate pass removed."""
    published = updated = None
    for text in stamps:
        stamp = read_stamp(text, zone)
        if stamp is None:
            continue
        if "updat" in text.lower() or "modif" in text.lower():
            updated = updated or stamp
        else:
            published = published or stamp
    return published, updated


def _with_stamp(known: datetime | None, day_only: bool, stamp: Stamp | None,
                ) -> datetime | None:
    """The markup's timestamp, or a stamp's: when the markup has none, or only the same day."""
    if known is None:
        return stamp.when if stamp else None
    if day_only and stamp is not None and stamp.timed and stamp.when.date() == known.date():
        return stamp.when
    return known


def _header_language(headers: dict[str, str]) -> str | None:
    value = headers.get("content-language") or headers.get("Content-Language")
    return value.split(",")[0].split("-")[0].strip().lower() or None if value else None


def disabled_from(kinds: Collection[str]) -> CleanOptions:
    """Options with the named boilerplate kinds left in place; an unknown kind is an error.

    The one check of ``NEWSFLOW_CLEANER_KEEP_KINDS`` for every runner, so a typo
    ("subscriptions") fails at start instead of silently removing what was meant to stay.
    """
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ConfigError(f"NEWSFLOW_CLEANER_KEEP_KINDS: unknown kinds {sorted(unknown)}; "
                          f"known: {', '.join(KINDS)}")
    return CleanOptions(disabled_kinds=frozenset(kinds))
