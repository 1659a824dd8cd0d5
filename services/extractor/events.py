"""Code the events of an article: triggers, arguments, frames, modality, dates.

Each trigger becomes a *draft*. Triggers whose frame takes a complement
(statements, accusations, claims, denials, threats, warnings) govern the
triggers in their complement:

- accuse: "Moscow accused Kyiv of striking a depot" is an accusation (1123 when
  force is alleged, else 112) by Russia against Ukraine, and the strike an
  alleged event by Ukraine, claimed by Russia;
- claim: the complement is alleged by the claimant (no event of its own);
- deny: a denial (016) and the complement negated; the denial targets whoever
  last accused the denier's country;
- threaten: a threat (138 when force is threatened, else 130) and the complement
  hypothetical;
- warn, and a statement whose complement is the speaker's own future force
  ("said it would strike ... if"): a threat as above; otherwise a statement;
- speech: a statement (010), emitted only for a sentence with no other event;
  force it reports against another country is alleged by the speaker. Direct
  quotes act as statements of their speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from datetime import date, timedelta

from services.extractor.arguments import EQUIPMENT, ArgumentFinder
from services.extractor.cameo import CONSULTATIONS, INTENTS, MEDIATION, MEETINGS, lookup
from services.extractor.dates import DateMention, find_dates, may_hold_dates, nearest
from services.extractor.drafts import (
    Draft,
    latest_day,
    other_side,
    same_side,
    since_between,
)
from services.extractor.lexicon import LIGHT_VERBS, MUTUAL
from services.extractor.modality import read
from services.extractor.participants import Participant
from services.extractor.phrases import governing_preposition
from services.extractor.places import gazetteer
from services.extractor.quotes import Attribution, enclosing
from services.extractor.sentences import Sentence
from services.extractor.tokens import Token
from services.extractor.triggers import Trigger, find_triggers, refine, trigger_forms
from services.extractor.wordlists import ADVERBS, AUXILIARIES, MODALS, NEGATIONS

_GOVERNING = frozenset({"speech", "accuse", "claim", "deny", "threaten", "warn"})
_SCOPE_STOPS = frozenset({";", "—", "–", "but", "while", "whereas", "although", "though", "as",
                          "after", "because", "since", "when"})
_HISTORICAL_DAYS = 30
_DASHES = frozenset({"—", "–", ";"})
_NOUN_TOO = frozenset({"attack", "attacks", "strike", "strikes", "talks"})
_VERB_CHAIN = ADVERBS | AUXILIARIES | MODALS | NEGATIONS
_NOT_NOUNS = _VERB_CHAIN | frozenset(
    {"it", "they", "he", "she", "we", "who", "which", "that", "and", "or", "to"}
)
_VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05"})
#: Where the other country stands after a recall or a closure.
_FROM_HOST = {"161": frozenset({"from", "in", "to", "with"}),
              "163": frozenset({"to", "for", "on", "against", "with"})}
#: Codes whose other party may come after "with": talks offered, a protest lodged.
_WITH_TARGET = frozenset({"036", "114"})
#: Expulsion told as the envoys' going: "ordered the diplomats to leave the country".
_EXPULSION = "161"
_TOLD_TO_GO = frozenset({"leave the country"})
_ENVOYS = frozenset({"ambassador", "ambassadors", "envoy", "envoys", "diplomats", "diplomat",
                     "attaché", "attache", "attachés", "consul", "staff"})
#: Events an order makes real: an evacuation, an expulsion.
_ORDERED_CODES = frozenset({"EVAC", _EXPULSION})
_ORDERS = frozenset({"ordered", "orders", "order", "told", "instructed", "urged", "asked",
                     "gave", "given"})
_ADJUNCT = frozenset({"in", "over", "after", "for", "because", "amid", "following", "despite",
                      "since", "as", "response", "retaliation", "while", "when", "which", "who"})


class SentenceCoder:
    """Codes the drafts of one sentence."""

    def __init__(self, s: Sentence, parts: list[Participant], quotes: list[Attribution],
                 published: date) -> None:
        self.s = s
        self.toks = s.tokens
        self.parts = parts
        self.quotes = quotes
        self.published = published
        self.args = ArgumentFinder(self.toks, parts)
        words = [t.lower.rstrip(".") for t in s.tokens]
        self.dates = find_dates(s.text, s.start, published) if may_hold_dates(words) else []
        self.title_case = s.title_case
        self.spans = [q.span for q in quotes]
        #: Token indices of the dashes and semicolons, in order (see :meth:`_segment`).
        self.dashes = [t.i for t in s.tokens if t.text in _DASHES]

    def code(self) -> list[Draft]:
        """Find, connect and fill the drafts of the sentence."""
        subject_ends = {p.last for p in self.parts if p.kind != "modifier" and not p.possessive
                        and not self._embedded(p)}
        modifier_ends = {p.last for p in self.parts if p.kind == "modifier" or p.possessive}
        triggers = find_triggers(self.toks, subject_ends, modifier_ends)
        drafts = [Draft(self.s, t, t.code, t.frame) for t in triggers]
        for d in drafts:
            if d.frame in _GOVERNING and (d.trigger.pos == "verb" or self._noun_complement(d)):
                d.scope = self._scope(d)
                d.trailing = d.scope[1] <= d.trigger.first and not self._quoted_before(d)
        for d in drafts:
            if d.frame in _GOVERNING and d.trigger.pos == "verb" and self._after_and(d):
                continue  # "denied firing the rockets and accused Israel": a second main verb
            inside = [g for g in drafts if g is not d and g.scope is not None
                      and g.scope[0] <= d.trigger.first < g.scope[1]
                      and not self._conjoined(g, d) and not self._second_main_verb(g, d, drafts)]
            if inside:
                d.governor = min(inside, key=lambda g: g.scope[1] - g.scope[0] if g.scope else 0)
                d.governor.dependents.append(d)
        for g in drafts:
            g.direct = self._direct(g)
        for d in drafts:
            self._arguments(d, drafts)
            self._modality(d)
            if d.historical and d.governor is not None and d.governor.frame != "deny":
                # "blamed Ukraine for attacks since the start of the invasion": background.
                d.governor.dependents.remove(d)
                if d in d.governor.direct:
                    d.governor.direct.remove(d)
                d.governor = None
        self._reduced_relatives(drafts)
        return drafts

    def _origin(self, d: Draft) -> Participant | None:
        """"rockets fired from southern Lebanon": where force came from acts for it."""
        t = d.trigger
        for k in range(t.last, min(len(self.toks), t.last + 2)):
            if self.toks[k].lower != "from":
                continue
            p = next((p for p in self.parts if k < p.first <= k + 3 and p.place is not None
                      and p.country), None)
            if p is not None:
                origin = replace(p, kind="state", sector=None, can_act=True, possessive=False,
                                 mention=None)
                origin.name = gazetteer().country_name(p.country)
                return origin
        return None

    def _reduced_relatives(self, drafts: list[Draft]) -> None:
        """"drones launched by the RSF struck Port Sudan": "launched by" names who acted; the
        main verb is the event."""
        for d in drafts:
            if d.is_force and d.actor is None:
                d.actor = self._origin(d)
            if not self._is_reduced(d):
                continue
            d.actor = self.args.agent(d.trigger, len(self.toks)) or self._origin(d)
            main = next((x for x in drafts if x.trigger.pos == "verb" and x.is_force
                         and 0 < x.trigger.first - d.trigger.last <= 12), None)
            if main is None:
                continue
            if main.actor is None or (main.actor.country is None
                                      and main.actor.head in EQUIPMENT):
                main.actor, main.inherited = d.actor, True
            d.emit = False

    def _is_reduced(self, d: Draft) -> bool:
        t = d.trigger
        if t.pos != "verb" or not t.form.endswith("ed") or t.first == 0 or not d.is_force:
            return False
        if t.last >= len(self.toks) or self.toks[t.last].lower not in ("by", "from"):
            return False
        prev = self.toks[t.first - 1]
        before = self.args.by_last.get(t.first)
        if before is not None:
            return before.country is None and before.head in EQUIPMENT
        return prev.is_word and not prev.is_cap and prev.lower not in _NOT_NOUNS

    def _quoted_before(self, d: Draft) -> bool:
        """A trailing attribution of a direct quote: '"...," he said'."""
        k = d.scope[1] if d.scope is not None else 0
        return 0 < k <= len(self.toks) and any(
            x.text in ("”", '"') for x in self.toks[max(0, k - 2):k + 1]
        )

    def _after_and(self, d: Draft) -> bool:
        j = d.trigger.first - 1
        while j >= 0 and self.toks[j].lower in ADVERBS:
            j -= 1
        return j >= 0 and self.toks[j].lower in ("and", "but")

    def _second_main_verb(self, g: Draft, d: Draft, drafts: list[Draft]) -> bool:
        """"denied arming the group and condemned the strikes": a finite verb after "and"
        shares the governor's subject when the governor's complement is a gerund or an
        infinitive; after "said that ..." it is still part of what was said."""
        if d.trigger.pos != "verb" or not self._after_and(d) or d.trigger.form.endswith("ing"):
            return False
        if d.trigger.first > 0 and self.toks[d.trigger.first - 1].lower == "to":
            return False
        first = min((x for x in drafts if x is not d and g.scope is not None
                     and g.scope[0] <= x.trigger.first < d.trigger.first),
                    key=lambda x: x.trigger.first, default=None)
        if first is None:
            return False
        before = self.toks[first.trigger.first - 1].lower if first.trigger.first else ""
        return first.trigger.form.endswith("ing") or before in ("to", "of")

    def _conjoined(self, g: Draft, d: Draft) -> bool:
        """"neither confirm nor deny": two verbs of one subject, not a complement."""
        between = self.toks[g.trigger.last:d.trigger.first]
        return g.trigger.pos == d.trigger.pos == "verb" and 0 < len(between) <= 2 and any(
            x.lower in ("and", "or", "nor") for x in between
        )

    def _past_year(self, i: int, lo: int, hi: int) -> bool:
        """A year before the publication year near token ``i``, in its clause."""
        for k in range(max(lo, i - 10), min(hi, i + 16)):
            word = self.toks[k].text
            if len(word) == 4 and word.isdigit() and 1900 <= int(word) < self.published.year:
                return True
        return False

    def _segment(self, i: int) -> tuple[int, int]:
        """Character range of the stretch between dashes or semicolons holding token ``i``."""
        toks = self.toks
        dashes = self.dashes
        k = bisect_left(dashes, i)  # dashes[:k] lie before token i
        lo = toks[dashes[k - 1]].end if k > 0 else self.s.start
        if k < len(dashes) and dashes[k] == i:
            k += 1  # the token itself is no boundary of its own stretch
        hi = toks[dashes[k]].start if k < len(dashes) else self.s.end
        return lo, hi

    def _embedded(self, p: Participant) -> bool:
        """After a preposition or a light verb a name is no subject: "to up Kyiv strikes"."""
        if p.first == 0:
            return False
        prev = self.toks[p.first - 1].lower
        before = self.toks[p.first - 2].lower if p.first >= 2 else ""
        verb = prev in trigger_forms() and (
            prev not in _NOUN_TOO or before in MODALS or before in ("to", "would", "will")
        )
        return prev in LIGHT_VERBS or verb or governing_preposition(
            self.toks, p.first
        ) is not None

    def _noun_complement(self, d: Draft) -> bool:
        """"the threat of force", "accusations that ...": a noun governs only such."""
        k = d.trigger.last
        return k < len(self.toks) and self.toks[k].lower in ("of", "to", "that", "against")

    def _direct(self, g: Draft) -> list[Draft]:
        deps = sorted(g.dependents, key=lambda x: x.trigger.first)
        if not deps:
            return []
        direct = [deps[0]]
        for d in deps[1:]:
            between = self.toks[direct[-1].trigger.last:d.trigger.first]
            if len(between) <= 6 and any(x.lower in ("and", "or") for x in between) and not any(
                x.lower in _ADJUNCT for x in between
            ):
                direct.append(d)
        return direct

    def _scope(self, d: Draft) -> tuple[int, int]:
        t = d.trigger
        toks = self.toks
        if t.entry.lemma == "according to":
            # "According to X, ..." reports what follows; "..., according to X." what precedes.
            comma = next((x.i for x in toks[t.last:] if x.text == ","), None)
            if comma is not None and t.first <= 1:
                return comma + 1, len(toks)
            return 0, t.first
        end = t.last
        while end < len(toks) and toks[end].lower not in _SCOPE_STOPS:
            end += 1
        words_after = sum(1 for x in toks[t.last:end] if x.is_word)
        if d.frame in ("speech", "claim") and words_after <= 6:
            # "..., Moscow said." reports what comes before the speaker.
            subject = self.args.subject(t.first)
            if subject is not None:
                begin = subject.first
                m = subject.mention
                if subject.kind == "person" and m is not None and m.sentence == self.s.id and (
                    m.role_first is not None
                ):
                    begin = min(begin, m.role_first)
                words_before = sum(1 for x in toks[:begin] if x.is_word)
                if words_before >= 4 and toks[begin - 1].text in (",", "”", '"', "’", "'"):
                    return 0, begin - 1
        if t.pos == "noun":
            # a noun governs its own complement only: "accusations of cross-border raids"
            stop = t.last + 1
            while stop < min(end, t.last + 7) and toks[stop].text not in (",", "and", "but"):
                stop += 1
            return t.last, stop
        if t.last < len(toks) and toks[t.last].text == "," and t.first >= 2 and (
            toks[t.first - 2].text == "," or toks[t.first - 1].text == ","
        ):
            return 0, len(toks)  # "Putin's armies, it claimed, are struggling ..."
        start = t.last
        if d.frame in ("speech", "claim", "accuse", "deny", "warn"):
            # "told the Examiner in March that ...": the complement starts after "that".
            that = next((x.i for x in toks[t.last:min(end, t.last + 9)] if x.lower == "that"),
                        None)
            if that is not None:
                start = that + 1
        return start, end

    def _clause(self, d: Draft) -> tuple[int, int]:
        """Token range where the trigger's own arguments are sought."""
        lo = 0
        hi = len(self.toks)
        g = d.governor
        if g is not None and g.scope is not None:
            lo, hi = g.scope
        return lo, hi

    def _own_range(self, d: Draft) -> tuple[int, int]:
        """Range for a trigger's place and date: a governor's stop where its complement starts."""
        lo, hi = self._clause(d)
        if d.scope is not None and d.scope[1] <= d.trigger.first:
            lo = max(lo, d.scope[1])  # "..., X said in Kyiv": only what follows the report
        if d.scope is not None and d.scope[0] >= d.trigger.last:
            first_dependent = min((x.trigger.first for x in d.dependents), default=d.scope[0])
            hi = min(hi, max(d.trigger.last, first_dependent))
        return lo, hi

    def _dates_event(self, x: DateMention, d: Draft) -> bool:
        """"Monday's attack": a possessive date belongs to the noun after it."""
        if not x.text.endswith(("'s", "’s")):
            return True
        first = self.toks[d.trigger.first]
        return d.trigger.pos == "noun" and 0 <= first.start - x.end <= 25

    @staticmethod
    def _mediated_sides(d: Draft, drafts: list[Draft]) -> None:
        """"An exchange brokered by the UAE" after "Russia and Ukraine freed prisoners": the
        mediator's targets are the two sides of the event it brokered, told just before."""
        x = next((x for x in reversed(drafts)
                  if x is not d and x.trigger.first < d.trigger.first), None)
        if x is None or x.actor is None or not x.actor.country:
            return
        other = next((p for p in x.actor_also if p.country and p.country != x.actor.country),
                     None)
        if other is not None:
            d.target, d.target_also = x.actor, [other]

    def _force_sides(self, t: Trigger) -> tuple[Participant, Participant] | None:
        """The two countries' sides of force told as "between X and Y" ("clashes between
        Kyrgyz and Tajik border guards", "fighting between Indian and Chinese troops"); a
        place after "between" is where, not a side."""
        sides = self.args.between(t)
        if sides is None:
            return None
        first, second = sides
        if first.also_countries and first.country:
            second = other_side(first, first.also_countries[0])
        elif second.kind in ("city", "region", "territory", "state"):
            return None
        if not first.country or not second.country or first.country == second.country:
            return None
        return first, second

    def _arguments(self, d: Draft, drafts: list[Draft]) -> None:
        t = d.trigger
        a = self.args
        lo, hi = self._clause(d)
        force = lookup(d.code).is_force or d.code.startswith("13")
        if t.entry.lemma == "according to":
            d.actor = next((p for p in self.parts if t.last <= p.first < t.last + 8), None)
        elif t.pos == "verb":
            previous = self._coordinated(d, drafts)
            if a.is_passive(t):
                d.target = a.passive_subject(t, lo)
                d.actor = a.agent(t, hi)
                if d.target is None and force:
                    d.target = a.object(t, hi, True)
            elif previous is not None:
                d.actor, d.inherited = previous.actor, True
                d.actor_also = previous.actor_also
                d.target = a.object(t, hi, force)
                if d.target is None and d.code[:2] in _VERBAL_ROOTS:
                    d.target = previous.target  # "telephoned his counterpart and urged restraint"
            else:
                d.actor = a.subject(t.first, lo)
                d.target = a.object(t, hi, force or lookup(d.code).is_material_conflict)
                if d.actor is None and self._after_and(d):
                    # "North Korea's military called the firing a warning ..., and threatened"
                    d.actor, d.inherited = self._main_subject(t.first), True
        else:
            d.actor = a.noun_actor(t)
            modifier = a.noun_modifier(t)
            if modifier is not None and modifier.kind in ("city", "region") and (
                not modifier.possessive
            ):
                d.target = modifier  # "Kyiv strikes"
            if d.actor is None and not self.title_case:
                light = a.light_verb(t, lo)
                if light is not None:
                    d.anchor = light
                    d.actor = a.subject(light, lo)
            if t.object_from is not None:
                # "Ukrainian airstrike hit Russian city": the verb's object
                verb = Trigger(t.object_from - 1, t.object_from, t.entry, "verb", t.code, t.form)
                d.target = a.object(verb, hi, True) or d.target
            d.target = a.noun_target(t, hi) or d.target
        if t.entry.lemma == "attribute":
            # "attacks attributed to Ukraine by Russian officials": to whom, by whom
            d.actor = a.agent(t, hi)
            d.target = next((p for p in self.parts if t.last <= p.first < t.last + 5
                             and governing_preposition(self.toks, p.first) == "to"), None)
        if d.actor is not None:
            group = a.conjuncts(d.actor)
            d.actor, d.actor_also = group[0], group[1:]
            if d.actor.also_countries and d.code not in CONSULTATIONS:
                # "the Russian and Syrian defense ministries accused ..."
                d.actor_also += [other_side(d.actor, c) for c in d.actor.also_countries]
        if d.target is not None:
            group = a.conjuncts(d.target)
            d.target, d.target_also = group[0], group[1:]
            if d.target.also_countries and d.code not in CONSULTATIONS:
                # "called on both countries": both
                d.target_also += [other_side(d.target, c) for c in d.target.also_countries]
        if t.entry.lemma in MUTUAL and d.target is not None and d.target.kind in (
            "city", "region"
        ):
            d.place, d.target = d.target, None  # "exchanged fire at the Chaman crossing"
        if d.code in _FROM_HOST and (d.target is None or same_side(d.target, d.actor)):
            # "recalled its ambassador from Algiers", "closed its airspace to Malian flights":
            # the other country, not the actor's own envoy or airspace
            d.target = next((p for p in self.parts if t.last <= p.first < t.last + 10
                             and p.country and not same_side(p, d.actor)
                             and governing_preposition(self.toks, p.first) in _FROM_HOST[d.code]
                             ), d.target)
        if d.code in _WITH_TARGET and d.target is None:
            # "ready to hold talks with New Delhi", "lodged a protest with Tokyo"
            d.target = next((p for p in self.parts if t.last <= p.first < t.last + 12
                             and governing_preposition(self.toks, p.first) == "with"), None)
        if d.code in INTENTS and d.target is None and d.actor is not None and d.actor.country:
            # "Kyiv would send a delegation if Russia agreed to a ceasefire": the other party
            d.target = next((p for p in self.parts if p.can_act and p.country
                             and p.country != d.actor.country and p.kind not in ("modifier",)
                             and governing_preposition(self.toks, p.first) is None), None)
        if d.is_force and d.actor is None and (sides := self._force_sides(t)) is not None:
            # "gunfire erupted between Kyrgyz and Tajik guards": each side fired on the other
            d.actor, d.actor_also, d.target, d.between = sides[0], [sides[1]], None, True
        if d.code == _EXPULSION and t.entry.lemma in _TOLD_TO_GO and d.actor is not None and (
            d.actor.text.split()[-1].lower() in _ENVOYS
        ):
            # "Moldova ordered three Russian diplomats to leave the country": the envoys are
            # expelled; who ordered it expels them
            envoys = d.actor
            order_at = next((k for k in range(envoys.first - 1, max(lo, envoys.first - 4) - 1, -1)
                             if self.toks[k].lower in _ORDERS), None)
            if order_at is not None:
                d.actor, d.actor_also, d.target = a.subject(order_at, lo), [], envoys
        if d.code in MEDIATION:
            sides = a.between(t)
            pair = next((p for p in self.parts if p.first >= t.last and p.also_countries
                         and governing_preposition(self.toks, p.first) == "between"), None)
            if sides is not None:  # "offered to mediate between X and Y": both are targets
                d.target, d.target_also = sides[0], [sides[1]]
            elif pair is not None:  # "between the two neighbours"
                d.target = pair
                d.target_also = [other_side(pair, c) for c in pair.also_countries]
            elif d.target is None or d.target.country is None:
                self._mediated_sides(d, drafts)
        elif d.code in CONSULTATIONS:
            sides = a.between(t) if d.code != "036" or d.actor is None else None
            if sides is not None:
                d.actor, d.target = sides
                d.actor_also = d.target_also = []
            elif d.target is None and d.actor_also:
                # "Russia and Ukraine met": one side acts, the other is met
                d.target, d.actor_also = d.actor_also[0], d.actor_also[1:]
            elif d.target is None and d.actor is not None and d.actor.kind == "group":
                # "representatives from Russia and Ukraine met"
                k = d.actor.last
                if k + 1 < len(self.toks) and self.toks[k].lower == "from":
                    after = a.by_first.get(k + 1)
                    parties = a.conjuncts(after) if after is not None else []
                    if len(parties) >= 2:
                        d.actor, d.target = parties[0], parties[1]
            if d.target is None and d.actor is not None and d.actor.also_countries:
                # "Russian and Ukrainian delegations met"
                d.target = other_side(d.actor, d.actor.also_countries[0])
        if d.actor is not None and d.actor is d.target:
            d.target = None
        p_lo, p_hi = self._own_range(d)
        if d.place is not None:
            pass  # set above
        elif d.target is not None and d.target.kind in ("city", "region") and (
            lookup(d.code).is_material_conflict
        ):
            d.place = d.target  # "shelled Kharkiv": Kharkiv is where it happened
        else:
            d.place = a.place(t, p_lo, p_hi, (d.actor, d.target)) or self._frame_place()
        if d.target is not None and d.target.kind == "territory" and d.place is None:
            d.place = d.target
        d.code = refine(d.code, self.toks, t.first, t.last)
        quote = enclosing(self.spans, self.toks[t.first].start)
        if quote is not None:
            d.speaker = next((q.speaker for q in self.quotes if q.span is quote), None)

    def _frame_place(self) -> Participant | None:
        """"In Goma, the administration ordered ...": a sentence-initial place frames all."""
        toks = self.toks
        if len(toks) < 3 or toks[0].lower not in ("in", "at", "near", "outside"):
            return None
        p = next((p for p in self.parts if p.first <= 3), None)
        if p is None or p.place is None or p.last >= len(toks) or toks[p.last].text != ",":
            return None
        return p

    def _main_subject(self, before: int) -> Participant | None:
        """The sentence's first subject-like participant before token ``before``."""
        return next((p for p in self.parts if p.last <= before and p.can_act
                     and p.kind not in ("modifier", "territory", "pronoun")
                     and governing_preposition(self.toks, p.first) is None), None)

    def _coordinated(self, d: Draft, drafts: list[Draft]) -> Draft | None:
        """"shelled Kharkiv and struck Kyiv": the second verb shares the first's subject."""
        j = d.trigger.first - 1
        while j >= 0 and self.toks[j].lower in _VERB_CHAIN:
            j -= 1
        if j < 0 or self.toks[j].lower not in ("and", "or", "nor"):
            return None
        earlier = [x for x in drafts if x.trigger.last <= j and x.trigger.pos == "verb"
                   and x.actor is not None and j - x.trigger.last <= 6]
        if not earlier:
            return None
        between = self.toks[earlier[-1].trigger.last:j]
        if any(x.lower in ("that", "to", ",") for x in between):
            return None
        return earlier[-1]

    def _modality(self, d: Draft) -> None:
        t = d.trigger
        reading = read(self.toks, t, d.anchor)
        d.in_condition = reading.in_condition
        d.negated = reading.negated
        d.hypothetical = reading.hypothetical
        d.historical = reading.historical
        if d.hypothetical and (d.code in MEETINGS or d.code in INTENTS) and not (
            d.in_condition or d.negated
        ):
            # "will meet", "would host talks": CAMEO codes the intent, which was stated
            d.code = d.code if d.code in INTENTS else "039" if d.code in MEDIATION else "036"
            d.hypothetical = False
        if d.frame == "threaten" and d.trigger.entry.lemma == "not hesitate to":
            d.hypothetical = False  # "would not hesitate to act": the threat is made
        if d.code in _ORDERED_CODES and d.hypothetical and not d.in_condition and _ordered(
            self.toks, t
        ):
            # "ordered residents to evacuate", "ordered the envoy to leave the country": the
            # order is the event
            d.hypothetical = False
        if reading.background:
            d.historical = True  # "Qatar, which has mediated between ...,"
        if reading.hedged:
            d.alleged = True
        lo, hi = self._own_range(d)
        span_lo = self.toks[lo].start if lo < len(self.toks) else self.s.end
        span_hi = self.toks[hi - 1].end if 0 < hi <= len(self.toks) else self.s.end
        if d.scope is not None and d.scope[0] >= t.last:
            span_hi = max(span_hi, self.toks[t.last - 1].end + 1)
        here = self.toks[t.first].start
        seg_lo, seg_hi = self._segment(t.first)
        span_lo, span_hi = max(span_lo, seg_lo), min(span_hi, seg_hi)
        own = [x for x in self.dates if span_lo <= x.start < span_hi
               and not since_between(self.s, here, x) and self._dates_event(x, d)]
        if not d.hypothetical:
            # "next month", "later this month" are not yet
            own = [x for x in own if x.value <= self.published and not x.ahead]
        if d.code in INTENTS:
            # "said on Tuesday it would meet X on Friday": what follows dates the meeting
            own = [x for x in own if x.start < here]
        d.date = nearest(own, here)
        if d.date is None and self._past_year(t.first, lo, hi):
            d.historical = True  # "in 1967", "the 2014 annexation"
        if d.date is not None and latest_day(d.date) < self.published - timedelta(
            days=_HISTORICAL_DAYS
        ):
            d.historical = True


def _ordered(tokens: list[Token], t: Trigger) -> bool:
    """An evacuation that someone ordered: "ordered residents ... to evacuate"."""
    return any(x.lower in _ORDERS for x in tokens[max(0, t.first - 10):t.first])
