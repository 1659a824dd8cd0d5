"""What a sentence leaves implicit, filled from the article so far (``context.py``) and from
the sentence itself: the other side, the attacker reacted to, the accuser, the place.
Sentences are the tests' own."""

from newsflow.messages import Event
from services.extractor import extract
from tests.extractor.articles import EXTRACTED, article


def _events(text: str) -> list[Event]:
    return [e for e in extract(article(text), extracted_at=EXTRACTED).events
            if not e.modality.hypothetical and not e.modality.negated]


def _dyads(events: list[Event]) -> list[tuple[str | None, str, str | None]]:
    return [(e.actor[0].country if e.actor else None, e.cameo_root,
             e.target[0].country if e.target else None) for e in events]


def test_returned_fire_answers_the_side_last_fought() -> None:
    events = _events(
        "Serbian police accused Albanian border guards of firing on a patrol near Presevo.\n"
        "Serbian officers returned fire, the interior ministry said."
    )
    assert ("SRB", "19", "ALB") in _dyads(events)[-1:]


def test_a_threat_without_object_aims_at_the_side_last_confronted() -> None:
    events = _events(
        "Indian troops shelled Pakistani posts near Uri on Monday.\n"
        "Pakistan's army chief warned that his forces would respond with full force to any "
        "further aggression."
    )
    threat = next(e for e in events if e.cameo_root == "13")
    assert (threat.actor[0].country, threat.target[0].country) == ("PAK", "IND")


def test_alleged_force_without_object_hits_the_accuser() -> None:
    (accusation, alleged) = _events("Ecuador accused Peruvian soldiers of opening fire first.")
    assert accusation.cameo_root == "11"
    assert (alleged.actor[0].country, alleged.target[0].country) == ("PER", "ECU")
    assert alleged.modality.claim == "alleged" and alleged.modality.claimed_by == "Ecuador"


def test_condemning_the_attack_targets_the_attacker() -> None:
    events = _events(
        "Ethiopian jets bombed a market in the Somali town of Beledweyne on Tuesday.\n"
        "Somalia's president condemned the attack as a war crime."
    )
    assert _dyads(events)[-1] == ("SOM", "11", "ETH")
    assert [e.cameo_root for e in events].count("19") == 1  # "the attack" is no new event


def test_a_named_attacker_in_the_reaction() -> None:
    (condemnation,) = _events("Cuba condemned the American strikes on Venezuela.")
    assert (condemnation.cameo_code, condemnation.target[0].country) == ("111", "USA")


def test_one_attack_told_twice_in_a_sentence_is_one_event() -> None:
    events = _events(
        "Pakistani jets struck a camp near Khost on Sunday, the first Pakistani attack on "
        "Afghan territory this year."
    )
    (strike,) = [e for e in events if e.cameo_root == "19"]
    assert strike.cameo_code == "195"
    assert strike.location is not None and strike.location.country == "AFG"


def test_force_at_holdings_of_a_party_and_at_a_foreign_place() -> None:
    (strike,) = _events("Turkish jets struck positions of the PKK near Duhok on Friday.")
    assert strike.target[0].country == "TUR"  # the PKK's country
    (strike,) = _events("Israeli jets struck militant positions near Baalbek on Friday.")
    assert strike.target[0].country == "LBN"  # no country named: the place's


def test_evacuation_by_the_state_of_its_place() -> None:
    (evac,) = _events("About 200 residents of Kramatorsk were evacuated on Monday.")
    assert (evac.cameo_code, evac.actor[0].country) == ("EVAC", "UKR")


def test_evacuation_where_the_previous_sentence_was() -> None:
    events = _events(
        "A rocket hit a warehouse in the Israeli city of Nahariya on Friday. Police evacuated "
        "the surrounding streets."
    )
    evac = events[-1]
    assert evac.cameo_code == "EVAC"
    assert evac.location is not None and evac.location.text == "Nahariya"
    assert evac.actor[0].country == "ISR"


def test_patrons_and_owners_in_hyphenated_words() -> None:
    (attack,) = _events("An Iran-backed militia fired rockets at a Liberian-flagged tanker.")
    assert attack.actor[0].country is None  # Iran backs it; it is not Iran
    assert attack.target[0].country == "LBR"


def test_another_transliteration_of_a_place_in_the_article_s_country() -> None:
    (attack,) = _events("Rockets hit a warehouse near the port of Hodeidah, Yemen's coast guard "
                        "said.")
    assert attack.location is not None and attack.location.country == "YEM"
    assert attack.location.name == "Al Ḩudaydah"
