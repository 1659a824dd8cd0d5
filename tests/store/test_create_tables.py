"""Creating state tables when two replicas start at once: a lost race is not an outage."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, inspect
from sqlalchemy.exc import OperationalError

from newsflow.errors import TransientError
from services.store import make_engine
from services.store.repository import create_tables


class RacingMetaData(MetaData):
    """Metadata whose first create_all meets a table another process just created."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    def create_all(self, bind: object, tables: object = None, checkfirst: bool = True) -> None:
        if self.failures:
            self.failures -= 1
            raise OperationalError("CREATE TABLE t", {}, Exception("table t already exists"))
        super().create_all(bind, checkfirst=checkfirst)  # type: ignore[arg-type]


def _metadata(failures: int) -> RacingMetaData:
    metadata = RacingMetaData(failures)
    Table("t", metadata, Column("id", Integer, primary_key=True))
    return metadata


def test_a_lost_race_is_retried_once(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    create_tables(_metadata(failures=1), engine, "test state")
    assert inspect(engine).has_table("t")
    engine.dispose()


def test_a_database_that_keeps_failing_is_a_transient_error(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite'}")
    with pytest.raises(TransientError, match="test state unavailable"):
        create_tables(_metadata(failures=2), engine, "test state")
    engine.dispose()
