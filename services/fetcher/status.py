"""What ``newsflow feeds list`` and ``newsflow feeds status`` print, as plain rows.

Kept apart from the CLI so that the rows can be tested without a terminal and
read by other tools (``--json``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from newsflow.feeds import Feed
from services.fetcher.state import FeedState

LIST_COLUMNS = ("feed", "kind", "url", "poll every", "enabled", "host limits")
STATUS_COLUMNS = ("feed", "last poll", "last success", "last error", "failures",
                  "items found", "fetched", "next poll")


def _when(value: datetime | None, now: datetime) -> str:
    if value is None:
        return "-"
    seconds = (value - now).total_seconds()
    ago = abs(seconds)
    span = (f"{ago:.0f}s" if ago < 120 else f"{ago / 60:.0f}m" if ago < 7200
            else f"{ago / 3600:.1f}h")
    relative = f"in {span}" if seconds > 0 else f"{span} ago"
    return f"{value.astimezone(UTC):%Y-%m-%d %H:%M:%S}Z ({relative})"


def list_rows(feeds: Sequence[Feed]) -> list[dict[str, str]]:
    """One row per feed in the file, as the fetcher reads it."""
    rows = []
    for f in feeds:
        limits = [f"{f.host_concurrency} at once" if f.host_concurrency else "",
                  f"{f.host_delay:g}s apart" if f.host_delay is not None else ""]
        rows.append(dict(zip(LIST_COLUMNS, (
            f.id, f.kind.value, f.url, f"{f.poll_interval:g}s", "yes" if f.enabled else "no",
            ", ".join(x for x in limits if x) or "default"), strict=True)))
    return rows


def status_rows(feeds: Sequence[Feed], states: dict[str, FeedState],
                now: datetime | None = None) -> list[dict[str, str]]:
    """One row per feed in the file, and per feed that has state but left the file."""
    now = now or datetime.now(UTC)
    rows = []
    ids = [f.id for f in feeds] + sorted(set(states) - {f.id for f in feeds})
    enabled = {f.id: f.enabled for f in feeds}
    for feed_id in ids:
        state = states.get(feed_id)
        label = feed_id if feed_id in enabled else f"{feed_id} (not in file)"
        if feed_id in enabled and not enabled[feed_id]:
            label += " (disabled)"
        if state is None:
            rows.append(dict(zip(STATUS_COLUMNS, (label, "never", "-", "-", "0", "-", "0", "-"),
                                 strict=True)))
            continue
        rows.append(dict(zip(STATUS_COLUMNS, (
            label, _when(state.last_poll_at, now), _when(state.last_success_at, now),
            state.last_error or "-", str(state.failures), str(state.items_found),
            str(state.items_fetched),
            _when(state.next_poll_at, now) if enabled.get(feed_id) else "-",
        ), strict=True)))
    return rows
