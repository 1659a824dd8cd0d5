"""Clustering events across articles, as GDELT counts NumArticles and NumSources.

Two events report the same happening when they share actor country, target
country, CAMEO root and place, and their dates are at most a day apart (time
zones and "overnight" put one strike on two dates). The store assigns each new
event to the nearest such cluster, or opens one, inside the transaction that
writes the event, then recounts the clusters it touched.

Store workers are partitioned by article, so two workers may open a cluster for
the same happening at the same moment; the cluster id is a hash of the key and
the date, so when both open it on the same date they open the same one.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from newsflow.ids import content_hash
from newsflow.messages import Event
from services.store.models import EventClusterRow, EventRow

#: How far apart two reports of one happening may date it.
DATE_TOLERANCE = timedelta(days=1)

Key = tuple[str | None, str | None, str, str]


def cluster_key(event: Event) -> Key:
    """Actor country, target country, CAMEO root and place of an event."""
    actor = next((a.country for a in event.actor if a.country), None)
    target = next((a.country for a in event.target if a.country), None)
    loc = event.location
    place = str(loc.geonameid) if loc and loc.geonameid else (loc.country or "" if loc else "")
    return actor, target, event.cameo_root, place


def _find(conn: Connection, key: Key, day: date) -> str | None:
    actor, target, root, place = key
    c = EventClusterRow
    rows = conn.execute(
        select(c.event_cluster_id, c.event_date).where(
            c.actor_country.is_not_distinct_from(actor),
            c.target_country.is_not_distinct_from(target),
            c.cameo_root == root, c.place == place,
            c.event_date.between(day - DATE_TOLERANCE, day + DATE_TOLERANCE),
        )
    ).all()
    if not rows:
        return None
    return str(min(rows, key=lambda r: (abs(r[1] - day), r[0]))[0])


def assign(conn: Connection, events: list[tuple[Event, dict[str, Any]]], now: datetime) -> set[str]:
    """Set ``event_cluster_id`` on each new event's row; return the clusters touched."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    touched: set[str] = set()
    for event, row in events:
        key = cluster_key(event)
        cluster = _find(conn, key, event.event_date)
        if cluster is None:
            cluster = content_hash("|".join(map(str, (*key, event.event_date.isoformat()))))
            conn.execute(insert(EventClusterRow).values(
                event_cluster_id=cluster, actor_country=key[0], target_country=key[1],
                cameo_root=key[2], place=key[3], event_date=event.event_date, num_events=0,
                num_articles=0, num_sources=0, updated_at=now,
            ).on_conflict_do_nothing(index_elements=["event_cluster_id"]))
        row["event_cluster_id"] = cluster
        touched.add(cluster)
    return touched


def recount(conn: Connection, clusters: set[str], now: datetime) -> None:
    """Refresh the counts of events, articles and distinct sources of ``clusters``."""
    for cluster in clusters:
        counts = conn.execute(
            select(func.count(), func.count(EventRow.article_id.distinct()),
                   func.count(EventRow.source.distinct()))
            .where(EventRow.event_cluster_id == cluster)
        ).one()
        conn.execute(update(EventClusterRow).where(
            EventClusterRow.event_cluster_id == cluster).values(
            num_events=counts[0], num_articles=counts[1], num_sources=counts[2],
            updated_at=now))
