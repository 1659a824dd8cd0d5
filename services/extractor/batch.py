"""``newsflow extract``: clean-article JSON lines in, one line of events per input out.

Reads what ``newsflow clean`` writes. For every input line, in order, it writes
``{"article_id", "url", "events", "entities", "quotes"}``, or a line with an
``error`` field when the input is not a clean article (including error lines
passed on from ``newsflow clean``), so that no line goes missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from newsflow.batch import WORKER_CRASHED, crash_error, ordered_map
from newsflow.messages import CleanArticle
from services.extractor import extract


def _error(line: int, url: object, reason: str, error: str) -> str:
    return json.dumps({"line": line, "url": url if isinstance(url, str) else None,
                       "error": error, "reason": reason}, ensure_ascii=False)


def _work(job: tuple[int, bytes]) -> str:
    """Extract from one line in a worker; every failure becomes an error line."""
    number, raw_line = job
    try:
        record: Any = json.loads(raw_line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return _error(number, None, "encoding", f"line is not UTF-8: {exc}")
    except json.JSONDecodeError as exc:
        return _error(number, None, "not_json", f"line is not JSON: {exc}")
    url = record.get("url") if isinstance(record, dict) else None
    if isinstance(record, dict) and "error" in record:
        return _error(number, url, "upstream_error", f"input is an error line: {record['error']}")
    try:
        article = CleanArticle.model_validate(record)
    except ValidationError as exc:
        return _error(number, url, "not_clean_article",
                      f"not a clean article: {exc.error_count()} errors, first: "
                      f"{'.'.join(map(str, exc.errors()[0]['loc']))}: {exc.errors()[0]['msg']}")
    try:
        result = extract(article, extracted_at=datetime.now(UTC))
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        return _error(number, url, "unexpected", f"{type(exc).__name__}: {exc}")
    annotations = result.annotations
    return json.dumps({
        "article_id": article.article_id,
        "url": article.url,
        "events": [e.model_dump(mode="json", by_alias=True) for e in result.events],
        "entities": [e.model_dump(mode="json") for e in annotations.entities],
        "quotes": [q.model_dump(mode="json") for q in annotations.quotes],
    }, ensure_ascii=False)


def extract_lines(lines: Iterable[bytes], workers: int) -> Iterator[str]:
    """Extract events from each input line on ``workers`` processes; yield lines in order."""
    return ordered_map(_work, enumerate(lines, start=1), workers,
                       lambda job, exc: _error(job[0], None, WORKER_CRASHED, crash_error(exc)))
