"""The published contracts: JSON Schema of each topic's message model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsflow import topics
from newsflow.messages import TOPIC_MODELS, DeadLetter, Message


def schema_documents() -> dict[str, dict[str, Any]]:
    """JSON Schema (draft 2020-12) of every topic's value, keyed by file name."""
    docs: dict[str, dict[str, Any]] = {}
    models: dict[str, type[Message]] = {**TOPIC_MODELS, "newsflow.deadletter.v1": DeadLetter}
    for name, model in models.items():
        schema = model.model_json_schema(by_alias=True, mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"https://newsflow.dev/schemas/{name}.json"
        if name in topics.ALL:
            schema["x-topic"] = name
        docs[f"{name}.json"] = schema
    return docs


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema document into ``out_dir``; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, schema in schema_documents().items():
        path = out_dir / file_name
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written
