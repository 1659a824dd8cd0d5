"""An event being coded (:class:`Draft`), small helpers about its parties and dates, and how
drafts of one sentence merge (one attack told twice) or split (an exchange of fire)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from services.extractor.cameo import FORCE, QUAD, RELEASE
from services.extractor.dates import DateMention
from services.extractor.lexicon import MUTUAL
from services.extractor.participants import Participant
from services.extractor.places import gazetteer
from services.extractor.sentences import Sentence
from services.extractor.triggers import Trigger


@dataclass(slots=True, init=False)
class Draft:
    """An event being coded."""

    sentence: Sentence
    trigger: Trigger
    code: str
    frame: str
    actor: Participant | None
    target: Participant | None
    actor_also: list[Participant]
    target_also: list[Participant]
    place: Participant | None
    place_inferred: bool
    """The place is not named in the event's clause but taken from its context."""
    scope: tuple[int, int] | None
    governor: Draft | None
    dependents: list[Draft]
    direct: list[Draft]
    """The dependents that are the governor's complement proper ("threatened to strike"),
    not adjuncts ("... in response to attacks")."""
    anchor: int | None
    negated: bool
    hypothetical: bool
    alleged: bool
    claimed_by: str | None
    historical: bool
    inherited: bool
    target_from_place: bool
    date: DateMention | None
    emit: bool
    speaker: Participant | None
    """For an event inside a direct quote: who said it."""
    trailing: bool
    """A report attributed at its end ("..., the governor said"): news, not a claim."""
    in_condition: bool
    """The trigger sits in an if/unless clause ("if these attacks continue")."""
    mirror: bool
    """The other side's half of a mutual event ("exchanged fire")."""
    between: bool
    """Force told as between two sides ("gunfire between Kyrgyz and Tajik guards"): mutual
    whatever the trigger word."""

    def __init__(self, sentence: Sentence, trigger: Trigger, code: str, frame: str,
                 actor: Participant | None = None, target: Participant | None = None,
                 actor_also: list[Participant] | None = None,
                 target_also: list[Participant] | None = None, place: Participant | None = None,
                 place_inferred: bool = False, scope: tuple[int, int] | None = None,
                 governor: Draft | None = None, dependents: list[Draft] | None = None,
                 direct: list[Draft] | None = None, anchor: int | None = None,
                 negated: bool = False, hypothetical: bool = False, alleged: bool = False,
                 claimed_by: str | None = None, historical: bool = False,
                 inherited: bool = False, target_from_place: bool = False,
                 date: DateMention | None = None, emit: bool = True,
                 speaker: Participant | None = None, trailing: bool = False,
                 in_condition: bool = False, mirror: bool = False,
                 between: bool = False) -> None:
        """Written out so that mypyc compiles it (see ``tokens.Token``)."""
        self.sentence = sentence
        self.trigger = trigger
        self.code = code
        self.frame = frame
        self.actor = actor
        self.target = target
        self.actor_also = actor_also if actor_also is not None else []
        self.target_also = target_also if target_also is not None else []
        self.place = place
        self.place_inferred = place_inferred
        self.scope = scope
        self.governor = governor
        self.dependents = dependents if dependents is not None else []
        self.direct = direct if direct is not None else []
        self.anchor = anchor
        self.negated = negated
        self.hypothetical = hypothetical
        self.alleged = alleged
        self.claimed_by = claimed_by
        self.historical = historical
        self.inherited = inherited
        self.target_from_place = target_from_place
        self.date = date
        self.emit = emit
        self.speaker = speaker
        self.trailing = trailing
        self.in_condition = in_condition
        self.mirror = mirror
        self.between = between

    @property
    def threatened_act(self) -> bool:
        """Whether this can be what a threat threatens: a verb ("will strike") or a noun a
        verb takes ("intensify attacks"), not the condition ("if the attacks continue")."""
        return not self.in_condition and (self.trigger.pos == "verb" or self.anchor is not None)

    @property
    def mutual(self) -> bool:
        """Force both sides use: an exchange of fire, a clash, or force "between X and Y"."""
        return self.between or self.trigger.entry.lemma in MUTUAL

    @property
    def is_force(self) -> bool:
        """Violence or military force (roots 18-20)."""
        return self.code in FORCE

    @property
    def quad(self) -> int:
        """The code's quad class."""
        return QUAD[self.code]


def actor_name(p: Participant | None) -> str | None:
    """How an actor is named (a claim's ``claimed_by``)."""
    if p is None:
        return None
    return p.name or p.text


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})


def same_side(a: Participant | None, b: Participant | None) -> bool:
    """Same country, and not a rebel group against its state ("RSF" vs "Sudan's army")."""
    if a is None or b is None:
        return False
    if a.country and b.country:
        if a.country != b.country:
            return False
        sides = {x.sector in _STATE_SECTORS for x in (a, b) if x.sector}
        rebels = {x.sector for x in (a, b)} & {"REB", "UAF", "OPP"}
        return not (rebels and len(sides) > 1)
    return (a.name or a.text) == (b.name or b.text)


def latest_day(d: DateMention) -> date:
    """The last day a date expression may mean (a month's last day at month precision)."""
    if d.precision != "month" or d.value.day != 1:
        return d.value
    following = (d.value.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def since_between(s: Sentence, position: int, d: DateMention) -> bool:
    """A date after "since" dates the start of a period, not an event before it."""
    a, b = (position, d.start) if d.start >= position else (d.end, position)
    between = s.text[a - s.start:b - s.start].lower()
    return " since " in f" {between} " or between.rstrip().endswith("since")


def other_side(p: Participant, country: str) -> Participant:
    """The same group, for its other country: "Russian and Ukrainian delegations"."""
    other = replace(p, country=country, also_countries=[])
    other.name = gazetteer().country_name(country) or p.name
    return other


def resolve_we(p: Participant | None, speaker: Participant | None) -> Participant | None:
    """"we"/"our forces" inside a quote stand for the speaker's side."""
    if p is None or p.pronoun != "we" or speaker is None:
        return p
    resolved = Participant(
        sentence=p.sentence, first=p.first, last=p.last, start=p.start, end=p.end, text=p.text,
        kind=p.kind, country=speaker.country, sector=p.sector if p.kind == "group"
        else speaker.sector, head=p.head,
    )
    resolved.name = gazetteer().country_name(speaker.country) or speaker.name
    return resolved


def merge_twins(drafts: list[Draft]) -> list[Draft]:
    """One use of force told twice in a sentence is one event: "accused Thai forces of firing
    first, saying Thai artillery had shelled Cambodian positions"; "struck a plant near
    Isfahan, the first Israeli attack on Iranian territory". The most specific code stays."""
    kept: list[Draft] = []
    for d in drafts:
        twin = next((k for k in kept if _twins(k, d)), None)
        if twin is None:
            kept.append(d)
            continue
        if twin.code == "190" and d.code != "190":
            twin.code = d.code
        twin.place = twin.place or d.place
        twin.date = twin.date or d.date
    return kept


def _twins(a: Draft, b: Draft) -> bool:
    if not (a.is_force and b.is_force) or a.actor is None or b.actor is None:
        return False
    if (a.alleged, a.hypothetical, a.negated) != (b.alleged, b.hypothetical, b.negated):
        return False
    if not a.actor.country or a.actor.country != b.actor.country:
        return False
    ta = a.target.country if a.target is not None else None
    tb = b.target.country if b.target is not None else None
    if ta != tb:
        return False
    return a.place is None or b.place is None or a.place.text == b.place.text or any(
        x.kind in ("state", "territory") for x in (a.place, b.place))  # "Iranian territory"


def mirror(d: Draft) -> Draft | None:
    """The other side's event of a mutual use of force, as its own directed event; and of a
    release of prisoners by two countries ("Russia and Ukraine freed 150 prisoners each"):
    each freed the other's."""
    if d.target is not None or d.actor is None or not (
        (d.is_force and d.mutual) or d.code == RELEASE
    ):
        return None
    other = next((p for p in d.actor_also if p.country and p.country != d.actor.country), None)
    if other is None:
        return None
    first = d.actor
    d.actor, d.actor_also, d.target = first, [], other
    return replace(d, actor=other, target=first, actor_also=[], mirror=True)
