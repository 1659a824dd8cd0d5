"""Quotation marks, direct quotes and reported speech, attributed to their speakers.

Quotation marks pair within a paragraph: “ opens, ” closes, a straight " opens
when no quote is open and closes otherwise (so “...," pairs too); a quote left
open runs to the end of its paragraph, as when a quote continues in the next
paragraph.

A direct quote (four words or more; shorter ones are scare quotes) is
attributed to the speaker named after it ("..., Peskov told reporters",
"..., said Budanov", "..., he added": the pronoun is resolved to the last
person) or before it ("Danilyuk told the Examiner that "...""); a quote
without attribution continues the previous quote of the same or the previous
paragraph. Reported speech is "X said (that)
...", "..., X said." and "According to X, ...".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from newsflow.messages import Quote
from services.extractor.messages import build_quotes
from services.extractor.participants import Participant
from services.extractor.phrases import governing_preposition
from services.extractor.sentences import Sentence
from services.extractor.tokens import Token

_MARKS = re.compile('[“”"]')
_OPEN = "“"
_CLOSE = "”"
_STRAIGHT = '"'
SPEECH_VERBS = frozenset(
    {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "stated",
     "states", "alleged", "alleges", "claimed", "claims", "warned", "warns", "insisted",
     "explained", "noted", "stressed", "continued", "asked", "announced", "announces",
     "declared", "argued", "replied", "confirmed", "acknowledged", "suggested", "vowed",
     "promised", "reported"}
)
_REPORTED_VERBS = SPEECH_VERBS - {"asked", "continued", "reported"}
_NOT_SPEECH_AFTER = frozenset({"responsibility", "credit", "victory", "lives", "the"})
_MIN_DIRECT_WORDS = 4
_SPEAKER_KINDS = frozenset({"person", "org", "group", "state", "city", "pronoun", "people"})
_WINDOW = 12
_start = attrgetter("start")
_end = attrgetter("end")
#: A whitespace-separated word with a letter or digit in it (``[^\W_]`` is exactly what
#: ``str.isalnum`` accepts, ``\s`` what ``str.split`` splits on).
_WORD = re.compile(r"\S*[^\W_]\S*")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A stretch of text between quotation marks."""

    open: int
    """Offset of the opening mark."""
    start: int
    end: int
    """The quoted text, without the marks."""
    close: int
    """Offset just past the closing mark (the paragraph's end when unclosed)."""
    paragraph: int


@dataclass(slots=True)
class Attribution:
    """A quotation and who said it."""

    span: QuoteSpan
    speaker: Participant | None


def quote_spans(text: str) -> list[QuoteSpan]:
    """All double-quoted stretches of ``text``."""
    spans: list[QuoteSpan] = []
    offset = 0
    paragraph = -1
    for line in text.split("\n"):
        if line.strip():
            paragraph += 1  # blank lines between paragraphs do not count
        opened: int | None = None
        for mark in _MARKS.finditer(line):
            k, ch = mark.start(), mark.group()
            pos = offset + k
            if ch == _OPEN or (ch == _STRAIGHT and opened is None):
                if opened is None:
                    opened = pos
            elif ch in (_CLOSE, _STRAIGHT) and opened is not None:
                spans.append(QuoteSpan(opened, opened + 1, pos, pos + 1, paragraph))
                opened = None
        if opened is not None and offset + len(line) > opened + 1:
            spans.append(QuoteSpan(opened, opened + 1, offset + len(line), offset + len(line),
                                   paragraph))
        offset += len(line) + 1
    return [s for s in spans if s.end > s.start]


def enclosing(spans: list[QuoteSpan], offset: int) -> QuoteSpan | None:
    """The quote span containing ``offset``, if any (``spans`` in text order)."""
    k = bisect_right(spans, offset, key=_start) - 1
    if k >= 0 and spans[k].start <= offset < spans[k].end:
        return spans[k]
    return None


def _words(text: str) -> int:
    """How many whitespace-separated words of ``text`` hold a letter or a digit."""
    return len(_WORD.findall(text))


def _speaker_near(tokens: list[Token], parts: list[Participant], verb: int,
                  lo: int, hi: int) -> Participant | None:
    """The participant nearest the speech verb at ``verb`` within tokens [lo, hi)."""
    candidates = [p for p in parts if p.kind in _SPEAKER_KINDS and lo <= p.first and p.last <= hi
                  and (p.name or p.pronoun)]
    before = [p for p in candidates if p.last <= verb
              and governing_preposition(tokens, p.first) is None]
    after = [p for p in candidates if p.first > verb]
    if before:
        best = before[-1]
        # Skip an object: "told the Washington Examiner" comes after the verb anyway.
        return best
    return after[0] if after else None


class QuoteFinder:
    """Attributes quotes for one article."""

    def __init__(self, text: str, sentences: list[Sentence],
                 participants: dict[int, list[Participant]]) -> None:
        self.text = text
        self.sentences = sentences
        self.parts = participants
        self.spans = quote_spans(text)
        self._starts = [s.start for s in sentences]

    def _sentence_at(self, offset: int) -> Sentence | None:
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end + 1:
            return self.sentences[k]
        return None

    def _after(self, span: QuoteSpan) -> Participant | None:
        s = self._sentence_at(span.close)
        if s is None:
            return None
        # The tokens after the closing mark and before the next quote, if any (a sentence's
        # tokens are in text order, so their starts and ends are sorted).
        lo = bisect_left(s.tokens, span.close, key=_start)
        if lo == len(s.tokens):
            return None
        nxt_open = next((q.open for q in self.spans if q.open >= span.close), None)
        hi = len(s.tokens) if nxt_open is None else bisect_left(s.tokens, nxt_open, key=_start)
        toks = s.tokens[lo:min(hi, lo + _WINDOW)]
        for t in toks:
            if t.lower in SPEECH_VERBS or (t.lower == "according" and t.i + 1 < len(s.tokens)):
                lo = toks[0].i
                hi = toks[-1].i + 1
                return _speaker_near(s.tokens, self.parts.get(s.id, []), t.i, lo, hi)
        return None

    def _before(self, span: QuoteSpan) -> Participant | None:
        s = self._sentence_at(span.open)
        if s is None:
            return None
        prev_close = max((q.close for q in self.spans if q.close <= span.open), default=-1)
        lo = bisect_left(s.tokens, prev_close, key=_start)
        toks = s.tokens[lo:max(lo, bisect_right(s.tokens, span.open, key=_end))]
        for t in reversed(toks):
            if t.lower in SPEECH_VERBS:
                return _speaker_near(s.tokens, self.parts.get(s.id, []), t.i, s.tokens[0].i, t.i)
        return None

    def attribute(self) -> list[Attribution]:
        """Every quote span with its speaker (``None`` when unknown)."""
        out: list[Attribution] = []
        previous: Attribution | None = None
        for span in self.spans:
            speaker = self._after(span) or self._before(span)
            if speaker is None and previous is not None and previous.speaker is not None and (
                previous.span.paragraph in (span.paragraph, span.paragraph - 1)
                and _words(self.text[span.start:span.end]) >= _MIN_DIRECT_WORDS
            ):
                speaker = previous.speaker
            attribution = Attribution(span, speaker)
            out.append(attribution)
            if _words(self.text[span.start:span.end]) >= _MIN_DIRECT_WORDS:
                previous = attribution
        return out

    def reported(self, s: Sentence) -> tuple[Participant, int, int] | None:
        """Reported speech in ``s`` without quotation marks: (speaker, start, end)."""
        if any(s.start <= q.open < s.end or s.start < q.close <= s.end for q in self.spans):
            return None
        toks = s.tokens
        according = len(toks) > 3 and toks[0].lower == "according" and toks[1].lower == "to"
        verbs = [t for t in toks if t.lower in _REPORTED_VERBS]
        if not according and not verbs:
            return None  # most sentences: spare finding the subjects
        candidates = [p for p in self.parts.get(s.id, []) if p.kind in _SPEAKER_KINDS]
        free: dict[int, bool] = {}

        def subject(p: Participant) -> bool:
            """Not inside a prepositional phrase: asked only of the participants in reach
            of a verb, and once for each."""
            if p.first not in free:
                free[p.first] = governing_preposition(toks, p.first) is None
            return free[p.first]

        if according:
            comma = next((t.i for t in toks if t.text == ","), None)
            speaker = next((p for p in candidates
                            if comma is not None and p.last <= comma and subject(p)), None)
            if speaker is not None and comma is not None and comma + 1 < len(toks):
                return speaker, toks[comma + 1].start, _content_end(toks)
        for t in verbs:
            if (
                t.i + 1 < len(toks) and toks[t.i + 1].lower in _NOT_SPEECH_AFTER
            ) or (t.i > 0 and toks[t.i - 1].lower in ("not", "n't", "never")):
                continue
            speaker = next((p for p in reversed(candidates)
                            if p.last <= t.i and t.i - p.last <= 6 and subject(p)), None)
            if speaker is None:
                continue
            words_after = sum(1 for u in toks[t.i + 1:] if u.is_word)
            comma = speaker.first - 1
            if comma >= 2 and toks[comma].text == "," and words_after < 6:
                return speaker, toks[0].start, toks[comma - 1].end
            if words_after >= 4:
                that = next((u.i for u in toks[t.i + 1:t.i + 11] if u.lower == "that"), None)
                k = that + 1 if that is not None else t.i + 1
                while k < len(toks) and toks[k].text in (",", ":"):
                    k += 1
                if k < len(toks) - 1 and toks[k].lower != "to":  # not "vowed to do ..."
                    return speaker, toks[k].start, _content_end(toks[k:])
        return None

    def quotes(self, attributions: list[Attribution]) -> list[Quote]:
        """The article's direct and reported quotes as messages."""
        out: list[dict[str, Any]] = []
        for a in attributions:
            content = self.text[a.span.start:a.span.end]
            if _words(content) < _MIN_DIRECT_WORDS:
                continue
            s = self._sentence_at(a.span.start)
            out.append({
                "text": content.strip().rstrip(",;: "), "kind": "direct",
                "speaker": speaker_name(a.speaker), "speaker_role": speaker_role(a.speaker),
                "sentence_id": s.id if s else 1, "start": a.span.start, "end": a.span.end,
            })
        for s in self.sentences:
            found = self.reported(s)
            if found is None:
                continue
            speaker, start, end = found
            if end - start < 10:
                continue
            out.append({
                "text": self.text[start:end], "kind": "reported",
                "speaker": speaker_name(speaker), "speaker_role": speaker_role(speaker),
                "sentence_id": s.id, "start": start, "end": end,
            })
        out.sort(key=lambda q: (q["start"], q["kind"]))
        return build_quotes(out)


def _content_end(tokens: list[Token]) -> int:
    """End of the reported clause: before ", but ..." or "; ...", without final punctuation."""
    stop = len(tokens)
    for k, t in enumerate(tokens):
        if t.text in (";", "—", "–") or (t.text == "," and k + 1 < len(tokens)
                                          and tokens[k + 1].lower in ("but", "while")):
            stop = k
            break
    last = stop - 1
    while last > 0 and not tokens[last].is_word:
        last -= 1
    return tokens[last].end


def speaker_name(p: Participant | None) -> str | None:
    """How a speaker is named in a quote: a person's or organisation's name, else the text."""
    if p is None:
        return None
    if p.kind in ("person", "org") or (p.kind == "pronoun" and p.mention is not None):
        return p.mention.name if p.mention is not None else p.name
    if p.kind == "pronoun":
        return p.name
    return p.text


def speaker_role(p: Participant | None) -> str | None:
    """The title or role of a speaker who is a person."""
    if p is None or p.mention is None or p.mention.kind != "PERSON":
        return None
    return p.mention.role
