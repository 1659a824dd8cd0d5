"""Clustering events across articles, as GDELT counts NumArticles and NumSources.

Two events report the same happening when they share actor country, target
country, CAMEO root and place, and their dates are at most a day apart (time
zones and "overnight" put one strike on two dates). The store assigns each new
event to the nearest such cluster, or opens one, inside the transaction that
writes the event, then recounts the clusters it touched.

A batch costs a fixed number of statements however many events it carries: one
query fetches every cluster any of its events could join, the events are
assigned in Python in batch order (so an event joins a cluster that an earlier
event of the same batch opened, exactly as if they had been saved one by one),
one statement opens the new clusters and two recount the touched ones. The
statements are built once, so SQLAlchemy compiles each once per process.

Store workers are partitioned by article, so two workers may open a cluster for
the same happening at the same moment; the cluster id is a hash of the key and
the date, so when both open it on the same date they open the same one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Insert, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from newsflow.ids import content_hash
from newsflow.messages import Event
from services.store.models import EventClusterRow, EventRow

#: How far apart two reports of one happening may date it.
DATE_TOLERANCE = timedelta(days=1)

Key = tuple[str | None, str | None, str, str]

_C = EventClusterRow
#: Clusters that may hold some event of a batch; the exact key is checked in Python, since
#: SQL's IN never matches a missing (NULL) country.
_CANDIDATES = select(
    _C.event_cluster_id, _C.actor_country, _C.target_country, _C.cameo_root, _C.place,
    _C.event_date,
).where(
    _C.cameo_root.in_(bindparam("roots", expanding=True)),
    _C.place.in_(bindparam("places", expanding=True)),
    _C.event_date.in_(bindparam("days", expanding=True)),
)
#: Events, articles and distinct sources per cluster.
_COUNTS = select(
    EventRow.event_cluster_id, func.count(), func.count(EventRow.article_id.distinct()),
    func.count(EventRow.source.distinct()),
).where(
    EventRow.event_cluster_id.in_(bindparam("clusters", expanding=True)),
).group_by(EventRow.event_cluster_id)
#: Run once per touched cluster in one executemany call.
_SET_COUNTS = update(_C).where(_C.event_cluster_id == bindparam("b_cluster")).values(
    num_events=bindparam("b_events"), num_articles=bindparam("b_articles"),
    num_sources=bindparam("b_sources"), updated_at=bindparam("b_now"),
)


@cache
def _open_clusters(dialect: str) -> Insert:
    """Insert of new clusters that leaves one another worker opened meanwhile alone."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(_C).on_conflict_do_nothing(index_elements=["event_cluster_id"])


def cluster_key(event: Event) -> Key:
    """Actor country, target country, CAMEO root and place of an event."""
    actor = next((a.country for a in event.actor if a.country), None)
    target = next((a.country for a in event.target if a.country), None)
    loc = event.location
    place = str(loc.geonameid) if loc and loc.geonameid else (loc.country or "" if loc else "")
    return actor, target, event.cameo_root, place


def _near(days: Iterable[date]) -> list[date]:
    """Every date within :data:`DATE_TOLERANCE` of one of ``days``."""
    span = range(-DATE_TOLERANCE.days, DATE_TOLERANCE.days + 1)
    return sorted({day + timedelta(days=d) for day in days for d in span})


def _candidates(conn: Connection,
                keyed: list[tuple[Key, date]]) -> dict[Key, list[tuple[date, str]]]:
    """Stored clusters a batch's events could join, by key: (date, id) each."""
    keys = {key for key, _ in keyed}
    rows = conn.execute(_CANDIDATES, {
        "roots": sorted({k[2] for k in keys}), "places": sorted({k[3] for k in keys}),
        "days": _near(day for _, day in keyed),
    })
    found: dict[Key, list[tuple[date, str]]] = {}
    for cluster, actor, target, root, place, day in rows:
        key = (actor, target, root, place)
        if key in keys:
            found.setdefault(key, []).append((day, cluster))
    return found


def assign(conn: Connection, events: list[tuple[Event, dict[str, Any]]], now: datetime) -> set[str]:
    """Set ``event_cluster_id`` on each new event's row; return the clusters touched.

    Each event joins the cluster of its key dated nearest to it within
    :data:`DATE_TOLERANCE` (ties to the smaller id), counting clusters opened by
    earlier events of ``events``, or opens one dated on its own date.
    """
    if not events:
        return set()
    keyed = [(cluster_key(event), event.event_date) for event, _ in events]
    known = _candidates(conn, keyed)
    opened: list[dict[str, Any]] = []
    touched: set[str] = set()
    for (key, day), (_, row) in zip(keyed, events, strict=True):
        near = [(abs(d - day), c) for d, c in known.get(key, ()) if abs(d - day) <= DATE_TOLERANCE]
        if near:
            cluster = min(near)[1]
        else:
            cluster = content_hash("|".join(map(str, (*key, day.isoformat()))))
            known.setdefault(key, []).append((day, cluster))
            opened.append({
                "event_cluster_id": cluster, "actor_country": key[0], "target_country": key[1],
                "cameo_root": key[2], "place": key[3], "event_date": day, "num_events": 0,
                "num_articles": 0, "num_sources": 0, "updated_at": now,
            })
        row["event_cluster_id"] = cluster
        touched.add(cluster)
    if opened:
        conn.execute(_open_clusters(conn.dialect.name), opened)
    return touched


def recount(conn: Connection, clusters: set[str], now: datetime) -> None:
    """Refresh the counts of events, articles and distinct sources of ``clusters``.

    Updated in id order, so two workers touching the same clusters lock them in
    the same order.
    """
    if not clusters:
        return
    ordered = sorted(clusters)
    counts = {r[0]: r[1:] for r in conn.execute(_COUNTS, {"clusters": ordered})}
    conn.execute(_SET_COUNTS, [
        {"b_cluster": c, "b_events": n[0], "b_articles": n[1], "b_sources": n[2], "b_now": now}
        for c in ordered for n in [counts.get(c, (0, 0, 0))]
    ])
