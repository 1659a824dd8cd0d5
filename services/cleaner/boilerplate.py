"""Second pass over trafilatura's paragraphs: drop what it keeps but readers do not want.

trafilatura drops boilerplate in its own containers, but keeps the same text
when a site writes it as plain paragraphs inside the article body. This pass
classifies each paragraph with the patterns in :mod:`services.cleaner.patterns`
and records every removal (kind, hash, length) so that decisions can be audited.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from newsflow.ids import content_hash
from newsflow.messages import RemovedBlock
from services.cleaner.patterns import BLOCK_END, BLOCK_MAX_PARAGRAPHS, BLOCK_START, LINE


@dataclass(frozen=True, slots=True)
class Result:
    """Paragraphs kept and blocks removed."""

    kept: list[str]
    removed: list[RemovedBlock]


def _line_kind(paragraph: str, disabled: Collection[str]) -> str | None:
    for kind, patterns in LINE.items():
        if kind in disabled:
            continue
        if any(p.match(paragraph) for p in patterns):
            return kind
    return None


def _block_end(paragraphs: Sequence[str], start: int, kind: str) -> int | None:
    """Index of the last paragraph of the block of ``kind`` starting at ``start``."""
    end_pattern = BLOCK_END[kind]
    for i in range(start, min(len(paragraphs), start + BLOCK_MAX_PARAGRAPHS)):
        if end_pattern.search(paragraphs[i]):
            return i
    return None


_SITE_NAME_FILLER = frozenset({"the", "a", "an", "news", "com", "www", "©"})


def _is_site_name(paragraph: str, site_names: Collection[str]) -> bool:
    """True when the paragraph is the site's name or a short form of it ("Courier")."""
    words = {w for w in re.split(r"[\s.|\-–—©]+", paragraph.casefold()) if w}
    if not words or len(words) > 6:
        return False
    for site in site_names:
        site_words = {w for w in re.split(r"[\s.|\-–—©]+", site.casefold()) if w}
        if words <= site_words and words - _SITE_NAME_FILLER:
            return True
    return False


def strip_boilerplate(
    paragraphs: Sequence[str],
    *,
    site_names: Collection[str] = (),
    disabled: Collection[str] = (),
) -> Result:
    """Remove boilerplate paragraphs; ``disabled`` names kinds to leave in place."""
    kept: list[str] = []
    removed: list[RemovedBlock] = []

    def drop(kind: str, text: str) -> None:
        removed.append(RemovedBlock(kind=kind, sha256=content_hash(text), length=len(text)))

    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        block_kind = next(
            (k for k, p in BLOCK_START.items() if k not in disabled and p.match(para)), None
        )
        if block_kind is not None:
            end = _block_end(paragraphs, i, block_kind)
            if end is not None:
                drop(block_kind, "\n".join(paragraphs[i : end + 1]))
                i = end + 1
                continue
        kind = _line_kind(para, disabled)
        if kind is None and "site_name" not in disabled and _is_site_name(para, site_names):
            kind = "site_name"
        if kind is None:
            kept.append(para)
        else:
            drop(kind, para)
        i += 1
    return Result(kept, removed)
