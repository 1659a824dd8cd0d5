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
#: The first group is what lies before a token: whitespace and underscores are the only
#: characters no token starts with, so ``findall`` gives every token with the gap before
#: it, and offsets follow from lengths without a match object per token.
_TOKEN = re.compile(
    r"""
    ([\s_]*)
    (
      (?:[A-Za-z]\.){2,}                              # acronyms with periods: U.S., p.m.
    | [^\W_]+(?:[-'’&/.](?![sS]\b)[^\W_]+)*(?:\.(?!\.))? # words (S-400, 24/7), maybe "Gen."
    | ['’][sS]\b                                        # possessive: Ukraine + 's
    | \.\.\.|…                                          # ellipsis
    | [^\w\s]                                           # any other single symbol
    )
    """,
    re.VERBOSE,
)


@dataclass(slots=True, init=False)
class Token:
    """One token: its text, absolute offsets and its index within the sentence.

    Not frozen only because frozen dataclasses are slow to build; treat it as read-only.
    The constructor is written out because mypyc compiles it, while the one
    ``@dataclass`` would generate runs interpreted, about seven times slower.
    """

    text: str
    start: int
    end: int
    i: int
    lower: str
    is_word: bool
    is_cap: bool
    is_possessive_marker: bool
    """True for the split-off ``'s`` of a possessive (a field, not a property: the rules
    ask it of most tokens they look at)."""

    def __init__(self, text: str, start: int, end: int, i: int, lower: str, is_word: bool,
                 is_cap: bool, is_possessive_marker: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.i = i
        self.lower = lower
        self.is_word = is_word
        self.is_cap = is_cap
        self.is_possessive_marker = is_possessive_marker


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens; offsets are ``offset`` plus the position in ``text``.

    A period stays on titles, month abbreviations and initials ("Gen.", "Feb.", "F.") and
    is a token of its own everywhere else.
    """
    lowered = text.lower().replace("’", "'")  # same length: offsets still match
    tokens: list[Token] = []
    append = tokens.append
    i = 0
    b = 0
    for gap, word in _TOKEN.findall(text):
        a = b + len(gap)
        b = a + len(word)
        if word[-1] == "." and b - a > 1 and word[-2] != "." and not (
            word[:-1] in _TAKES_PERIOD or (b - a == 2 and word[0].isupper())
            or word[-3:-2] == "."
        ):
            # A sentence's final period: the word, then the period as a token of its own.
            first = word[0]
            lower = lowered[a:b - 1]
            append(Token(word[:-1], offset + a, offset + b - 1, i, lower, first.isalnum(),
                         first.isupper(), lower == "'s"))
            lower = lowered[b - 1:b]
            append(Token(".", offset + b - 1, offset + b, i + 1, lower, False, False,
                         lower == "'s"))
            i += 2
            continue
        first = word[0]
        lower = lowered[a:b]
        append(Token(word, offset + a, offset + b, i, lower, first.isalnum(),
                     first.isupper() or (word[2:3] == "-" and _arabic_article(word)),
                     lower == "'s"))
        i += 1
    return tokens


def _arabic_article(word: str) -> bool:
    """"al-Shabaab", "al-Qaeda", "el-Sisi": a name after a lower-case Arabic article."""
    return len(word) > 3 and word[2] == "-" and word[0] in "ae" and word[1] == "l" and (
        word[3].isupper()
    )
