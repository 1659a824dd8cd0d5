"""Hot reload: watch the feeds file and apply edits to a running fetcher.

The file is read every ``interval`` seconds (a few bytes; cheaper and more
portable than inotify, and it works on the read-only bind mounts of the
compose deployment). A changed file that validates replaces the feeds; one
that does not is reported once, with the file and field, and the fetcher keeps
polling the last good feeds until the file is fixed.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from newsflow.errors import ConfigError
from newsflow.feeds import Feed, parse_feeds
from services.fetcher import metrics

log = logging.getLogger(__name__)

Apply = Callable[[Sequence[Feed]], dict[str, list[str]]]


class FeedsWatcher:
    """Reloads the feeds file when its content changes; remembers the last error."""

    def __init__(self, path: Path, apply: Apply, *, interval: float) -> None:
        self.path = path
        self._apply = apply
        self._interval = interval
        self._digest = self._read_digest()[1]
        self.last_error: str | None = None

    def _read_digest(self) -> tuple[str | None, str | None]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            return None, f"cannot read: {exc.strerror}"
        return text, hashlib.sha256(text.encode("utf-8")).hexdigest()

    def check(self) -> bool:
        """Apply the file if it changed and validates; return True when feeds were replaced."""
        text, digest = self._read_digest()
        if digest == self._digest:
            return False
        self._digest = digest
        try:
            if text is None:
                raise ConfigError(f"{self.path}: {digest}")
            feeds = parse_feeds(text, source=str(self.path))
        except ConfigError as exc:
            self.last_error = str(exc)
            metrics.RELOADS.labels("error").inc()
            log.error("feeds file not reloaded, still polling the last good feeds: %s", exc)
            return False
        self.last_error = None
        changes = self._apply(feeds)
        metrics.RELOADS.labels("ok").inc()
        log.info("feeds file reloaded: %s", ", ".join(
            f"{kind} {', '.join(ids)}" for kind, ids in changes.items() if ids) or "no change")
        return True

    async def watch(self) -> None:
        """Check the file every ``interval`` seconds, until cancelled."""
        while True:
            await asyncio.sleep(self._interval)
            self.check()
