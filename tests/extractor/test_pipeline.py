"""The stage core as a whole: determinism, annotations, languages, speed."""

from datetime import UTC, datetime, timedelta

import pytest

from newsflow.messages import Annotations, Event
from services.extractor import CODER, Extraction, extract
from tests.extractor.articles import EXTRACTED, article

STORY = (
    "Georgia's Interior Ministry said on Wednesday that Russian-backed forces had shelled "
    "villages near the town of Gori, damaging a school.\n"
    "Tbilisi accused Moscow of violating the ceasefire.\n"
    '"We will respond to any further attack," Interior Minister Giorgi Beridze told '
    "reporters.\n"
    "The Kremlin denied the accusation. Local authorities evacuated 120 residents from Gori "
    "late last month, Beridze said."
)


def test_extraction_record() -> None:
    result = extract(article(STORY), extracted_at=EXTRACTED)
    assert isinstance(result, Extraction)
    ann = result.annotations
    assert isinstance(ann, Annotations)
    assert ann.sentences == 5
    assert ann.coder == CODER
    assert ann.event_ids == [e.event_id for e in result.events]
    assert len(set(ann.event_ids)) == len(ann.event_ids)
    assert {e.name for e in ann.entities} >= {"Georgia", "Gori", "Giorgi Beridze", "Kremlin"}
    for e in result.events:
        assert e.article_id == ann.article_id
        assert e.extracted_at == EXTRACTED
        assert e.source_url == "https://news.example/story"
    Annotations.model_validate_json(ann.encode())


def test_same_input_same_ids_and_events() -> None:
    first = extract(article(STORY), extracted_at=EXTRACTED)
    second = extract(article(STORY), extracted_at=EXTRACTED + timedelta(hours=5))
    assert [e.event_id for e in first.events] == [e.event_id for e in second.events]
    strip = {"extracted_at"}
    assert [e.model_dump(exclude=strip) for e in first.events] == [
        e.model_dump(exclude=strip) for e in second.events
    ]
    assert first.annotations.model_dump(exclude=strip) == second.annotations.model_dump(
        exclude=strip
    )


def test_event_ids_depend_on_article_and_content() -> None:
    a = extract(article(STORY, slug="one"), extracted_at=EXTRACTED).events
    b = extract(article(STORY, slug="two"), extracted_at=EXTRACTED).events
    assert {e.event_id for e in a}.isdisjoint({e.event_id for e in b})


def test_other_languages_get_no_events() -> None:
    result = extract(article("Rosyjskie wojska ostrzelały Charków.", language="pl"),
                     extracted_at=EXTRACTED)
    assert result.events == []
    assert result.annotations.sentences == 1
    assert result.annotations.entities == []


def test_naive_extraction_time_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        extract(article(STORY), extracted_at=datetime(2024, 3, 14, 12, 0))


def test_empty_article() -> None:
    result = extract(article(""), extracted_at=EXTRACTED)
    assert result.events == [] and result.annotations.sentences == 0


def test_events_round_trip_as_json() -> None:
    for e in extract(article(STORY), extracted_at=EXTRACTED).events:
        assert Event.model_validate_json(e.encode()) == e
        assert e.extracted_at.tzinfo is not None
        assert e.published_at == datetime(2024, 3, 14, 10, 0, tzinfo=UTC)
