"""Short labels and prompts, in English and other languages, and the list under a tail heading.

Each label is a whole short line; it goes between two paragraphs of the story and
as the body's first or last paragraph. Each rule has a counterpart: a sentence of
reporting that uses the same words and stays.
"""

from __future__ import annotations

import pytest

from services.cleaner.boilerplate import strip_boilerplate
from tests.cleaner.placing import assert_goes_wherever_placed, placed

STORY = [
    "The district council agreed on Monday to reopen the old ferry between Dunmore and the "
    "island by June, after a survey found the landing stage could be repaired cheaply.",
    "A return ticket will cost four euros, and islanders with a resident's card will travel "
    "free on weekdays, the council's transport officer told the meeting.",
    "Boat owners on the island said the ferry would bring back day visitors, who stopped "
    "coming when the crossing closed in the storms of two winters ago.",
]

LABELS = {
    "photo_credit": [
        "Foto: dpa",
        "Fotos: Marta Lindqvist",
        "Bild: picture alliance / dpa",
        "Imagen: EFE",
    ],
    "related": [
        "Das könnte Sie auch interessieren",
        "Mehr zum Thema",
        "Te puede interesar",
        "Lee también",
        "Leia também",
        "À lire aussi",
    ],
    "navigation": ["Anzeige", "Werbung", "Publicidad", "Publicité", "Advertisement"],
    "share_prompt": [
        "Artikel teilen",
        "Comparte esta noticia",
        "Partager cet article",
        "Click to share on WhatsApp (Opens in new window)",
        "Click to print (Opens in new window)",
        "Share on Facebook (Opens in new window)",
        "Like what you read? Share this story with a friend on the island.",
    ],
    "subscription": [
        "Abonnieren Sie unseren Newsletter und erhalten Sie jeden Morgen die Nachrichten "
        "aus der Region.",
        "Suscríbete a nuestro boletín y recibe cada viernes lo más leído de la semana.",
        "Abonnez-vous à notre newsletter",
        "Want more from Dunmore? Get the Harbour Briefing every weekday at 7 a.m.",
    ],
    "source_line": [
        "This article is republished from The Island Courier under a Creative Commons "
        "license. Read the original article.",
        "Republished with permission from the Dunmore Weekly.",
    ],
    "legal": ["Our Standards: The Trust Principles.", "Editorial standards"],
}
CASES = [(kind, line) for kind, lines in LABELS.items() for line in lines]

# the same words in sentences of reporting, which stay wherever they stand
REPORTING = [
    "Bild: Die Zeitung berichtete am Montag zuerst über den Streit um die Fähre.",
    "Mehr zum Thema Fähre wollte der Bürgermeister am Abend nicht sagen.",
    "Lee también fue concejal de Dunmore durante dos mandatos.",
    "Die Anzeige erschien am Montag in drei Zeitungen der Region.",
    "Advertisement revenue at the island's paper fell by a third last year.",
    "Partager cet article a valu une amende à un élu, a dit le juge.",
    "Residents were asked to share the story of the storm with the council's inquiry.",
    "Who pays for the landing stage? Share the cost with the state, the islanders urged.",
    "Mehr als 4000 Menschen abonnieren den Newsletter des Vereins, sagte die Sprecherin.",
    "Want a seat on the first crossing? Get the ticket early, the ferry's captain said, "
    "because only forty will be sold every day.",
    "The survey was published under a Creative Commons license so that other councils "
    "could reuse its data.",
    "Our standards for the landing stage are stricter than the ministry's, the engineer said.",
]


@pytest.mark.parametrize("where", ["middle", "top", "end"])
@pytest.mark.parametrize(("kind", "line"), CASES, ids=lambda v: str(v)[:32])
def test_a_short_label_goes_wherever_it_stands(kind: str, line: str, where: str) -> None:
    assert_goes_wherever_placed(STORY, kind, line, where)


@pytest.mark.parametrize("where", ["middle", "end"])
@pytest.mark.parametrize("sentence", REPORTING, ids=lambda v: str(v)[:32])
def test_the_same_words_in_reporting_stay(sentence: str, where: str) -> None:
    body = placed(STORY, sentence, where)
    result = strip_boilerplate(body)
    assert result.kept == body and result.removed == []


TAGS = ["Ferries", "Dunmore", "Island life"]


@pytest.mark.parametrize("heading", ["Related Topics", "Tags", "More on this story",
                                     "Mehr zum Thema", "Te puede interesar"])
def test_a_plain_list_under_a_tail_heading_goes(heading: str) -> None:
    result = strip_boilerplate([*STORY, heading, *TAGS])
    assert result.kept == STORY
    assert [r.kind for r in result.removed] == ["related"] * (1 + len(TAGS))


def test_a_short_closing_line_before_the_heading_stays() -> None:
    closing = "The first crossing is planned for the second of June."
    result = strip_boilerplate([*STORY, closing, "Related Topics", *TAGS])
    assert result.kept == [*STORY, closing]


def test_the_list_ends_at_the_next_paragraph_of_reporting() -> None:
    after = ("Islanders will vote in May on whether the council should also run a winter "
             "timetable, which the ferry's operator says would need a second crew.")
    statement = "The vote is not binding."
    result = strip_boilerplate([*STORY, "Tags", *TAGS, after, statement])
    assert result.kept == [*STORY, after, statement]


def test_a_statement_right_under_the_heading_ends_the_list() -> None:
    statement = "The council meets again in May."
    result = strip_boilerplate([*STORY, "Most read", statement])
    assert result.kept == [*STORY, statement]


def test_switched_off_the_list_stays() -> None:
    body = [*STORY, "Related Topics", *TAGS]
    assert strip_boilerplate(body, disabled={"related"}).kept == body
