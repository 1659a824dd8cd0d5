"""Turn drafts into :class:`~newsflow.messages.Event` messages for one article.

Applies the frames (see :mod:`services.extractor.events`), fills in what the
sentence leaves implicit (the target of an attack is the country where it
happened when the actor is foreign; a denial answers the last accusation
against the denier; a local evacuation's authorities belong to the place),
decides which drafts become events, and scores their confidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from newsflow.ids import event_id
from newsflow.messages import (
    CleanArticle,
    Coder,
    Event,
)
from services.extractor.cameo import EVACUATION, INTENTS, MEETINGS, lookup
from services.extractor.context import (
    DOMESTIC_CODES,
    ArticleContext,
    as_state,
    place_as_state,
    situate,
)
from services.extractor.dates import Precision, reference_date
from services.extractor.drafts import (
    Draft,
    actor_name,
    merge_twins,
    mirror,
    resolve_we,
    same_side,
)
from services.extractor.events import SentenceCoder
from services.extractor.lexicon import WEAPON_CODES
from services.extractor.messages import build
from services.extractor.participants import Participant
from services.extractor.places import gazetteer
from services.extractor.quotes import Attribution, enclosing
from services.extractor.sentences import Sentence
from services.extractor.triggers import trigger_forms

CODER = Coder(name="newsflow-rules", version="0.1.0")

_DOMESTIC_CODES = DOMESTIC_CODES
_MOBILISATION = frozenset({"151", "152", "154"})
_ARREST = "173"
_REJECTION = "120"
#: What a non-military threat threatens, as CAMEO codes the threat: "would impose further
#: sanctions if ..." (1312), "would cut ties" (1313).
_THREATENED = {"163": "1312", "161": "1313"}
_ARMED = frozenset({"MIL", "REB", "UAF", "COP", "SPY"})
_POLITICAL = _ARMED | frozenset({"GOV", "LEG", "JUD", "IGO", "OPP", "PTY"})


_from_place = place_as_state

#: Reactions to an event named as their object: "condemned the U.S. strikes".
_REACTIONS = frozenset({"111", "051", "120"})
_REFERENCE_GAP = 5
#: Force aimed at an attack told before: "repelled the attack".
_REPELLING = frozenset({"repel", "repulse", "thwart", "foil"})
#: Verbal conflict aimed at someone: without an object, at the side last confronted.
_CONFRONTATIONS = frozenset({"111", "112", "120"})
#: "the army", "the military": the speaker's own forces when no country is named.
_OWN_FORCES = frozenset({"army", "military", "forces", "troops", "navy", "government",
                         "armed forces", "air force"})


def _with_country(p: Participant, country: str | None) -> Participant:
    return replace(p, country=country, name=gazetteer().country_name(country) or p.name)


def apply_frames(drafts: list[Draft]) -> None:
    """Let each governing trigger shape the events in its complement, and itself."""
    for i, g in enumerate(drafts):
        if g.trigger.entry.lemma == "attribute" and i > 0:
            d = drafts[i - 1]
            if d.is_force and g.trigger.first - d.trigger.last <= 5:
                d.alleged, d.claimed_by = True, actor_name(g.actor)
                d.actor, d.inherited = g.target, True
                g.direct = [d]
    for g in drafts:
        deps = g.dependents
        if g.frame == "claim" and any(
            d.is_force and d.actor is not None and d.actor.country and g.actor is not None
            and g.actor.country and not same_side(d.actor, g.actor) for d in deps
        ):
            g.frame = "accuse"  # claiming the other side used force is accusing it
        if g.frame in ("speech", "warn"):
            own_force = [
                d for d in g.direct
                if d.quad == 4 and d.hypothetical and d.threatened_act and (
                    d.actor is None or d.actor.kind == "pronoun" or same_side(d.actor, g.actor)
                    or _owned_by_pronoun(d.actor, d.sentence)
                ) and d.code not in _DOMESTIC_CODES
            ]
            if own_force and g.actor is not None:
                g.frame = "threaten"
            elif g.frame == "warn":
                g.frame = "speech"
        for d in deps:
            if d in g.direct or g.frame in ("speech", "claim"):
                _shape(g, d)
            else:
                _reported(g.actor, d)  # an adjunct: "threatened ... in response to attacks"
        if g.frame == "accuse" and g.code.startswith("112"):
            g.code = "1123" if any(d.is_force for d in g.direct) else "112"
            if g.target is None:
                g.target = next((d.actor for d in g.direct if d.actor is not None), None)
            if g.place is None:
                # "accused Azerbaijani forces of opening fire near Sotk": about Sotk
                g.place = next((d.place for d in g.direct if d.place is not None), None)
        elif g.frame == "threaten":
            g.code = "138" if any(d.is_force for d in g.direct) else next(
                (_THREATENED[d.code] for d in g.direct if d.code in _THREATENED), "130")
            if g.target is None or same_side(g.target, g.actor):
                g.target = _threat_target(g)
        elif g.frame == "deny":
            g.code = "016"


def _shape(g: Draft, d: Draft) -> None:
    if g.frame == "accuse":
        d.alleged, d.claimed_by = True, actor_name(g.actor)
        if (d.actor is None or same_side(d.actor, g.actor)) and _complement_head(d):
            d.actor, d.inherited = g.target, True
        own_forces = d.code in _MOBILISATION and d.target is not None and not d.target.country
        if (d.target is None or own_forces) and not (d.place and d.place.country) and (
            d.quad == 4
        ) and (
            g.actor is not None and g.actor.country
        ):
            # "accused Thai forces of firing first": at the accuser's side
            d.target, d.target_from_place = _from_place(g.actor), True
    elif g.frame == "claim":
        d.alleged, d.claimed_by = True, actor_name(g.actor)
    elif g.frame == "deny":
        d.negated = True
        if d.actor is None and d.frame == "act":
            d.actor, d.inherited = g.actor, True
    elif g.frame == "threaten":
        d.hypothetical = True
        if d.actor is None and d.frame == "act" and d.threatened_act:
            d.actor, d.inherited = g.actor, True
    elif g.frame == "speech" and not g.trailing:
        _reported(g.actor, d)


def _complement_head(d: Draft) -> bool:
    """What the accused is accused of: a verb ("of shelling"), or a noun right after "of" or
    "for" ("for the shelling"); not an event inside it ("of sheltering the militants behind
    an attack": the militants attacked)."""
    if d.trigger.pos == "verb":
        return True
    toks = d.sentence.tokens
    k = d.trigger.first - 1
    while k >= 0 and (toks[k].lower in ("the", "a", "an", "its", "their", "this", "these")
                      or (toks[k].is_word and not toks[k].is_cap and toks[k].lower.endswith(
                          ("al", "ed", "ic", "ive", "ous", "ate")))):
        k -= 1
    return k >= 0 and toks[k].lower in ("of", "for")


def _reported(speaker: Participant | None, d: Draft) -> None:
    """A speaker's report of force by the other side is an allegation (a noun is background,
    as in "said Russia's invasion had failed", unless it took a verb: "airstrike hit")."""
    if d.trigger.pos == "noun" and d.trigger.object_from is None and d.anchor is None:
        return
    if (
        speaker is not None and speaker.sector not in ("MED",) and speaker.country
        and d.quad >= 3 and d.actor is not None and d.actor.country
        and not same_side(d.actor, speaker)
    ):
        d.alleged, d.claimed_by = True, actor_name(speaker)
        if d.target is None and d.is_force and d.place is None:
            d.target = _from_place(speaker)  # "Pakistan said Indian troops had fired ..."


def _restated_purpose(d: Draft, e: Draft) -> bool:
    """Whether ``e`` is an infinitive of purpose that names ``d``'s event again ("summoned
    India's envoy to lodge a protest"): same code, "to" right before it, a few words on."""
    first = e.trigger.first
    return d.code == e.code and d.emit and 0 < first - d.trigger.last <= 10 and first > 0 and (
        e.sentence.tokens[first - 1].lower == "to")


def _threat_target(g: Draft) -> Participant | None:
    for d in g.direct:
        if d.target is not None and not same_side(d.target, g.actor):
            return d.target
        if d.place is not None and d.place.country and (
            g.actor is None or d.place.country != g.actor.country
        ):
            return _from_place(d.place)
    return None


def _quoted_threat(d: Draft) -> Draft | None:
    """Quoted hypothetical force by the speaker's own side is the speaker's threat."""
    sp = d.speaker
    if sp is None or d.governor is not None or not d.is_force or not d.hypothetical:
        return None
    if d.actor is not None and not same_side(d.actor, sp):
        return None
    threat = Draft(d.sentence, d.trigger, "138", "threaten", actor=sp, scope=None,
                   dependents=[d], direct=[d], date=d.date)
    threat.target = _threat_target(threat)
    return threat


class ArticleCoder:
    """Codes every sentence of one article into events."""

    def __init__(self, article: CleanArticle, sentences: list[Sentence],
                 participants: dict[int, list[Participant]], attributions: list[Attribution],
                 extracted_at: datetime) -> None:
        self.article = article
        self.sentences = sentences
        self.parts = participants
        self.attributions = attributions
        self.spans = [a.span for a in attributions]
        self.extracted_at = extracted_at
        self.published: date = reference_date(article.published_at, extracted_at)
        self.context = ArticleContext()

    def events(self) -> list[Event]:
        """All events of the article in document order, without duplicates."""
        out: list[Event] = []
        seen: set[str] = set()
        for s in self.sentences:
            for d in self._sentence(s):
                eid = self._event_id(d)
                if eid not in seen:
                    seen.add(eid)
                    out.append(self._event(d, eid))
        return out

    def _sentence(self, s: Sentence) -> list[Draft]:
        forms = trigger_forms()
        if not any(t.lower in forms for t in s.tokens):
            return []  # no word that can start an event: spare the parsing
        drafts = SentenceCoder(s, self.parts.get(s.id, []), self.attributions,
                               self.published).code()
        for d in drafts:
            d.actor = resolve_we(d.actor, d.speaker)
            d.target = resolve_we(d.target, d.speaker)
        apply_frames(drafts)
        extra: list[Draft] = []
        for d in drafts:
            if d.governor is None and d.speaker is not None and d.frame == "act":
                _reported(d.speaker, d)
                threat = _quoted_threat(d)
                if threat is not None and not any(x.frame == "threaten" for x in drafts):
                    extra.append(threat)
        drafts.extend(extra)
        self._reactions(drafts)
        for d in drafts:
            self._complete(d)
        other_force = any(d.is_force and d.trigger.entry.lemma != "kill" for d in drafts)
        for d in drafts:
            if d.trigger.entry.lemma == "kill" and (other_force or d.actor is None):
                d.emit = False  # "an attack ... killed four people": one event; "were killed"
                # in a crash: no event at all
        for d in drafts:
            if self._mention_again(d):
                d.emit = False  # "called the firing a warning": the firing told before
        for d, e in zip(drafts, drafts[1:], strict=False):
            if _restated_purpose(d, e):
                e.emit = False  # "summoned the envoy to lodge a protest": one complaint
        intents: list[Draft] = []
        for d in drafts:
            if (d.code in MEETINGS or d.code in INTENTS) and any(
                0 <= d.trigger.first - i.trigger.last <= 8 for i in intents
            ):
                d.emit = False  # "ready to hold talks": the intent is the event
            elif d.code in INTENTS:
                intents.append(d)
        emitted = merge_twins([d for d in drafts if d.emit and self._emits(d)])
        emitted += [m for d in emitted if (m := mirror(d)) is not None]
        situate(emitted)
        for d in emitted:
            self.context.record(d)
        for d in emitted:
            when = d.date or (d.governor.date if d.governor is not None else None)
            if when is not None and when.precision == "day" and not when.story and not (
                d.hypothetical or d.historical
            ):
                self.context.record_day(d, when.value)
        if not emitted:
            statement = next((d for d in drafts if d.frame == "speech" and self._statement(d)),
                             None)
            if statement is not None:
                statement.code = "010"
                emitted = [statement]
        for d in emitted:
            if d.place is None and not d.historical:  # history happened elsewhere, earlier
                d.place = self.context.place_for(d, self.parts.get(s.id, []))
                d.place_inferred = d.place is not None
        situate(emitted)
        return sorted(emitted, key=lambda d: (d.trigger.first, d.code))

    def _complete(self, d: Draft) -> None:
        if d.code in _MOBILISATION and d.target is not None and (
            d.target.country is None or same_side(d.actor, d.target)
        ):
            d.target = None  # "staged its forces": the forces are the actor's own
        if d.frame == "speech" and d.target is not None and (
            d.target.sector == "MED" or d.trigger.entry.lemma != "tell"
        ):
            d.target = None  # only "told X" has an addressee, and an outlet is not a party
        context = self.context
        if d.frame == "accuse" and d.actor is not None and d.target is not None and (
            d.target.country
        ):
            context.accusations.append((d.actor, d.target.country))
        if d.frame == "deny" and d.actor is not None and d.actor.country:
            accuser = context.accuser_of(d.actor.country)
            # Else the side hit by the last attack from the denier's country: "Hezbollah
            # denied responsibility for the rocket launch" answers Israel.
            victim = context.victim_of(d.actor.country)
            if accuser is not None:
                d.target = accuser
            elif victim is not None:
                d.target = victim
            elif d.target is not None and not d.target.country:
                d.target = None
        if (d.is_force or d.code.startswith("13")) and d.target is not None and (
            d.target.kind in ("city", "region")
        ):
            d.target = _from_place(d.target)  # "shelled Kharkiv": Ukraine, not its government
        if lookup(d.code).is_material_conflict and d.code not in _DOMESTIC_CODES and (
            (d.target is None or (not d.target.country and d.target.kind != "person"))
            and d.place is not None and d.place.country
            and (d.actor is None or d.actor.country != d.place.country)
            and not (d.actor_also and d.mutual)
        ):
            # "struck Kurdish positions near Kobani": Syria
            d.target, d.target_from_place = _from_place(d.place, d.target.sector if d.target
                                                        else None), True
        if d.code == _ARREST and d.actor is not None and d.actor.country and (
            d.target is None or (not d.target.country and d.target.kind != "person")
        ) and (d.place is None or d.place.country in (None, d.actor.country)):
            # "Moldovan police detained 12 people in Gagauzia": people of the country itself
            d.target = _from_place(d.actor, d.target.sector if d.target else "CVL")
        if d.is_force and d.target is not None and not d.target.country and (
            d.target.sector in ("REB", "UAF") and d.place is not None and d.actor is not None
            and d.actor.country and d.place.country == d.actor.country
        ):
            # "airstrikes on militant positions near Tessalit" by Mali's army: Mali's rebels
            d.target = _with_country(d.target, d.place.country)
        if d.is_force and d.actor is not None and d.actor.sector in ("REB", "UAF") and (
            d.actor.country and d.place is not None and d.place.country == d.actor.country
            and (d.target is None or not d.target.country)
        ):
            # "the Arakan Army attacked a police outpost near Sittwe": Myanmar's state
            d.target = _from_place(d.place, d.target.sector if d.target else None)
        if d.alleged and d.is_force and d.trigger.pos == "noun" and context.attacks and (
            d.trigger.first > 0 and d.sentence.tokens[d.trigger.first - 1].lower == "the"
        ):
            # "blamed the Arakan Army for the shelling": the shelling told before, on its target
            told = context.attacks[-1][1]
            if told is not None and told.country:
                d.target = told
        if d.code == EVACUATION and d.actor is not None and d.actor.sector == "CVL":
            d.actor = None  # "ordered residents to evacuate": the residents are evacuated
        if d.code == EVACUATION and d.target is not None:
            if d.place is None and d.target.kind in ("city", "region"):
                d.place = d.target  # "residents of Kramatorsk were evacuated"
            d.target = None  # the evacuated are civilians of the place, not a party
        if d.code == EVACUATION and d.place is None:
            # "The command evacuated two nearby streets": where the last sentence was
            d.place = context.recent_place(d.sentence.paragraph, d.sentence.id)
        if d.code in _DOMESTIC_CODES and d.place is not None and d.place.country and (
            d.actor is not None and d.actor.country is None
        ):
            d.actor = _with_country(d.actor, d.place.country)
        if d.code == EVACUATION and d.actor is None and d.place is not None and (
            d.place.country
        ):
            d.actor = _from_place(d.place, "GOV")  # "residents were evacuated": by the state
        threat = d.code.startswith("13")
        if threat and (d.target is None or not d.target.country) and d.actor is not None:
            # "would take all necessary measures if Taiwan did not halt the exercises"
            d.target = self._conditioned(d) or d.target
        if d.code == "015" and d.target is None and d.actor is not None and d.actor.country:
            # "claimed responsibility for Monday's attack": on whom it fell
            d.target = context.victim_of(d.actor.country)
        if not d.target_also and d.actor is not None and d.actor.country and (
            d.actor.sector not in ("REB", "UAF")  # a rebel's other side is its own state
        ) and (
            d.target is None and (d.is_force or threat or d.code[:3] in _CONFRONTATIONS)
            or threat and d.target is not None and not d.target.country
        ):
            # "Armenian troops returned fire": at the side Armenia last fought; "dismissed
            # the proposal": at whoever last proposed something to the rejecter
            other = (context.proposer_to(d.actor.country) if d.code == _REJECTION else None
                     ) or context.counterpart(d.actor.country)
            if other is not None:
                d.target, d.target_from_place = as_state(other), True

    def _conditioned(self, d: Draft) -> Participant | None:
        """The other party named in a threat's condition ("if Taiwan did not halt ...")."""
        toks = d.sentence.tokens
        own = d.actor.country if d.actor is not None else None
        for k in range(d.trigger.last, len(toks)):
            if toks[k].lower not in ("if", "unless"):
                continue
            for p in self.parts.get(d.sentence.id, []):
                if k < p.first <= k + 8 and p.can_act and p.country and p.country != own:
                    return _from_place(p) if p.kind in ("city", "region") else p
            return None
        return None

    def _mention_again(self, d: Draft) -> bool:
        """"the firing", "the attack" with nothing new (no actor, place or date): an attack
        the article already told, not another one."""
        t = d.trigger
        if t.pos != "noun" or not d.is_force or d.actor is not None or not self.context.attacks:
            return False
        if d.place is not None or d.date is not None or t.first == 0:
            return False
        return d.sentence.tokens[t.first - 1].lower in ("the", "this", "that", "these", "those")

    def _reactions(self, drafts: list[Draft]) -> None:
        """"condemned the U.S. strikes", "welcomed the strikes": a reaction to force the
        article already told is one event, aimed at whoever used that force."""
        for d in drafts:
            if d.trigger.pos != "verb" or d.frame != "act" or not (
                d.code in _REACTIONS or d.trigger.entry.lemma in _REPELLING
            ):
                continue
            ref = next((e for e in drafts if e.trigger.pos == "noun" and e.is_force
                        and 0 <= e.trigger.first - d.trigger.last <= _REFERENCE_GAP), None)
            if ref is None or not _only_modifiers(d, ref):
                continue
            ref.emit = False
            if d.target is not None and d.target.first < ref.trigger.first and (
                d.target is not ref.actor
            ):
                continue  # "condemned Israel for the strikes": named before the event noun
            if ref.actor is not None and ref.actor.country and not same_side(ref.actor, d.actor):
                d.target = ref.actor
            else:
                d.target = self.context.last_attacker(d.actor, ref.trigger.entry.lemma) or (
                    d.target)

    def _emits(self, d: Draft) -> bool:
        if d.frame in ("claim", "speech") or d.trigger.entry.lemma == "according to":
            return False
        if not self._plausible(d):
            return False
        if d.frame == "accuse":
            return d.actor is not None and (d.target is not None or bool(d.dependents))
        if d.alleged and d.is_force and d.actor is None:
            return False  # an attack alleged of no one
        if d.frame in ("deny", "threaten"):
            return d.actor is not None
        if d.code == EVACUATION and d.place is not None:
            return True
        if d.code in MEETINGS:  # talks need two sides, both political
            return d.actor is not None and d.target is not None and _political(d.actor) and (
                _political(d.target))
        return d.actor is not None or d.target is not None

    def _plausible(self, d: Draft) -> bool:
        """Political event data: some side must be a state, a political or armed body, or
        (for force) there must be a known place or a weapon; "Johnson and Corbyn attacked
        each other's policies" and "one shot on goal" are not events."""
        parties = [p for p in (d.actor, d.target, *d.actor_also, *d.target_also) if p]
        if d.code == EVACUATION:
            return True
        if any(p.country for p in parties):
            return True
        # Without any country, only armed violence where a weapon or a place is named.
        return d.is_force and any(p.sector in _ARMED for p in parties) and (
            d.place is not None or _armed_context(d)
        )

    def _statement(self, d: Draft) -> bool:
        a = d.actor
        return (
            a is not None and a.country is not None and (a.sector in _POLITICAL or a.kind in (
                "state", "city")) and not d.negated and d.trigger.entry.lemma != "according to"
        )  # a government, an army or a party speaks; a country's doctor or advertiser does not

    def _event_id(self, d: Draft) -> str:
        s = d.sentence
        first, last = s.tokens[d.trigger.first], s.tokens[d.trigger.last - 1]
        trigger_text = s.text[first.start - s.start:last.end - s.start]
        return event_id(self.article.article_id, d.code, s.text, str(first.start - s.start),
                        trigger_text, *(("mirror",) if d.mirror else ()))

    def _event(self, d: Draft, eid: str) -> Event:
        s = d.sentence
        t = d.trigger
        first, last = s.tokens[t.first], s.tokens[t.last - 1]
        trigger_text = s.text[first.start - s.start:last.end - s.start]
        code = lookup(d.code)
        in_quote = enclosing(self.spans, first.start) is not None
        event_date, precision = self._date(d)
        location = None
        if d.place is not None and d.place.place is not None:
            location = d.place.place.location_fields(d.place.text, inferred=d.place_inferred)
        return build(Event, {
            "event_id": eid,
            "article_id": self.article.article_id,
            "source_url": self.article.url,
            "published_at": self.article.published_at,
            "extracted_at": self.extracted_at,
            "event_date": event_date,
            "date_precision": precision,
            "actor": _actors([d.actor, *d.actor_also]),
            "target": _actors([d.target, *d.target_also]),
            "cameo_code": code.code,
            "cameo_root": code.root,
            "cameo_base": code.base,
            "plover": code.plover,
            "quad_class": code.quad_class,
            "goldstein": code.goldstein,
            "trigger": {"text": trigger_text, "start": first.start, "end": last.end},
            "modality": {
                "negated": d.negated,
                "hypothetical": d.hypothetical,
                "claim": "alleged" if d.alleged else "asserted",
                "claimed_by": d.claimed_by if d.alleged else None,
                "historical": d.historical,
            },
            "location": location,
            "evidence": {"sentence": s.text, "sentence_id": s.id, "start": s.start, "end": s.end,
                         "in_lead": s.in_lead, "in_quote": in_quote},
            "confidence": _confidence(d, location is not None, in_quote),
            "coder": CODER,
        })

    def _date(self, d: Draft) -> tuple[date, Precision]:
        chosen = d.date
        if chosen is None and d.governor is not None:
            chosen = d.governor.date
        if chosen is None and d.is_force and not d.hypothetical and (
            day := self._fighting_day(d)
        ) is not None:
            # "Indian troops retaliated" after "Pakistani troops fired ... on Tuesday": the
            # same fighting, on the day told first
            return day, "day"
        if chosen is None:
            return self.published, "publication_date"
        if chosen.story:
            # "before dawn", "hours later": the day the story was last on, if it was told
            return (self.context.day, "day") if self.context.day else (self.published, "day")
        trigger_start = d.sentence.tokens[d.trigger.first].start
        if d.hypothetical and chosen.future is not None and chosen.start > trigger_start:
            # "will meet on Friday"; not "threatened on Wednesday to strike"
            return chosen.future, chosen.precision
        return chosen.value, chosen.precision

    def _fighting_day(self, d: Draft) -> date | None:
        """The day the article first dated force between ``d``'s two countries, if any."""
        if d.actor is None or d.target is None or not d.actor.country or not d.target.country:
            return None
        return self.context.fighting_day(d.actor.country, d.target.country)


def _political(p: Participant) -> bool:
    return bool(p.country) or p.sector in _POLITICAL


def _armed_context(d: Draft) -> bool:
    """A weapon named in the sentence."""
    return any(t.lower in WEAPON_CODES for t in d.sentence.tokens)


def _actors(parts: Iterable[Participant | None]) -> list[dict[str, str | None]]:
    return [p.actor_fields() for p in parts if p is not None]


def _confidence(d: Draft, located: bool, in_quote: bool) -> float:
    score = d.trigger.entry.weight
    score += 0.1 if d.actor is not None else -0.1
    score += 0.05 if d.target is not None else 0.0
    score += 0.05 if located else 0.0
    score += 0.05 if d.date is not None else 0.0
    if d.inherited or (d.actor is not None and d.actor.kind == "pronoun"):
        score -= 0.1
    if d.target_from_place:
        score -= 0.05
    if in_quote:
        score -= 0.1
    if d.hypothetical or d.alleged:
        score -= 0.05
    return round(min(0.95, max(0.05, score)), 2)


def _only_modifiers(d: Draft, ref: Draft) -> bool:
    """Only determiners, possessors and adjectives between a reaction and its object."""
    toks = d.sentence.tokens[d.trigger.last:ref.trigger.first]
    return all(t.is_word or t.is_possessive_marker or t.text in ("’", "'", "-") for t in toks)


def _owned_by_pronoun(p: Participant, s: Sentence) -> bool:
    """"his forces", "its troops", "the army", with no country the coder could place: the
    speaker's own."""
    if p.kind != "group" or p.country is not None:
        return False
    if p.text.lower().startswith(("his ", "her ", "its ", "their ", "our ")):
        return True
    if p.sector in ("MIL", "COP") and not (p.first > 0 and s.tokens[p.first - 1].lower in (
        "a", "an"
    )):
        return True  # "border guards had been ordered to respond": the speaker's guards
    return p.head in _OWN_FORCES and p.first > 0 and s.tokens[p.first - 1].lower == "the"
