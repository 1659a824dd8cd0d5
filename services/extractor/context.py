"""What an article has told so far: the memory that fills in what a sentence leaves implicit.

A sentence rarely names everything a coder needs. Readers fill the gaps from what
came before, and so does the coder, with a few narrow rules:

- the other side: "Armenian troops returned fire" answers the side that last fought
  Armenia in the article (the *counterpart* of a conflict dyad);
- the attacker: "condemned the attack" targets whoever last used force (not the
  condemner itself);
- the accuser: a denial answers whoever last accused the denier's country, else the
  side hit by the denier's country's last attack;
- the place: "The command evacuated two nearby streets" happened where the previous
  sentence of the same paragraph put its events. More generally, an event whose clause
  names no place happened at a place its sentence names elsewhere, else where the article
  last put events of the same parties ("Armenian troops returned fire" after shots near
  a border village): readers place it there, and so do GDELT's coders. A place of some
  other country is not carried over: "Kenya offered to host talks in Nairobi" does not
  put the next sentence's Ethiopian evacuation in Kenya.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from services.extractor.cameo import EVACUATION
from services.extractor.drafts import Draft, same_side
from services.extractor.participants import Participant
from services.extractor.places import gazetteer

#: Events that happen at home: evacuations, alerts, mobilisations, border closures.
DOMESTIC_CODES = frozenset({EVACUATION, "151", "152", "154", "173"})

#: Roots of what a rejection answers: appeals (02) and offers or intents (03).
_PROPOSING = frozenset({"02", "03"})

#: How many sentences back a place may be carried forward (within one paragraph).
_PLACE_SENTENCES = 2


def as_state(country: str, sector: str | None = None) -> Participant:
    """A country as an event party, with no mention in the text."""
    name = gazetteer().country_name(country) or country
    return Participant(sentence=0, first=0, last=0, start=0, end=0, text=name, kind="state",
                       name=name, country=country, sector=sector)


def situate(drafts: list[Draft]) -> None:
    """Give a place the gazetteer lacks, and its sentence did not situate, the country of
    its event: an evacuation or a mobilisation happens at home (the actor's country), an
    attack where it lands (the target's); the other events of the sentence at that place
    (the accusation of that attack) follow."""
    found: dict[str, Participant] = {}
    for d in drafts:
        if d.place is None or d.place.place is None or d.place.place.country is not None:
            continue
        side = d.actor if d.code in DOMESTIC_CODES else d.target if d.quad == 4 else None
        if side is not None and side.country:
            d.place = replace(d.place, place=replace(d.place.place, country=side.country))
            found.setdefault(d.place.text, d.place)
    for d in drafts:
        if d.place is not None and d.place.place is not None and (
            d.place.place.country is None and d.place.text in found
        ):
            d.place = found[d.place.text]


def place_as_state(p: Participant, sector: str | None = None) -> Participant:
    """The country of a place, as an actor: "shelled Kharkiv" targets Ukraine."""
    return replace(p, kind="state", name=gazetteer().country_name(p.country), sector=sector,
                   can_act=True, possessive=False, mention=None, pronoun=None)


@dataclass(slots=True)
class ArticleContext:
    """Events coded so far in one article, in document order."""

    accusations: list[tuple[Participant, str]] = field(default_factory=list)
    """(accuser, accused country)."""
    attacks: list[tuple[Participant, Participant | None]] = field(default_factory=list)
    """(actor, target) of the force events; every actor has a country."""
    attack_words: list[str] = field(default_factory=list)
    """The trigger lemma of each attack ("strike"), to find what "the strikes" refers to."""
    conflicts: list[tuple[str, str]] = field(default_factory=list)
    """(actor country, target country) of conflictual events between two countries."""
    proposals: list[tuple[str, str]] = field(default_factory=list)
    """(actor country, target country) of appeals, offers and intents (roots 02, 03): what a
    later "rejected the proposal" answers."""
    places: list[tuple[int, int, Participant]] = field(default_factory=list)
    """(paragraph, sentence id, place) of the events with a place."""
    force_days: list[tuple[frozenset[str], date]] = field(default_factory=list)
    """(the two countries, day) of the force events dated to a day: what a later, undated
    sentence about the same fighting ("Indian troops retaliated") is on."""
    day: date | None = None
    """The last day an event was dated to: what "before dawn" or "hours later" is on."""

    def record(self, d: Draft) -> None:
        """Remember an emitted event."""
        actor = d.actor.country if d.actor is not None else None
        target = d.target.country if d.target is not None else None
        if d.is_force and actor and not (d.negated or d.hypothetical):
            self.attacks.append((d.actor, d.target))  # type: ignore[arg-type]
            self.attack_words.append(d.trigger.entry.lemma)
        if actor and target and actor != target and d.quad >= 3 and not d.negated:
            self.conflicts.append((actor, target))
        if actor and target and actor != target and d.code[:2] in _PROPOSING and not (
            d.negated
        ):
            self.proposals.append((actor, target))
        if d.place is not None and d.place.place is not None:
            self.places.append((d.sentence.paragraph, d.sentence.id, d.place))

    def record_day(self, d: Draft, day: date) -> None:
        """Remember the day an emitted event was dated to (and, for force between two
        countries, that their fighting was on that day)."""
        self.day = day
        actor = d.actor.country if d.actor is not None else None
        target = d.target.country if d.target is not None else None
        if d.is_force and actor and target and actor != target:
            self.force_days.append((frozenset({actor, target}), day))

    def fighting_day(self, actor: str, target: str) -> date | None:
        """The day of the last dated force between these two countries, either way round."""
        pair = frozenset({actor, target})
        return next((day for sides, day in reversed(self.force_days) if sides == pair), None)

    def proposer_to(self, country: str) -> str | None:
        """Who last appealed to ``country`` or offered it something: "dismissed the proposal"
        after "Kyiv was ready to swap all for all" rejects Ukraine."""
        return next((a for a, b in reversed(self.proposals) if b == country), None)

    def counterpart(self, country: str) -> str | None:
        """The country that ``country`` last confronted, either way round."""
        for a, b in reversed(self.conflicts):
            if a == country:
                return b
            if b == country:
                return a
        return None

    def last_attacker(self, excluding: Participant | None, word: str = "") -> Participant | None:
        """Who last used force, not on ``excluding``'s side (a rebel group and its state are
        two sides); an attack told with the same word first ("the strikes" after "struck")."""
        others = [(a, w) for (a, _), w in zip(self.attacks, self.attack_words, strict=True)
                  if not same_side(a, excluding)]
        same_word = [a for a, w in others if w == word]
        if same_word:
            return same_word[-1]
        return others[-1][0] if others else None

    def accuser_of(self, country: str) -> Participant | None:
        """Who last accused ``country``."""
        return next((a for a, c in reversed(self.accusations) if c == country), None)

    def victim_of(self, country: str) -> Participant | None:
        """The side hit by ``country``'s last attack on another country."""
        return next((t for a, t in reversed(self.attacks)
                     if a.country == country and t is not None and t.country != country), None)

    def place_for(self, d: Draft, parts: list[Participant]) -> Participant | None:
        """Where an event whose clause names no place happened, or ``None``: a place named
        elsewhere in its sentence, nearest the trigger, else the last place of an earlier
        event; either only in a country of one of its parties."""
        countries = {p.country for p in (d.actor, d.target, *d.actor_also, *d.target_also)
                     if p is not None and p.country}

        def fits(p: Participant) -> bool:
            return p.place is not None and p.place.country is not None and (
                not countries or p.place.country in countries)

        named = [p for p in parts if p.kind in ("city", "region") and p.place is not None and (
            fits(p) or p.place.country is None)]  # a village the gazetteer lacks: situated next
        if named:
            return min(named, key=lambda p: abs(p.first - d.trigger.first))
        return next((p for _, _, p in reversed(self.places) if fits(p)), None)

    def recent_place(self, paragraph: int, sentence: int) -> Participant | None:
        """The place of the last event a sentence or two before, in the same paragraph."""
        for par, sid, place in reversed(self.places):
            if par == paragraph and 0 < sentence - sid <= _PLACE_SENTENCES:
                return place
            if par != paragraph or sid < sentence - _PLACE_SENTENCES:
                return None
        return None
