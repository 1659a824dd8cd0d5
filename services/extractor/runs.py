"""Capitalised runs of a sentence, cut into pieces: known names, organisations, the rest.

A *run* is a maximal sequence of capitalised tokens, joined by "of"/"of the"
after an organisation or title word ("Ministry of Defense", "General Staff of
the Armed Forces of Ukraine"). :func:`segment` cuts a run into known names
(countries, demonyms, metonyms, organisations, titles), organisation names
(with a head word such as "Ministry", "Forces", "Times") and unknown stretches
left for the entity recogniser to classify.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from services.extractor.names import Known, match_all, match_known
from services.extractor.roles import ORG_HEADS, ROLE_MODIFIERS
from services.extractor.tokens import Token
from services.extractor.wordlists import (
    CAPITALISED_FUNCTION_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAYS,
)

_CONNECTORS = frozenset({"of", "for", "de", "del", "al", "bin", "ibn", "von", "van", "der", "la",
                         "le", "du", "des"})
_OF_LEFT = frozenset(ORG_HEADS) | frozenset(
    {"Republic", "Sea", "Gulf", "Bay", "Isle", "Strait", "Straits", "Cape", "Kingdom", "States",
     "Minister", "Secretary", "Line", "Board", "Chamber", "House", "Church", "Emirates",
     "Islands", "Federation", "Affairs"}
)
_OF_LEFT_OR_PARTICLE = _OF_LEFT | frozenset({"Al", "Abu", "Bin"})
_CALENDAR = frozenset(w.capitalize() for w in WEEKDAYS + MONTHS) | frozenset(
    f"{m}." for m in MONTH_ABBREVIATIONS
)
MIL_WORDS = frozenset({"defense", "defence", "military", "armed", "army", "navy", "forces"})
_MINISTRY_SYNONYMS = {"Defence": "Defense", "Foreign": "Foreign Affairs"}
_PRONOUNS = frozenset({"I", "We", "He", "She", "They", "It", "You", "Us", "Our", "Their"})
#: "Iran-backed", "Kurdish-led": a patron or a leader, not a name of its own.
_AFFILIATIONS = ("-led", "-backed", "-aligned", "-allied", "-controlled", "-funded", "-based",
                 "-run", "-sponsored", "-supported", "-brokered", "-made", "-born", "-built",
                 "-designed", "-trained", "-armed", "-held")
#: "Greek-owned tanker", "Liberian-flagged vessel": the ship's country.
_OWNERSHIP = ("-owned", "-flagged", "-registered", "-operated")


@dataclass(slots=True)
class Piece:
    first: int
    last: int
    """A stretch of a run: ``kind`` is a Known category, "org" or "unknown"."""

    kind: str
    known: Known | None = None


def sentence_initial(tokens: list[Token], i: int) -> bool:
    """Token ``i`` starts its sentence or a clause, perhaps after opening quotes, brackets or
    dashes: its capital says nothing about a name."""
    j = i - 1
    while j >= 0:
        text = tokens[j].text
        # An opening mark; a straight quote only when not attached to the word before it
        # (then it closes a quote).
        if text in "“‘([—–-" or (
            text in "\"'" and (j == 0 or tokens[j - 1].end != tokens[j].start)
        ):
            j -= 1
            continue
        break
    return j < 0 or j < i - 1 or tokens[j].text in (":", ".", "?", "!")


_NOT_IN_RUN = _AFFILIATIONS + _OWNERSHIP


def runs(tokens: list[Token],
         texts: list[str]) -> list[tuple[int, int, tuple[int, Known] | None]]:
    """The capitalised runs of a sentence as token spans, each with the known phrase it
    starts with, if any (not looked up for a run of its own like "Greek-owned");
    ``texts`` are the tokens' texts."""
    runs: list[tuple[int, int, tuple[int, Known] | None]] = []
    n = len(tokens)
    end = 0  # runs do not overlap: the next one starts at or after the end of the last
    for t in [t for t in tokens if t.is_cap and t.is_word]:
        i = t.i
        if i < end or t.text in _CALENDAR or (
            t.text in CAPITALISED_FUNCTION_WORDS and sentence_initial(tokens, i)
        ) or t.text in _PRONOUNS or t.lower.endswith(_AFFILIATIONS):
            continue
        j = i + 1
        if t.lower.endswith(_OWNERSHIP):
            runs.append((i, j, None))  # a run of its own: "Greek-owned"
            end = j
            continue
        known = match_known(texts, i)
        if known is not None and known[0] > 1:
            j = i + known[0]  # "People's Liberation Army": a known name across "'s"
        while j < n:
            u = tokens[j]
            if u.is_word and u.is_cap and u.text not in _CALENDAR and not u.lower.endswith(
                _NOT_IN_RUN
            ):
                j += 1
                continue
            # "Ministry of Defense", "Staff of the Armed Forces"
            if (
                u.lower in _CONNECTORS
                and tokens[j - 1].text in _OF_LEFT_OR_PARTICLE
                or u.lower in ("al", "bin", "ibn", "de", "van", "von")
            ):
                k = j + 1
                if k < n and tokens[k].lower == "the":
                    k += 1
                if k < n and tokens[k].is_word and tokens[k].is_cap:
                    j = k
                    continue
            break
        runs.append((i, j, known))
        end = j
    return runs


def cut(tokens: list[Token], texts: list[str],
        is_city: Callable[[str], bool] = lambda _: False) -> list[Piece]:
    """Every capitalised run of a sentence cut into pieces (see :func:`segment`), in order;
    ``texts`` are the tokens' texts."""
    pieces: list[Piece] = []
    for a, b, known in runs(tokens, texts):
        if b - a == 1 and not tokens[a].lower.endswith(_OWNERSHIP):
            # One word, the commonest run: a known name (looked up already, and no longer
            # phrase can start it), an organisation's head, or unknown.
            if known is not None:
                pieces.append(Piece(a, b, known[1].category, known[1]))
            else:
                pieces.append(Piece(a, b, "org" if texts[a] in ORG_HEADS else "unknown"))
        else:
            pieces.extend(segment(tokens, texts, a, b, is_city))
    return pieces


def _org_span(texts: list[str], found: list[tuple[int, Known] | None],
              pieces_start: int) -> tuple[int, int] | None:
    """Span of an organisation name inside a run: from after leading demonyms to the last head.

    ``found`` is the known phrase at each position of the run (see :func:`segment`)."""
    heads = [k for k in range(pieces_start, len(texts)) if texts[k] in ORG_HEADS]
    if not heads:
        return None
    last = heads[-1] + 1
    # Extend through "of (the) ...": "Ministry of Defense", "Armed Forces of Ukraine",
    # "Office for the Western District".
    if last + 1 < len(texts) and texts[last] in ("of", "for"):
        k = last + 1
        while k < len(texts):
            m = found[k]
            if m is not None and m[1].category == "title":
                break
            k += 1
        last = k
    return pieces_start, last


def segment(tokens: list[Token], sentence_texts: list[str], a: int, b: int,
            is_city: Callable[[str], bool] = lambda _: False) -> list[Piece]:
    """Cut the run ``tokens[a:b]`` (``sentence_texts``: the texts of all ``tokens``);
    ``is_city`` tells a city whose name holds a known word ("Port Sudan", "Kuwait City")
    from that word."""
    texts = sentence_texts[a:b]
    if len(texts) == 1 and tokens[a].lower.endswith(_OWNERSHIP):
        owner = match_known([texts[0].rsplit("-", 1)[0]], 0)
        if owner is not None and owner[1].country:
            known = Known("demonym", texts[0], owner[1].country)
            return [Piece(a, b, "demonym", known)]
        return [Piece(a, b, "unknown")]
    if len(texts) == 1:
        # The commonest run, one word: a known name, an organisation's head, or unknown.
        m = match_known(texts, 0)
        if m is not None:
            return [Piece(a, b, m[1].category, m[1])]
        return [Piece(a, b, "org" if texts[0] in ORG_HEADS else "unknown")]
    # The longest known phrase within the run at each position: asked for again and again.
    found = match_all(texts)
    whole = found[0]
    if len(texts) > 1 and not (whole is not None and whole[0] == len(texts)) and is_city(
        " ".join(texts)
    ):
        return [Piece(a, b, "unknown")]
    start = 0
    pieces: list[Piece] = []
    # Leading known non-org words stay separate ("Russian" in "Russian Defense Ministry").
    while start < len(texts):
        m = found[start]
        if m is None or m[1].category not in ("demonym", "title", "people"):
            break
        if m[1].category == "title" and start + m[0] < len(texts) and (
            texts[start + m[0]] in ORG_HEADS
        ):
            break  # "General Staff": part of the organisation's name
        pieces.append(Piece(a + start, a + start + m[0], m[1].category, m[1]))
        start += m[0]
    org = _org_span(texts, found, start)
    i = start
    unknown_from: int | None = None

    def flush(upto: int) -> None:
        nonlocal unknown_from
        if unknown_from is not None and unknown_from < upto:
            pieces.append(Piece(a + unknown_from, a + upto, "unknown"))
        unknown_from = None

    while i < len(texts):
        if org is not None and i == org[0]:
            whole_org = found[i]
            if whole_org is not None and whole_org[1].category != "title" and (
                i + whole_org[0] >= org[1]
            ):
                org = None  # "Syrian Democratic Forces": a known group, not a new ministry
        if org is not None and i == org[0]:
            flush(i)
            pieces.append(Piece(a + org[0], a + org[1], "org"))
            i = org[1]
            continue
        m = found[i]
        if m is not None and (org is None or i + m[0] <= org[0] or i >= org[1]):
            flush(i)
            pieces.append(Piece(a + i, a + i + m[0], m[1].category, m[1]))
            i += m[0]
            continue
        if unknown_from is None:
            unknown_from = i
        i += 1
    flush(len(texts))
    return _merge_place_with_org(tokens, pieces)


def _merge_place_with_org(tokens: list[Token], pieces: list[Piece]) -> list[Piece]:
    """A place name directly before an unknown capitalised head is part of a name:
    "Washington Examiner", "Kyiv City Military Administration"."""
    out: list[Piece] = []
    for piece in pieces:
        if (
            out
            and piece.kind in ("org", "unknown")
            and out[-1].kind in ("country", "unknown")
            and out[-1].last == piece.first
            and (piece.kind == "org" or tokens[piece.last - 1].text in ORG_HEADS)
        ):
            prev = out.pop()
            out.append(Piece(prev.first, piece.last, "org"))
            continue
        out.append(piece)
    return out


def normalise_org(text: str) -> str:
    words = text.split()
    if len(words) == 2 and words[1] == "Ministry":
        return f"Ministry of {_MINISTRY_SYNONYMS.get(words[0], words[0])}"
    if len(words) == 3 and words[:2] == ["Ministry", "of"]:
        return f"Ministry of {_MINISTRY_SYNONYMS.get(words[2], words[2])}"
    return text


def org_sector(tokens: list[Token]) -> str | None:
    lowers = [t.lower for t in tokens]
    if any(w in MIL_WORDS for w in lowers):
        return "MIL"
    for w in lowers:
        sector = ROLE_MODIFIERS.get(w)
        if sector:
            return sector
    for t in reversed(tokens):
        if t.text in ORG_HEADS:
            return ORG_HEADS[t.text]
    return None
