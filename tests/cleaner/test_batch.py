"""`newsflow clean`: one output line per input line, in order; bad input never stops the batch."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsflow.batch import READ_AHEAD_PER_WORKER, WORKER_CRASHED, crash_error, ordered_map
from newsflow.demo import ARTICLES, DemoSite, serve_demo_site
from services.cleaner import batch as cleaner_batch
from services.cleaner.batch import BatchOptions


def run_command(tmp_path: Path, lines: list[bytes], *args: str,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    with source.open("rb") as stdin:
        return subprocess.run([sys.executable, "-m", "newsflow", "clean", *args], stdin=stdin,
                              capture_output=True, timeout=300, check=False,
                              env={**os.environ, **(env or {})})


def run_clean(tmp_path: Path, lines: list[bytes], *args: str) -> list[dict[str, object]]:
    result = run_command(tmp_path, lines, *args)
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def demo_pages() -> list[tuple[str, str]]:
    import httpx

    site: DemoSite
    with serve_demo_site() as site, httpx.Client(base_url=site.base_url) as client:
        return [(site.base_url + a.url_path, client.get(a.url_path).text) for a in ARTICLES]


def test_bad_lines_get_an_error_line_and_the_rest_is_cleaned(tmp_path: Path) -> None:
    pages = demo_pages()
    good = [json.dumps({"url": url, "html": html}).encode() for url, html in pages]
    bad = [
        b"this is not json",
        json.dumps({"url": "https://x.example/a", "html": ""}).encode(),
        json.dumps({"url": "https://x.example/b", "html": "just a plain sentence."}).encode(),
        json.dumps({"url": "https://x.example/c", "html": "\x00\x01\x02binary" * 10}).encode(),
        b'{"url": "https://x.example/d", "html": "\xff\xfe broken encoding"}',
        json.dumps({"url": "https://x.example/e", "html": "<p>" + "a" * 50_000_000}).encode(),
        json.dumps({"html": "<p>no url</p>"}).encode(),
    ]
    lines = [good[0], *bad[:3], good[1], *bad[3:], *good[2:]]
    out = run_clean(tmp_path, lines)
    assert len(out) == len(lines)
    reasons = [o.get("reason") for o in out]
    assert reasons[3] in {"no_main_text", "too_short"}  # not HTML: no article text in it
    assert reasons[:3] + reasons[4:] == [None, "not_json", "empty", None, "binary", "encoding",
                                         "too_large", "bad_url", None, None, None, None]
    assert all("error" in o for o in out if o.get("reason"))
    cleaned = [o for o in out if "error" not in o]
    assert [o["url"] for o in cleaned] == [url for url, _ in pages]  # same order
    titles = {a.title for a in ARTICLES}
    assert {o["title"] for o in cleaned} == titles


def test_batch_learns_site_templates_across_its_pages(tmp_path: Path) -> None:
    footer = "The Valley Ledger is published by Ledger Media Group, River Street, Millbrook."
    words = ["alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel"]
    lines = []
    for i, word in enumerate(words):
        body = (f"<p>The county board met at the {word} hall and approved the plan for the "
                f"{words[(i + 3) % 8]} district after a long debate among members.</p>"
                f"<p>Residents of the {words[(i + 5) % 8]} ward asked for a second hearing "
                f"on the {word} road before the vote in spring.</p><p>{footer}</p>")
        html = f"<html><body><article><h1>Board {word}</h1>{body}</article></body></html>"
        lines.append(json.dumps({"url": f"https://ledger.example/{word}", "html": html}).encode())
    learnt = run_clean(tmp_path, lines, "--workers", "2")
    assert [footer in o["text"] for o in learnt] == [True] * 3 + [False] * 5
    assert {"template"} <= {r["kind"] for r in learnt[-1]["removed"]}
    unlearnt = run_clean(tmp_path, lines, "--no-templates")
    assert all(footer in o["text"] for o in unlearnt)


def square_or_die(n: int) -> int:
    """A job for the pool: kills its own worker process on 5, as an OOM kill would."""
    if n == 5:
        os._exit(9)
    return n * n


def crashed(n: int, exc: BaseException) -> str:
    return f"{n}: {crash_error(exc)}"


def test_a_worker_that_dies_costs_only_the_lines_in_flight_with_it() -> None:
    workers = 2
    out = list(ordered_map(square_or_die, range(60), workers, crashed))
    assert len(out) == 60
    assert isinstance(out[5], str) and "BrokenProcessPool" in out[5]
    lost = [i for i, o in enumerate(out) if isinstance(o, str)]
    assert all(out[i] == f"{i}: " + out[5].split(": ", 1)[1] for i in lost)
    assert all(out[i] == i * i for i in range(60) if i not in lost)  # in order
    # jobs submitted after the pool broke ran on a fresh one
    assert max(lost) < 5 + workers * READ_AHEAD_PER_WORKER


REAL_WORK = cleaner_batch._work


def clean_or_die(job: tuple[bytes, BatchOptions]) -> object:
    """The batch's worker job, except that a line for /die kills its worker process."""
    if b"/die" in job[0]:
        os._exit(9)
    return REAL_WORK(job)


def test_a_dead_worker_yields_error_lines_naming_it_and_the_batch_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pages = demo_pages() * 8
    lines = [json.dumps({"url": "https://x.example/die", "html": "<p>x</p>"}).encode(),
             *(json.dumps({"url": url, "html": html}).encode() for url, html in pages)]
    monkeypatch.setattr(cleaner_batch, "_work", clean_or_die)
    options = BatchOptions(workers=2, templates=False)
    out = [json.loads(line) for line in cleaner_batch.clean_lines(lines, options)]
    assert len(out) == len(lines)
    assert out[0]["reason"] == WORKER_CRASHED and out[0]["url"] == "https://x.example/die"
    assert "worker process died" in out[0]["error"] and out[0]["line"] == 1
    lost = [i for i, o in enumerate(out) if o.get("reason") == WORKER_CRASHED]
    assert max(lost) < 2 * READ_AHEAD_PER_WORKER
    kept = [i for i in range(1, len(out)) if i not in lost]
    assert [out[i]["url"] for i in kept] == [pages[i - 1][0] for i in kept]  # in order
    assert all("error" not in out[i] for i in kept)


def test_an_unknown_kind_to_keep_fails_at_start(tmp_path: Path) -> None:
    result = run_command(tmp_path, [b"{}"], env={"NEWSFLOW_CLEANER_KEEP_KINDS":
                                                 "photo_credit,subscriptions"})
    assert result.returncode == 2
    assert result.stdout == b""
    assert "unknown kinds ['subscriptions']" in result.stderr.decode()
