"""One line put into a three-paragraph story, at its top, between paragraphs, or at its end.

The cleaner judges a paragraph partly by where it stands, so the rule tests place the same
line in each spot and check the boilerplate pass on the result.
"""

from __future__ import annotations

from services.cleaner.boilerplate import strip_boilerplate

#: Index in the story at which a line is put.
PLACES = {"top": 0, "middle": 2, "end": 3}


def placed(story: list[str], line: str, where: str) -> list[str]:
    """``story`` with ``line`` inserted at ``where`` (a key of :data:`PLACES`)."""
    position = PLACES[where]
    return [*story[:position], line, *story[position:]]


def assert_goes_wherever_placed(story: list[str], kind: str, line: str, where: str) -> None:
    """``line`` is removed as ``kind`` at ``where``, and never recorded once ``kind`` is off."""
    body = placed(story, line, where)
    result = strip_boilerplate(body)
    assert result.kept == story, f"{line!r} kept at {where}"
    assert [r.kind for r in result.removed] == [kind]
    assert kind not in {r.kind for r in strip_boilerplate(body, disabled={kind}).removed}
