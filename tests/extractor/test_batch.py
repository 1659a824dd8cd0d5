"""`newsflow extract`: one line per input, in order; bad input yields an error line."""

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from newsflow.messages import CleanArticle

NOW = datetime(2026, 3, 11, 18, tzinfo=UTC)


def article(n: int, text: str) -> bytes:
    return CleanArticle(
        article_id=f"a{n}", url=f"https://news.example/{n}", feed_id="f", published_at=NOW,
        text=text, paragraphs=[text], fetched_at=NOW, cleaned_at=NOW, cleaner="test",
    ).encode()


def test_events_per_line_in_order_and_errors_for_bad_lines(tmp_path: Path) -> None:
    lines = [
        article(1, "Russian forces shelled Kharkiv on Tuesday, regional officials said."),
        b"not json",
        json.dumps({"line": 7, "url": "https://x.example/", "error": "no main text"}).encode(),
        json.dumps({"article_id": "x", "text": 3}).encode(),
        b"\xff\xfe",
        article(2, "The weather in the valley was mild and the harvest went well."),
    ]
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    with source.open("rb") as stdin:
        done = subprocess.run([sys.executable, "-m", "newsflow", "extract", "--workers", "2"],
                              stdin=stdin, capture_output=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr.decode()
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(out) == len(lines)
    assert [o.get("reason") for o in out] == [
        None, "not_json", "upstream_error", "not_clean_article", "encoding", None]
    assert out[0]["article_id"] == "a1" and out[5]["article_id"] == "a2"
    [shelling] = [e for e in out[0]["events"] if e["cameo_root"] == "19"]
    assert shelling["actor"][0]["country"] == "RUS"
    assert shelling["location"]["country"] == "UKR"
    assert shelling["event_date"] == "2026-03-10"
    assert out[5]["events"] == []
