"""``newsflow clean``: JSON lines of raw pages in, one clean-article JSON line out per input.

Input lines are ``{"url": ..., "html": ...}``; output lines come in input order.
Cleaning runs on every core; the template pass runs here, in order, so a site's
later pages benefit from its earlier ones exactly as in the streaming cleaner.
A bad line (not JSON, not UTF-8, no url, empty or oversized html, a page with no
text) yields a line with an ``error`` field and never stops the batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsflow.batch import WORKER_CRASHED, crash_error, ordered_map
from newsflow.errors import PermanentError
from newsflow.ids import article_id
from newsflow.messages import CleanArticle, RawArticle
from services.cleaner.clean import CleanOptions, clean
from services.cleaner.templates import TemplateMemory


@dataclass(frozen=True)
class BatchOptions:
    """How a batch is cleaned."""

    clean: CleanOptions = CleanOptions()
    workers: int = 1
    max_html_bytes: int = 5_000_000
    templates: bool = True


class BadLine(PermanentError):
    """An input line that is not a usable ``{"url", "html"}`` record."""

    reason = "bad_input"


def _parse(raw_line: bytes, max_bytes: int) -> RawArticle:
    """Turn one input line into a RawArticle, or raise :class:`BadLine` saying why."""
    if len(raw_line) > 2 * max_bytes + 4096:  # JSON escaping can double the html's size
        raise BadLine(f"line of {len(raw_line)} bytes exceeds the {max_bytes}-byte page cap",
                      reason="too_large")
    try:
        record = json.loads(raw_line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BadLine(f"line is not UTF-8: {exc}", reason="encoding") from exc
    except json.JSONDecodeError as exc:
        raise BadLine(f"line is not JSON: {exc}", reason="not_json") from exc
    if not isinstance(record, dict):
        raise BadLine("line is not a JSON object", reason="not_json")
    url, html = record.get("url"), record.get("html")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise BadLine("'url' must be an http(s) URL", reason="bad_url")
    if not isinstance(html, str):
        raise BadLine("'html' must be a string", reason="bad_html")
    if len(html.encode("utf-8", "replace")) > max_bytes:
        raise BadLine(f"html exceeds the {max_bytes}-byte page cap", reason="too_large")
    if "\x00" in html[:4096]:
        raise BadLine("html looks binary (NUL bytes)", reason="binary")
    now = datetime.now(UTC)
    return RawArticle(article_id=article_id(url), url=url, final_url=url, feed_id="stdin",
                      fetched_at=now, status=200, html=html)


def _work(job: tuple[bytes, BatchOptions]) -> CleanArticle | dict[str, Any]:
    """Parse and clean one line in a worker; errors come back as a record, never raised."""
    raw_line, options = job
    url = None
    try:
        raw = _parse(raw_line, options.max_html_bytes)
        url = raw.url
        return clean(raw, options.clean)
    except PermanentError as exc:
        return {"url": url, "error": str(exc), "reason": exc.reason}
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
        return {"url": url, "error": f"{type(exc).__name__}: {exc}", "reason": "unexpected"}


def _crashed(job: tuple[bytes, BatchOptions], exc: BaseException) -> dict[str, Any]:
    """The error record of a line lost with its worker; rare, so reading its URL again is
    no cost that matters."""
    try:
        record = json.loads(job[0])
        url = record.get("url") if isinstance(record, dict) else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        url = None
    return {"url": url if isinstance(url, str) else None, "error": crash_error(exc),
            "reason": WORKER_CRASHED}


def clean_lines(lines: Iterable[bytes], options: BatchOptions,
                memory: TemplateMemory | None = None) -> Iterator[str]:
    """Clean each input line on ``options.workers`` processes; yield output lines in order."""
    memory = memory if memory is not None else TemplateMemory()
    remove = options.templates and "template" not in options.clean.disabled_kinds
    jobs = ((line, options) for line in lines)
    results = ordered_map(_work, jobs, options.workers, _crashed)
    for number, result in enumerate(results, start=1):
        if isinstance(result, CleanArticle):
            article, _ = memory.apply(result, remove=remove)
            yield article.model_dump_json(by_alias=True)
        else:
            yield json.dumps({"line": number, **result}, ensure_ascii=False)
