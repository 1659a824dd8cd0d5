"""Boilerplate patterns: data only, applied by :mod:`services.cleaner.boilerplate`.

Each kind maps to regular expressions that match a whole paragraph (``LINE``)
or the first paragraph of a multi-paragraph block (``BLOCK_START``) whose end
is found by ``BLOCK_END``. Patterns describe the *form* of boilerplate
(a short paragraph that is only a credit, a prompt, a stamp), so that article
text which merely mentions "support" or "donate" is not matched.
"""

from __future__ import annotations

import re
from typing import Final

_I = re.IGNORECASE

#: Paragraphs that are boilerplate on their own, by kind.
LINE: Final[dict[str, tuple[re.Pattern[str], ...]]] = {
    "audio_notice": (
        re.compile(r"^\W*voice is ai[- ]generated\b.*$", _I),
        re.compile(r"^\W*(listen to (this|the) (article|story)|audio is not supported)\b.{0,80}$",
                   _I),
    ),
    "navigation": (
        re.compile(r"^\s*skip to (main )?content\s*$", _I),
        re.compile(r"^\s*(related topics|most read|most popular|read more|more on this story|"
                   r"recommended|trending now|you may also like|related articles|related)\s*:?\s*$",
                   _I),
    ),
    "stamp": (
        re.compile(r"^\s*(updated|published|last updated|posted)\s*:?\s*.{0,60}\d.{0,40}$", _I),
        # a paragraph that is only a date and maybe a time: "April 8, 2026 11:00am GMT"
        re.compile(r"^\s*((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
                   r"(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
                   r"\s+(\d{1,2},?\s+)?\d{4}(,?\s+(at\s+)?\d{1,2}[:.]\d{2}\s*"
                   r"([ap]\.?m\.?)?(\s*[A-Z]{2,5}([+-]\d{1,2})?)?)?\s*$", _I),
        re.compile(r"^\s*\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$"),
    ),
    "source_line": (
        re.compile(r"^\s*source\s*:\s*[\w .,'&-]{2,80}(and news agencies|news agencies)?\.?\s*$",
                   _I),
    ),
    "photo_credit": (
        re.compile(r"^.{0,400}\b(via getty images|/afp|/reuters|/ap photo|/ap|photo:|"
                   r"photograph:|image:|credit:|photo by|file photo)\W*\]?\)?\s*$", _I),
        re.compile(r"^.{0,300}\[(photo|image|file)[^\]]{0,120}\]\s*$", _I),
        re.compile(r"^[A-Z][A-Z .'-]{3,60}/(AFP|REUTERS|AP|GETTY IMAGES|EPA|ANADOLU)\b.*$"),
    ),
    "author_bio": (
        re.compile(r"^\s*about the (writer|author)s?\s*$", _I),
        re.compile(r"^.{20,400}\.\.\.\s*read more\s*$", _I),
        re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3} is an? (senior |staff |freelance )?"
                   r"(reporter|writer|journalist|correspondent|editor|contributor)\b.{0,300}$"),
    ),
    "subscription": (
        re.compile(r"^.{0,120}\b(sign up for|subscribe to) (our|the) .{0,60}"
                   r"(newsletter|briefing|digest|alerts)\b.{0,160}$", _I),
        re.compile(r"^.{0,80}\b(subscribe|subscribers only|already a subscriber|log in to "
                   r"continue|download (our|the) app|get the app)\b.{0,120}$", _I),
    ),
    "share_prompt": (
        re.compile(r"^\s*(share|share this( article| story)?|follow us( on .{1,40})?|"
                   r"share on (facebook|twitter|x|whatsapp))\s*:?\s*$", _I),
    ),
    "cookie_notice": (
        re.compile(r"^.{0,200}\b(we use cookies|this (site|website) uses cookies|"
                   r"accept (all )?cookies|cookie (policy|settings))\b.{0,300}$", _I),
    ),
}

#: Multi-paragraph blocks: a start, then everything up to and including the end.
BLOCK_START: Final[dict[str, re.Pattern[str]]] = {
    "donation_appeal": re.compile(
        r"^\s*(a message from .{2,60}|dear (readers?|friends)\b.*|"
        r"(please )?support (independent|our|quality) (journalism|reporting)\b.*)$", _I),
}
BLOCK_END: Final[dict[str, re.Pattern[str]]] = {
    "donation_appeal": re.compile(
        r"(remind me later|(support|donate|contribute)( to)? (us|now|today)|"
        r"just \W?\$?\d+|maybe later)\W*$", _I),
}
#: A block that finds no end within this many paragraphs is not a block.
BLOCK_MAX_PARAGRAPHS: Final = 12

#: Every kind a user can switch off.
KINDS: Final = tuple(sorted({*LINE, *BLOCK_START, "site_name", "template"}))
