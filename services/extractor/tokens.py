"""Word tokens with character offsets into the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extractor.wordlists import (
    MONTH_ABBREVIATIONS,
    NON_TERMINAL_ABBREVIATIONS,
    OTHER_ABBREVIATIONS,
)

_TOKEN = re.compile(
    r"""
      (?:[A-Za-z]\.){2,}                  # acronyms with periods: U.S., U.K., p.m.
    | [^\W_]+(?:[-'’&/.][^\W_]+)*         # words, with inner hyphens, apostrophes, S-400, 24/7
    | \.\.\.|…                            # ellipsis
    | [^\w\s]                             # any other single symbol
    """,
    re.VERBOSE,
)

_TAKES_PERIOD = NON_TERMINAL_ABBREVIATIONS | MONTH_ABBREVIATIONS | OTHER_ABBREVIATIONS

#: Contractions that look like possessives but are not.
_NOT_POSSESSIVE = frozenset({"it", "he", "she", "that", "there", "what", "who", "here", "where",
                             "let", "how", "when"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, absolute offsets and its index within the sentence."""

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


def _make(text: str, start: int, i: int) -> Token:
    first = text[0]
    return Token(
        text=text,
        start=start,
        end=start + len(text),
        i=i,
        lower=text.lower().replace("’", "'") if "’" in text else text.lower(),
        is_word=first.isalnum(),
        is_cap=first.isupper(),
    )


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; offsets are ``offset`` plus the position in ``text``."""
    tokens: list[Token] = []
    consumed = 0
    for m in _TOKEN.finditer(text):
        word = m.group()
        start = m.start()
        end = m.end()
        if start < consumed:  # the period an abbreviation already took
            continue
        if word[0].isalnum():
            # A title or month abbreviation keeps its period: "Gen.", "Feb.", "F.".
            if (
                end < len(text)
                and text[end] == "."
                and (word in _TAKES_PERIOD or (len(word) == 1 and word.isupper()))
            ):
                word += "."
                end += 1
                consumed = end
            # Split a possessive: "Ukraine's" -> "Ukraine" + "'s".
            if (
                len(word) > 2
                and word[-2] in "'’"
                and word[-1] in "sS"
                and word[:-2].lower() not in _NOT_POSSESSIVE
            ):
                tokens.append(_make(word[:-2], offset + start, len(tokens)))
                tokens.append(_make(word[-2:], offset + start + len(word) - 2, len(tokens)))
                continue
        tokens.append(_make(word, offset + start, len(tokens)))
    return tokens

