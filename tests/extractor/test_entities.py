"""Named entities, and how countries, capitals and role nouns become actors."""

from services.extractor import extract
from services.extractor.entities import recognise
from services.extractor.names import known_phrases, match_known
from services.extractor.participants import ParticipantFinder
from services.extractor.sentences import split_sentences
from tests.extractor.articles import EXTRACTED, article


def _participants(text: str) -> list[list[tuple[str, str | None, str | None]]]:
    sentences = split_sentences(text)
    table = recognise(sentences)
    finder = ParticipantFinder()
    return [
        [(p.text, p.country, p.sector) for p in finder.find(s, table.mentions[s.id])]
        for s in sentences
    ]


def test_demonyms_and_role_nouns() -> None:
    (parts,) = _participants(
        "Russian forces and Ukrainian officials met local residents and Belarusian police."
    )
    assert parts == [
        ("Russian forces", "RUS", "MIL"),
        ("Ukrainian officials", "UKR", "GOV"),
        ("local residents", None, "CVL"),
        ("Belarusian police", "BLR", "COP"),
    ]


def test_possessives_ministries_and_pronouns() -> None:
    (first, second) = _participants(
        "Georgia's defence ministry condemned the raid. The ministry said its troops were safe."
    )
    assert first == [("Georgia's defence ministry", "GEO", "MIL")]
    assert ("ministry", "GEO", "MIL") in second
    assert ("its troops", "GEO", "MIL") in second


def test_capitals_act_for_governments_but_are_places_after_prepositions() -> None:
    text = "Moscow accused Kiev of shelling a depot. Officials in Kyiv denied it."
    (first, second) = _participants(text)
    assert ("Moscow", "RUS", "GOV") in first
    assert ("Kiev", "UKR", "GOV") in first
    events = extract(article(text), extracted_at=EXTRACTED).events
    accusation = next(e for e in events if e.cameo_code.startswith("112"))
    assert (accusation.actor[0].name, accusation.actor[0].sector) == ("Russia", "GOV")
    assert (accusation.target[0].name, accusation.target[0].text) == ("Ukraine", "Kiev")


def test_metonyms() -> None:
    (parts,) = _participants("The Kremlin and the White House traded barbs.")
    assert parts == [("Kremlin", "RUS", "GOV"), ("White House", "USA", "GOV")]


def test_titled_people_and_surname_coreference() -> None:
    text = (
        "Armenian Defence Ministry spokesman Col. Aram Sargsyan said the border was calm.\n"
        "Sargsyan later added that patrols continued."
    )
    entities = extract(article(text), extracted_at=EXTRACTED).annotations.entities
    person = next(e for e in entities if e.kind == "PERSON")
    assert person.name == "Aram Sargsyan"
    assert person.country == "ARM"
    assert person.sector == "MIL"  # a colonel, at the defence ministry
    assert person.role is not None and "spokesman" in person.role
    assert [m.text for m in person.mentions] == ["Aram Sargsyan", "Sargsyan"]
    for m in person.mentions:
        assert text[m.start:m.end] == m.text


def test_entity_kinds() -> None:
    text = ("NATO officials met President Emmanuel Macron in Paris, Reuters reported, "
            "as French diplomats left the Black Sea region.")
    entities = {e.name: e for e in extract(article(text), extracted_at=EXTRACTED)
                .annotations.entities}
    assert entities["NATO"].kind == "ORG" and entities["NATO"].sector == "IGO"
    assert entities["Emmanuel Macron"].kind == "PERSON"
    assert entities["Paris"].kind == "GPE" and entities["Paris"].country == "FRA"
    assert entities["Reuters"].sector == "MED"
    assert entities["French"].kind == "NORP" and entities["French"].country == "FRA"


def test_headline_in_title_case_yields_only_known_names() -> None:
    (parts,) = _participants("Kremlin Warns Of Swift Response To Border Raids")
    assert parts == [("Kremlin", "RUS", "GOV")]


def test_congo_alone_is_the_democratic_republic() -> None:
    (first, second) = _participants(
        "Congo's army said it retook the town. The Republic of Congo said its border was calm."
    )
    assert ("Congo's army", "COD", "MIL") in first
    assert ("Republic of Congo", "COG", None) in second


def test_demonyms_of_smaller_countries() -> None:
    (parts,) = _participants("Guyanese soldiers and Djiboutian officials met Gabonese police.")
    assert [p[1] for p in parts] == ["GUY", "DJI", "GAB"]


def test_match_known_takes_the_longest_phrase_and_skips_unknown_first_words() -> None:
    longest = max(known_phrases(), key=len)
    texts = ["the", *longest, "said"]
    found = match_known(texts, 1)
    assert found is not None and found[0] == len(longest)
    assert match_known(["zzqx", "Ukraine"], 0) is None
    assert match_known(["Ukraine"], 1) is None  # past the end
    assert match_known(["Ukraine"], 0) == (1, known_phrases()[("Ukraine",)])
    # a known start word whose longer phrases do not follow still matches alone
    assert match_known(["South", "Korea"], 0) == (2, known_phrases()[("South", "Korea")])
