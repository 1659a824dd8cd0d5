"""The compiled extractor (mypyc) is never silently older than its sources."""

from __future__ import annotations

import importlib.util
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

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


def _load_compile_script(repo_root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compile_extractor", repo_root / "deploy" / "compile_extractor.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_machine_without_a_compiler_keeps_the_extractor_interpreted(
        tmp_path: Path, repo_root: Path) -> None:
    """``make demo`` compiles first; with no C compiler that must warn and go on, not stop.

    The script runs on a copy of the layout it expects (a one-module extractor, so that
    mypyc's type check stays short) with a compiler that does not exist."""
    (tmp_path / "deploy").mkdir()
    shutil.copy(repo_root / "deploy" / "compile_extractor.py", tmp_path / "deploy")
    (tmp_path / "pyproject.toml").write_text("[tool.mypy]\nstrict = true\n")
    package = tmp_path / "services" / "extractor"
    package.mkdir(parents=True)
    (tmp_path / "services" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "doubling.py").write_text("def double(x: int) -> int:\n    return 2 * x\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "CC": str(tmp_path / "no-such-cc")}

    done = subprocess.run([sys.executable, "deploy/compile_extractor.py"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=300)

    assert done.returncode == 0, done.stderr
    assert "warning: compiling the extractor failed" in done.stderr
    assert "stays interpreted" in done.stderr
    assert not list(package.glob("*.so"))
    assert sorted(p.name for p in package.iterdir() if p.is_file()) == [
        "__init__.py", "doubling.py"]


def test_a_required_compile_that_fails_is_an_error(tmp_path: Path, repo_root: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The Dockerfile installs a compiler on purpose (``--require``): there a failure stops
    the build instead of shipping a slower image."""
    script = _load_compile_script(repo_root)
    leftover = tmp_path / "rules.cpython-311-x86_64-linux-gnu.so"
    leftover.write_bytes(b"")

    assert script._failed(tmp_path, "gcc: not found", True) == 1
    assert "error: compiling the extractor failed (gcc: not found)" in capsys.readouterr().err
    assert not leftover.exists()
    assert script._failed(tmp_path, "gcc: not found", False) == 0
