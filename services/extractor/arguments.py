"""Who did it, to whom and where: an event's arguments around its trigger.

- Verb, active voice: the actor is the nearest participant to the left that
  is not the object of a preposition (a relative "which"/"who" points back to
  its antecedent); the target is the first participant to the right without a
  preposition, or, for force, after "on", "against", "at".
- Verb, passive voice ("was shelled", "came under fire"): the subject is the
  target and "by X" (or "from X") the actor.
- Noun: the actor is a country word or possessor right before it ("Ukrainian
  shelling", "Kyiv's attacks"), "by X" after it, or the subject of a light verb
  ("launched ... air strikes"); the target follows "on"/"against"/"at", and
  "talks with X" or "between X and Y" name both sides.
- Place: the nearest place after "in", "near", "at", "outside", ...; failing
  that a place that is the target.
"""

from __future__ import annotations

import sys

from services.extractor.cameo import CONSULTATIONS
from services.extractor.lexicon import LIGHT_VERBS
from services.extractor.participants import Participant
from services.extractor.phrases import governing_preposition
from services.extractor.tokens import Token
from services.extractor.triggers import Trigger
from services.extractor.wordlists import (
    ADVERBS,
    AUXILIARIES,
    BE_FORMS,
    DETERMINERS,
    LOCATIVE_PREPOSITIONS,
    MODALS,
    NEGATIONS,
    PLACE_NOUNS,
    PREPOSITIONS,
    SUBORDINATORS,
    TARGET_PREPOSITIONS,
)

_SUBJECT_STOPS = frozenset({";", "—", "–", "(", ")", "because", "although", "though", "whereas",
                            "but", "while", "unless", "until", "when", "before"})
_OBJECT_STOPS = SUBORDINATORS | frozenset({";", ".", "—", "–", "(", ")", "but", "while", ":",
                                           "to", "because", "if", "said", "says", "”", '"'})
_PASSIVE_FORMS = frozenset({"struck", "hit", "shot", "held", "targeted", "fought", "bombed",
                            "shelled", "attacked"})
_PLACE_BARRIERS = frozenset({"if", "unless", "because", "after", "before", "while", "when",
                             "since", "that", "which", "who", ";", "—", "–"})
#: Weapons and vehicles named like groups ("drones"): instruments rather than parties.
EQUIPMENT = frozenset({"helicopters", "helicopter", "drones", "drone", "jets", "warplanes",
                        "warplane", "aircraft", "tanks", "warships", "warship", "artillery"})
_AGENT_BRIDGE = frozenset({"carried", "out", "launched", "conducted", "mounted", "fired",
                           "staged", "perpetrated", "committed", "allegedly", "reportedly",
                           "apparently", "was", "were", "being"})
_CLOSERS = frozenset({"”", "’", '"', "'", ","})
_BRIDGE_PREPOSITIONS = frozenset({"into", "on", "in", "at", "against", "of", "across"})
#: Words before an event noun that are adjectives although they look like verbs.
_ADJECTIVES_IN_ED = frozenset({"repeated", "alleged", "reported", "suspected", "coordinated",
                               "combined", "renewed", "sustained", "concerted", "unprovoked",
                               "armed", "so-called", "purported", "intensified", "planned",
                               "expected", "unprecedented", "sea-based", "air-launched"})
_QUOTE_CLOSERS = frozenset({"”", '"', "’"})
_OPENERS = frozenset({"“", "‘"})
_SPEECH = frozenset({"said", "says", "claimed", "claims", "added", "told", "alleged", "noted",
                     "according", "reported", "insisted", "warned"})
#: What an armed party holds: "struck positions of the SDF" hits the SDF.
_HOLDINGS = frozenset({"positions", "position", "bases", "base", "camps", "camp", "posts",
                       "post", "outposts", "units", "convoy", "convoys", "headquarters",
                       "strongholds", "hideouts", "fighters", "members", "targets",
                       "facilities", "depots", "trenches", "lines", "vessels", "ships"})
_PASSIVE_CHAIN = BE_FORMS | AUXILIARIES | ADVERBS | NEGATIONS | MODALS
_SUBJECT_REACH = 16
_PLACE_REACH = 16
_OBJECT_REACH = 9
_LIGHT_REACH = 12


def _adjective_like(t: Token) -> bool:
    """A lower-case word that may stand between a country word and an event noun."""
    word = t.lower
    if not t.is_word or t.is_cap or word in PREPOSITIONS or word in DETERMINERS:
        return False
    if word in AUXILIARIES or word in MODALS or word in SUBORDINATORS or word in LIGHT_VERBS:
        return False
    if word.endswith("ed") and word not in _ADJECTIVES_IN_ED:
        return False
    return not (word.endswith("ing") and word not in ("fresh", "ongoing"))


class ArgumentFinder:
    """Finds arguments within one sentence."""

    def __init__(self, tokens: list[Token], parts: list[Participant]) -> None:
        self.tokens = tokens
        self.parts = parts
        self.by_last = {p.last: p for p in parts}
        self.by_first = {p.first: p for p in parts}
        #: Governing preposition by participant start: each trigger of the sentence asks
        #: again about the same few participants.
        self._preps: dict[int, str | None] = {}

    def _prep(self, p: Participant) -> str | None:
        first = p.first
        if first not in self._preps:  # not try/except: a raised KeyError is slow compiled
            self._preps[first] = governing_preposition(self.tokens, first)
        return self._preps[first]

    def subject(self, i: int, lower: int = 0) -> Participant | None:
        """The subject of a verb at token ``i``, not looking before token ``lower``."""
        toks = self.tokens
        if i > 0 and (toks[i - 1].text in _QUOTE_CLOSERS or self._after_comma(i)):
            # '"...," said Budanov', "..., said Juan Perez": the subject follows the verb
            after = self.by_first.get(i + 1)
            if after is not None and after.can_act and toks[i].lower in _SPEECH and (
                after.last >= len(toks) or not toks[after.last].is_word
                or toks[after.last].lower in PREPOSITIONS
            ):
                return after
            if toks[i].lower.endswith("ing") and self._after_comma(i):
                # "..., publicly threatening them": the subject of the main clause
                return next((p for p in self.parts if p.first < i and p.can_act
                             and p.kind != "modifier" and self._prep(p) is None), None)
        j = i - 1
        while j >= lower and i - j <= _SUBJECT_REACH:
            t = toks[j]
            if t.lower in _SUBJECT_STOPS:
                return None
            if t.text == ",":
                skip = self._parenthetical(j, lower)
                if skip is not None:
                    j = skip
                    continue
            if t.lower in ("which", "who"):
                k = j - 1
                if k >= 0 and toks[k].text == ",":
                    k -= 1
                antecedent = self.by_last.get(k + 1)
                return antecedent if antecedent is not None and antecedent.can_act else None
            p = self.by_last.get(j + 1)
            if p is not None and p.can_act and (p.kind != "modifier" or p.possessive):
                head = self.conjuncts(p)[0]
                if self._prep(head) is None:
                    if p.country is None and p.head in EQUIPMENT:
                        fuller = self.subject(p.first, lower)
                        return fuller if fuller is not None and fuller.country else p
                    return head
                j = head.first
            j -= 1
        return None

    def _after_comma(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.tokens[j].lower in ADVERBS:
            j -= 1
        return j >= 0 and self.tokens[j].text == ","

    def _parenthetical(self, comma: int, lower: int) -> int | None:
        """Index just before an aside ending at ``comma``: ", it claimed," or an appositive
        ", Ukraine's Defense Intelligence Agency chief," -- so the subject is found before it."""
        toks = self.tokens
        for k in range(comma - 1, max(lower - 1, comma - 10), -1):
            if toks[k].text != ",":
                continue
            inside = toks[k + 1:comma]
            speech = any(x.lower in _SPEECH for x in inside)
            before = self.by_last.get(k)
            if speech or (before is not None and before.can_act):
                return k - 1
            return None
        return None

    def conjuncts(self, p: Participant) -> list[Participant]:
        """"Russia and Ukraine", "Britain, France and Germany": every conjunct, in order."""
        group = [p]
        k = p.first - 1
        crossed_and = False
        while k >= 0 and self.tokens[k].lower in ("and", ",", "or"):
            if self.tokens[k].lower == "," and not crossed_and:
                break  # "In the West Bank, Israeli troops": no list without "and"
            crossed_and = crossed_and or self.tokens[k].lower != ","
            left = self.by_last.get(k)
            if left is None or not left.can_act:
                break
            group.insert(0, left)
            k = left.first - 1
        k = p.last
        pending: list[Participant] = []
        while k < len(self.tokens) and self.tokens[k].lower in ("and", ",", "or"):
            joiner = self.tokens[k].lower
            k2 = k + 1
            if k2 < len(self.tokens) and self.tokens[k2].lower == "the":
                k2 += 1
            right = self.by_first.get(k2)
            if right is None or not right.can_act or right.kind != p.kind and not (
                {right.kind, p.kind} <= {"state", "city", "org", "people", "group"}
            ):
                break
            pending.append(right)
            if joiner != ",":
                group.extend(pending)  # a list is closed by "and": "Britain, France and ..."
                pending = []
            k = right.last
        return group

    def is_passive(self, t: Trigger) -> bool:
        """"was shelled", "had been hit", "came under fire"."""
        if t.entry.passive_like:
            return True
        if t.code == "036":
            return False  # "we are prepared to talk" is no passive
        form = t.form
        if t.pos != "verb" or not (form.endswith("ed") or form in _PASSIVE_FORMS):
            return False
        if self._reduced_relative(t):
            return True
        j = t.first - 1
        while j >= 0 and t.first - j <= 4:
            word = self.tokens[j].lower
            if word in BE_FORMS:
                return True
            if word not in ADVERBS and word not in NEGATIONS and word not in AUXILIARIES:
                return False
            j -= 1
        return False

    def _reduced_relative(self, t: Trigger) -> bool:
        """"an exchange brokered by the UAE": a participle right after a common noun, with
        its agent after "by", is a passive (the noun is what was done, not who did it)."""
        toks = self.tokens
        if t.first == 0 or t.last >= len(toks) or toks[t.last].lower != "by":
            return False
        before = toks[t.first - 1]
        if not before.text.isalpha() or not before.text.islower() or (
            self.by_last.get(t.first) is not None
        ):
            return False
        return any(t.last < p.first <= t.last + 2 and p.can_act for p in self.parts)

    def passive_subject(self, t: Trigger, lower: int) -> Participant | None:
        """The subject of a passive: the noun phrase right before its auxiliaries."""
        j = t.first - 1
        while j >= lower and self.tokens[j].lower in _PASSIVE_CHAIN:
            j -= 1
        p = self.by_last.get(j + 1)
        if p is None or not (p.can_act or p.kind in ("territory", "city", "region")):
            return None
        if p.country is None and p.head in EQUIPMENT:
            return None  # "drones were launched": the weapon, not the target
        return p

    def agent(self, t: Trigger, upper: int) -> Participant | None:
        """"by X" (or "from X" after "under fire") after a passive trigger."""
        for p in self.parts:
            if t.last <= p.first < min(upper, t.last + 10) and p.can_act:
                prep = self._prep(p)
                if prep == "by" or (prep == "from" and t.entry.passive_like):
                    return p
        return None

    def object(self, t: Trigger, upper: int, force: bool) -> Participant | None:
        """The target of a verb: a direct object, or "on X" / "against X" for force."""
        toks = self.tokens
        ends_in_preposition = toks[t.last - 1].lower in PREPOSITIONS  # "pointed the finger at"
        k = t.last
        opened = False
        while k < min(upper, t.last + _OBJECT_REACH):
            tok = toks[k]
            if tok.text in _OPENERS or (tok.text == '"' and not opened):
                opened = True  # 'take "military-technical measures" against Lithuania'
            elif tok.text in _QUOTE_CLOSERS and opened:
                opened = False
            elif tok.lower in _OBJECT_STOPS or (tok.text == "," and k not in self.by_first
                                                and k + 1 not in self.by_first):
                break
            elif tok.lower == "and" and k + 1 < len(toks) and _finite_verb(toks[k + 1]):
                break  # "welcomed the strikes and accused Iran": Iran is accused, not welcomed
            p = self.by_first.get(k)
            if p is not None and p.country is None and p.head in EQUIPMENT:
                k = p.last  # "launching 43 drones at Belgorod": the weapon, not the target
                continue
            if p is not None:
                prep = self._prep(p)
                p = self._of_place(p)
                usable = p.can_act or p.kind in ("territory", "city", "region")
                if usable and (prep is None or ends_in_preposition and prep == toks[t.last - 1]
                               .lower):
                    return p
                if usable and prep in TARGET_PREPOSITIONS and force:
                    return p
                if usable and prep == "of" and force and self._held_by(p):
                    return p  # "struck positions of the SDF"
                if usable and prep == "with" and t.code in CONSULTATIONS:
                    return p
                k = p.last
                continue
            k += 1
        return None

    def _held_by(self, p: Participant) -> bool:
        """"positions of X", "a base of the X": what is hit belongs to X."""
        k = p.first - 1
        while k > 0 and (self.tokens[k].lower in ("the", "a", "an") or "-" in self.tokens[k].text
                         or _adjective_like(self.tokens[k])):
            k -= 1  # "positions of the Kurdish-led SDF"
        return k > 0 and self.tokens[k].lower == "of" and self.tokens[k - 1].lower in _HOLDINGS

    def _of_place(self, p: Participant) -> Participant:
        """"the Red Sea city of Port Sudan": the named place after "city of"."""
        toks = self.tokens
        k = p.last
        if k + 2 < len(toks) and toks[k].lower in PLACE_NOUNS and toks[k + 1].lower == "of":
            q = self.by_first.get(k + 2)
            if q is not None and q.place is not None:
                return q
        return p

    def noun_modifier(self, t: Trigger) -> Participant | None:
        """The participant right before a noun trigger ("Ukrainian shelling", "Kyiv's
        attacks", "Kyiv strikes"), with only adjectives in between."""
        toks = self.tokens
        j = t.first - 1
        skipped = 0
        while j >= 0 and skipped <= 3:
            p = self.by_last.get(j + 1)
            if p is not None:
                return p
            word = toks[j]
            if word.is_possessive_marker:
                j -= 1
                continue
            if not _adjective_like(word):
                return None
            j -= 1
            skipped += 1
        return None

    def noun_actor(self, t: Trigger) -> Participant | None:
        """A country word or possessor right before a noun trigger, or "by X" after it."""
        p = self.noun_modifier(t)
        if p is not None:
            if p.kind in ("city", "region") and not p.possessive:
                return None  # "Kyiv strikes": the place struck
            if p.kind == "group" and p.country is None:
                return None  # "drone and missile attacks"
            return p if p.can_act and p.kind != "territory" else None
        toks = self.tokens
        k = t.last
        bridged = False
        while k < len(toks) and k < t.last + 8:
            word = toks[k].lower
            if word == "by":
                for q in self.parts:
                    if k < q.first <= k + 4 and q.can_act:
                        return q
                return None
            pp = self.by_first.get(k + 1)
            if word in _BRIDGE_PREPOSITIONS and pp is not None and not bridged:
                k, bridged = pp.last, True  # "incursions into Russia by Ukrainian forces"
                continue
            if word not in _AGENT_BRIDGE and toks[k].text not in _CLOSERS:
                return None
            k += 1
        return None

    def light_verb(self, t: Trigger, lower: int) -> int | None:
        """A light verb before a noun trigger in its clause ("carried out an air strike")."""
        toks = self.tokens
        j = t.first - 1
        while j >= lower and t.first - j <= _LIGHT_REACH:
            word = toks[j].lower
            if word in LIGHT_VERBS:
                return j
            if word in _SUBJECT_STOPS or word in (",", "that", "which", "who", "said", "says") or (
                word in PREPOSITIONS and word != "of"
            ):
                return None
            j -= 1
        return None

    def between(self, t: Trigger) -> tuple[Participant, Participant] | None:
        """"talks between X and Y", "X and Y met": two sides of a consultation."""
        toks = self.tokens
        for k in range(t.last, min(len(toks), t.last + 4)):
            if toks[k].lower == "between":
                sides = [p for p in self.parts if k < p.first <= k + 8 and p.can_act]
                if len(sides) >= 2:
                    return sides[0], sides[1]
        return None

    def noun_target(self, t: Trigger, upper: int) -> Participant | None:
        """"attacks on X", "strikes against X", "talks with X": the first phrase after it."""
        toks = self.tokens
        k = t.last
        while k < min(upper, t.last + 6):
            word = toks[k].lower
            if word in PREPOSITIONS:
                if not (word in TARGET_PREPOSITIONS or (word == "with"
                                                        and t.code in CONSULTATIONS)):
                    return None
                for p in self.parts:
                    if k < p.first <= k + 5 and (p.can_act or p.kind in ("territory", "city",
                                                                          "region")):
                        return p if self._prep(p) == word else None
                return None
            if not (toks[k].text in _CLOSERS or word in DETERMINERS or _adjective_like(toks[k])):
                return None
            k += 1
        return None

    def place(self, t: Trigger, lower: int, upper: int,
              exclude: tuple[Participant | None, ...]) -> Participant | None:
        """The place nearest the trigger after a locative preposition, within its clause."""
        best: Participant | None = None
        best_score = sys.maxsize
        for p in self.parts:
            if p.place is None or not lower <= p.first < upper or any(p is x for x in exclude):
                continue
            named = self._of_place(p)
            if named is not p and lower <= named.first < upper:
                p = named  # "near the Yemeni port city of Hodeidah": Hodeidah
            prep = self._prep(p)
            if prep not in LOCATIVE_PREPOSITIONS and not (
                prep in ("from", "to") and t.code == "EVAC" and p.kind in ("city", "region")
            ):
                continue  # people are evacuated from (or to) a town, not "from the border"
            if t.pos == "noun" and p.first < t.last:
                continue  # "in Kyiv in retaliation for attacks": Kyiv is not where they were
            a, b = (t.last, p.first) if p.first >= t.last else (p.last, t.first)
            if any(x.lower in _PLACE_BARRIERS for x in self.tokens[a:b]):
                continue  # another clause: "strike ... in Kyiv if forces continue attacks"
            if any(x.text == "," and y.lower.endswith("ing")
                   for x, y in zip(self.tokens[a:b], self.tokens[a + 1:b], strict=False)):
                continue  # "an offensive by M23, calling it a violation of a truce agreed in Doha"
            distance = b - a
            if distance > _PLACE_REACH:
                continue
            score = distance + (0 if p.first >= t.last else 6)
            if p.kind in ("state", "territory"):
                score += 4
            if score < best_score:
                best, best_score = p, score
        return best


def _finite_verb(t: Token) -> bool:
    """A past-tense verb, as after "and" in "welcomed the strikes and accused Iran"."""
    return t.is_word and not t.is_cap and (t.lower.endswith("ed") or t.lower in _PAST_FORMS)


_PAST_FORMS = frozenset({"said", "told", "struck", "hit", "shot", "met", "held", "fought",
                         "sent", "took", "made", "gave", "spoke", "threw", "began", "vowed"})
