"""CAMEO-coded events: actors, targets, places, modality and evidence."""

from datetime import date

import pytest

from newsflow.messages import Event
from services.extractor import extract
from services.extractor.cameo import CODES, lookup
from services.extractor.events import SentenceCoder
from services.extractor.sentences import split_sentences
from tests.extractor.articles import EXTRACTED, article


def _events(text: str) -> list[Event]:
    return extract(article(text), extracted_at=EXTRACTED).events


def _only(events: list[Event], root: str) -> Event:
    matching = [e for e in events if e.cameo_root == root]
    assert len(matching) == 1, [(e.cameo_code, e.trigger.text) for e in events]
    return matching[0]


def test_conditional_threat_is_a_threat_and_the_strike_only_hypothetical() -> None:
    events = _events(
        "The Azerbaijani military on Tuesday threatened to strike military sites in Yerevan "
        "if Armenian troops continue attacks along the border."
    )
    threat = _only(events, "13")
    assert threat.cameo_code == "138"
    assert (threat.plover, threat.quad_class, threat.goldstein) == ("THREATEN", 3, -7.0)
    assert threat.trigger.text == "threatened"
    assert not threat.modality.hypothetical  # the threat itself was made
    assert [(a.country, a.sector) for a in threat.actor] == [("AZE", "MIL")]
    assert [t.country for t in threat.target] == ["ARM"]
    assert threat.event_date == date(2024, 3, 12)
    force = [e for e in events if e.cameo_root == "19"]
    assert force, "the threatened strike is coded, as hypothetical"
    assert all(e.modality.hypothetical for e in force)


def test_statement_of_own_future_force_is_a_threat() -> None:
    events = _events(
        "Israel's defence ministry said on Monday it would strike targets in Beirut if the "
        "rocket fire did not stop."
    )
    threat = _only(events, "13")
    assert threat.cameo_code == "138"
    assert threat.actor[0].country == "ISR"
    assert threat.target[0].country == "LBN"
    assert all(e.modality.hypothetical for e in events if e.cameo_root == "19")


def test_accusation_and_the_alleged_attack() -> None:
    events = _events("Baku accused Yerevan of shelling a fuel depot near the city of Ganja.")
    accusation = _only(events, "11")
    assert accusation.cameo_code == "1123"  # what is alleged is force
    assert (accusation.actor[0].country, accusation.actor[0].sector) == ("AZE", "GOV")
    assert accusation.target[0].country == "ARM"
    assert accusation.modality.claim == "asserted"
    shelling = _only(events, "19")
    assert shelling.cameo_code == "194"
    assert shelling.actor[0].country == "ARM"
    assert shelling.target[0].country == "AZE"
    assert shelling.modality.claim == "alleged"
    assert shelling.modality.claimed_by == "Azerbaijan"
    assert shelling.location is not None and shelling.location.country == "AZE"


def test_accusation_without_force_is_112() -> None:
    events = _events("Lithuania accused Belarus of spreading disinformation.")
    assert _only(events, "11").cameo_code == "112"


def test_denial_answers_the_accusation() -> None:
    events = _events(
        "Baku accused Yerevan of shelling a fuel depot near Ganja.\n"
        "Armenia's Defence Ministry denied the accusation."
    )
    denial = _only(events, "01")
    assert denial.cameo_code == "016"
    assert (denial.plover, denial.goldstein) == ("REJECT", -2.0)
    assert (denial.actor[0].country, denial.actor[0].sector) == ("ARM", "MIL")
    assert denial.target[0].country == "AZE"


def test_denying_an_act_negates_it() -> None:
    events = _events("Kyiv denied shelling the village of Tetkino.")
    assert _only(events, "01").actor[0].country == "UKR"
    assert _only(events, "19").modality.negated


def test_shelling_a_city() -> None:
    events = _events("Syrian government forces shelled Idlib on Monday, local officials said.")
    shelling = _only(events, "19")
    assert shelling.cameo_code == "194"
    assert (shelling.actor[0].country, shelling.actor[0].sector) == ("SYR", "MIL")
    loc = shelling.location
    assert loc is not None
    assert (loc.name, loc.country) == ("Idlib", "SYR")
    assert loc.lat == pytest.approx(35.93, abs=0.1)
    assert loc.lon == pytest.approx(36.63, abs=0.1)
    assert shelling.event_date == date(2024, 3, 11)
    assert shelling.modality.claim == "asserted"  # attributed at the end: news, not a claim


def test_place_after_in_and_foreign_target_from_place() -> None:
    events = _events("Russian troops attacked a checkpoint near Kupiansk.")
    attack = _only(events, "19")
    assert attack.location is not None and attack.location.country == "UKR"
    assert [t.country for t in attack.target] == ["UKR"]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Russian warplanes carried out an airstrike on Idlib.", "195"),
        ("Israeli drones struck a car in southern Lebanon.", "195"),
        ("Indian troops opened fire on Pakistani positions.", "193"),
        ("Houthi rebels fired missiles at a tanker off Yemen.", "195"),
        ("Russian artillery pounded the town.", None),
        ("Ukrainian forces shelled Russian positions near Kursk.", "194"),
        ("Turkish forces attacked Kurdish militants with artillery in northern Iraq.", "194"),
    ],
)
def test_force_codes(sentence: str, code: str | None) -> None:
    codes = [e.cameo_code for e in _events(sentence) if e.cameo_root == "19"]
    assert codes == ([code] if code else [])


def test_negation_and_modals() -> None:
    (neg,) = _events("Ukraine did not strike the bridge, officials said.")
    assert neg.modality.negated and not neg.modality.hypothetical
    (hyp,) = _events("Russian forces could attack Odesa within days.")
    assert hyp.modality.hypothetical and not hyp.modality.negated


def test_historical_background() -> None:
    events = _events(
        "Kharkiv has been shelled repeatedly since Russia's invasion began on Feb. 24, 2022."
    )
    invasion = next(e for e in events if e.trigger.text == "invasion")
    assert invasion.modality.historical
    assert invasion.actor[0].country == "RUS"


def test_evacuation_extension_code() -> None:
    (evac,) = _events("Local authorities evacuated 300 residents from the town of Shusha on "
                      "Sunday.")
    assert (evac.cameo_code, evac.cameo_root, evac.cameo_base) == ("EVAC", "EVAC", "EVAC")
    assert evac.quad_class == 2 and evac.plover == "OTHER"
    assert evac.location is not None and evac.location.country == "AZE"
    assert evac.actor[0].country == "AZE"  # local authorities of the place
    assert evac.event_date == date(2024, 3, 10)


def test_intent_to_negotiate_and_talks() -> None:
    events = _events("Islamabad said it was ready to hold talks with New Delhi.")
    intent = _only(events, "03")
    assert intent.cameo_code == "036"
    assert (intent.actor[0].country, intent.target[0].country) == ("PAK", "IND")
    talks = _only(_events("Serbian and Kosovar negotiators met in Brussels on Friday."), "04")
    assert (talks.actor[0].country, talks.target[0].country) == ("SRB", "XKX")


def test_mobilisation() -> None:
    mobilise = _only(_events("Sudan's army ordered a general mobilisation of reservists."), "15")
    assert mobilise.cameo_code == "154"
    assert (mobilise.actor[0].country, mobilise.actor[0].sector) == ("SDN", "MIL")
    assert mobilise.target == []


def test_evidence() -> None:
    text = (
        "Officials met on Monday.\n"
        "Talks stalled.\n"
        "Nothing moved.\n"
        '"Our forces will strike Kherson again," the Russian defence ministry said.'
    )
    events = _events(text)
    strike = _only(events, "19")
    ev = strike.evidence
    assert ev.sentence_id == 4 and not ev.in_lead
    assert ev.in_quote
    assert text[ev.start:ev.end] == ev.sentence
    assert text[strike.trigger.start:strike.trigger.end] == strike.trigger.text == "strike"
    assert strike.actor[0].country == "RUS"  # "our" in the ministry's quote
    assert 0.0 <= strike.confidence <= 1.0


def test_curly_quotes_count_as_quotes() -> None:
    text = "“We shelled nothing,” the Ukrainian army said. Ukrainian troops shelled Belgorod."
    events = [e for e in _events(text) if e.cameo_root == "19"]
    assert [e.evidence.in_quote for e in events] == [True, False]


def test_codes_carry_root_base_plover_quad_and_goldstein() -> None:
    for code in CODES.values():
        assert code.quad_class in (1, 2, 3, 4)
        assert -10.0 <= code.goldstein <= 10.0
        assert code.plover
    assert lookup("1123").root == "11" and lookup("1123").base == "112"
    assert lookup("036").root == "03"


def test_every_event_validates_against_the_contract() -> None:
    text = (
        "The Azerbaijani military on Tuesday threatened to strike military sites in Yerevan.\n"
        "Baku accused Yerevan of shelling a fuel depot near Ganja.\n"
        "Armenia's Defence Ministry denied it. Local authorities evacuated residents of Tavush."
    )
    for event in _events(text):
        again = Event.model_validate_json(event.encode())
        assert again == event
        assert event.coder.name == "newsflow-rules"


def test_refusing_to_talk_negates_the_talks() -> None:
    events = extract(article("The rebels, who have long refused to negotiate with Kabul, said "
                             "nothing."), extracted_at=EXTRACTED).events
    assert all(e.modality.negated for e in events if e.cameo_root in ("03", "04"))


def test_only_governments_armies_and_parties_make_statements() -> None:
    assert _events("Julie Graham, a Washington state health department officer, said the "
                   "campaign would work.") == []
    (statement,) = _events("Lebanon's information minister said the government remained "
                           "committed to the truce.")
    assert (statement.cameo_code, statement.actor[0].country) == ("010", "LBN")


@pytest.mark.parametrize("text", [
    "Russian forces shelled Kharkiv — the city's mayor said — and struck Sumy; no one died.",
    "Ukraine said it struck a depot; Russia denied it; talks continue — for now.",
    "— Israel struck Gaza overnight —",
    "No dash at all in this sentence about strikes on Kyiv.",
])
def test_segments_between_dashes_match_a_plain_scan(text: str) -> None:
    s = split_sentences(text)[0]
    coder = SentenceCoder(s, [], [], date(2024, 3, 12))
    dashes = ("—", "–", ";")
    for i in range(len(s.tokens)):
        lo = next((s.tokens[k].end for k in range(i - 1, -1, -1)
                   if s.tokens[k].text in dashes), s.start)
        hi = next((s.tokens[k].start for k in range(i + 1, len(s.tokens))
                   if s.tokens[k].text in dashes), s.end)
        assert coder._segment(i) == (lo, hi)


def test_force_between_two_countries_sides_goes_both_ways() -> None:
    events = _events(
        "Gunfire erupted between Kyrgyz and Tajik border guards near Batken on Wednesday, "
        "officials said."
    )
    force = [e for e in events if e.cameo_root == "19"]
    pairs = sorted(([a.country for a in e.actor], [t.country for t in e.target]) for e in force)
    assert pairs == [(["KGZ"], ["TJK"]), (["TJK"], ["KGZ"])]
    assert all(e.cameo_code == "193" for e in force)


def test_two_countries_freeing_prisoners_each_free_the_others_and_the_broker_mediates() -> None:
    events = _events(
        "Armenia and Azerbaijan each released 40 prisoners on Friday in a swap brokered by "
        "Qatar, officials said."
    )
    releases = sorted(([a.country for a in e.actor], [t.country for t in e.target])
                      for e in events if e.cameo_code == "0841")
    assert releases == [(["ARM"], ["AZE"]), (["AZE"], ["ARM"])]
    mediation = _only(events, "04")
    assert mediation.cameo_code == "045"
    assert [a.country for a in mediation.actor] == ["QAT"]
    assert sorted(t.country for t in mediation.target) == ["ARM", "AZE"]


def test_released_statement_is_no_release_of_persons() -> None:
    events = _events("Russia released a statement on the detained prisoners on Monday.")
    assert not [e for e in events if e.cameo_code == "0841"]


def test_summoning_an_envoy_to_lodge_a_protest_is_one_official_complaint() -> None:
    events = _events(
        "Egypt's foreign ministry summoned Ethiopia's ambassador in Cairo on Tuesday to lodge "
        "a formal protest."
    )
    complaint = _only(events, "11")
    assert complaint.cameo_code == "114"
    assert [a.country for a in complaint.actor] == ["EGY"]
    assert [t.country for t in complaint.target] == ["ETH"]


def test_protest_lodged_with_a_country_targets_it() -> None:
    complaint = _only(_events("Seoul lodged a protest with Tokyo over the textbook."), "11")
    assert [t.country for t in complaint.target] == ["JPN"]


def test_conditional_sanctions_said_of_the_other_side_are_a_threat_of_sanctions() -> None:
    events = _events(
        "The Canadian foreign minister said Ottawa would impose further sanctions if Iran "
        "kept arming the militia."
    )
    threat = _only(events, "13")
    assert threat.cameo_code == "1312"
    assert [a.country for a in threat.actor] == ["CAN"]
    assert [t.country for t in threat.target] == ["IRN"]


def test_torture_alleged_by_an_accuser() -> None:
    events = _events(
        "Georgia accused Russian guards of torturing Georgian detainees in Tskhinvali."
    )
    torture = next(e for e in events if e.cameo_code == "1822")
    assert torture.modality.claim == "alleged"
    assert [a.country for a in torture.actor] == ["RUS"]
    assert [t.country for t in torture.target] == ["GEO"]


def test_arrest_of_unnamed_people_at_home_targets_the_country_itself() -> None:
    arrest = _only(_events("Iranian police arrested dozens of protesters in Tehran on Monday."),
                   "17")
    assert arrest.cameo_code == "173"
    assert [a.country for a in arrest.actor] == ["IRN"]
    assert [t.country for t in arrest.target] == ["IRN"]


def test_warning_that_all_available_means_will_be_used_is_a_threat_of_force() -> None:
    events = _events(
        "Ghana's president warned that Accra would use all available means to defend its "
        "territory if Togolese troops crossed the border again."
    )
    assert _only(events, "13").cameo_code == "138"


def test_quoted_promise_of_a_befitting_response_is_a_threat_of_force() -> None:
    events = _events(
        "“Any aggression will be met with a befitting response,” a Sudanese army spokesman "
        "told reporters in Khartoum."
    )
    threat = _only(events, "13")
    assert threat.cameo_code == "138"
    assert [a.country for a in threat.actor] == ["SDN"]


def test_peaceful_means_and_in_response_to_are_no_force() -> None:
    events = _events(
        "China said it would use diplomatic means to settle the dispute. The statement came "
        "in response to a military parade in Manila."
    )
    assert not [e for e in events if e.cameo_root in ("13", "19")]


def test_readiness_to_release_prisoners_is_an_intent_to_release() -> None:
    events = _events(
        "Hamas said it was willing to release all hostages if Israel halted its offensive."
    )
    intent = next(e for e in events if e.cameo_root == "03")
    assert intent.cameo_code == "0353"
    assert not intent.modality.hypothetical
    assert [a.country for a in intent.actor] == ["PSE"]
    assert [t.country for t in intent.target] == ["ISR"]


def test_rejecting_a_proposal_without_an_object_answers_its_proposer() -> None:
    events = _events(
        "Serbia's president said Belgrade was ready to hold talks with Kosovo next month. "
        "A Kosovo government spokesman dismissed the offer."
    )
    rejection = _only(events, "12")
    assert [a.country for a in rejection.actor] == ["XKX"]
    assert [t.country for t in rejection.target] == ["SRB"]


def test_envoys_ordered_to_leave_the_country_are_expelled_by_who_ordered_it() -> None:
    events = _events("Mali gave the French ambassador 72 hours to leave the country on Monday.")
    expulsion = _only(events, "16")
    assert expulsion.cameo_code == "161"
    assert not expulsion.modality.hypothetical
    assert [a.country for a in expulsion.actor] == ["MLI"]
    assert [t.country for t in expulsion.target] == ["FRA"]


def test_envoy_leaving_on_its_own_is_no_expulsion() -> None:
    assert not _events("The Russian ambassador left the country on Friday.")


def test_undated_force_between_the_same_countries_is_on_the_day_told_first() -> None:
    events = _events(
        "Eritrean troops shelled Ethiopian positions near Zalambessa on Sunday, the Ethiopian "
        "army said. Ethiopian troops returned fire, an army spokesman said."
    )
    shelling = next(e for e in events if e.cameo_code == "194")
    reply = next(e for e in events if [a.country for a in e.actor] == ["ETH"]
                 and e.cameo_root == "19")
    assert reply.event_date == shelling.event_date
    assert reply.date_precision == "day"


def test_force_noun_with_a_perfect_verb_reported_by_the_other_side_is_alleged() -> None:
    events = _events(
        "India's army said Pakistani shelling had killed two villagers near Poonch."
    )
    shelling = _only(events, "19")
    assert shelling.cameo_code == "194"
    assert shelling.modality.claim == "alleged"
    assert [a.country for a in shelling.actor] == ["PAK"]
    assert [t.country for t in shelling.target] == ["IND"]
