"""Named-entity mentions by rules: capitalised runs, known names, the gazetteer, titles.

Each capitalised run (see :mod:`services.extractor.runs`) is cut into pieces:
known names (countries, demonyms, metonyms such as "Kremlin", international and
news organisations, titles), organisation names, places from the gazetteer, and
person names (after a title or a role word, or two to four capitalised words;
see :mod:`services.extractor.persons`). A second pass
resolves single capitalised words against the surnames of the article's people
("Peskov" -> Dmitry Peskov, who inherits his country and sector).

A name the gazetteer lacks is still a place where the text says so ("the border
village of Sotk"): conflict news is full of villages that no gazetteer of towns holds.
It keeps the name and takes the country the sentence gives it ("the South Korean
island of X", "X, south of Kobani", "Algerian airspace near the town of X"), or none.

Headlines in title case yield only names the coder knows, since every word in
them is capitalised.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from newsflow.messages import Entity
from services.extractor.messages import build_entities
from services.extractor.names import match_known
from services.extractor.persons import all_name_like, appositive, role_before, role_word_before
from services.extractor.places import Place, gazetteer
from services.extractor.roles import REGION_WORDS, ROLE_NOUNS, TERRITORY_NOUNS
from services.extractor.runs import (
    Piece,
    cut,
    normalise_org,
    org_sector,
    sentence_initial,
)
from services.extractor.sentences import Sentence
from services.extractor.tokens import Token

EntityKind = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "OTHER"]

_SPEECH_WORDS = frozenset(
    {"said", "says", "told", "added", "wrote", "alleged", "claimed", "stated", "warned",
     "insisted", "explained", "noted", "stressed", "continued", "asked", "announced", "tells"}
)
_SENTENCE_INITIAL_MIN_POPULATION = 100_000
#: A city in a country the article does not mention needs at least this population.
_FOREIGN_CITY_MIN_POPULATION = 100_000


@dataclass(slots=True)
class Mention:
    """A named mention in one sentence."""

    sentence: int
    first: int
    last: int
    """Token span within the sentence, ``last`` exclusive."""
    start: int
    end: int
    text: str
    kind: EntityKind
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    place: Place | None = None
    category: str = ""
    """How it was recognised: country, demonym, people, metonym, igo, media, region, org,
    city, person, other."""
    role_first: int | None = None
    """For a person: index of the first token of the title or role before the name."""


@dataclass(slots=True)
class EntityTable:
    """Every mention in the article, and the people found so far by surname."""

    mentions: dict[int, list[Mention]] = field(default_factory=dict)
    """Mentions by sentence id, in order."""

    def all(self) -> list[Mention]:
        """All mentions in document order."""
        return [m for sid in sorted(self.mentions) for m in self.mentions[sid]]




class _Builder:
    """Classifies pieces into mentions for one article (two passes)."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.prefer: set[str] = set()
        self.placed: list[Place] = []
        """Places resolved so far, to prefer their neighbours among look-alikes."""
        self.surnames: dict[str, Mention] = {}
        self.named_places: dict[str, Place] = {}
        """Places the gazetteer lacks that the article named as places, by name."""
        self._capitalised_inside: set[str] | None = None

    @property
    def capitalised_inside(self) -> set[str]:
        """Words the article capitalises somewhere other than at the start of a sentence.
        Worked out when first asked: only a sentence-initial word that may be a place
        needs it."""
        if self._capitalised_inside is None:
            self._capitalised_inside = {t.text for s in self.sentences for t in s.tokens
                                        if t.is_cap and t.is_word
                                        and not sentence_initial(s.tokens, t.i)}
        return self._capitalised_inside

    def build(self) -> EntityTable:
        table = EntityTable()
        pending: list[tuple[Sentence, list[Piece], bool]] = []
        for s in self.sentences:
            title_case = s.title_case
            pieces = self._join_possessive_places(
                s, cut(s.tokens, [t.text for t in s.tokens], self._is_city))
            for p in pieces:
                if p.known is not None and p.known.country:
                    self.prefer.add(p.known.country)
            pending.append((s, pieces, title_case))
        # Pass 1: everything but single unknown words; collects the people.
        firsts: dict[int, list[Mention | Piece]] = {}
        for s, pieces, title_case in pending:
            out: list[Mention | Piece] = []
            for idx, p in enumerate(pieces):
                prev = pieces[idx - 1] if idx and pieces[idx - 1].last == p.first else None
                mention = self._classify(s, p, prev, title_case)
                out.append(mention if mention is not None else p)
            firsts[s.id] = out
        # Pass 2: single words by surname, speech verbs, or as "other".
        for s, _pieces, title_case in pending:
            mentions: list[Mention] = []
            for item in firsts[s.id]:
                if isinstance(item, Mention):
                    mentions.append(item)
                elif item.kind == "unknown" and item.last - item.first == 1:
                    m = self._resolve_single(s, item, title_case)
                    if m is not None:
                        mentions.append(m)
                elif item.kind == "unknown" and not title_case:
                    words = s.tokens[item.first:item.last]
                    text = s.text[words[0].start - s.start:words[-1].end - s.start]
                    mentions.append(self._mention(s, item, "OTHER", text, category="other"))
            _attach_possessors(s, mentions)
            self._situate(s, mentions)
            table.mentions[s.id] = mentions
        return table

    def _join_possessive_places(self, s: Sentence, pieces: list[Piece]) -> list[Piece]:
        """"Cox's Bazar", "King's Lynn": a city whose name holds a possessive is one piece
        (the tokenizer splits off the "'s", so the runs around it come apart)."""
        toks = s.tokens
        out: list[Piece] = []
        for p in pieces:
            prev = out[-1] if out else None
            if prev is not None and p.first == prev.last + 1 and (
                toks[prev.last].is_possessive_marker
            ) and self._is_city(_joined(toks[prev.first:p.last])):
                out[-1] = Piece(prev.first, p.last, "unknown")
                continue
            out.append(p)
        return out

    def _is_city(self, name: str) -> bool:
        place = gazetteer().city(name)
        return place is not None and place.population >= _FOREIGN_CITY_MIN_POPULATION

    def _mention(
        self, s: Sentence, p: Piece, kind: EntityKind, name: str, *,
        country: str | None = None, sector: str | None = None, role: str | None = None,
        place: Place | None = None, category: str = "",
    ) -> Mention:
        toks = s.tokens
        start, end = toks[p.first].start, toks[p.last - 1].end
        text = s.text[start - s.start:end - s.start]
        return Mention(s.id, p.first, p.last, start, end, text, kind, name, country=country,
                       sector=sector, role=role, place=place, category=category)

    def _classify(self, s: Sentence, p: Piece, prev: Piece | None,
                  title_case: bool) -> Mention | None:
        toks = s.tokens
        gaz = gazetteer()
        k = p.known
        if k is not None:
            if k.category == "country":
                return self._mention(s, p, "GPE", k.name, country=k.country,
                                     place=gaz.by_iso3.get(k.country or ""), category="country")
            if k.category in ("demonym", "people"):
                return self._mention(s, p, "NORP", k.name, country=k.country, category=k.category)
            if k.category == "region":
                return self._mention(s, p, "LOC", k.name, country=k.country,
                                     place=gaz.regions.get(k.name), category="region")
            if k.category in ("metonym", "igo", "media", "group"):
                return self._mention(s, p, "ORG", k.name, country=k.country, sector=k.sector,
                                     category=k.category)
            return None  # titles are not entities
        words = toks[p.first:p.last]
        text = words[0].text if len(words) == 1 else _joined(words)
        if p.kind == "org":
            country = None
            texts = [t.text for t in words]
            for n in range(len(texts)):
                found = match_known(texts, n)
                if found is not None and found[1].country:
                    country = found[1].country
                    break
            if country is None:
                for t in words:
                    place = gaz.city(t.text, self.prefer)
                    if place is not None and (place.is_capital or place.population > 100_000):
                        country = place.country
                        break
            if prev is not None and prev.kind == "demonym" and prev.known is not None:
                country = prev.known.country
            return self._mention(s, p, "ORG", normalise_org(text), country=country,
                                 sector=org_sector(words), category="org")
        # Regions: "Belgorod region", "Kharkiv Oblast".
        nxt = toks[p.last] if p.last < len(toks) else None
        if words[-1].text in REGION_WORDS and len(words) > 1:
            name = " ".join(t.text for t in words[:-1])
            sub = gaz.subdivision(name)
            if sub is not None:  # "Rakhine State"
                return self._mention(s, p, "LOC", text, country=sub.country, place=sub,
                                     category="region")
            place = gaz.city(name, self.prefer, locative=True)
            if place is not None:
                return self._mention(s, p, "LOC", text, country=place.country,
                                     place=_region(place, text), category="region")
        if nxt is not None and nxt.text in REGION_WORDS and nxt.lower == nxt.text:
            sub = gaz.subdivision(text)
            if sub is not None:  # "Rakhine state": the state, not a town of that name
                p2 = Piece(p.first, p.last + 1, "unknown")
                return self._mention(s, p2, "LOC", sub.name, country=sub.country, place=sub,
                                     category="region")
            place = gaz.city(text, self.prefer, locative=True)  # "Sisaket province"
            if place is not None:
                p2 = Piece(p.first, p.last + 1, "unknown")
                full = f"{text} {nxt.text}"
                return self._mention(s, p2, "LOC", full, country=place.country,
                                     place=_region(place, full), category="region")
        after_title = prev is not None and prev.kind == "title" and prev.last == p.first
        if len(words) > 1 or after_title:
            city = self._city(s, p, text)
            if city is not None and not after_title:
                return self._mention(s, p, "GPE", city.name, country=city.country, place=city,
                                     category="city")
            sub = gaz.subdivision(text) if len(words) > 1 and not after_title else None
            if sub is not None:  # "Preah Vihear", "Khyber Pakhtunkhwa"
                return self._mention(s, p, "LOC", sub.name, country=sub.country, place=sub,
                                     category="region")
            if title_case:
                return None
            if not after_title and (
                text in self.named_places or _named_place_frame(toks, p.first) is not None
            ):
                return self._named_place(s, p, text)
            if not after_title and nxt is not None and nxt.lower in _FACILITY_NOUNS and (
                not nxt.is_cap
            ):
                return None  # "the Preah Vihear temple", "the Zaporizhzhia plant": no person
            if after_title or role_word_before(toks, p.first) or all_name_like(words):
                return self._person(s, p, words)
            return None
        return None  # a single unknown word: pass 2

    def _city(self, s: Sentence, p: Piece, text: str) -> Place | None:
        toks = s.tokens
        if (
            p.first > 0
            and toks[p.first - 1].lower == "the"
            and not (p.last < len(toks) and toks[p.last].is_word and not toks[p.last].is_cap)
        ):
            return None  # "the Moskva" is a ship; "the Kyiv regime" is still Kyiv
        locative = _locative_context(toks, p.first)
        place = gazetteer().city(text, self.prefer, locative=locative, near=self.placed[-8:])
        if place is None:
            return None
        if place.country not in self.prefer and not place.is_capital and not locative and (
            place.population < _FOREIGN_CITY_MIN_POPULATION
        ):
            return None
        if sentence_initial(toks, p.first) and text not in self.capitalised_inside and (
            place.population < _SENTENCE_INITIAL_MIN_POPULATION and not place.is_capital
        ):
            return None
        self.placed.append(place)
        return place

    def _named_place(self, s: Sentence, p: Piece, text: str) -> Mention:
        """A place the gazetteer lacks, in the country its frame names, if it names one."""
        place = self.named_places.get(text)
        if place is None:
            place = Place(name=text, country=_frame_country(s.tokens, p.first), kind="place")
            self.named_places[text] = place
        return self._mention(s, p, "LOC", text, country=place.country, place=place,
                             category="region")

    def _situate(self, s: Sentence, mentions: list[Mention]) -> None:
        """Give an unplaced named place the country its sentence gives it: "X, south of
        Kobani", "X in southeastern Bangladesh", "Algerian airspace near the town of X"."""
        toks = s.tokens
        for i, m in enumerate(mentions):
            if m.place is None or m.place.kind != "place" or m.place.country:
                continue
            country = None
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if nxt is not None and nxt.country and nxt.kind in ("GPE", "LOC") and (
                0 < nxt.first - m.last <= 4
                and all(t.text == "," or t.lower in _RELATIVE_WORDS or t.lower.endswith("ern")
                        for t in toks[m.last:nxt.first])
            ):
                country = nxt.country
            prv = mentions[i - 1] if i > 0 else None
            if country is None and prv is not None and prv.country and prv.kind == "NORP" and (
                prv.last < m.first and toks[prv.last].lower in TERRITORY_NOUNS
                and all(t.lower in _LOCATIVE or t.lower in _PLACE_WORDS or t.lower == "of"
                        for t in toks[prv.last + 1:m.first])
            ):
                country = prv.country
            if country is not None:
                place = replace(m.place, country=country)
                self.named_places[m.place.name] = place
                m.place, m.country = place, country

    def _person(self, s: Sentence, p: Piece, words: list[Token]) -> Mention:
        name_words = [t.text for t in words]
        name = " ".join(name_words)
        known = self.surnames.get(name_words[-1])
        if known is not None and (len(name_words) == 1 or known.name == name):
            m = self._mention(s, p, "PERSON", known.name, country=known.country,
                              sector=known.sector, role=known.role, category="person")
            m.role_first = role_before(s, p.first)[3]
            return m
        role, country, sector, role_first = role_before(s, p.first)
        if role is None and p.first >= 2 and s.tokens[p.first - 1].text == "," and (
            s.tokens[p.first - 2].lower in ROLE_NOUNS
        ):
            # "An RSF adviser, Omar Bakheet, said"
            role, country, sector, _ = role_before(s, p.first - 1)
        if country is None and p.last + 1 < len(s.tokens) and s.tokens[p.last].lower == "of":
            # "President Xi Jinping of China"
            after = match_known([t.text for t in s.tokens], p.last + 1)
            if after is not None and after[1].category == "country":
                country = after[1].country
        if country is None or role is None:
            a_role, a_country, a_sector = appositive(s, p.last)
            role = role or a_role
            country = country or a_country
            sector = sector or a_sector
        m = self._mention(s, p, "PERSON", name, country=country, sector=sector, role=role,
                          category="person")
        m.role_first = role_first
        if len(name_words) >= 2:
            prior = self.surnames.get(name_words[-1])
            if prior is None or prior.name != name:
                self.surnames[name_words[-1]] = m
            else:
                prior.country = prior.country or country
                prior.sector = prior.sector or sector
                prior.role = prior.role or role
        return m

    def _resolve_single(self, s: Sentence, p: Piece, title_case: bool) -> Mention | None:
        toks = s.tokens
        word = toks[p.first]
        person = self.surnames.get(word.text)
        if person is not None:
            return self._mention(s, p, "PERSON", person.name, country=person.country,
                                 sector=person.sector, role=person.role, category="person")
        city = self._city(s, p, word.text)
        if city is not None:
            if title_case and not (city.is_capital or city.population >= 100_000):
                return None
            return self._mention(s, p, "GPE", city.name, country=city.country, place=city,
                                 category="city")
        if title_case:
            return None
        frame = _named_place_frame(toks, p.first)
        if frame is None and p.first > 0 and toks[p.first - 1].lower == "near" and (
            not sentence_initial(toks, p.first)
        ):
            frame = "near"  # "clashes near Maungdaw": only a place is near
        if frame is not None and frame in REGION_WORDS:
            sub = gazetteer().subdivision(word.text)
            if sub is not None:  # "its northern state of Roraima"
                return self._mention(s, p, "LOC", sub.name, country=sub.country, place=sub,
                                     category="region")
        if word.text in self.named_places or frame is not None:
            return self._named_place(s, p, word.text)
        nxt = toks[p.last].lower if p.last < len(toks) else ""
        prv = toks[p.first - 1].lower if p.first > 0 else ""
        if nxt in _SPEECH_WORDS or prv in ("said", "says") or role_word_before(toks, p.first):
            return self._person(s, p, [word])
        if sentence_initial(toks, p.first) and word.text not in self.capitalised_inside:
            return None
        if word.text.isalpha() and word.text.isupper() and 2 <= len(word.text) <= 6:
            return self._mention(s, p, "ORG", word.text, category="org")
        return self._mention(s, p, "OTHER", word.text, category="other")


#: Lower-case nouns after a name that make it a place or a building, not a person.
_FACILITY_NOUNS = frozenset({"temple", "village", "town", "city", "airport", "base", "border",
                             "crossing", "river", "dam", "mosque", "church", "hospital", "camp",
                             "province", "district", "region", "valley", "mountains", "hills",
                             "island", "islands", "port", "bridge", "checkpoint", "plant",
                             "station", "square", "refinery", "airbase", "airfield", "strait",
                             "corridor", "highway", "road", "prison", "compound", "complex"})
_LOCATIVE = frozenset({"in", "near", "at", "outside", "around", "from", "into", "across",
                       "inside", "toward", "towards", "to", "outskirts", "off"})
_PLACE_WORDS = frozenset({"the", "town", "city", "village", "villages", "district",
                          "settlement", "port", "capital", "region", "province", "nearby",
                          "border", "outskirts", "island", "islands", "county", "frontier",
                          "mining", "fishing", "coastal", "small", "hilltop", "hill",
                          "truce", "refugee", "garrison", "industrial", "market"})
#: "residents of X", "north of X", "the town of X": nouns after which "of X" names a place.
_OF_PLACE_NOUNS = frozenset({"town", "city", "village", "villages", "district", "settlement",
                             "port", "capital", "region", "province", "outskirts", "residents",
                             "inhabitants", "villagers", "mayor", "north", "south", "east",
                             "west", "northeast", "northwest", "southeast", "southwest",
                             "island", "islands", "county", "suburbs", "centre", "center",
                             "streets", "municipality", "governorate", "kilometres",
                             "kilometers", "miles", "km", "south-east", "south-west",
                             "north-east", "north-west", "people"})


#: Nouns that, before "of X", name a place: "the border village of X".
_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "settlement", "hamlet", "port",
                               "island", "district", "region", "province", "state", "county",
                               "governorate", "municipality", "locality", "oasis", "enclave"})
#: Words between a place and the place or country that situates it: "X, south of Y".
_RELATIVE_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest",
                             "southeast", "southwest", "of", "near", "outside", "in", "the",
                             "not", "far", "from"})


def _named_place_frame(tokens: list[Token], first: int) -> str | None:
    """The settlement noun when ``tokens[first]`` follows "the (adjectives) village of", as
    in "near the border village of Sotk" (the noun may be capitalised: "state"), else
    ``None``. A demonym may stand among the adjectives: "the South Korean island of"."""
    if first < 3 or tokens[first - 1].lower != "of":
        return None
    noun = tokens[first - 2].lower
    if noun not in _SETTLEMENT_NOUNS:
        return None
    k = first - 3
    while k >= 0 and first - k <= 8:
        word = tokens[k].lower
        if word in ("the", "its", "their", "a"):
            return noun
        if not tokens[k].is_word:
            return None
        k -= 1
    return None


def _frame_country(tokens: list[Token], first: int) -> str | None:
    """The country a place's frame names: "the South Korean border island of X"; not one
    before the frame ("Iraqi forces shelled the village of X")."""
    texts = [t.text for t in tokens]
    start = first - 3
    while start > 0 and tokens[start].lower not in ("the", "its", "their", "a"):
        start -= 1
    for k in range(start + 1, first - 2):
        found = match_known(texts, k)
        if found is not None and found[1].category in ("demonym", "country") and (
            found[1].country
        ):
            return found[1].country
    return None


def _locative_context(tokens: list[Token], first: int) -> bool:
    """"near X", "from the town of X", "in the southern city of X", "residents of X",
    "south of X": X is a place."""
    k = first - 1
    while k >= 0 and first - k <= 6:
        word = tokens[k].lower
        if word in _LOCATIVE:
            return True
        if word == "of":
            return k > 0 and tokens[k - 1].lower in _OF_PLACE_NOUNS
        if word not in _PLACE_WORDS and not word.endswith(("ern", "al")):
            return False
        k -= 1
    return False


def _joined(words: list[Token]) -> str:
    """A name's words as the gazetteer spells it: spaced, but "Cox's Bazar" with a straight
    apostrophe and no space before it (see :meth:`_Builder._join_possessive_places`)."""
    out = words[0].text
    for t in words[1:]:
        out += "'s" if t.is_possessive_marker else " " + t.text
    return out


def _region(place: Place, text: str) -> Place:
    """A region named after its main city: the city's country and admin area, no geonameid."""
    return Place(name=text, country=place.country, admin1=place.admin1, lat=place.lat,
                 lon=place.lon, kind="region")


def _attach_possessors(s: Sentence, mentions: list[Mention]) -> None:
    """"Russia's Ministry of Defense": the organisation takes its possessor's country."""
    by_last: dict[int, Mention] | None = None  # built when first needed: rarely
    for m in mentions:
        if m.kind != "ORG" or m.country is not None or m.first < 2:
            continue
        if s.tokens[m.first - 1].is_possessive_marker:
            if by_last is None:
                by_last = {x.last: x for x in mentions}
            owner = by_last.get(m.first - 1)
            if owner is not None and owner.country:
                m.country = owner.country


def recognise(sentences: list[Sentence]) -> EntityTable:
    """Find the named mentions of every sentence."""
    return _Builder(sentences).build()


def to_entities(table: EntityTable) -> list[Entity]:
    """The article's entities: mentions grouped by canonical name, in order of first mention."""
    groups: dict[tuple[EntityKind, str, str | None], list[Mention]] = {}
    for m in table.all():
        key = (m.kind, m.name, m.country if m.kind == "ORG" else None)
        groups.setdefault(key, []).append(m)
    return build_entities([_entity(name, mentions)
                           for (_kind, name, _), mentions in groups.items()])


def _entity(name: str, mentions: list[Mention]) -> dict[str, Any]:
    """One entity's fields: the first country, sector and role its mentions give."""
    country = sector = role = None
    for m in mentions:
        country = country or m.country
        sector = sector or m.sector
        role = role or m.role
    return {
        "name": name,
        "kind": mentions[0].kind,
        "country": country or None,  # None, not an empty string, when none gives one
        "sector": sector or None,
        "role": role or None,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in mentions],
    }
