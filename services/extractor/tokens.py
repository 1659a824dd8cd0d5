"""Word tokens with character offsets into the article text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from services.extractor.wordlists import (
    MONTH_ABBREVIATIONS,
    NON_TERMINAL_ABBREVIATIONS,
    OTHER_ABBREVIATIONS,
)

_TAKES_PERIOD = NON_TERMINAL_ABBREVIATIONS | MONTH_ABBREVIATIONS | OTHER_ABBREVIATIONS
#: Contractions that look like possessives but are not.
_NOT_POSSESSIVE = "it|he|she|that|there|what|who|here|where|let|how|when"

_TOKEN = re.compile(
    rf"""
      (?:[A-Za-z]\.){{2,}}                              # acronyms with periods: U.S., p.m.
    | (?i:\b(?:{_NOT_POSSESSIVE})['’]s\b)               # it's, that's: one token
    | [^\W_]+(?:[-'’&/.](?![sS]\b)[^\W_]+)*(?:\.(?!\.))? # words (S-400, 24/7), maybe "Gen."
    | ['’][sS]\b                                        # possessive: Ukraine + 's
    | \.\.\.|…                                          # ellipsis
    | [^\w\s]                                           # any other single symbol
    """,
    re.VERBOSE,
)


@dataclass(slots=True)
class Token:
    """One token: its text, absolute offsets and its index within the sentence.

    Not frozen only because frozen dataclasses are slow to build; treat it as read-only.
    """

    text: str
    start: int
    end: int
    i: int
    lower: str
    is_word: bool
    is_cap: bool

    @property
    def is_possessive_marker(self) -> bool:
        """True for the split-off ``'s`` of a possessive."""
        return self.lower in ("'s", "’s")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; offsets are ``offset`` plus the position in ``text``.

    A period stays on titles, month abbreviations and initials ("Gen.", "Feb.", "F.") and
    is a token of its own everywhere else.
    """
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text):
        word = m.group()
        start = offset + m.start()
        if len(word) > 1 and word[-1] == "." and word[-2] != "." and not (
            word[:-1] in _TAKES_PERIOD or (len(word) == 2 and word[0].isupper())
            or word[-3:-2] == "."
        ):
            _add(append, word[:-1], start, len(tokens))
            _add(append, ".", start + len(word) - 1, len(tokens))
            continue
        _add(append, word, start, len(tokens))
    return tokens


def _add(append: Callable[[Token], None], word: str, start: int, i: int) -> None:
    first = word[0]
    lower = word.lower()
    if "’" in lower:
        lower = lower.replace("’", "'")
    append(Token(word, start, start + len(word), i, lower, first.isalnum() and lower != "'s",
                 first.isupper()))
