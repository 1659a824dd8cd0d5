"""Messages built from dicts in one pass equal the ones the models' constructors build."""

from datetime import UTC, date, datetime

from newsflow.messages import Actor, Coder, Entity, Event, Mention, Quote
from services.extractor import extract
from services.extractor.messages import build, build_entities, build_quotes
from tests.extractor.articles import EXTRACTED, article

_NOW = datetime(2024, 3, 12, 9, 0, tzinfo=UTC)


def _event_fields(goldstein: float | int) -> dict[str, object]:
    return {
        "event_id": "e1", "article_id": "a1", "source_url": "https://example.org/a",
        "published_at": _NOW, "extracted_at": _NOW, "event_date": date(2024, 3, 12),
        "date_precision": "day",
        "actor": [{"text": "Russian forces", "name": "Russia", "country": "RUS",
                   "sector": "MIL"}],
        "target": [],
        "cameo_code": "190", "cameo_root": "19", "cameo_base": "190", "plover": "ASSAULT",
        "quad_class": 4, "goldstein": goldstein,
        "trigger": {"text": "shelled", "start": 15, "end": 22},
        "modality": {"negated": False, "hypothetical": False, "claim": "asserted",
                     "claimed_by": None, "historical": False},
        "location": None,
        "evidence": {"sentence": "Russian forces shelled Kharkiv.", "sentence_id": 1,
                     "start": 0, "end": 31, "in_lead": True, "in_quote": False},
        "confidence": 0.8, "coder": Coder(name="newsflow-rules", version="0.1.0"),
    }


def test_build_equals_the_constructor() -> None:
    fields = _event_fields(-10.0)
    built = build(Event, fields)
    assert built == Event.model_validate(fields)
    assert built.actor == [Actor(text="Russian forces", name="Russia", country="RUS",
                                 sector="MIL")]


def test_a_value_only_lax_validation_accepts_falls_back_to_it() -> None:
    # An int where a float belongs fails strict validation; the lax pass coerces it,
    # as the constructor would.
    built = build(Event, _event_fields(-10))
    assert isinstance(built.goldstein, float)
    assert built.model_dump_json() == Event.model_validate(_event_fields(-10)).model_dump_json()


def test_entity_and_quote_lists() -> None:
    entities = build_entities([{"name": "Kyiv", "kind": "GPE", "country": "UKR",
                                "mentions": [{"text": "Kyiv", "start": 0, "end": 4}]}])
    assert entities == [Entity(name="Kyiv", kind="GPE", country="UKR",
                               mentions=[Mention(text="Kyiv", start=0, end=4)])]
    quotes = build_quotes([{"text": "We will respond", "kind": "direct", "speaker": "Peskov",
                            "sentence_id": 2, "start": 10, "end": 25}])
    assert quotes == [Quote(text="We will respond", kind="direct", speaker="Peskov",
                            sentence_id=2, start=10, end=25)]


def test_extracted_events_and_annotations_survive_revalidation() -> None:
    result = extract(article(
        "Russian forces shelled Kharkiv on Tuesday, the regional governor said. "
        "Moscow accused Kyiv of striking a fuel depot near Belgorod, and Ukraine denied it."
    ), extracted_at=EXTRACTED)
    assert result.events
    for event in result.events:
        assert Event.model_validate_json(event.model_dump_json(by_alias=True)) == event
    annotations = result.annotations
    assert type(annotations).model_validate_json(
        annotations.model_dump_json(by_alias=True)) == annotations
