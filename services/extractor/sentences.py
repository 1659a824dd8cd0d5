"""Sentence splitting with character offsets into the article text.

Paragraphs (lines) are split first, so a headline or a caption without a final
period is a sentence of its own. Within a paragraph a sentence ends at ``.``,
``!``, ``?`` or an ellipsis, possibly followed by closing quotes or brackets,
when the next word starts a new sentence. Titles ("Maj. Gen."), month
abbreviations before a day ("Feb. 24"), initials ("John F. Kennedy") and
acronyms ("U.S. officials") do not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.extractor.tokens import Token, tokenize
from services.extractor.wordlists import (
    MONTH_ABBREVIATIONS,
    NON_TERMINAL_ABBREVIATIONS,
    SENTENCE_STARTERS,
)

_PARAGRAPH = re.compile(r"[^\n]+")
#: ``[.!?]+`` or an ellipsis, written to start with one character class so that the regex
#: engine skips ahead to the next candidate instead of trying the pattern at every position.
_BOUNDARY = re.compile(r"[.!?…](?:(?<=[.!?])[.!?]*)?[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]?([\w.']+)")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?$")
#: A letter or digit: ``\w`` but the underscore is exactly what ``str.isalnum`` accepts.
_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: 1-based id, offsets into the article text, its text and tokens."""

    id: int
    start: int
    end: int
    text: str
    tokens: list[Token]
    paragraph: int
    title_case: bool = False
    """A headline in title case, where capitals say nothing about names."""

    @property
    def in_lead(self) -> bool:
        """True for the first three sentences of the article."""
        return self.id <= 3


def _is_boundary(paragraph: str, match: re.Match[str]) -> bool:
    punct = match.group()
    if not punct.startswith("."):
        return True
    before = _WORD_BEFORE.search(paragraph, 0, match.start())
    if before is None:
        return True
    word = before.group(1).lstrip("\"“‘'([")
    nxt = _NEXT_WORD.match(paragraph, match.end())
    next_word = nxt.group(1) if nxt else ""
    if word in NON_TERMINAL_ABBREVIATIONS:
        return False
    if word in MONTH_ABBREVIATIONS:
        return not next_word[:1].isdigit()
    if len(word) == 1 and word.isupper():
        # An initial inside a name ("John F. Kennedy"), unless a new sentence obviously starts.
        return next_word in SENTENCE_STARTERS
    if _ACRONYM.match(word + "."):
        # "U.S. officials" (lower case follows: no match at all) vs "... in the U.S. The ..."
        return next_word in SENTENCE_STARTERS
    return True


_TITLE_CASE_FUNCTION = frozenset(
    {"a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "but", "with", "from",
     "by", "over", "as", "vs", "after", "into", "amid", "about", "is", "are", "up", "off"}
)


def is_title_case(tokens: list[Token]) -> bool:
    """True for a headline in title case, where capitals say nothing about names."""
    caps = 0
    lower = 0
    for t in tokens:
        if not t.is_word or not t.text[0].isalpha():
            continue
        if t.is_cap:
            caps += 1
        elif t.lower not in _TITLE_CASE_FUNCTION:
            lower += 1
            if lower > 1:
                return False  # most sentences: no need to count the rest
    return caps >= 3 and (lower == 0 or (caps >= 4 and lower == 1 and caps >= 4 * lower))


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; tokens carry absolute offsets too."""
    sentences: list[Sentence] = []
    for paragraph_index, para in enumerate(_PARAGRAPH.finditer(text)):
        p_text = para.group()
        p_start = para.start()
        cut = 0
        pieces: list[tuple[int, int]] = []
        for m in _BOUNDARY.finditer(p_text):
            if _is_boundary(p_text, m):
                pieces.append((cut, m.end()))
                cut = m.end()
        pieces.append((cut, len(p_text)))
        for a, b in pieces:
            chunk = p_text[a:b]
            stripped = chunk.strip()
            if not stripped or _ALNUM.search(stripped) is None:
                continue
            lead = len(chunk) - len(chunk.lstrip())
            start = p_start + a + lead
            end = start + len(stripped)
            tokens = tokenize(stripped, start)
            sentences.append(
                Sentence(
                    id=len(sentences) + 1,
                    start=start,
                    end=end,
                    text=stripped,
                    tokens=tokens,
                    paragraph=paragraph_index,
                    title_case=is_title_case(tokens),
                )
            )
    return sentences
