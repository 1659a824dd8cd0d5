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


def test_the_group_is_the_armed_group_last_named() -> None:
    events = _events(
        "Al-Shabaab fighters attacked an army base near Baidoa on Monday.\n"
        "The group said it was ready to hold talks with the government in Mogadishu."
    )
    intent = events[-1]
    assert intent.cameo_code == "036"
    assert (intent.actor[0].country, intent.actor[0].sector) == ("SOM", "REB")


def test_adjectives_between_a_possessor_and_its_government() -> None:
    (condemnation,) = _events(
        "Libya's internationally recognised government condemned the Egyptian airstrikes.")
    assert (condemnation.actor[0].country, condemnation.actor[0].sector) == ("LBY", "GOV")
    assert condemnation.target[0].country == "EGY"


def test_the_two_neighbours_are_the_two_countries_last_named() -> None:
    events = _events(
        "Sudan accused South Sudan of sheltering rebel commanders.\n"
        "Kenya offered on Monday to mediate between the two neighbours."
    )
    offer = events[-1]
    assert offer.cameo_code == "039"
    assert offer.actor[0].country == "KEN"
    assert sorted(t.country or "" for t in offer.target) == ["SDN", "SSD"]


def test_it_after_a_speech_verb_is_the_speaker() -> None:
    events = _events(
        "Egypt, which has hosted several rounds between Hamas and Israel, said it would host "
        "new talks in Cairo next week."
    )
    intents = [e for e in events if e.cameo_code == "036"]
    assert [e.actor[0].country for e in intents] == ["EGY"]
    assert not [e for e in events if e.cameo_root == "04"]  # "has hosted": background


def test_a_second_main_verb_after_a_gerund_complement() -> None:
    events = _events("Algeria denied arming the rebels and condemned the French airstrikes.")
    assert [(e.actor[0].country, e.cameo_code) for e in events] == [("DZA", "016"),
                                                                   ("DZA", "111")]
    assert events[1].target[0].country == "FRA"


def test_an_evacuation_order_in_a_place_framing_the_sentence() -> None:
    (evac,) = _events("In Sumy, regional authorities ordered residents of 11 villages to "
                      "evacuate.")
    assert evac.cameo_code == "EVAC" and evac.actor[0].country == "UKR"
    assert evac.location is not None and evac.location.name == "Sumy"


def test_a_possessive_day_dates_its_noun_not_the_claim() -> None:
    (claim,) = [e for e in _events("Hamas claimed responsibility for Tuesday's rocket attack.")
                if e.cameo_code == "015"]
    assert claim.date_precision == "publication_date"


def test_the_shelling_told_again_is_no_new_event() -> None:
    events = _events("Syrian troops shelled the town of Atarib on Monday.\n"
                     "Turkey called the shelling a provocation.")
    assert [e.cameo_root for e in events].count("19") == 1


def test_the_army_of_a_head_of_government_is_his_own() -> None:
    events = _events("Armenia's prime minister said the army would respond with force to any "
                     "attack on its territory.")
    (threat,) = [e for e in events if e.cameo_root == "13"]
    assert (threat.cameo_code, threat.actor[0].country) == ("138", "ARM")


def test_hitting_in_an_accusation_is_force() -> None:
    events = _events("Kyiv accused Moscow of hitting a hospital in Kharkiv.")
    (hit,) = [e for e in events if e.cameo_root == "19"]
    assert (hit.actor[0].country, hit.target[0].country) == ("RUS", "UKR")
    assert hit.modality.claim == "alleged"


def test_an_exchange_of_fire_is_two_directed_events() -> None:
    events = _events("Indian and Chinese troops exchanged artillery fire near the Galwan "
                     "valley on Monday.")
    assert sorted(_dyads(events)) == [("CHN", "19", "IND"), ("IND", "19", "CHN")]
    assert {e.cameo_code for e in events} == {"194"}
    assert len({e.event_id for e in events}) == 2


def test_a_time_of_day_is_on_the_day_the_story_is_on() -> None:
    events = _events(
        "Russian drones struck a power plant near Sumy on Tuesday.\n"
        "Hours later, a Ukrainian drone hit an oil depot in Bryansk, Russian officials said."
    )
    assert [e.event_date.isoformat() for e in events] == ["2024-03-12", "2024-03-12"]
    (late,) = _events("Azerbaijani units came under fire from Armenian positions overnight "
                      "into Thursday.")
    assert late.event_date.isoformat() == "2024-03-14"


def test_a_threat_aims_at_the_party_its_condition_names() -> None:
    events = _events("China's defence ministry warned on Friday that the People's Liberation "
                     "Army would take all necessary measures if Taiwan went ahead with the "
                     "drills.")
    (threat,) = [e for e in events if e.cameo_root == "13"]
    assert (threat.actor[0].country, threat.cameo_code, threat.target[0].country) == (
        "CHN", "130", "TWN")


def test_a_named_landmark_is_no_person() -> None:
    result = extract(article("Thai troops shelled positions near the Preah Vihear temple."),
                     extracted_at=EXTRACTED)
    assert not [e for e in result.annotations.entities if e.kind == "PERSON"]


def test_the_object_of_the_first_of_two_verbs() -> None:
    events = _events("Jordan welcomed the truce and accused Israel of violating it.")
    (praise,) = [e for e in events if e.cameo_root == "05"]
    assert praise.target == [] or praise.target[0].country != "ISR"


def test_a_place_named_before_its_kind_of_region() -> None:
    (evac,) = _events("Authorities in Thailand's Sisaket province evacuated 3,000 villagers.")
    assert evac.location is not None and evac.location.country == "THA"
    assert evac.location.lat is not None


def test_an_army_against_rebels_at_home() -> None:
    (strike,) = _events("Nigerian jets bombed militant camps near Maiduguri on Friday.")
    assert (strike.actor[0].country, strike.target[0].country) == ("NGA", "NGA")
    assert strike.target[0].sector == "REB"


def test_repelling_the_attack_answers_the_attacker() -> None:
    events = _events(
        "Al-Shabaab fighters attacked a base near Beledweyne on Sunday.\n"
        "Somali troops repelled the attack, the army said."
    )
    assert _dyads(events) == [("SOM", "19", "SOM"), ("SOM", "19", "SOM")]
    assert events[1].actor[0].sector == "MIL" and events[1].target[0].sector == "REB"


def test_an_appeal_to_both_countries_names_both() -> None:
    events = _events("Ethiopia accused Sudan of arming rebels near Metema.\n"
                     "The African Union called on both countries to settle the dispute "
                     "through dialogue.")
    appeal = events[-1]
    assert appeal.cameo_code == "026"
    assert sorted(t.country or "" for t in appeal.target) == ["ETH", "SDN"]


def test_an_exchange_of_fire_at_a_place() -> None:
    events = _events("Thai and Cambodian troops exchanged heavy fire at the Chong Chom "
                     "crossing near Surin on Monday.")
    assert sorted(_dyads(events)) == [("KHM", "19", "THA"), ("THA", "19", "KHM")]


def test_an_event_inside_what_is_alleged_is_not_the_accused_s() -> None:
    events = _events("India accused Pakistan of sheltering the militants behind an attack on "
                     "an army camp in Uri.")
    assert [e.cameo_root for e in events] == ["11"]


def test_the_perfect_since_a_date_is_background() -> None:
    events = extract(article("India and China have clashed repeatedly along the border "
                             "since 2020."), extracted_at=EXTRACTED).events
    assert events and all(e.modality.historical for e in events)


def test_junta_troops_are_the_junta_s() -> None:
    events = _events("Myanmar's junta said on Monday that the town was calm.\n"
                     "Rebels accused junta troops of shelling villages near Lashio.")
    (shelling,) = [e for e in events if e.cameo_root == "19"]
    assert shelling.actor[0].country == "MMR"


def test_a_day_named_with_a_time_of_day_wins() -> None:
    (attack,) = _events("Rebels attacked a convoy near Goma before dawn on Monday.")
    assert attack.event_date.isoformat() == "2024-03-11"


def test_the_strikes_are_the_strikes_told_before() -> None:
    events = _events(
        "British jets struck rebel depots near Sanaa on Monday.\n"
        "Houthi rebels fired a missile at a tanker in the Red Sea on Tuesday.\n"
        "Yemen's government welcomed the strikes."
    )
    assert _dyads(events)[-1] == ("YEM", "05", "GBR")


def test_old_wars_and_retaken_towns() -> None:
    events = extract(article(
        "Ukrainian troops retook the village of Robotyne on Monday.\n"
        "Armenia and Azerbaijan fought a war over the region between 1992 and 1994."
    ), extracted_at=EXTRACTED).events
    assert [(e.cameo_code, e.modality.historical) for e in events][0] == ("192", False)
    assert all(e.modality.historical for e in events[1:]) and len(events) > 1


def test_stopping_forces_from_firing_is_no_firing() -> None:
    events = _events("Bangladesh urged Myanmar to stop its forces from firing across the border.")
    assert [e.cameo_root for e in events] == ["02"]
