"""Which preposition a noun phrase hangs on: "in the Russian city of Belgorod" -> "in".

Used to tell subjects and objects from prepositional phrases and places.
"""

from __future__ import annotations

from services.extractor.tokens import Token
from services.extractor.wordlists import (
    DETERMINERS,
    MONTHS,
    PLACE_ADJECTIVES,
    PLACE_NOUNS,
    PREPOSITIONS,
    WEEKDAYS,
)

#: Words that are prepositions or conjunctions: "after Moscow accused" starts a clause.
_NOT_GOVERNING = frozenset({"of", "since", "after", "before", "like", "until"})
_CALENDAR = frozenset(WEEKDAYS + MONTHS)
#: Endings of adjectives that may stand in a noun phrase: "paramilitary", "social", "nuclear".
_ADJECTIVE_ENDINGS = ("al", "ic", "ian", "ern", "ive", "ous", "ary", "ful", "ese", "ar")
_SKIP_TO_PREPOSITION = DETERMINERS | PLACE_ADJECTIVES | PLACE_NOUNS | frozenset({"of", ","})
#: The sets the walk back tests, precomputed: it runs for most participants.
_GOVERNING = PREPOSITIONS - _NOT_GOVERNING
_STOPPING = _NOT_GOVERNING - {"of"}
_PLACE_WORDS = PLACE_NOUNS | PLACE_ADJECTIVES
_SKIPPED = (_SKIP_TO_PREPOSITION - {"that", "which", "what"}) | {"’", "'", "“", '"'}


def governing_preposition(tokens: list[Token], first: int) -> str | None:
    """The preposition a phrase starting at ``first`` depends on, if any.

    Determiners, place nouns and adjectives, numbers, possessors and "of" may
    stand between: "in the Russian city of Belgorod", "in another border region,
    Belgorod", "on Ukraine's capital, Kyiv".
    """
    seen_of = False
    for k in range(first - 1, max(first - 9, -1), -1):  # at most eight words back
        t = tokens[k]
        lower = t.lower
        if lower in _GOVERNING:
            return lower
        if lower in _STOPPING:
            return None
        if lower == "of":
            seen_of = True
        if t.text == "," and not (k > 0 and tokens[k - 1].lower in _PLACE_WORDS):
            return "of" if seen_of else None  # only an appositive place: "region, Belgorod"
        if not (
            lower in _SKIPPED
            or t.is_possessive_marker
            or t.text.isdigit()
            or (t.is_cap and t.is_word and lower not in _CALENDAR)
            or (not t.is_cap and lower.endswith(_ADJECTIVE_ENDINGS))
        ):
            return "of" if seen_of else None  # "residents of Belgorod"
    return "of" if seen_of else None
