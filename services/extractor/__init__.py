"""The extractor stage core: clean articles in, coded events, entities and quotes out.

Pure-Python rules (no model, no network): sentences, named entities with an
offline gazetteer, CAMEO-coded events with modality, dates resolved against
the publication date, and attributed quotes. See :func:`extract`.

The rule modules may be compiled with mypyc (``make compile``, run by ``make
install``; see ``deploy/compile_extractor.py``). Python then imports the compiled
modules in place of the sources, so this package refuses to load when a source has
changed since it was compiled: an edit must never be silently ignored.
"""

from pathlib import Path


def stale_sources(directory: Path) -> list[Path]:
    """Sources in ``directory`` changed after they were compiled (newer than their module)."""
    stale = []
    for module in directory.glob("*.so"):
        source = directory / (module.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > module.stat().st_mtime:
            stale.append(source)
    return sorted(stale)


if _stale := stale_sources(Path(__file__).parent):
    raise ImportError(
        f"{', '.join(p.name for p in _stale)} changed after the extractor was compiled: run "
        "`make compile` to rebuild it, or `make uncompile` to run the extractor from source"
    )

from services.extractor.coder import CODER  # noqa: E402 (after the check, on purpose)
from services.extractor.pipeline import Extraction, extract  # noqa: E402

__all__ = ["CODER", "Extraction", "extract"]
