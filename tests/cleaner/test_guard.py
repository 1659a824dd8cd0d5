"""Reporting that contains a phrase boilerplate also uses stays; the boilerplate itself still goes.

Each kept paragraph below carries one phrase that a single-paragraph rule
matches ("can be reached at", "Copyright", "via AFP", "Subscribers only" ...),
inside a sentence of reporting. Placed between two paragraphs of a story, and
at the foot of it, it must be kept; the short line that is only the boilerplate
must still go.
"""

import pytest

from services.cleaner.boilerplate import strip_boilerplate

STORY = [
    "The harbour authority approved a plan on Friday to dredge the eastern channel before the "
    "autumn storms, after two cargo ships ran aground there in August.",
    "Pilots have asked for the work for years, and the authority's engineers estimate it will "
    "take eleven weeks and cost about 18 million pounds.",
]

REPORTING = [
    # author_bio contact rules
    "The harbour's emergency desk can be reached at 112 around the clock, and a radio channel "
    "for small boats opened in May, the authority's chief engineer told the board on Friday.",
    "Fishermen can email the harbour office at berths@portgrey.example to object to the closures "
    "before the deadline at the end of the month.",
    # legal
    "Copyright on the port's old survey charts lapsed in 2021, which allowed a local museum to "
    "print them for a new exhibition about the dredging.",
    # donation appeal inside an aside
    "The lifeboat station's motto — kept afloat by supporters like you — is painted on the side "
    "of its newest boat, a reminder of the appeal that paid for it.",
    # audio notice as a clause of a sentence
    "Voice is AI-generated, the warning now says under every automated berth announcement, since "
    "the port replaced its night announcers last winter.",
    # update notes about someone else's document
    "This report was revised three times by the port's own auditors before it was sent to the "
    "transport ministry in June.",
    "Dieser Artikel wurde im Frühjahr vom Hafenverein selbst berichtigt und korrigiert, nachdem "
    "Kapitäne auf falsche Tiefenangaben hingewiesen hatten.",
    # a credit's words in a sentence
    "The survey footage was first shown via AFP.",
    "The first sonar map of the channel was published on Monday — courtesy of the Marine "
    "Survey Institute.",
    "The dredger's control software talks to the shore over an old serial link (RS/232).",
    # link labels
    "Don't miss Thursday's board meeting, where pilots will present their own survey.",
    "Watch: the dredger is easiest to spot from the pier at low tide in the early morning.",
    # paywall words
    "The ferry company's subscribers only rose by 3 percent last year, well short of the "
    "forecast in its annual report.",
    # imperatives reported, in English, German and Spanish
    "The harbour's advice to skippers was short. Download the tide app again, check the new "
    "buoys and call the pilot station before entering.",
    "Werden Sie Mitglied, und Sie bekommen einen Liegeplatz — so stand es auf den gefälschten "
    "Aushängen, die im Hafen auftauchten.",
    "Descarga la aplicación y reserva tu amarre, decía el cartel falso que la policía retiró del "
    "muelle el martes por la mañana.",
    # stamp words opening a sentence of reporting
    "Published on June 4, the survey counts 230 wrecks in the outer harbour.",
    "Publicado el 4 de junio, el estudio cuenta 230 pecios en el puerto exterior.",
    # press words in reporting
    "For press inquiries during the dredging, the authority hired a spokesperson who answered "
    "400 calls in the first week.",
    "A court ruled last year that the forward-looking statements in the ferry company's 2022 "
    "prospectus were covered by the safe harbor, ending a shareholder suit.",
    # a sentence opening like a byline
    "Por Vigo, mientras tanto, pasarán doce dragas nuevas en julio.",
    # attributed in another language
    "Unterstützen Sie unabhängigen Journalismus, sagte der Verleger bei der Eröffnung der "
    "neuen Hafenredaktion am Dienstag vor rund hundert Gästen.",
]


@pytest.mark.parametrize("text", REPORTING, ids=lambda t: t[:30])
@pytest.mark.parametrize("where", ["middle", "foot"])
def test_reporting_with_a_boilerplate_phrase_is_kept(text: str, where: str) -> None:
    body = [STORY[0], text, STORY[1]] if where == "middle" else [*STORY, text]
    result = strip_boilerplate(body)
    assert text in result.kept, [r.kind for r in result.removed]


BOILERPLATE = [
    ("Reach the harbour desk at harbour@portgrey.example", "author_bio"),
    ("Tomas Lind can be reached at tlind@portgrey.example", "author_bio"),
    ("Copyright 2026 Port Grey Gazette", "legal"),
    ("Voice is AI-generated. Tell us about a mistake.", "audio_notice"),
    ("This story was updated at 9:10 a.m. to add the ministry's reply.", "stamp"),
    ("Dieser Artikel wurde am Mittwoch aktualisiert.", "stamp"),
    ("Published on June 4, 2026 at 10:15", "stamp"),
    ("Publicado el 4 de junio de 2026, 10:15", "stamp"),
    ("Subscribers only: read every survey in full.", "subscription"),
    ("Don't miss The week in shipping", "related"),
    ("For media inquiries, contact Ana Brook at +44 20 7946 0456", "press_boilerplate"),
    ("Werden Sie Mitglied und lesen Sie alle Artikel.", "donation_appeal"),
    # long, but speaking for the outlet
    ("As a reader-funded newsroom, the Port Grey Gazette relies on gifts from the towns it covers, "
     "and every gift this week is matched by a trust: donate today.", "donation_appeal"),
]


@pytest.mark.parametrize(("text", "kind"), BOILERPLATE, ids=lambda t: str(t)[:30])
def test_the_boilerplate_line_itself_still_goes(text: str, kind: str) -> None:
    result = strip_boilerplate([STORY[0], text, STORY[1]])
    assert text not in result.kept
    assert kind in [r.kind for r in result.removed]


def test_an_acronym_of_six_letters_opening_the_story_is_not_a_dateline() -> None:
    first = ("INTERPOL — The police organisation said on Monday that stolen ship registries were "
             "being sold online to crews working for smugglers.")
    result = strip_boilerplate([first, STORY[1]])
    assert result.kept[0] == first


def test_a_history_under_an_about_subheading_is_reporting() -> None:
    body = [*STORY,
            "Dredging at the port also drew attention to the company doing it.",
            "About Tideline",
            "Tideline was set up in 1987 as a salvage firm in Hull and only took on harbour work "
            "in 2009, after its salvage contracts dried up.",
            "Its record on schedules is mixed, according to two port authorities that hired it.",
            "Shares in its parent fell 4 percent on Friday."]
    result = strip_boilerplate(body)
    assert body[-3:] == result.kept[-3:]


def test_a_media_contact_stops_at_the_about_heading_and_the_description_goes() -> None:
    body = [*STORY, STORY[0].replace("Friday", "Monday"),
            "Media contact", "Ana Brook", "+44 20 7946 0456", "press@portgrey.example",
            "About Tideline Marine",
            "Tideline Marine is a dredging company working in 14 ports across northern Europe."]
    result = strip_boilerplate(body)
    assert all(line not in result.kept for line in body[4:])
    assert [r.kind for r in result.removed].count("press_boilerplate") >= 6


@pytest.mark.parametrize("byline", ["By Tomas Lind and Ana Brook", "Von Mara Keller und Jonas Beck",
                                    "By Tomas Lind | Harbour Correspondent"])
def test_a_byline_of_capitalised_names_above_the_story_goes(byline: str) -> None:
    result = strip_boilerplate([byline, *STORY])
    assert result.kept == STORY
    assert [r.kind for r in result.removed] == ["author_bio"]
