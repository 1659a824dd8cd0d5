"""The `newsflow` command: help is true, bad config fails clearly, the demo runs end to end."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from newsflow.cli import app
from newsflow.demo import ARTICLES
from newsflow.settings import env_var_names

runner = CliRunner()


def test_help_lists_one_subcommand_per_service() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("fetcher", "cleaner", "extractor", "store", "run", "demo"):
        assert name in result.output
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert runner.invoke(app, [name, "--help"]).exit_code == 0


def test_bad_feeds_file_fails_at_start_naming_file_and_field(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds:\n  - {id: x, url: 'https://x.example/rss', kind: podcast}\n")
    result = runner.invoke(app, ["run", "--feeds", str(feeds),
                                 "--database-url", f"sqlite:///{tmp_path / 's.sqlite'}"])
    assert result.exit_code == 2
    assert str(feeds) in result.output and "feeds[0].kind" in result.output


def test_bad_setting_fails_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSFLOW_FETCH_TIMEOUT", "soon")
    result = runner.invoke(app, ["settings"])
    assert result.exit_code == 2 and "fetch_timeout" in result.output


def test_settings_lists_every_variable() -> None:
    result = runner.invoke(app, ["settings"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    for name in env_var_names():
        assert name in result.output


def test_schemas_command_writes_the_published_schemas(tmp_path: Path, repo_root: Path) -> None:
    result = runner.invoke(app, ["schemas", "--out", str(tmp_path)])
    assert result.exit_code == 0
    for path in (repo_root / "schemas").glob("*.json"):
        assert json.loads((tmp_path / path.name).read_text()) == json.loads(path.read_text())


def test_demo_runs_the_pipeline_and_prints_what_was_stored(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "250"}
    for name in env_var_names():
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-m", "newsflow", "demo",
         "--database-url", f"sqlite:///{tmp_path / 'demo.sqlite'}"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    for article in ARTICLES:
        assert article.title[:40] in result.stdout
    assert "events" in result.stdout
    assert result.stderr.count("0 failed: ok") == 2, result.stderr
    # the progress table's last state: every page through each stage, nothing dead-lettered
    progress = {m[1]: int(m[2]) for m in re.finditer(r"│ ([a-z ]+?) +│ +(\d+) │", result.stderr)}
    n = len(ARTICLES)
    assert {k: progress[k] for k in ("pages fetched", "cleaner", "extractor", "dead letters")} \
        == {"pages fetched": n, "cleaner": n, "extractor": n, "dead letters": 0}, result.stderr
    assert progress["store"] == n + n + progress["events"]  # articles, annotations, events
