"""Dates resolve against the publication date, with the precision the text allows."""

from datetime import UTC, date, datetime

import pytest

from services.extractor import extract
from services.extractor.dates import find_dates
from tests.extractor.articles import EXTRACTED, article

THURSDAY = date(2024, 3, 14)
WEDNESDAY = date(2024, 3, 13)


def _one(text: str, published: date) -> tuple[date, str]:
    found = find_dates(text, 0, published)
    assert len(found) == 1, found
    return found[0].value, found[0].precision


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("troops advanced on Wednesday", THURSDAY, date(2024, 3, 13)),
        ("troops advanced on Wednesday", WEDNESDAY, date(2024, 3, 13)),  # same day counts
        ("troops advanced Tuesday", WEDNESDAY, date(2024, 3, 12)),
        ("troops advanced on Thursday", WEDNESDAY, date(2024, 3, 7)),
        ("the raid last Wednesday", WEDNESDAY, date(2024, 3, 6)),
        ("the blast yesterday", THURSDAY, date(2024, 3, 13)),
        ("the vote today", THURSDAY, THURSDAY),
        ("three days ago", THURSDAY, date(2024, 3, 11)),
    ],
)
def test_days(text: str, published: date, expected: date) -> None:
    assert _one(text, published) == (expected, "day")


def test_a_date_across_the_year_boundary() -> None:
    assert _one("an assault on December 30 killed five", date(2024, 1, 4)) == (
        date(2023, 12, 30), "day"
    )
    assert _one("the summit on Dec. 30", date(2024, 12, 31)) == (date(2024, 12, 30), "day")


def test_month_day_with_abbreviation_and_year() -> None:
    assert _one("since the invasion on Feb. 24", date(2022, 4, 1)) == (date(2022, 2, 24), "day")
    assert _one("on 3 May 2021 the talks", date(2024, 1, 1)) == (date(2021, 5, 3), "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("an assault late last month", date(2024, 2, 1)),
        ("an assault last month", date(2024, 2, 1)),
        ("the strikes earlier this month", date(2024, 3, 1)),
        ("in November the talks", date(2023, 11, 1)),
        ("in March 2022 the siege", date(2022, 3, 1)),
        ("clashes last week", date(2024, 3, 7)),
    ],
)
def test_month_precision(text: str, expected: date) -> None:
    assert _one(text, THURSDAY) == (expected, "month")


def test_may_the_verb_is_no_month() -> None:
    assert find_dates("the army may strike again", 0, THURSDAY) == []


def test_event_without_a_date_falls_back_to_publication() -> None:
    result = extract(article("Rebels attacked a convoy near Goma."), extracted_at=EXTRACTED)
    (event,) = result.events
    assert event.event_date == THURSDAY
    assert event.date_precision == "publication_date"


def test_without_publication_date_the_extraction_date_is_used() -> None:
    extracted = datetime(2024, 5, 2, 23, 0, tzinfo=UTC)
    result = extract(article("Rebels attacked a convoy near Goma.", published=None),
                     extracted_at=extracted)
    (event,) = result.events
    assert event.event_date == date(2024, 5, 2)
    assert event.date_precision == "publication_date"
    assert event.published_at is None


def test_event_takes_the_date_of_its_sentence() -> None:
    text = "Rebels attacked a convoy near Goma on Tuesday."
    (event,) = extract(article(text), extracted_at=EXTRACTED).events
    assert (event.event_date, event.date_precision) == (date(2024, 3, 12), "day")


def test_an_announced_meeting_is_an_intent_dated_when_announced() -> None:
    """CAMEO codes "will meet" as the intent (036), which happened when it was announced;
    the meeting's own day ("on Monday") does not date it."""
    text = "The French and German foreign ministers will meet in Geneva on Monday."
    (meeting,) = extract(article(text), extracted_at=EXTRACTED).events
    assert meeting.cameo_code == "036"
    assert [a.country for a in meeting.actor] == ["FRA"]
    assert [t.country for t in meeting.target] == ["DEU"]
    assert not meeting.modality.hypothetical
    assert (meeting.event_date, meeting.date_precision) == (THURSDAY, "publication_date")


def test_a_threatened_act_takes_the_next_such_day() -> None:
    text = "Turkey said its troops would strike Kurdish positions in Syria on Monday."
    events = extract(article(text), extracted_at=EXTRACTED).events
    (strike,) = [e for e in events if e.cameo_root == "19"]
    assert strike.modality.hypothetical
    assert strike.event_date == date(2024, 3, 18)
    (threat,) = [e for e in events if e.cameo_root == "13"]
    assert threat.event_date == THURSDAY


def test_looking_ahead_does_not_date_what_was_said() -> None:
    text = "Baku said it was ready to resume talks with Yerevan later this month."
    (intent,) = extract(article(text), extracted_at=EXTRACTED).events
    assert intent.cameo_code == "036"
    assert intent.date_precision == "publication_date"


def test_a_placeholder_publication_date_is_no_date() -> None:
    """Pages that declare "0001-01-01" must neither crash the coder nor date events in year 1."""
    extracted = datetime(2024, 5, 2, 23, 0, tzinfo=UTC)
    placeholder = datetime(1, 1, 1, tzinfo=UTC)
    result = extract(article("Rebels attacked a convoy near Goma on Wednesday.",
                             published=placeholder), extracted_at=extracted)
    (event,) = result.events
    assert event.event_date == date(2024, 5, 1)  # the Wednesday before the extraction


def test_dates_at_the_edge_of_the_calendar_are_skipped() -> None:
    assert find_dates("on Wednesday and last month", 0, date(1, 1, 1)) == []
