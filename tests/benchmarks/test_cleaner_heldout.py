"""The cleaner's held-out benchmark sets load, and each gold body is its own page's text."""

from __future__ import annotations

import gzip
import hashlib
import re
from pathlib import Path

import lxml.html
import pytest

from benchmarks.clean import HELDOUTS, load, read_page


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_default_held_out_sets_are_two_distinct_directories() -> None:
    assert len({path.resolve() for path in HELDOUTS}) == 2
    for path in HELDOUTS:
        assert (path / "README.md").is_file(), path


@pytest.mark.parametrize("heldout", HELDOUTS, ids=lambda path: path.name)
def test_every_heldout_page_has_a_non_empty_gold_body(heldout: Path) -> None:
    truth, raws = load(heldout)
    assert len(truth) >= 14
    assert truth.keys() == raws.keys()
    for key, body in truth.items():
        assert body.strip(), key
        assert raws[key].html.strip(), key


@pytest.mark.parametrize("heldout", HELDOUTS, ids=lambda path: path.name)
def test_heldout_keys_are_the_sha256_of_each_url_as_in_the_scrapinghub_set(heldout: Path) -> None:
    _, raws = load(heldout)
    for key, raw in raws.items():
        assert hashlib.sha256(raw.url.encode()).hexdigest() == key


@pytest.mark.parametrize("heldout", HELDOUTS, ids=lambda path: path.name)
def test_every_gold_paragraph_is_text_of_its_own_page(heldout: Path) -> None:
    truth, raws = load(heldout)
    for key, body in truth.items():
        page = _plain(lxml.html.fromstring(raws[key].html).text_content())
        for paragraph in body.split("\n\n"):
            assert _plain(paragraph) in page, (raws[key].url, paragraph[:60])


def test_the_two_heldout_sets_share_no_page_or_outlet() -> None:
    """A site in both sets would let what was learned from the first leak into the second."""
    hosts = [{raw.url.split("/")[2] for raw in load(path)[1].values()} for path in HELDOUTS]
    assert hosts[0] and hosts[1]
    assert not hosts[0] & hosts[1]


@pytest.mark.parametrize("suffix", [".html.gz", ".html"])
def test_a_page_is_read_packed_or_plain(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "html").mkdir()
    data = "<p>Der Radweg wird breiter, auch für Fußgänger.</p>".encode()
    (tmp_path / "html" / f"k{suffix}").write_bytes(
        gzip.compress(data) if suffix.endswith(".gz") else data)
    assert read_page(tmp_path, "k") == data.decode()
