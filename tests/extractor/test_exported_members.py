"""The extractor's public surface is exactly what ``__all__`` names."""

import subprocess
import sys

import services.extractor as extractor


def test_public_api_is_pinned() -> None:
    assert extractor.__all__ == ["CODER", "Extraction", "extract"]
    assert extractor.CODER.name == "newsflow-rules"
    assert extractor.CODER.version == "0.1.0"


def test_importing_the_package_loads_no_gazetteer() -> None:
    code = (
        "import services.extractor\n"
        "from services.extractor.places import gazetteer\n"
        "from services.extractor.names import known_phrases\n"
        "assert gazetteer.cache_info().currsize == 0\n"
        "assert known_phrases.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
