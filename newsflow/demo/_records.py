"""Typed records of the demo site: outlets, articles, photos and hand-coded events.

The records are plain frozen data so that the article texts (``_articles.py``) and
the outlets' boilerplate (``_outlets.py``) stay apart from the code that renders
them, and so that tests and benchmarks can compare a pipeline's output with the
truth the pages were built from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

EVACUATION_ROOT = "EVAC"
"""Root code used for evacuations of civilians.

CAMEO has no code for an evacuation, so expected events use this clearly named
extension instead of a two-digit root; it can never collide with CAMEO's
``"01"``..``"20"``.
"""


class ExpectedEvent(NamedTuple):
    """One event a human CAMEO coder would extract from an article.

    A plain 4-tuple ``(actor, root, target, note)`` so that tests can compare it
    with whatever an extractor produces without importing this class.
    """

    actor: str
    """Country of the acting side, ISO 3166-1 alpha-3 (``"RUS"``)."""
    root: str
    """CAMEO root code as a two-digit string (``"19"``), or :data:`EVACUATION_ROOT`."""
    target: str | None
    """Country of the side acted upon, or ``None`` when the event has no target."""
    note: str
    """What happened, with modality (conditional, alleged, denied) and timing."""


class Photo(NamedTuple):
    """A picture on an article page: its caption and the credit each template styles."""

    caption: str
    credit: str


@dataclass(frozen=True, slots=True)
class Outlet:
    """A fictional news site; each one has its own page template and boilerplate."""

    slug: str
    name: str
    short_name: str
    """Brand as the outlet prints it at the foot of its stories (``"Courier"``)."""
    tagline: str
    authors: tuple[str, ...]
    """Staff writers, used as bylines of generated pages."""


@dataclass(frozen=True, slots=True)
class DemoArticle:
    """One article page and the truth behind it.

    ``paragraphs`` is the real body text, without any boilerplate; a good cleaner
    returns exactly these paragraphs from the rendered page.
    """

    slug: str
    site: str
    """Slug of the :class:`Outlet` whose template renders the page."""
    url_path: str
    title: str
    authors: tuple[str, ...]
    published: datetime
    """Publication time, always time-zone aware."""
    modified: datetime
    section: str
    standfirst: str
    paragraphs: tuple[str, ...]
    photos: tuple[Photo, ...] = ()
    expected_events: tuple[ExpectedEvent, ...] = ()

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by newlines."""
        return "\n".join(self.paragraphs)


def article_path(site: str, published: datetime, slug: str) -> str:
    """Path of an article page on the demo server: ``/<site>/<yyyy>/<mm>/<slug>.html``."""
    return f"/{site}/{published:%Y}/{published:%m}/{slug}.html"
