"""The compiled extractor (mypyc) is never silently older than its sources."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from services.extractor import extract, stale_sources
from tests.extractor.articles import EXTRACTED, article


def test_a_source_edited_after_compiling_is_reported(tmp_path: Path) -> None:
    fresh, edited = tmp_path / "fresh.py", tmp_path / "edited.py"
    for source in (fresh, edited):
        source.write_text("x = 1\n")
        module = tmp_path / f"{source.stem}.cpython-311-x86_64-linux-gnu.so"
        module.write_bytes(b"")
        os.utime(source, (1_000, 1_000))
        os.utime(module, (2_000, 2_000))
    os.utime(edited, (3_000, 3_000))

    assert stale_sources(tmp_path) == [edited]


def test_sources_without_a_compiled_module_are_not_stale(tmp_path: Path) -> None:
    (tmp_path / "plain.py").write_text("x = 1\n")
    assert stale_sources(tmp_path) == []



def test_an_extraction_crosses_a_process_boundary() -> None:
    """The stage runs ``extract`` in a process pool: its result must survive pickling,
    compiled or not."""
    result = extract(article("Russian forces shelled Kharkiv on Tuesday, officials said."),
                     extracted_at=EXTRACTED)

    copy = pickle.loads(pickle.dumps(result))

    assert copy.events == result.events and copy.events
    assert copy.annotations == result.annotations
