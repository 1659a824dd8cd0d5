"""`newsflow clean`: one output line per input line, in order; bad input never stops the batch."""

import json
import subprocess
import sys
from pathlib import Path

from newsflow.demo import ARTICLES, DemoSite, serve_demo_site


def run_clean(tmp_path: Path, lines: list[bytes], *args: str) -> list[dict[str, object]]:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    with source.open("rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "newsflow", "clean", *args], stdin=stdin,
                                capture_output=True, timeout=300, check=False)
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
