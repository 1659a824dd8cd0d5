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


def governing_preposition(tokens: list[Token], first: int) -> str | None:
    """The preposition a phrase starting at ``first`` depends on, if any.

    Determiners, place nouns and adjectives, numbers, possessors and "of" may
    stand between: "in the Russian city of Belgorod", "in another border region,
    Belgorod", "on Ukraine's capital, Kyiv".
    """
    k = first - 1
    steps = 0
    seen_of = False
    while k >= 0 and steps < 8:
        t = tokens[k]
        if t.lower in PREPOSITIONS and t.lower not in _NOT_GOVERNING:
            return t.lower
        if t.lower in _NOT_GOVERNING and t.lower != "of":
            return None
        seen_of = seen_of or t.lower == "of"
        if t.text == "," and not (k > 0 and (tokens[k - 1].lower in PLACE_NOUNS
                                             or tokens[k - 1].lower in PLACE_ADJECTIVES)):
            return "of" if seen_of else None  # only an appositive place: "region, Belgorod"
        if not (
            (t.lower in _SKIP_TO_PREPOSITION and t.lower not in ("that", "which", "what"))
            or t.is_possessive_marker
            or t.text.isdigit()
            or (t.is_cap and t.is_word and t.lower not in _CALENDAR)
            or (not t.is_cap and t.lower.endswith(_ADJECTIVE_ENDINGS))
            or t.lower in ("’", "'", "“", '"')
        ):
            return "of" if seen_of else None  # "residents of Belgorod"
        k -= 1
        steps += 1
    return "of" if seen_of else None
