"""The published JSON Schemas match the models, and messages validate against them."""

import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from newsflow import codec, topics
from newsflow.errors import InvalidMessage
from newsflow.messages import RawArticle
from newsflow.schemas import schema_documents


def test_published_schemas_are_up_to_date(repo_root: Path) -> None:
    for file_name, schema in schema_documents().items():
        published = json.loads((repo_root / "schemas" / file_name).read_text())
        assert published == json.loads(json.dumps(schema)), (
            f"schemas/{file_name} is stale: run `make schemas`")


def _raw() -> RawArticle:
    return RawArticle(
        article_id="abc", url="https://a.example/x", final_url="https://a.example/x",
        feed_id="f", fetched_at=datetime(2026, 1, 1, tzinfo=UTC), status=200,
        html="<html></html>",
    )


def test_encoded_message_validates_against_published_schema(repo_root: Path) -> None:
    schema = json.loads((repo_root / "schemas" / f"{topics.RAW_ARTICLES}.json").read_text())
    document = json.loads(codec.encode(_raw()))
    jsonschema.validate(document, schema)
    assert document["schema"] == topics.RAW_ARTICLES


def test_decode_round_trip() -> None:
    raw = _raw()
    assert codec.decode(topics.RAW_ARTICLES, codec.encode(raw)) == raw


@pytest.mark.parametrize("value", [b"not json", b"{}", None, b'{"schema": "other"}'])
def test_decode_rejects_bad_messages_clearly(value: bytes | None) -> None:
    with pytest.raises(InvalidMessage, match=topics.RAW_ARTICLES):
        codec.decode(topics.RAW_ARTICLES, value)
