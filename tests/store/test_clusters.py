"""Events of different articles reporting one happening share a cluster, with GDELT-style counts."""

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from newsflow.messages import Actor, Coder, Event, Evidence, Location, Modality, Span
from services.store import Store, make_engine, migrate
from services.store.models import EventClusterRow, EventRow

NOW = datetime(2026, 3, 11, 12, tzinfo=UTC)
KHARKIV = Location(text="Kharkiv", geonameid=706483, name="Kharkiv", country="UKR",
                   lat=49.98, lon=36.25)
ODESA = Location(text="Odesa", geonameid=698740, name="Odesa", country="UKR")


def strike(event_id: str, article: str, source: str, day: int,
           where: Location = KHARKIV, root: str = "19") -> Event:
    return Event(
        event_id=event_id, article_id=article, source_url=f"https://{source}/{article}",
        published_at=NOW, extracted_at=NOW, event_date=date(2026, 3, day),
        date_precision="day", actor=[Actor(text="Russian forces", name="Russia", country="RUS")],
        target=[Actor(text="Ukraine", name="Ukraine", country="UKR")],
        cameo_code=f"{root}4", cameo_root=root, cameo_base=f"{root}4", plover="ASSAULT",
        quad_class=4, goldstein=-9.0, trigger=Span(text="shelled", start=15, end=22),
        modality=Modality(), location=where,
        evidence=Evidence(sentence="Russian forces shelled Kharkiv.", sentence_id=1, start=0,
                          end=31, in_lead=True, in_quote=False),
        confidence=0.8, coder=Coder(name="test", version="0"),
    )


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = (f"sqlite:///{tmp_path / 'store.sqlite'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_database_url"))
    engine = make_engine(url)
    migrate(engine)
    yield Store(engine)
    engine.dispose()


def clusters(store: Store) -> dict[str, tuple[int, int, int]]:
    with store.engine.connect() as conn:
        return {r.event_cluster_id: (r.num_events, r.num_articles, r.num_sources)
                for r in conn.execute(select(EventClusterRow))}


def cluster_of(store: Store, event_id: str) -> str | None:
    with store.engine.connect() as conn:
        return conn.scalar(select(EventRow.event_cluster_id).where(EventRow.event_id == event_id))


def test_reports_of_one_happening_share_a_cluster(store: Store) -> None:
    store.save([strike("e1", "a1", "courier.example", 10)])
    store.save([strike("e2", "a2", "meridian.example", 11),  # a day later: same happening
                strike("e3", "a3", "courier.example", 10),
                strike("e4", "a3", "courier.example", 10)])  # same article, second mention
    shared = cluster_of(store, "e1")
    assert shared is not None
    assert {cluster_of(store, e) for e in ("e2", "e3", "e4")} == {shared}
    assert clusters(store) == {shared: (4, 3, 2)}


def test_other_place_root_or_date_make_other_clusters(store: Store) -> None:
    store.save([strike("e1", "a1", "courier.example", 10),
                strike("e2", "a2", "courier.example", 10, where=ODESA),
                strike("e3", "a3", "courier.example", 10, root="13"),
                strike("e4", "a4", "courier.example", 14)])
    assert len({cluster_of(store, e) for e in ("e1", "e2", "e3", "e4")}) == 4
    assert sorted(clusters(store).values()) == [(1, 1, 1)] * 4


def test_redelivery_does_not_inflate_counts(store: Store) -> None:
    batch = [strike("e1", "a1", "courier.example", 10), strike("e2", "a2", "other.example", 10)]
    store.save(batch)
    store.save(batch)
    assert list(clusters(store).values()) == [(2, 2, 2)]


def state(store: Store) -> tuple[dict[str, str | None], dict[str, tuple[int, int, int]]]:
    """Every event's cluster, and every cluster's counts."""
    with store.engine.connect() as conn:
        assigned = {r.event_id: r.event_cluster_id
                    for r in conn.execute(select(EventRow.event_id, EventRow.event_cluster_id))}
    return assigned, clusters(store)


def test_a_batch_clusters_as_saving_its_events_one_by_one_would(store: Store) -> None:
    first = strike("e1", "a1", "courier.example", 10)
    batch = [
        strike("e2", "a2", "meridian.example", 11),  # a day after e1's cluster: joins it
        strike("e3", "a3", "courier.example", 12),  # two days after it: opens a cluster
        strike("e4", "a4", "meridian.example", 13),  # a day after e3's new cluster: joins it
        strike("e5", "a4", "meridian.example", 11),  # a day from both clusters: the smaller id
        strike("e6", "a5", "courier.example", 12, where=ODESA),  # another place: opens one
        strike("e7", "a6", "harbour.example", 12, where=ODESA),  # joins e6's
        strike("e8", "a7", "courier.example", 9),  # a day before e1's cluster: joins it
    ]
    store.save([first])
    store.save(batch)
    in_one_batch = state(store)

    events = {e.event_id: e for e in [first, *batch]}
    a, b, c = (cluster_of(store, e) for e in ("e1", "e3", "e6"))
    assert a is not None and b is not None and c is not None and len({a, b, c}) == 3
    members = {a: ["e1", "e2", "e8"], b: ["e3", "e4"], c: ["e6", "e7"]}
    members[min(a, b)].append("e5")
    assert in_one_batch[0] == {e: cluster for cluster, es in members.items() for e in es}
    assert in_one_batch[1] == {
        cluster: (len(es), len({events[e].article_id for e in es}),
                  len({events[e].source_url.split("/")[2] for e in es}))
        for cluster, es in members.items()
    }

    with store.engine.begin() as conn:
        conn.execute(delete(EventRow))
        conn.execute(delete(EventClusterRow))
    for event in [first, *batch]:
        store.save([event])
    assert state(store) == in_one_batch

    store.save(batch)  # redelivered as a batch: nothing moves
    assert state(store) == in_one_batch
