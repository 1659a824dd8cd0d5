"""Find event triggers in a sentence with the lexicon, and tell verbs from nouns.

A word form that can be a noun or a verb ("attacks", "strike") is read as a
verb when a subject, an auxiliary, a modal, "to" or a negation comes right
before it (adverbs skipped), and as a noun otherwise ("Ukrainian attacks",
"the strike"). Past and -ing forms are verbs. A generic use of force (190) is
made specific by the nearest weapon word in its clause: aerial 195,
artillery 194, small arms 193.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from services.extractor.lexicon import (
    APPEAL_CODES,
    ENTRIES,
    HARMLESS_DESTINATIONS,
    IRREGULAR,
    NEEDS_WINDOW,
    REFINABLE,
    WEAPON_CODES,
    Entry,
    Pos,
)
from services.extractor.roles import TERRITORY_NOUNS
from services.extractor.tokens import Token
from services.extractor.wordlists import (
    ADVERBS,
    AUXILIARIES,
    CLAUSE_BREAKS,
    DETERMINERS,
    MODALS,
    NEGATIONS,
    NUMBER_WORDS,
    PLACE_NOUNS,
    PREPOSITIONS,
)

#: Auxiliaries of the perfect, which keep a force noun and its verb one event ("Indian
#: shelling had killed a woman").
_PERFECT = frozenset({"has", "have", "had"})
#: Quantifiers that float after a subject ("the two sides each freed", "both accused").
_FLOATING = frozenset({"each", "both", "all"})
_VERB_BEFORE = (
    AUXILIARIES | MODALS | NEGATIONS
    | frozenset({"to", "who", "which", "it", "they", "he", "she", "we", "i", "you", "and", "or",
                 "then", "had", "that", "nor", "neither"})
)
_OPENING_QUOTES = frozenset({"“", "‘", '"', "'"})
#: Adjectives before a gerund that make it a noun: "any further shelling", "heavy fighting".
_EVENT_ADJECTIVES = frozenset({"further", "new", "renewed", "heavy", "recent", "fresh",
                               "continued", "continuous", "cross-border", "indiscriminate",
                               "intense", "sporadic", "deadly", "overnight", "more", "fierce",
                               "unprovoked", "nightly", "daily", "repeated", "artillery"})
_WEAPON_WINDOW = 8
_APPEAL_WINDOW = 14
_REFINE_STOPS = frozenset({";", ".", ",", "for", "after", "over", "because", "response",
                           "retaliation", "since", "which", "that", "while"})


@dataclass(slots=True, init=False)
class Trigger:
    """One trigger: token span, the entry it matched, its part of speech and its code."""

    first: int
    last: int
    entry: Entry
    pos: Pos
    code: str
    form: str
    """Surface form of the first word ("struck", "shelling")."""
    object_from: int | None
    """For a noun that absorbed the verb after it ("airstrike hit"): where the verb ends."""

    def __init__(self, first: int, last: int, entry: Entry, pos: Pos, code: str, form: str,
                 object_from: int | None = None) -> None:
        """Written out so that mypyc compiles it (see ``tokens.Token``)."""
        self.first = first
        self.last = last
        self.entry = entry
        self.pos = pos
        self.code = code
        self.form = form
        self.object_from = object_from

    @property
    def frame(self) -> str:
        """The entry's frame (act, speech, accuse, claim, deny, threaten, warn)."""
        return self.entry.frame


def inflect(lemma: str, pos: Pos) -> tuple[str, ...]:
    """Word forms of ``lemma``: verbs in -s, -ed, -ing; nouns in the plural."""
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if pos == "noun":
        if lemma.endswith("s"):
            return (lemma,)
        if lemma.endswith(("sh", "ch", "x")):
            return lemma, lemma + "es"
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            return lemma, lemma[:-1] + "ies"
        return lemma, lemma + "s"
    forms = [lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.append(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + "s")
    if lemma.endswith("e"):
        forms.append(lemma + "d")
        forms.append(lemma[:-1] + "ing" if not lemma.endswith("ee") else lemma + "ing")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.append(lemma[:-1] + "ied")
        forms.append(lemma + "ing")
    else:
        forms.append(lemma + "ed")
        forms.append(lemma + "ing")
    return tuple(forms)


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[tuple[frozenset[str], ...], Entry]]]:
    """First word form -> [(word forms of each word, entry)], longest phrases first."""
    index: dict[str, list[tuple[tuple[frozenset[str], ...], Entry]]] = {}
    for entry in ENTRIES:
        words = entry.lemma.split()
        if entry.pos == "verb":
            slots = [frozenset(inflect(words[0], "verb"))] + [frozenset({w}) for w in words[1:]]
        else:
            slots = [frozenset({w}) for w in words[:-1]] + [frozenset(inflect(words[-1], "noun"))]
        for form in slots[0]:
            index.setdefault(form, []).append((tuple(slots), entry))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return index


@lru_cache(maxsize=1)
def trigger_forms() -> frozenset[str]:
    """Every word form that starts a trigger (for telling verbs from nouns elsewhere)."""
    return frozenset(_index())


def _match(tokens: list[Token], i: int) -> list[tuple[int, Entry]]:
    found: list[tuple[int, Entry]] = []
    for slots, entry in _index().get(tokens[i].lower, ()):
        n = len(slots)
        if i + n <= len(tokens) and all(tokens[i + k].lower in slots[k] for k in range(n)):
            if found and n < found[0][0]:
                break
            found.append((n, entry))
    return found


def _verb_context(tokens: list[Token], i: int, subject_ends: set[int],
                  modifier_ends: set[int]) -> bool | None:
    """True for a verb, False for a noun, None for an adjective ("alleged attacks")."""
    form = tokens[i].lower
    k = i - 1
    while k >= 0 and tokens[k].text in _OPENING_QUOTES:
        k -= 1  # 'a “warning”', 'to “respond in full”': the quote mark says nothing
    prev = tokens[k] if k >= 0 else None
    if prev is not None and prev.lower in _FLOATING and k in subject_ends:
        return True  # "Russia and Ukraine each freed ...": a quantifier after the subject
    after_modifier = prev is not None and (
        prev.lower in DETERMINERS or prev.is_possessive_marker or i in modifier_ends
        or prev.text[0].isdigit() or prev.lower in NUMBER_WORDS
    )
    if form.endswith("ing"):
        return not after_modifier and not (prev is not None and prev.lower in _EVENT_ADJECTIVES)
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if form.endswith("ed") and (nxt in PLACE_NOUNS or nxt in TERRITORY_NOUNS) and not (
        prev is not None and (prev.lower in AUXILIARIES or i in subject_ends)
    ):
        return None  # "occupied regions", "targeted areas"; not "have occupied parts"
    if form.endswith("ed") or form in ("struck", "shot", "held", "met", "told", "said",
                                       "fought", "hit"):
        if prev is not None and (after_modifier or prev.lower in PREPOSITIONS) and not (
            form == "hit" or prev.lower in ("to", "by")
        ):
            return None
        return True
    j = k
    while j >= 0 and tokens[j].lower in ADVERBS:
        j -= 1
    if j < 0:
        return False
    before = tokens[j]
    return before.lower in _VERB_BEFORE or (j + 1 in subject_ends)


def _context_ok(tokens: list[Token], i: int, n: int, entry: Entry) -> bool:
    prev = tokens[i - 1].lower if i > 0 else ""
    after = [t.lower for t in tokens[i + n:i + n + 3]]
    if after and after[0] in DETERMINERS:
        after = after[1:]  # "strike a deal"
    if prev in entry.not_before or (after and after[0] in entry.not_after):
        return False
    if entry.next_words and (i + n >= len(tokens) or tokens[i + n].lower not in entry.next_words):
        return False
    if entry.needs:
        lo = max(0, i - NEEDS_WINDOW) if entry.needs_before else i
        window = tokens[lo:i + n + NEEDS_WINDOW]
        if not any(t.lower in entry.needs for t in window if t.i < i or t.i >= i + n):
            return False
    return True


def find_triggers(tokens: list[Token], subject_ends: set[int],
                  modifier_ends: set[int]) -> list[Trigger]:
    """Triggers of one sentence, in order.

    ``subject_ends`` are token indices right after a participant that can be a subject
    (a trigger there is a verb: "Russia attacks"); ``modifier_ends`` right after a
    modifier or a possessive (a trigger there is a noun: "Ukrainian shelling").
    """
    triggers: list[Trigger] = []
    index = _index()
    i = 0
    while i < len(tokens):
        if tokens[i].lower not in index:
            i += 1
            continue
        options = _match(tokens, i)
        if not options:
            i += 1
            continue
        n = options[0][0]
        reading = _verb_context(tokens, i, subject_ends, modifier_ends)
        if i >= 2 and tokens[i - 1].lower in ("and", "or") and triggers and (
            triggers[-1].last == i - 1
        ):
            # "attacks or sabotage": like the first; "sabotage and strike Russian territory"
            # takes an object, so it is a verb
            nxt = tokens[i + n] if i + n < len(tokens) else None
            takes_object = nxt is not None and (nxt.is_cap or nxt.lower in ("the", "a", "an"))
            reading = triggers[-1].pos == "verb" or takes_object
        chosen: Entry | None = None
        for length, entry in options:
            if length != n or not _context_ok(tokens, i, n, entry):
                continue
            if n > 1:  # a phrase is specific enough whatever its context
                chosen = entry
                break
            if reading is None:
                continue
            if entry.pos == ("verb" if reading else "noun"):
                chosen = entry
                break
            if chosen is None and not _ambiguous(tokens[i].lower, entry.pos):
                chosen = entry
        if chosen is None:
            i += 1
            continue
        pos: Pos = chosen.pos
        if pos == "verb" and reading is False and tokens[i].lower.endswith("ing") and n == 1:
            pos = "noun"  # "the firing", "the shelling": a gerund is a noun after "the"
        triggers.append(Trigger(i, i + n, chosen, pos, chosen.code, tokens[i].lower))
        i += n
    return _merge(tokens, triggers)


@lru_cache(maxsize=1)
def _forms() -> dict[str, frozenset[str]]:
    verbs: set[str] = set()
    nouns: set[str] = set()
    for e in ENTRIES:
        if " " not in e.lemma:
            (verbs if e.pos == "verb" else nouns).update(inflect(e.lemma, e.pos))
    return {"verb": frozenset(verbs), "noun": frozenset(nouns)}


def _ambiguous(form: str, pos: Pos) -> bool:
    """True when ``form`` of a verb could as well be a noun (or the other way round)."""
    if pos == "verb":
        return not form.endswith(("ed", "ing"))
    return form in _forms()["verb"]


def _merge(tokens: list[Token], triggers: list[Trigger]) -> list[Trigger]:
    """A force noun right before a force verb is one event: "the airstrike hit a depot"."""
    out: list[Trigger] = []
    for t in triggers:
        if out:
            prev = out[-1]
            gap = [tok for tok in tokens[prev.last:t.first]
                   if tok.lower not in ADVERBS and tok.lower not in _PERFECT]
            if (
                prev.pos == "noun" and t.pos == "verb" and not gap
                and _is_force(prev.code) and _is_force(t.code)
            ):
                prev.object_from = t.last
                continue  # the noun keeps its (more specific) code
            if (
                t.form.endswith("ing") and t.pos == "verb" and _is_force(t.code)
                and t.first > 0 and tokens[t.first - 1].text == ","
                and any(_is_force(x.code) for x in out)
            ):
                continue  # ", targeting several cities": more of the event just told
        out.append(t)
    return out


def _is_force(code: str) -> bool:
    return code[:2] in ("18", "19", "20")


def refine(code: str, tokens: list[Token], first: int, last: int) -> str:
    """Refine generic force by the nearest weapon word within the clause, an appeal by what it
    asks for, and fire into the sea into a show of force."""
    if code == "020":
        return _appeal(tokens, last)
    if _is_force(code) and _harmless(tokens, last):
        return "150"
    if code not in REFINABLE:
        return code
    best: tuple[int, str] | None = None
    for direction in (-1, 1):
        k = first - 1 if direction < 0 else last
        steps = 0
        while 0 <= k < len(tokens) and steps < _WEAPON_WINDOW:
            tok = tokens[k]
            if tok.lower in CLAUSE_BREAKS or tok.lower in _REFINE_STOPS:
                break
            weapon = WEAPON_CODES.get(tok.lower)
            if weapon is not None and (best is None or steps < best[0]):
                best = (steps, weapon)
                break
            k += direction
            steps += 1
    return best[1] if best else code


def _appeal(tokens: list[Token], last: int) -> str:
    for tok in tokens[last:last + _APPEAL_WINDOW]:
        if tok.lower in (".", ";", "but", "while"):
            break
        code = APPEAL_CODES.get(tok.lower)
        if code is not None:
            return code
    return "020"


def _harmless(tokens: list[Token], last: int) -> bool:
    """"fired 90 rounds into the sea": force that lands where no one is."""
    for k in range(last, min(len(tokens), last + _WEAPON_WINDOW)):
        if tokens[k].lower in _REFINE_STOPS and tokens[k].lower not in (",",):
            return False
        if tokens[k].lower == "into":
            rest = [t.lower for t in tokens[k + 1:k + 4]]
            return any(w in HARMLESS_DESTINATIONS for w in rest)
    return False
