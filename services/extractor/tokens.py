"""Word tokens with character offsets into the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extractor.wordlists import (
    MONTH_ABBREVIATIONS,
    NON_TERMINAL_ABBREVIATIONS,
    OTHER_ABBREVIATIONS,
)

_TAKES_PERIOD = NON_TERMINAL_ABBREVIATIONS | MONTH_ABBREVIATIONS | OTHER_ABBREVIATIONS
#: "it's" splits like a possessive ("it" + "'s"); the rules that care look at both tokens.
_TOKEN = re.compile(
    r"""
      (?:[A-Za-z]\.){2,}                              # acronyms with periods: U.S., p.m.
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
    lowered = text.lower().replace("’", "'")  # same length: offsets still match
    tokens: list[Token] = []
    append = tokens.append
    i = 0
    for m in _TOKEN.finditer(text):
        word = m.group()
        a = m.start()
        b = a + len(word)
        if word[-1] == "." and b - a > 1 and word[-2] != "." and not (
            word[:-1] in _TAKES_PERIOD or (b - a == 2 and word[0].isupper())
            or word[-3:-2] == "."
        ):
            b -= 1
            word = word[:-1]
            first = word[0]
            append(Token(word, offset + a, offset + b, i, lowered[a:b], first.isalnum(),
                         first.isupper()))
            i += 1
            word, a, b = ".", b, b + 1
        first = word[0]
        append(Token(word, offset + a, offset + b, i, lowered[a:b], first.isalnum(),
                     first.isupper() or (word[2:3] == "-" and _arabic_article(word))))
        i += 1
    return tokens


def _arabic_article(word: str) -> bool:
    """"al-Shabaab", "al-Qaeda", "el-Sisi": a name after a lower-case Arabic article."""
    return len(word) > 3 and word[2] == "-" and word[0] in "ae" and word[1] == "l" and (
        word[3].isupper()
    )
