"""The cleaner's core: raw page in, clean article out. Pure and CPU-bound.

trafilatura finds the main text and basic metadata; :mod:`metadata` reads the
markup for timestamps and authors users can trust; :mod:`boilerplate` removes
what trafilatura keeps inside the body.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime

import trafilatura
from trafilatura.settings import Document

from newsflow.errors import Rejected
from newsflow.ids import url_host
from newsflow.messages import CleanArticle, RawArticle
from services.cleaner.boilerplate import strip_boilerplate
from services.cleaner.metadata import clean_authors, parse_datetime, read_metadata

CLEANER = "newsflow-cleaner/0.1.0+trafilatura-" + trafilatura.__version__


@dataclass(frozen=True)
class CleanOptions:
    """Options for :func:`clean`, built once and passed to every call."""

    disabled_kinds: frozenset[str] = frozenset()
    min_text_chars: int = 200


def clean(raw: RawArticle, options: CleanOptions = CleanOptions(),
          *, now: datetime | None = None) -> CleanArticle:
    """Extract the main text and metadata of ``raw``, or raise :class:`Rejected` with a reason."""
    if not raw.html.strip():
        raise Rejected(f"{raw.url}: empty page", reason="empty")
    doc = trafilatura.bare_extraction(
        raw.html, url=raw.final_url, with_metadata=True, include_comments=False,
        include_tables=False, favor_precision=False,
    )
    if not isinstance(doc, Document) or not doc.text:
        raise Rejected(f"{raw.url}: no main text found", reason="no_main_text")
    meta = read_metadata(raw.html)
    site = meta.site or doc.sitename or url_host(raw.final_url)
    site_names = {s.casefold() for s in (meta.site, doc.sitename, url_host(raw.final_url)) if s}
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    title = meta.title or doc.title or raw.feed_title
    if title:  # a repeated headline at the top of the body is not body text
        paragraphs = [p for i, p in enumerate(paragraphs) if not (i == 0 and p == title)]
    result = strip_boilerplate(paragraphs, site_names=site_names,
                               disabled=options.disabled_kinds)
    text = "\n".join(result.kept)
    if len(text) < options.min_text_chars:
        raise Rejected(f"{raw.url}: main text too short ({len(text)} characters)",
                       reason="too_short")
    authors = clean_authors(meta.authors or ([doc.author] if doc.author else []), site_names)
    published = meta.published_at or parse_datetime(doc.date) or raw.feed_published
    language = meta.language or doc.language or _header_language(raw.headers)
    return CleanArticle(
        article_id=raw.article_id,
        url=raw.url,
        canonical_url=meta.canonical_url,
        feed_id=raw.feed_id,
        site=site,
        title=title,
        authors=authors,
        published_at=published,
        updated_at=meta.updated_at,
        language=language,
        text=text,
        paragraphs=result.kept,
        removed=result.removed,
        fetched_at=raw.fetched_at,
        cleaned_at=now or datetime.now(UTC),
        cleaner=CLEANER,
    )


def _header_language(headers: dict[str, str]) -> str | None:
    value = headers.get("content-language") or headers.get("Content-Language")
    return value.split(",")[0].split("-")[0].strip().lower() or None if value else None


def disabled_from(kinds: Collection[str]) -> CleanOptions:
    """Options with the named boilerplate kinds left in place."""
    return CleanOptions(disabled_kinds=frozenset(kinds))
