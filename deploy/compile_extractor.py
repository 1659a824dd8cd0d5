"""Compile the extractor's rule modules to C extensions with mypyc, or remove them again.

The extractor is pure-Python rules over tokens; on short, event-dense articles the
interpreter's overhead made it cost more CPU than the cleaner. mypyc (part of mypy,
pinned in ``pyproject.toml``) compiles the same, fully type-annotated modules to C
extensions, about 1.6 times faster, with identical output. Nothing is downloaded:
it needs mypy and a C compiler, both installed by ``make install`` / the Dockerfile.

The compiled modules sit next to their sources (wherever ``services/extractor`` is
imported from: the checkout for an editable install, site-packages otherwise) and
Python prefers them. So that an edit is never silently ignored,
``services/extractor/__init__.py`` refuses to import when a source is newer than its
compiled module; ``make compile`` rebuilds, ``make uncompile`` goes back to source.

A machine without a C compiler (or without mypy) still runs newsflow: a failed
compile is a warning, the sources stay in place and are imported as they are, and
the command exits 0 so that ``make demo`` goes on. ``--require`` makes the failure
an error, for builds that installed a compiler on purpose (the Dockerfile).

    python deploy/compile_extractor.py            # compile (interpreted if that fails)
    python deploy/compile_extractor.py --require  # compile, exit 1 if that fails
    python deploy/compile_extractor.py --remove   # back to the interpreted sources
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

#: Modules left interpreted: the package's import guard; the asyncio stage and the batch
#: command, which wait on I/O rather than compute; and ``pipeline.py``, whose result
#: crosses process boundaries (the stage's process pool pickles it), which mypyc's frozen
#: native classes cannot do.
INTERPRETED = frozenset({"__init__.py", "service.py", "batch.py", "pipeline.py"})
CONFIG = Path(__file__).resolve().parent.parent / "pyproject.toml"


def package_dir() -> Path:
    """Where ``services.extractor`` is imported from, without importing it."""
    spec = importlib.util.find_spec("services")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("services package not found: install newsflow first (make install)")
    return Path(next(iter(spec.submodule_search_locations))) / "extractor"


def compiled(directory: Path) -> list[Path]:
    """The compiled extension modules in ``directory``, mypyc's shared library among them."""
    return sorted(directory.glob("*.so"))


def remove(directory: Path) -> int:
    """Delete the compiled modules so that the sources are imported again."""
    found = compiled(directory)
    for path in found:
        path.unlink()
    print(f"removed {len(found)} compiled modules from {directory}")
    return 0


def compile_(directory: Path, *, require: bool = False) -> int:
    """Compile every module of ``directory`` but :data:`INTERPRETED`, in place.

    A failure leaves the sources interpreted and returns 0 (a warning), or 1 with
    ``require``: the pipeline is the same either way, only slower.
    """
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as exc:
        return _failed(directory, f"mypyc is not installed: {exc}", require)

    root = directory.parent.parent
    sources = sorted(p.relative_to(root).as_posix() for p in directory.glob("*.py")
                     if p.name not in INTERPRETED)
    print(f"compiling {len(sources)} extractor modules with mypyc (a few minutes) ...",
          flush=True)
    started = time.monotonic()
    remove(directory)
    cwd = Path.cwd()
    had_build = (root / "build").exists()  # setuptools leaves an empty build/ behind
    with tempfile.TemporaryDirectory(prefix="newsflow-mypyc-") as tmp:
        os.chdir(root)  # mypyc names modules by their path from here
        try:
            modules = mypycify(
                ["--config-file", str(CONFIG), "--cache-dir", f"{tmp}/cache", *sources],
                # mypyc's shared library inside the package, not at the top level, where
                # an editable install would not find it
                group_name="services.extractor.rules",
                target_dir=f"{tmp}/c",
            )
            setup(name="newsflow-extractor", ext_modules=modules,
                  script_args=["--quiet", "build_ext", "--inplace", "--build-temp",
                               f"{tmp}/build"])
        except (SystemExit, Exception) as exc:  # mypy errors exit; a compiler error raises
            return _failed(directory, str(exc), require)
        finally:
            os.chdir(cwd)
            if not had_build:
                shutil.rmtree(root / "build", ignore_errors=True)
    print(f"compiled {len(sources)} modules in {time.monotonic() - started:.0f} s into "
          f"{directory}")
    return 0


def _failed(directory: Path, why: str, require: bool) -> int:
    """Report a failed compile, leave no half-built module behind; 1 only if ``require``."""
    remove(directory)
    level = "error" if require else "warning"
    print(f"{level}: compiling the extractor failed ({why}); the extractor stays interpreted "
          "(same output, slower). To compile later: install a C compiler and python3-dev, "
          "then `make uncompile compile`.",
          file=sys.stderr)
    return 1 if require else 0


def main(argv: list[str] | None = None) -> int:
    """Compile (default) or remove the compiled extractor modules."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--remove", action="store_true",
                        help="delete the compiled modules: run the extractor from source")
    parser.add_argument("--require", action="store_true",
                        help="exit 1 when compiling fails (default: a warning, exit 0)")
    args = parser.parse_args(argv)
    directory = package_dir()
    return remove(directory) if args.remove else compile_(directory, require=args.require)


if __name__ == "__main__":
    raise SystemExit(main())
