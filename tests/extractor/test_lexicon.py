"""The CAMEO families the lexicon codes: appeals, praise, aid, rejection, shows of force, and more
forms of force and consultation. Sentences are the tests' own."""

import pytest

from newsflow.messages import Event
from services.extractor import extract
from services.extractor.cameo import CODES, lookup
from tests.extractor.articles import EXTRACTED, article


def _events(text: str) -> list[Event]:
    return [e for e in extract(article(text), extracted_at=EXTRACTED).events
            if not e.modality.hypothetical and not e.modality.negated]


def _coded(text: str) -> list[tuple[str | None, str, str | None]]:
    return [
        (e.actor[0].country if e.actor else None, e.cameo_code,
         e.target[0].country if e.target else None)
        for e in _events(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mali's foreign ministry urged Algeria to return to negotiations over the border.",
         ("MLI", "026", "DZA")),
        ("Germany called on Serbia to show restraint after the clashes.", ("DEU", "0256", "SRB")),
        ("Chad appealed for humanitarian aid after the floods.", ("TCD", "023", None)),
        ("Norway urged Venezuela to release the detained activists.", ("NOR", "025", "VEN")),
    ],
)
def test_appeals_by_what_they_ask(text: str, expected: tuple[str, str, str | None]) -> None:
    assert _coded(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt welcomed the truce agreement on Monday.", ("EGY", "051", None)),
        ("Hezbollah claimed responsibility for the bombing.", ("LBN", "015", None)),
        ("Armenia rejected Azerbaijan's proposal for a new border commission.",
         ("ARM", "120", "AZE")),
        ("Russia is supplying Myanmar's junta with fighter jets.", ("RUS", "072", "MMR")),
        ("Poland sent additional troops to its border with Belarus.", ("POL", "154", None)),
        ("Japan raised its alert level after the launch.", ("JPN", "152", None)),
        ("The Chinese and Philippine foreign ministers spoke by phone on Tuesday.",
         ("CHN", "041", "PHL")),
        ("Ukrainian forces repelled Russian troops near Pokrovsk.", ("UKR", "190", "RUS")),
        ("Kenyan troops came under heavy fire from al-Shabaab militants near Mandera.",
         ("SOM", "190", "KEN")),
    ],
)
def test_more_event_forms(text: str, expected: tuple[str, str, str | None]) -> None:
    assert _coded(text) == [expected]


def test_fire_into_the_sea_is_a_show_of_force() -> None:
    (event,) = _events("North Korea test-fired two ballistic missiles into the sea on Sunday.")
    assert event.cameo_code == "150"
    assert (event.plover, event.quad_class) == ("MOBILIZE", 4)
    (event,) = _events("Chinese warships fired artillery rounds into waters near Taiwan.")
    assert event.cameo_code == "150"


def test_readiness_to_talk_is_an_adjective_in_any_context() -> None:
    (event,) = _events("Serbia remained open to talks with Kosovo, the minister said.")
    assert (event.cameo_code, event.actor[0].country, event.target[0].country) == (
        "036", "SRB", "XKX")


def test_every_lexicon_code_is_in_the_cameo_table() -> None:
    from services.extractor.lexicon import APPEAL_CODES, ENTRIES, WEAPON_CODES

    codes = {e.code for e in ENTRIES} | set(APPEAL_CODES.values()) | set(WEAPON_CODES.values())
    assert codes <= set(CODES)
    assert lookup("0256").base == "025" and lookup("0256").root == "02"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chad recalled its ambassador from Khartoum on Monday.", ("TCD", "161", "SDN")),
        ("Niger expelled French diplomats.", ("NER", "161", "FRA")),
        ("Ecuador severed diplomatic ties with Mexico.", ("ECU", "161", "MEX")),
        ("Canada imposed sanctions on Iranian officials.", ("CAN", "163", "IRN")),
        ("Azerbaijan closed its airspace to Armenian flights.", ("AZE", "163", "ARM")),
        ("Jordanian authorities relocated 400 residents of Ramtha to shelters.",
         ("JOR", "EVAC", None)),
    ],
)
def test_relations_sanctions_and_evacuation_wordings(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert _coded(text) == [expected]


def test_not_hesitating_to_act_is_a_threat() -> None:
    events = _events("Iraq said it would not hesitate to act against militant camps "
                     "in the Qandil mountains.")
    (threat,) = [e for e in events if e.cameo_root == "13"]
    assert threat.actor[0].country == "IRQ"


def test_known_armed_groups_have_a_country() -> None:
    (attack,) = _events("The Arakan Army attacked a police outpost near Sittwe on Friday.")
    assert (attack.actor[0].country, attack.actor[0].sector) == ("MMR", "REB")
    (attack,) = _events("Fighters of the Balochistan Liberation Army attacked a train.")
    assert (attack.actor[0].country, attack.actor[0].sector) == ("PAK", "REB")
