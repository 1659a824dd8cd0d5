"""The feeds file: which feeds the fetcher polls.

A YAML file with a top-level ``feeds`` list; each entry names an ``id``, a
``url``, a ``kind`` (rss | atom | json | sitemap | urls | site), a
``poll_interval`` in seconds, whether it is ``enabled``, and optionally the
politeness of its hosts (``host_concurrency``, ``host_delay``). A bad file
fails at start with a message that names the file and the field; a running
fetcher that reloads a bad edit keeps its last good feeds (see
:mod:`services.fetcher.reload`).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from newsflow.errors import ConfigError


class FeedKind(StrEnum):
    """How the fetcher reads a feed's document."""

    RSS = "rss"
    """RSS 0.9x, 1.0 (RDF) and 2.0; feedparser reads every dialect."""
    ATOM = "atom"
    JSON = "json"
    """JSON Feed 1.0 / 1.1."""
    SITEMAP = "sitemap"
    """Sitemaps, sitemap indexes and Google News sitemaps, plain or gzipped."""
    URLS = "urls"
    """A plain list, one URL per line."""
    SITE = "site"
    """A home page whose ``<link rel="alternate">`` feed is found and polled (default)."""


class Feed(BaseModel):
    """One configured feed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    url: str
    kind: FeedKind = FeedKind.SITE
    poll_interval: float = Field(900.0, gt=0, description="Seconds between polls.")
    enabled: bool = True
    host_concurrency: int | None = Field(
        None, ge=1, description="Requests at once to each host this feed leads to "
        "(default: NEWSFLOW_HOST_CONCURRENCY; the lowest of several feeds wins)."
    )
    host_delay: float | None = Field(
        None, ge=0, description="Seconds between requests to each host this feed leads to "
        "(default: NEWSFLOW_HOST_DELAY; the highest of several feeds wins)."
    )

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value


class FeedsFile(BaseModel):
    """The whole feeds file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    feeds: list[Feed]

    @field_validator("feeds")
    @classmethod
    def _unique_ids(cls, feeds: list[Feed]) -> list[Feed]:
        seen: set[str] = set()
        for feed in feeds:
            if feed.id in seen:
                raise ValueError(f"duplicate feed id {feed.id!r}")
            seen.add(feed.id)
        return feeds


def _field_path(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as ``feeds[2].url``."""
    return "".join(
        f"[{part}]" if isinstance(part, int) else (f".{part}" if i else str(part))
        for i, part in enumerate(loc)
    )


def parse_feeds(text: str, *, source: str = "<feeds>") -> list[Feed]:
    """Parse feeds YAML ``text``; ``source`` names the file in error messages."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping with a 'feeds' list at the top")
    try:
        return FeedsFile.model_validate(data).feeds
    except ValidationError as exc:
        problems = "; ".join(
            f"{_field_path(tuple(err['loc']))}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{source}: {problems}") from exc


def load_feeds(path: Path) -> list[Feed]:
    """Read and validate the feeds file at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read feeds file: {exc.strerror}") from exc
    return parse_feeds(text, source=str(path))
