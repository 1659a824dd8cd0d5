"""A Kafka service checks its configuration before it touches the network.

Each service runs as the real ``newsflow`` command in a child process, with the
Kafka bootstrap servers pointing at a loopback port nothing listens on: a bad
feeds file or a bad option must be reported as itself, naming the file or the
variable and the field, and never as an unreachable broker.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.services import free_port


def _run(service: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    closed = f"127.0.0.1:{free_port()}"  # bound once and released: nothing listens there
    return subprocess.run(
        [sys.executable, "-m", "newsflow", service],
        env={**os.environ, "COLUMNS": "250", "NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS": closed,
             "NEWSFLOW_DATABASE_URL": f"sqlite:///{tmp_path / 'store.sqlite'}", **env},
        capture_output=True, text=True, timeout=120, check=False)


def test_fetcher_with_a_bad_feeds_file_names_the_file_and_field_not_kafka(
        tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("feeds:\n"
                     "  - {id: ok, url: 'https://a.example/rss.xml', kind: rss}\n"
                     "  - {id: bad, url: 'https://b.example/feed', poll_interval: soon}\n")
    result = _run("fetcher", tmp_path, NEWSFLOW_FEEDS_FILE=str(feeds))
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert str(feeds) in output and "feeds[1].poll_interval" in output
    assert "Kafka" not in output


def test_fetcher_with_a_missing_feeds_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "feeds.yaml"
    result = _run("fetcher", tmp_path, NEWSFLOW_FEEDS_FILE=str(missing))
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert str(missing) in output and "Kafka" not in output


def test_cleaner_with_an_unknown_kind_names_the_variable_not_kafka(tmp_path: Path) -> None:
    result = _run("cleaner", tmp_path, NEWSFLOW_CLEANER_KEEP_KINDS="photo_credit,adverts")
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "NEWSFLOW_CLEANER_KEEP_KINDS" in output and "adverts" in output
    assert "Kafka" not in output
