"""Where events happened when the gazetteer lacks the place or the sentence names none."""

from newsflow.messages import Event
from services.extractor import extract
from services.extractor.places import gazetteer
from tests.extractor.articles import EXTRACTED, article


def _events(text: str) -> list[Event]:
    return extract(article(text), extracted_at=EXTRACTED).events


def _by_trigger(events: list[Event], word: str) -> Event:
    return next(e for e in events if e.trigger.text.startswith(word))


def test_subdivisions_resolve_by_name_with_their_country() -> None:
    gaz = gazetteer()
    for name, iso3 in [("Roraima", "BRA"), ("Borno", "NGA"), ("Gujarat", "IND"),
                       ("Khyber Pakhtunkhwa", "PAK")]:
        place = gaz.subdivision(name)
        assert place is not None and place.country == iso3, name
        assert place.kind == "admin1" and place.admin1 is not None
    assert gaz.subdivision("Punjab") is None  # in India and in Pakistan: no guess


def test_a_state_named_as_a_state_locates_the_event() -> None:
    events = _events("Nigeria said on Monday it had sent more troops to its northeastern "
                     "state of Borno.")
    loc = _by_trigger(events, "sent").location
    assert loc is not None
    assert (loc.name, loc.country, loc.feature) == ("Borno", "NGA", "admin1")


def test_a_village_the_gazetteer_lacks_takes_the_country_of_its_frame() -> None:
    events = _events("Georgian troops fired on a Russian patrol near the Russian hamlet of "
                     "Zarkovo on Tuesday.")
    loc = _by_trigger(events, "fired").location
    assert loc is not None
    assert (loc.name, loc.country, loc.feature) == ("Zarkovo", "RUS", "place")
    assert loc.geonameid is None and loc.lat is None


def test_a_village_south_of_a_known_town_is_in_that_town_s_country() -> None:
    events = _events("Iraqi forces shelled positions in the village of Qaryat Dulmani, "
                     "south of Kobani, on Monday.")
    loc = _by_trigger(events, "shelled").location
    assert loc is not None and loc.country == "SYR" and loc.name == "Qaryat Dulmani"


def test_an_unsituated_village_is_where_the_attack_landed() -> None:
    events = _events("Indian troops fired on Pakistani posts near the village of Dhurnal "
                     "on Friday.")
    loc = _by_trigger(events, "fired").location
    assert loc is not None and loc.country == "PAK" and loc.feature == "place"


def test_an_evacuation_from_an_unknown_village_is_at_home() -> None:
    events = _events("Kenyan authorities evacuated about 200 residents of the village of "
                     "Ngamba on Friday.")
    loc = _by_trigger(events, "evacuated").location
    assert loc is not None and (loc.name, loc.country) == ("Ngamba", "KEN")


def test_an_event_without_a_place_takes_the_last_place_of_its_parties() -> None:
    text = ("Russian forces shelled Kharkiv on Monday, Ukrainian officials said.\n"
            "Ukrainian troops returned fire, the army said.")
    loc = _by_trigger(_events(text), "returned").location
    assert loc is not None
    assert (loc.name, loc.country, loc.inferred) == ("Kharkiv", "UKR", True)


def test_a_place_of_another_country_is_not_carried_over() -> None:
    text = ("Kenya offered on Monday to host talks between the two sides in Nairobi.\n"
            "Ethiopian troops shelled Eritrean positions on Tuesday.")
    loc = _by_trigger(_events(text), "shelled").location
    assert loc is None or loc.country != "KEN"


def test_history_takes_no_place_from_the_news() -> None:
    text = ("Russian forces shelled Kharkiv on Monday, Ukrainian officials said.\n"
            "Russia invaded Ukraine in February 2022.")
    events = [e for e in _events(text) if e.modality.historical]
    assert events and all(e.location is None or not e.location.inferred for e in events)


def test_a_city_whose_name_holds_a_possessive_is_one_place() -> None:
    for apostrophe in ("'", "’"):
        events = _events(f"Myanmar troops shelled a refugee camp near Cox{apostrophe}s Bazar "
                         "on Monday, Bangladesh said.")
        loc = _by_trigger(events, "shelled").location
        assert loc is not None and loc.country == "BGD", apostrophe  # not Cox, Spain
        assert loc.lat is not None and 21 < loc.lat < 22


def test_a_possessive_before_a_country_still_splits() -> None:
    events = _events("Putin's Russia attacked Ukraine on Monday.")
    attack = _by_trigger(events, "attacked")
    assert [a.country for a in attack.actor] == ["RUS"]
    assert [t.country for t in attack.target] == ["UKR"]
