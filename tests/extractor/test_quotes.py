"""Direct and reported quotes, attributed to their speakers."""

from newsflow.messages import Quote
from services.extractor import extract
from services.extractor.quotes import quote_spans
from tests.extractor.articles import EXTRACTED, article

TEXT = (
    "Polish border guards detained 40 migrants near the town of Hajnowka on Friday, "
    "officials said.\n"
    '"We will not allow anyone to cross the border illegally," Interior Ministry spokesman '
    "Col. Tomasz Wrona told reporters in Warsaw.\n"
    '"The situation is under control," he added.\n'
    "Wrona said that patrols along the frontier would be doubled.\n"
    "“Our neighbours know exactly what is happening,” said Wrona."
)


def _quotes(text: str) -> list[Quote]:
    return extract(article(text), extracted_at=EXTRACTED).annotations.quotes


def test_direct_quotes_attributed_to_a_titled_speaker_and_his_surname() -> None:
    direct = [q for q in _quotes(TEXT) if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "We will not allow anyone to cross the border illegally",
        "The situation is under control",
        "Our neighbours know exactly what is happening",
    ]
    assert {q.speaker for q in direct} == {"Tomasz Wrona"}
    assert all(q.speaker_role == "Interior Ministry spokesman Col." for q in direct)
    for q in direct:
        assert TEXT[q.start:q.end].startswith(q.text)
    assert [q.sentence_id for q in direct] == [2, 3, 5]


def test_reported_speech() -> None:
    reported = [q for q in _quotes(TEXT) if q.kind == "reported"]
    assert [(q.speaker, q.text) for q in reported] == [
        ("officials", "Polish border guards detained 40 migrants near the town of Hajnowka on "
                      "Friday"),
        ("Tomasz Wrona", "patrols along the frontier would be doubled"),
    ]


def test_quote_continues_in_the_next_paragraph() -> None:
    text = (
        '"The shelling went on all night," regional governor Olena Marchuk said.\n'
        '"Three houses burned down and the school lost its roof."'
    )
    quotes = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Olena Marchuk", "Olena Marchuk"]


def test_speaker_named_before_the_quote() -> None:
    text = ('Senior Georgian official Levan Kapanadze told the newspaper that "of course we will '
            'defend every village."')
    (quote,) = [q for q in _quotes(text) if q.kind == "direct"]
    assert quote.speaker == "Levan Kapanadze"
    assert quote.speaker_role == "Senior Georgian official"


def test_scare_quotes_are_not_quotes() -> None:
    text = 'Moscow called the raids "terrorism" and the drones "provocations".'
    assert [q for q in _quotes(text) if q.kind == "direct"] == []


def test_quote_spans_pair_mixed_marks() -> None:
    text = '“We have documents prepared," he said. "Yes."\n"Unclosed quote runs on'
    spans = [text[s.start:s.end] for s in quote_spans(text)]
    assert spans == ["We have documents prepared,", "Yes.", "Unclosed quote runs on"]
