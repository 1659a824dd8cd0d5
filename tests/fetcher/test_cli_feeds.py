"""``newsflow feeds list`` and ``newsflow feeds status``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from newsflow.cli import app
from newsflow.feeds import Feed, FeedKind
from services.fetcher import FeedState, FeedStateStore
from services.fetcher.status import status_rows
from services.store import make_engine

runner = CliRunner()

FEEDS = """feeds:
  - {id: herald, url: 'https://herald.example/rss.xml', kind: rss, poll_interval: 300}
  - {id: gazette, url: 'https://gazette.example/', host_delay: 2, host_concurrency: 1}
  - {id: paused, url: 'https://paused.example/map.xml', kind: sitemap, enabled: false}
"""


def test_feeds_list(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(FEEDS)
    result = runner.invoke(app, ["feeds", "list", "--feeds", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.strip().splitlines() if line.strip()]
    assert [(r["feed"], r["kind"], r["enabled"]) for r in rows] == [
        ("herald", "rss", "yes"), ("gazette", "site", "yes"), ("paused", "sitemap", "no")]
    assert rows[1]["host limits"] == "1 at once, 2s apart"
    table = runner.invoke(app, ["feeds", "list", "--feeds", str(path)])
    assert table.exit_code == 0 and "herald" in table.output


def test_feeds_list_reports_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text("feeds:\n  - {id: x, url: 'https://x.example/', kind: podcast}\n")
    result = runner.invoke(app, ["feeds", "list", "--feeds", str(path)])
    assert result.exit_code == 2 and "feeds[0].kind" in result.output


def test_feeds_status_reads_the_state_table(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    path.write_text(FEEDS)
    url = f"sqlite:///{tmp_path / 'state.sqlite'}"
    engine = make_engine(url)
    store = FeedStateStore(engine)
    store.open()
    now = datetime.now(UTC)
    store.save(FeedState("herald", "https://herald.example/rss.xml", last_poll_at=now,
                         last_success_at=now, items_found=12, items_fetched=40,
                         next_poll_at=now + timedelta(seconds=300)))
    store.save(FeedState("gazette", "https://gazette.example/", last_poll_at=now,
                         last_error="FetchFailed: HTTP 404", last_error_at=now, failures=2,
                         next_poll_at=now + timedelta(seconds=3600)))
    store.save(FeedState("gone", "https://gone.example/rss", last_poll_at=now))
    engine.dispose()
    result = runner.invoke(app, ["feeds", "status", "--feeds", str(path), "--state-url", url,
                                 "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["feed"]: r for r in map(json.loads, result.output.strip().splitlines())}
    assert rows["herald"]["items found"] == "12" and rows["herald"]["fetched"] == "40"
    assert rows["herald"]["last error"] == "-" and "in 5m" in rows["herald"]["next poll"]
    assert rows["gazette"]["last error"] == "FetchFailed: HTTP 404"
    assert rows["gazette"]["failures"] == "2" and rows["gazette"]["last success"] == "-"
    assert rows["paused (disabled)"]["last poll"] == "never"
    assert "gone (not in file)" in rows
    table = runner.invoke(app, ["feeds", "status", "--feeds", str(path), "--state-url", url])
    assert table.exit_code == 0 and "herald" in table.output


def test_status_rows_without_state() -> None:
    rows = status_rows([Feed(id="new", url="https://n.example/rss", kind=FeedKind.RSS)], {})
    assert rows[0]["last poll"] == "never" and rows[0]["next poll"] == "-"
