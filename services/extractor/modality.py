"""How a sentence presents an event: negated, hypothetical, historical, hedged.

All checks look only at the trigger's own clause, a few tokens around it.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.extractor.tokens import Token
from services.extractor.triggers import Trigger
from services.extractor.wordlists import (
    ADVERBS,
    AUXILIARIES,
    CLAUSE_BREAKS,
    CONDITIONALS,
    DETERMINERS,
    FACTIVE_INFINITIVE_VERBS,
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HYPOTHETICAL_ADJECTIVES,
    INTENT_VERBS,
    MODALS,
    NEGATIONS,
    PREPOSITIONS,
)

_AUX_CHAIN = ADVERBS | AUXILIARIES | NEGATIONS | frozenset(
    {"be", "have", "been", "keep", "continue", "start", "begin", "resume"}
)
_NOMINAL_REACH = 7
_QUOTES = frozenset({"“", "‘", '"', "'"})
_PREVENTING = frozenset({"banned", "bans", "ban", "barred", "prevented", "prevent", "stopped",
                         "blocked", "refrained", "refrain", "refrains", "kept", "forbade",
                         "forbidden", "prohibited", "stop", "stops", "halt", "halts"})
#: Verbs whose infinitive did not happen: "refused to negotiate".
_REFUSING = frozenset({"refused", "refuses", "refuse", "refusing", "declined", "declines",
                       "decline", "declining", "failed", "fails"})


@dataclass(slots=True, init=False)
class Reading:
    """How the sentence presents one trigger (read-only; the constructor is written out so
    that mypyc compiles it, see :class:`~services.extractor.tokens.Token`)."""

    in_condition: bool
    negated: bool
    hypothetical: bool
    historical: bool
    hedged: bool
    background: bool

    def __init__(self, in_condition: bool, negated: bool, hypothetical: bool, historical: bool,
                 hedged: bool, background: bool) -> None:
        self.in_condition = in_condition
        self.negated = negated
        self.hypothetical = hypothetical
        self.historical = historical
        self.hedged = hedged
        self.background = background


def read(tokens: list[Token], t: Trigger, anchor: int | None = None) -> Reading:
    """Every reading of trigger ``t`` at once, so that the auxiliaries before it are
    collected once rather than by each check. ``anchor`` is a light verb governing a noun
    trigger ("launched ... strikes")."""
    chain = _aux_chain(tokens, t.first) if t.pos == "verb" else []
    conditional = in_condition(tokens, t.first)
    return Reading(
        in_condition=conditional,
        negated=_negated(tokens, t, chain),
        hypothetical=conditional or _hypothetical(tokens, t, anchor, chain),
        historical=_historical(tokens, t, chain),
        hedged=_hedged(tokens, t, chain),
        background=background_clause(tokens, t),
    )


def _aux_chain(tokens: list[Token], i: int) -> list[Token]:
    """Auxiliaries, modals, negations and adverbs right before token ``i``."""
    chain: list[Token] = []
    j = i - 1
    while j >= 0 and (tokens[j].lower in _AUX_CHAIN or tokens[j].lower in MODALS
                      or tokens[j].text in _QUOTES) and len(chain) < 5:
        if tokens[j].text not in _QUOTES:  # 'would “take all necessary measures”'
            chain.append(tokens[j])
        j -= 1
    return chain


def _negated(tokens: list[Token], t: Trigger, chain: list[Token]) -> bool:
    """"did not strike", "has never attacked", "no attacks", "neither confirm nor deny"."""
    if t.pos == "verb":
        if any(x.lower in NEGATIONS for x in chain):
            return True
        if t.first > 0 and tokens[t.first - 1].lower == "from" and any(
            x.lower in _PREVENTING for x in tokens[max(0, t.first - 8):t.first - 1]
        ):
            return True  # "has banned the Kiev regime from holding talks"
        if t.first > 1 and tokens[t.first - 1].lower == "to" and tokens[t.first - 2].lower in (
            _REFUSING
        ):
            return True  # "have long refused to negotiate"
        return t.first > 0 and tokens[t.first - 1].lower in ("nor", "neither")
    j = t.first - 1
    while j >= 0 and j >= t.first - 3:
        if tokens[j].lower in ("no", "without"):
            return True
        if tokens[j].lower in CLAUSE_BREAKS or not tokens[j].is_word:
            break
        j -= 1
    return False


def in_condition(tokens: list[Token], i: int) -> bool:
    """True when token ``i`` sits in an if/unless clause."""
    j = i - 1
    while j >= 0:
        t = tokens[j]
        if t.lower in CONDITIONALS and t.lower in ("if", "unless"):
            return True
        if t.text in (",", ";") or t.lower in ("then", "but"):
            return False
        j -= 1
    return False


def _hypothetical(tokens: list[Token], t: Trigger, anchor: int | None,
                  chain: list[Token]) -> bool:
    """Future, modal or infinitival: "will strike", "could", "plans to attack", "possible
    provocations" (conditionals are :func:`in_condition`). ``anchor`` is a light verb
    governing a noun; ``chain`` the auxiliaries before the trigger."""
    position = anchor if anchor is not None else t.first
    if t.pos == "verb" or anchor is not None:
        if anchor is not None:
            chain = _aux_chain(tokens, anchor)
        if any(x.lower in MODALS for x in chain):
            return True
        while position > 0 and tokens[position - 1].text in _QUOTES:
            position -= 1  # 'authorised to “respond in full”'
        if position > 0 and tokens[position - 1].lower == "to":
            # "used two helicopters to attack" happened; "plans to attack" did not.
            for k in range(position - 2, max(-1, position - 7), -1):
                word = tokens[k].lower
                if word in FACTIVE_INFINITIVE_VERBS:
                    return False
                if word in INTENT_VERBS or word in CLAUSE_BREAKS or word == ",":
                    return True
            return True
        return False
    j = t.first - 1
    while j >= 0 and j >= t.first - _NOMINAL_REACH:
        word = tokens[j].lower
        if word in HYPOTHETICAL_ADJECTIVES and j >= t.first - 3:
            return True
        if word in MODALS:
            return True
        if word in CLAUSE_BREAKS or word in (",", "that", "which", "after", "since"):
            break
        j -= 1
    return False


def _historical(tokens: list[Token], t: Trigger, chain: list[Token]) -> bool:
    """An event in a "since ..." phrase is background: "since the start of the invasion";
    so is a perfect that runs since a time: "have clashed repeatedly ... since 2021"."""
    j = t.first - 1
    while j >= 0 and j >= t.first - 12:
        word = tokens[j].lower
        if word == "since":
            return True
        if word in CLAUSE_BREAKS or word in (";",):
            break
        j -= 1
    if t.pos != "verb" or not any(x.lower in ("has", "have") for x in chain):
        return False
    for x in tokens[t.last:t.last + 14]:
        if x.lower == "since":
            return True
        if x.lower in CLAUSE_BREAKS or x.text in (";", ".") or x.lower in ("that", "which"):
            return False
    return False


def _hedged(tokens: list[Token], t: Trigger, chain: list[Token]) -> bool:
    """"allegedly struck", "the alleged attacks", "purportedly"."""
    if t.pos == "verb":
        return any(x.lower in HEDGE_ADVERBS for x in chain)
    j = t.first - 1
    while j >= 1 and j >= t.first - 3:
        if tokens[j].lower in HEDGE_ADJECTIVES:
            # "the alleged attacks", "over alleged assaults"; not "reported Ukrainian shelling"
            before = tokens[j - 1]
            return before.lower in DETERMINERS or before.lower in PREPOSITIONS or (
                before.is_possessive_marker
            )
        if not tokens[j].is_word or tokens[j].lower in ("the", "a", "an"):
            break
        j -= 1
    return False


def background_clause(tokens: list[Token], t: Trigger) -> bool:
    """An event in a non-restrictive relative clause in the perfect is background about a
    party, not news: "Qatar, which has mediated between Kinshasa and the rebels, said ..."."""
    j = t.first - 1
    while j >= 0 and tokens[j].lower in ADVERBS:
        j -= 1
    if j < 0 or tokens[j].lower not in ("has", "have", "had"):
        return False
    j -= 1
    return j >= 1 and tokens[j].lower in ("which", "who") and tokens[j - 1].text == ","
