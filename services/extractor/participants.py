"""Who can take part in an event: named mentions, role-noun groups and pronouns.

A *participant* is a span of a sentence that can be an event's actor, its
target or its place:

- people, organisations, countries, capitals (a capital acting is its
  government: "Moscow accused ..." is Russia, GOV), cities and regions;
- groups named by a role noun with an optional country: "Russian forces"
  (Russia, MIL), "Ukrainian authorities" (Ukraine, GOV), "residents" (CVL),
  "Russia's defence ministry" (Russia, MIL), "its troops" (the antecedent's
  country, MIL), "the ministry" (the last ministry mentioned);
- a country word before a territory noun is a place: "Russian soil";
- a demonym before any other noun is a modifier: "Ukrainian shelling";
- pronouns, resolved to the nearest fitting antecedent ("he" to a person,
  "it"/"they" to an organisation or state); "we"/"our" are resolved later
  against the speaker of the quote they are in.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from newsflow.messages import Actor
from services.extractor.entities import Mention
from services.extractor.phrases import governing_preposition
from services.extractor.places import Place, gazetteer
from services.extractor.roles import PERSON_ROLES, ROLE_MODIFIERS, ROLE_NOUNS, TERRITORY_NOUNS
from services.extractor.sentences import Sentence
from services.extractor.tokens import Token
from services.extractor.wordlists import (
    ADVERBS,
    AUXILIARIES,
    FIRST_PERSON_PRONOUNS,
    MODALS,
    NEGATIONS,
    NONPERSONAL_PRONOUNS,
    PERSONAL_PRONOUNS,
    PLACE_NOUNS,
    PREPOSITIONS,
    SUBORDINATORS,
    WEEKDAYS,
)

_MULTI_ROLES: dict[str, list[tuple[str, ...]]] = {}
for _key in sorted((tuple(k.split()) for k in ROLE_NOUNS if " " in k), key=len, reverse=True):
    _MULTI_ROLES.setdefault(_key[0], []).append(_key)
_ROLE_STARTS = frozenset(ROLE_NOUNS) | frozenset(_MULTI_ROLES)
_SECTOR_RANK = {"MIL": 0, "SPY": 1, "COP": 2, "REB": 3, "UAF": 3, "LEG": 4, "JUD": 4, "GOV": 5}
_NOUN_SECTOR_WINS = frozenset({"CVL", "MED", "BUS", "REB", "UAF", "LEG", "JUD", "COP", "SPY"})
_FROM_NOUNS = frozenset({"representatives", "delegation", "delegations", "delegates",
                         "negotiators", "officials", "envoys", "diplomats"})
_ADJECTIVAL_ROLES = frozenset(
    {"military", "police", "government", "state", "army", "intelligence", "security",
     "opposition", "media", "navy", "party", "court", "office", "agency", "council", "border",
     "staff", "fleet", "side", "force", "air defence", "air defense", "artillery", "drone"}
)
_VERBISH = (AUXILIARIES | MODALS | ADVERBS | NEGATIONS | PREPOSITIONS | SUBORDINATORS
            | frozenset({"and", "or", "but", "said", "says", "say", "told", "tells"}))
_ACTING_TERRITORIES = frozenset({"region", "regions", "city", "cities", "town", "towns",
                                 "village", "villages"})
_PRONOUNS = PERSONAL_PRONOUNS | NONPERSONAL_PRONOUNS | FIRST_PERSON_PRONOUNS
_ROLE_STARTS_OR_PRONOUNS = _ROLE_STARTS | _PRONOUNS
_SPEECH_VERBS = frozenset({"said", "says", "told", "added", "warned", "announced", "stated",
                           "insisted", "declared", "vowed", "promised", "threatened"})
_SPEECH_BRIDGE = frozenset({"that", "on", "in", "a", "statement", "late", "early", ","})
WEEKDAY_NAMES = frozenset(d.capitalize() for d in WEEKDAYS)
#: Heads that, after "the", mean the armed group last named: "the group said".
_ARMED_HEADS = frozenset({"group", "movement", "rebels", "militia", "militants", "insurgents",
                          "fighters", "organisation", "organization", "jihadists"})
#: Role nouns that, as modifiers, name the owner: "junta troops", "regime forces".
_OWNER_ROLES = frozenset({"junta", "regime", "government", "army", "militia", "rebel", "rebels"})
#: Heads that, after "two" or "both", mean the two countries last named.
_DYAD_HEADS = frozenset({"neighbours", "neighbors", "countries", "nations", "sides", "states",
                         "governments", "rivals", "foes", "adversaries", "capitals", "armies"})
#: Endings of adjectives that may stand between a determiner and a role noun.
_ADJECTIVE_ENDINGS = ("ed", "ly", "al", "ic", "ive", "ous", "ary", "ian", "ese", "ist", "ible",
                      "able", "ful", "ent", "ant")
_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})
_DUMMY_IT_NEXT = frozenset({"'s", "’s", "seems", "seemed", "appears", "appeared", "remains",
                            "remained"})


@dataclass(slots=True, init=False)
class Participant:
    """A span that can act, be acted upon, or be a place.

    The constructor is written out so that mypyc compiles it (see
    :class:`~services.extractor.tokens.Token`); ``dataclasses.replace`` still works.
    """

    sentence: int
    first: int
    last: int
    start: int
    end: int
    text: str
    kind: str
    """person, org, state, city, region, group, people, territory, modifier, pronoun."""
    name: str | None
    country: str | None
    sector: str | None
    place: Place | None
    can_act: bool
    possessive: bool
    head: str
    """Role noun heading a group ("forces"), or the pronoun itself."""
    pronoun: str | None
    """An unresolved first-person pronoun ("we"), for the quote's speaker."""
    mention: Mention | None
    also_countries: list[str]
    """Further countries of a group: "Russian and Ukrainian delegations"."""

    def __init__(self, sentence: int, first: int, last: int, start: int, end: int, text: str,
                 kind: str, name: str | None = None, country: str | None = None,
                 sector: str | None = None, place: Place | None = None, can_act: bool = True,
                 possessive: bool = False, head: str = "", pronoun: str | None = None,
                 mention: Mention | None = None, also_countries: list[str] | None = None
                 ) -> None:
        self.sentence = sentence
        self.first = first
        self.last = last
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.name = name
        self.country = country
        self.sector = sector
        self.place = place
        self.can_act = can_act
        self.possessive = possessive
        self.head = head
        self.pronoun = pronoun
        self.mention = mention
        self.also_countries = also_countries if also_countries is not None else []

    def actor(self) -> Actor:
        """This participant as an event actor or target."""
        return Actor(**self.actor_fields())

    def actor_fields(self) -> dict[str, str | None]:
        """The fields of :meth:`actor`, for building an event in one pass."""
        return {"text": self.text, "name": self.name or self.text, "country": self.country,
                "sector": self.sector}


def _span(s: Sentence, first: int, last: int) -> tuple[int, int, str]:
    start, end = s.tokens[first].start, s.tokens[last - 1].end
    return start, end, s.text[start - s.start:end - s.start]


def _is_possessive(tokens: list[Token], last: int) -> bool:
    return last < len(tokens) and tokens[last].is_possessive_marker


def _from_mention(s: Sentence, m: Mention) -> Participant | None:
    kind = m.kind
    if kind == "OTHER":
        return None
    toks = s.tokens
    possessive = m.last < len(toks) and toks[m.last].is_possessive_marker
    if kind == "PERSON":
        return Participant(s.id, m.first, m.last, m.start, m.end, m.text, "person", m.name,
                           m.country, m.sector, possessive=possessive, mention=m)
    gaz = gazetteer()
    if kind == "ORG":
        name = gaz.country_name(m.country) if m.category == "metonym" else m.name
        return Participant(s.id, m.first, m.last, m.start, m.end, m.text, "org", name,
                           m.country, m.sector, possessive=possessive, mention=m)
    country_name = gaz.country_name(m.country)
    if kind == "GPE" and m.category == "country":
        return Participant(s.id, m.first, m.last, m.start, m.end, m.text, "state",
                           country_name, m.country, place=m.place, possessive=possessive,
                           mention=m)
    if kind in ("GPE", "LOC"):
        return Participant(s.id, m.first, m.last, m.start, m.end, m.text,
                           "city" if kind == "GPE" else "region", country_name, m.country,
                           "GOV" if m.place is not None and m.place.is_capital else None,
                           m.place, possessive=possessive, mention=m)
    if kind != "NORP":
        return None
    if m.category == "people":
        return Participant(s.id, m.first, m.last, m.start, m.end, m.text, "people",
                           country_name or m.name, m.country, possessive=possessive,
                           mention=m)
    nxt = toks[m.last].lower if m.last < len(toks) else ""
    after = toks[m.last + 1].lower if m.last + 1 < len(toks) else ""
    if nxt in TERRITORY_NOUNS and m.country is not None and after not in ROLE_NOUNS:
        start, end, text = _span(s, m.first, m.last + 1)
        return Participant(s.id, m.first, m.last + 1, start, end, text, "territory",
                           country_name, m.country, place=gaz.by_iso3.get(m.country),
                           can_act=nxt in _ACTING_TERRITORIES,  # "Six Russian regions raised"
                           possessive=_is_possessive(toks, m.last + 1), head=nxt, mention=m)
    return Participant(s.id, m.first, m.last, m.start, m.end, m.text, "modifier",
                       country_name or m.name, m.country, possessive=possessive, mention=m)


def _role_at(tokens: list[Token], i: int) -> int:
    """Length of the role noun starting at token ``i`` (0 when there is none)."""
    for words in _MULTI_ROLES.get(tokens[i].lower, ()):
        n = len(words)
        if tuple(t.lower for t in tokens[i:i + n]) == words:
            return n
    t = tokens[i]
    initial = i == 0 or (i == 1 and not tokens[0].is_word)
    return 1 if t.lower in ROLE_NOUNS and (not t.is_cap or initial) else 0


def _adjectival(tokens: list[Token], i: int, j: int) -> bool:
    """A role noun used as an adjective: "military objectives", "‘military’ factory"."""
    if j - i != 1 or tokens[i].lower not in _ADJECTIVAL_ROLES:
        return False
    k = j
    while k < len(tokens) and tokens[k].text in ("’", "'", "”", "\""):
        k += 1
    if k >= len(tokens):
        return False
    nxt = tokens[k]
    if not nxt.is_word or nxt.is_cap or nxt.lower in _VERBISH:
        return False
    return not (nxt.lower.endswith("ed") or nxt.lower in ROLE_NOUNS)


_first = attrgetter("first")


def _best_sector(noun_sector: str | None, modifier_sectors: list[str]) -> str | None:
    """"defence ministry" is MIL, "government forces" MIL, "police forces" COP, "local
    residents" CVL."""
    if noun_sector in _NOUN_SECTOR_WINS or not modifier_sectors:
        return noun_sector
    for specific in ("BUS", "MED", "EDU", "NGO", "CVL", "COP", "SPY"):
        if specific in modifier_sectors:
            return specific
    candidates = modifier_sectors + ([noun_sector] if noun_sector else [])
    return min(candidates, key=lambda x: _SECTOR_RANK.get(x, 9))


class ParticipantFinder:
    """Builds participants sentence by sentence, remembering antecedents."""

    def __init__(self) -> None:
        self.history: list[Participant] = []
        self._previous: list[Participant] = []

    def find(self, s: Sentence, mentions: list[Mention]) -> list[Participant]:
        """The participants of ``s``, in order; pronouns and "the ministry" are resolved."""
        toks = s.tokens
        consumed: set[int] = set()
        for m in mentions:
            if m.kind == "PERSON" and m.role_first is not None:
                consumed.update(range(m.role_first, m.first))
        by_first: dict[int, Participant] = {}
        for m in mentions:
            if m.first in consumed:
                continue
            p = _from_mention(s, m)
            if p is not None:
                if p.kind == "person" and p.country is None and m.role:
                    self._country_from_role(p, m)
                by_first[m.first] = p
        for p in by_first.values():
            consumed.update(range(p.first, p.last))
        # Role-noun groups, absorbing the country words before them. Only tokens that
        # start a role noun are visited; ``i`` is where the scan has got to.
        n_toks = len(toks)
        person_firsts = {m.first for m in mentions if m.kind == "PERSON"}
        # One pass over the tokens for the few that start a role noun or are pronouns.
        marked = [t for t in toks if t.lower in _ROLE_STARTS_OR_PRONOUNS]
        i = 0
        for start in [t.i for t in marked if t.lower in _ROLE_STARTS]:
            if start < i or start in consumed:
                continue
            i = start
            n = _role_at(toks, i)
            if n == 0:
                continue
            j = i + n
            # Take the last role noun of a compound ("army spokesman"): the head.
            while j < n_toks and j not in consumed and toks[j].lower in _ROLE_STARTS:
                n = _role_at(toks, j)
                if n == 0:
                    break
                j += n
            if j < n_toks and j in person_firsts:
                i = j  # a title before a name ("spokesman Dmitry Peskov")
                continue
            if _adjectival(toks, i, j):
                i = j  # "military targets", "police station"
                continue
            group = self._group(s, i, j, by_first)
            for k in range(group.first, group.last):
                by_first.pop(k, None)
            by_first[group.first] = group
            consumed.update(range(group.first, group.last))
            i = j
        # Pronouns. Participants are keyed by their first token, so sorting the keys
        # orders them.
        pronouns = [t for t in marked if t.lower in _PRONOUNS]
        if pronouns:
            ordered = [by_first[k] for k in sorted(by_first)]
            covered = {k for p in ordered for k in range(p.first, p.last)}
            for t in pronouns:
                if t.i in covered:
                    continue
                pro = self._pronoun(s, t, ordered)
                if pro is not None:
                    by_first[t.i] = pro
                    ordered = [by_first[k] for k in sorted(by_first)]
        result = [by_first[k] for k in sorted(by_first)]
        self.history.extend(result)
        self._previous = result
        return result

    def _group(self, s: Sentence, i: int, j: int, by_first: dict[int, Participant]) -> Participant:
        toks = s.tokens
        last_word = toks[j - 1].lower
        head_words = last_word if j - i == 1 else " ".join(t.lower for t in toks[i:j])
        head = last_word if head_words not in ROLE_NOUNS else head_words
        noun_sector = ROLE_NOUNS.get(head_words, ROLE_NOUNS.get(last_word))
        modifier_sectors = [x for t in toks[i:j - 1] if (x := ROLE_NOUNS.get(t.lower) or "")
                            ] if j - i > 1 else []
        # The participant ending at each token (the first in order when several do).
        by_last: dict[int, Participant] = {}
        for p in by_first.values():
            if p.last > p.first and p.last not in by_last:
                by_last[p.last] = p
        countries: list[Participant] = []
        pronoun_owner: str | None = None
        definite = False
        dyad: tuple[str, str] | None = None
        first = i
        k = i - 1
        while k >= 0:
            t = toks[k]
            owner = by_last.get(k + 1)
            if owner is not None and owner.kind in ("state", "city", "region", "org", "modifier",
                                                    "people", "person"):
                countries.append(owner)
                first = owner.first
                k = owner.first - 1
                continue
            if t.is_possessive_marker and k >= 2 and toks[k - 1].lower in PLACE_NOUNS and (
                toks[k - 2].lower == "the"
            ):
                # "the region's governor": the last region, city or country mentioned
                place = self._last_place(toks[k - 1].lower)
                if place is not None:
                    countries.append(place)
                first = k - 2
                break
            if t.is_possessive_marker:
                k -= 1
                continue
            if t.is_cap and t.is_word and any(ch.isdigit() for ch in t.text):
                k -= 1  # a model name: "Ukrainian Mi-8 helicopter"
                continue
            if t.lower == "and" and countries:
                k -= 1
                continue
            if t.lower in ROLE_MODIFIERS and not t.is_cap or (t.lower in ROLE_MODIFIERS
                                                               and k == first - 1):
                sector = ROLE_MODIFIERS[t.lower]
                if sector:
                    modifier_sectors.append(sector)
                first = k
                k -= 1
                continue
            if _adjective_like(t) and _adjectives_after_determiner(toks, k):
                first = k  # "Yemen's internationally recognised government"
                k -= 1
                continue
            if t.lower in ("its", "their", "our", "his", "her"):
                pronoun_owner = t.lower
                first = k
            elif t.lower == "the" and not countries:
                definite = True
            elif t.lower in ("two", "both") and head in _DYAD_HEADS and not countries:
                dyad = self._last_two_countries()
            break
        # "representatives from Russia and Ukraine", "authorities in another region, Belgorod"
        if not countries and j + 1 < len(toks) and (
            toks[j].lower in ("in", "of") or (toks[j].lower == "from" and head in _FROM_NOUNS)
            or (toks[j].lower == "for" and head in PERSON_ROLES)
        ):
            owner = next((p for p in sorted(by_first.values(), key=lambda p: p.first)
                          if j < p.first <= j + 6 and p.country), None)
            if owner is not None and (toks[j].lower in ("from", "for") or owner.kind in (
                "state", "city", "region"
            ) or owner.kind == "org" and owner.sector in ("REB", "UAF", "MIL", "GOV")):
                # "fighters of the Balochistan Liberation Army"
                countries.append(owner)  # "a spokesman for U.S. Forces Korea"
        start, end = toks[first].start, toks[j - 1].end
        group = Participant(s.id, first, j, start, end, s.text[start - s.start:end - s.start],
                            "group", sector=_best_sector(noun_sector, modifier_sectors),
                            head=head, possessive=j < len(toks) and toks[j].is_possessive_marker)
        owner_p = None
        if countries:
            if len(countries) > 1:
                countries.sort(key=_first)
            owner_p = next((c for c in countries if c.country), None)
        if owner_p is not None:
            group.country = owner_p.country
            if owner_p.kind == "org" and owner_p.sector in ("REB", "UAF"):
                group.sector = owner_p.sector  # "RSF drones", "Houthi rebels"
                group.name = owner_p.name
            elif owner_p.kind == "org" and owner_p.mention is not None and (
                owner_p.mention.category != "metonym"
            ):
                group.sector = group.sector or owner_p.sector
            group.also_countries = [c.country for c in countries[1:]
                                    if c.country and c.country != group.country]
        elif pronoun_owner is not None:
            current = sorted((p for p in by_first.values() if p.last <= first),
                             key=lambda p: p.first)
            antecedent = self._antecedent(pronoun_owner, current)
            if antecedent is not None:
                group.country = antecedent.country
            elif pronoun_owner == "our":
                group.pronoun = "we"
        elif definite:
            antecedent = self._same_head(head)
            if antecedent is None and head in _ARMED_HEADS:
                # "the group", "the rebels": the armed group last named
                antecedent = self._last_armed(list(by_first.values()))
            if antecedent is not None:
                group.country = antecedent.country
                group.sector = antecedent.sector or group.sector
                if antecedent.sector in ("REB", "UAF"):
                    group.name = antecedent.name
        elif j - i > 1 and (owner_role := self._role_owner(toks[i:j - 1])) is not None:
            group.country = owner_role.country  # "junta troops": the junta's troops
        elif dyad is not None:
            # "the two neighbours", "both countries": the two countries last named
            group.country, group.also_countries = dyad[0], [dyad[1]]
        group.name = group.name or gazetteer().country_name(group.country) or head
        return group

    def _country_from_role(self, p: Participant, m: Mention) -> None:
        """"ministry spokesman Eitan Barak": the ministry last mentioned is his employer."""
        for word in reversed((m.role or "").lower().split()):
            if word in ROLE_NOUNS and ROLE_NOUNS[word] in ("GOV", "MIL", "COP", "SPY", "LEG"):
                antecedent = self._same_head(word)
                if antecedent is not None and antecedent.country:
                    p.country = m.country = antecedent.country
                    return

    def _speaker(self, s: Sentence, t: Token, before: list[Participant]) -> Participant | None:
        """"Qatar, which has mediated between Kinshasa and the rebels, said it would host
        talks": after a speech verb, "it" or "he" is the sentence's subject."""
        toks = s.tokens
        k = t.i - 1
        while k >= 0 and t.i - k <= 4 and toks[k].lower not in _SPEECH_VERBS:
            if toks[k].lower not in _SPEECH_BRIDGE and toks[k].text not in WEEKDAY_NAMES:
                return None
            k -= 1
        if k < 0 or toks[k].lower not in _SPEECH_VERBS:
            return None
        personal = t.lower in PERSONAL_PRONOUNS
        subject = next((p for p in before if p.last <= k and p.can_act and p.kind not in (
            "pronoun", "modifier", "territory") and governing_preposition(toks, p.first) is None),
            None)
        if subject is None or (subject.kind == "person") != personal and not (
            personal and subject.kind == "group" and subject.head in PERSON_ROLES
        ):
            return None
        return subject

    def _role_owner(self, modifiers: list[Token]) -> Participant | None:
        for t in modifiers:
            if t.lower in _OWNER_ROLES:
                antecedent = self._same_head(t.lower)
                if antecedent is not None and antecedent.country:
                    return antecedent
        return None

    def _last_armed(self, current: list[Participant]) -> Participant | None:
        for p in sorted(current, key=lambda p: -p.first) + list(reversed(self.history)):
            if p.sector in ("REB", "UAF") and p.kind in ("org", "group") and p.country:
                return p
        return None

    def _last_two_countries(self) -> tuple[str, str] | None:
        found: list[str] = []
        for p in reversed(self.history):
            if p.country and p.kind in ("state", "city", "group", "org", "people", "modifier",
                                        "person") and p.country not in found:
                found.append(p.country)
                if len(found) == 2:
                    return found[1], found[0]
        return None

    def _last_place(self, noun: str) -> Participant | None:
        kinds = {"region": ("region", "city"), "city": ("city",), "town": ("city",),
                 "country": ("state",)}.get(noun, ("region", "city", "state"))
        for p in reversed(self.history):
            if p.kind in kinds and p.country:
                return p
        return None

    def _same_head(self, head: str) -> Participant | None:
        """The last participant with the same head ("the ministry" -> "defence ministry")."""
        for p in reversed(self.history):
            if p.country is None:
                continue
            if p.kind == "group" and (p.head == head or p.head.endswith(" " + head)):
                return p
            if p.kind == "org" and head.capitalize() in (p.name or "").split():
                return p
        return None

    def _antecedent(self, pronoun: str, current: list[Participant]) -> Participant | None:
        """The nearest fitting antecedent: earlier in the sentence, then before it."""
        personal = pronoun in PERSONAL_PRONOUNS

        def fits(p: Participant) -> bool:
            if not p.can_act or p.kind in ("pronoun", "modifier", "territory"):
                return False
            if personal:  # "he": a person, or a group named by a one-person role
                return p.kind == "person" or (p.kind == "group" and p.head in PERSON_ROLES)
            return p.kind != "person"

        for p in reversed(current):
            if fits(p):
                return p
        if personal:
            for p in reversed(self.history):
                if fits(p):
                    return p
            return None
        for p in self._previous:
            if fits(p):
                return p
        return None

    def _pronoun(self, s: Sentence, t: Token, ordered: list[Participant]) -> Participant | None:
        lower = t.lower
        if lower not in PERSONAL_PRONOUNS | NONPERSONAL_PRONOUNS | FIRST_PERSON_PRONOUNS:
            return None
        nxt = s.tokens[t.i + 1].lower if t.i + 1 < len(s.tokens) else ""
        if lower == "it" and nxt in _DUMMY_IT_NEXT:
            return None
        base = Participant(sentence=s.id, first=t.i, last=t.i + 1, start=t.start, end=t.end,
                           text=t.text, kind="pronoun", head=lower,
                           possessive=lower in ("its", "their", "his", "her", "our"))
        if lower in FIRST_PERSON_PRONOUNS:
            base.pronoun = "we"
            return base
        before = [p for p in ordered if p.last <= t.i]
        antecedent = self._speaker(s, t, before) or self._antecedent(lower, before)
        if antecedent is None:
            return None
        base.name = antecedent.name
        base.country = antecedent.country
        base.sector = antecedent.sector
        base.mention = antecedent.mention
        return base


def _adjectives_after_determiner(toks: list[Token], k: int) -> bool:
    """Token ``k`` is one of up to three adjectives that follow a determiner or a possessor:
    "the Iran-aligned group", "Yemen's internationally recognised government"; not
    "Russian forces attacked soldiers"."""
    j = k
    while j >= 0 and k - j < 3 and _adjective_like(toks[j]):
        j -= 1
    if j == k or j < 0:
        return False
    before = toks[j]
    return before.lower in _OPENERS or before.is_possessive_marker


def _adjective_like(t: Token) -> bool:
    if not t.is_word:
        return False
    if "-" in t.text:
        return True  # "Iran-aligned", "long-range"
    return not t.is_cap and t.lower.endswith(_ADJECTIVE_ENDINGS) and t.lower not in _VERBISH
