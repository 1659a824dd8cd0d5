"""People: what makes a capitalised run a name, and the title or role around it.

"Kremlin spokesman Dmitry Peskov", "Russian Defense Ministry spokesman Maj.
Gen. Igor Konashenkov", "Ukraine's Foreign Minister Dmytro Kuleba": the words
before a name give its role, country and sector; an appositive after it
(", Ukraine's Defense Intelligence Agency chief,") does when none comes before.
A military rank makes the person military whatever the office.
"""

from __future__ import annotations

from services.extractor.names import match_known
from services.extractor.places import gazetteer
from services.extractor.roles import NOT_NAME_WORDS, ROLE_MODIFIERS, ROLE_NOUNS
from services.extractor.runs import MIL_WORDS
from services.extractor.sentences import Sentence
from services.extractor.tokens import Token
from services.extractor.wordlists import CAPITALISED_FUNCTION_WORDS


def _name_word(word: str) -> bool:
    parts = word.replace("’", "'").split("-")
    return all(
        p[:1].isupper() and p.replace("'", "").isalpha() and not p.isupper() for p in parts
    ) or (len(word) == 2 and word[0].isupper() and word.endswith("."))


def all_name_like(words: list[Token]) -> bool:
    if not 2 <= len(words) <= 4 or words[-1].text in NOT_NAME_WORDS:
        return False
    return all(_name_word(t.text) for t in words)


def role_word_before(tokens: list[Token], i: int) -> bool:
    """A lower-case role word right before a capitalised name: "spokesman Dmitry Peskov"."""
    if i == 0 or tokens[i - 1].is_cap or not tokens[i].is_cap:
        return False
    prev = tokens[i - 1].lower
    return prev in ROLE_NOUNS or prev in ("chief", "adviser", "advisor", "aide", "correspondent",
                                          "analyst", "expert", "reporter", "editor", "lawmaker",
                                          "negotiator", "envoy", "officer", "commander")


def role_before(
    s: Sentence, first: int
) -> tuple[str | None, str | None, str | None, int | None]:
    """The title or role phrase right before a name, with the country and sector it implies."""
    toks = s.tokens
    j = first
    country: str | None = None
    sector: str | None = None
    rank = False
    while j > 0:
        t = toks[j - 1]
        if t.is_possessive_marker or t.lower in ROLE_NOUNS or t.lower in ROLE_MODIFIERS or (
            t.is_word and t.is_cap and t.text not in CAPITALISED_FUNCTION_WORDS
        ):
            j -= 1
            continue
        break
    if j == first:
        return None, None, None, None
    gaz = gazetteer()
    texts = [t.text for t in toks[:first]]  # a known phrase must end before the name
    k = j
    while k < first:
        m = match_known(texts, k)
        if m is not None:
            known = m[1]
            if known.country and country is None:
                country = known.country
            if known.category == "title":
                if known.sector == "MIL":
                    rank = True
                sector = sector or known.sector
            elif known.sector and known.category == "metonym":
                sector = sector or known.sector
            elif known.sector == "MED":
                sector = sector or "MED"
            k += m[0]
            continue
        t = toks[k]
        if t.is_cap and country is None:
            place = gaz.city(t.text)
            if place is not None and place.population > 50_000:
                country = place.country
        if t.lower in MIL_WORDS:
            sector = "MIL" if sector in (None, "GOV") else sector
        elif t.lower in ROLE_NOUNS and sector is None:
            sector = ROLE_NOUNS[t.lower]
        k += 1
    if rank:
        sector = "MIL"
    last = first - 1
    while last > j and toks[last].is_possessive_marker:
        last -= 1
    role = s.text[toks[j].start - s.start:toks[last].end - s.start]
    return role, country, sector, j


def appositive(s: Sentence, last: int) -> tuple[str | None, str | None, str | None]:
    """", Ukraine's Defense Intelligence Agency chief," after a name."""
    toks = s.tokens
    if last >= len(toks) or toks[last].text != ",":
        return None, None, None
    end = last + 1
    while end < len(toks) and toks[end].text not in (",", ".", ";") and end - last < 9:
        end += 1
    if end == last + 1 or (
        toks[end - 1].lower not in ROLE_NOUNS and toks[end - 1].lower not in ("chief", "head")
    ):
        return None, None, None
    texts = [t.text for t in toks[:end]]
    country = None
    sector = None
    for k in range(last + 1, end):
        m = match_known(texts, k)
        if m is not None and m[1].country:
            country = m[1].country
            break
    for t in toks[last + 1:end]:
        if t.lower in MIL_WORDS:
            sector = "MIL"
            break
        sector = sector or ROLE_NOUNS.get(t.lower)
    role = s.text[toks[last + 1].start - s.start:toks[end - 1].end - s.start]
    return role, country, sector
