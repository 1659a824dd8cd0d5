"""Shared fixtures: the repository root, and real Kafka and PostgreSQL for integration tests.

Each service comes from the first of:

1. an environment variable naming a running one: ``KAFKA_BOOTSTRAP_SERVERS``,
   ``NEWSFLOW_TEST_DATABASE_URL`` (it must answer, or the tests using it fail);
2. a private one started for this session with ``deploy/kafka.sh`` / ``deploy/postgres.sh``, when
   those have been installed, and stopped when the session ends;
3. none: the tests that need it are skipped, or fail when ``NEWSFLOW_REQUIRE_SERVICES=1`` (as in
   CI), so that a missing service can never pass for a green run.

The start-up logic lives in :mod:`tests.services`; this module only wires fixtures.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from tests.services import (
    REPO_ROOT,
    ServiceError,
    kafka_installed,
    parse_host_port,
    postgres_dir,
    postgres_installed,
    start_kafka,
    start_postgres,
    wait_for_port,
)

# Seconds a service named by an environment variable gets to accept connections.
ENV_SERVICE_TIMEOUT = 10.0


def _services_required() -> bool:
    return os.environ.get("NEWSFLOW_REQUIRE_SERVICES", "").strip().lower() in {"1", "true", "yes"}


def _unavailable(reason: str) -> NoReturn:
    """Skip the test for want of a service, or fail it when the services are required."""
    if _services_required():
        pytest.fail(f"{reason} (and NEWSFLOW_REQUIRE_SERVICES=1 forbids skipping)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The root of the newsflow repository."""
    return REPO_ROOT


@pytest.fixture
def unique_id() -> str:
    """A short random hex string, for topic, group and database names no other test uses."""
    return uuid.uuid4().hex[:12]


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bootstrap servers (``host:port[,...]``) of a real Kafka broker."""
    servers = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "").strip()
    if servers:
        for address in servers.split(","):
            host, port = parse_host_port(address, default_port=9092)
            try:
                wait_for_port(port, host, timeout=ENV_SERVICE_TIMEOUT)
            except ServiceError as exc:
                pytest.fail(f"KAFKA_BOOTSTRAP_SERVERS={servers}: {exc}", pytrace=False)
        yield servers
        return

    if not kafka_installed():
        _unavailable(
            "no Kafka broker: set KAFKA_BOOTSTRAP_SERVERS, or run `deploy/kafka.sh install` "
            "so that the tests can start one"
        )
    try:
        bootstrap, stop = start_kafka(tmp_path_factory.mktemp("kafka"))
    except ServiceError as exc:
        pytest.fail(f"could not start a Kafka broker: {exc}", pytrace=False)
    try:
        yield bootstrap
    finally:
        stop()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """SQLAlchemy URL (``postgresql+psycopg://...``) of a real PostgreSQL database."""
    url = os.environ.get("NEWSFLOW_TEST_DATABASE_URL", "").strip()
    if url:
        engine = create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 10})
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            pytest.fail(f"NEWSFLOW_TEST_DATABASE_URL does not answer: {exc}", pytrace=False)
        finally:
            engine.dispose()
        yield url
        return

    if not postgres_installed():
        _unavailable(
            "no PostgreSQL: set NEWSFLOW_TEST_DATABASE_URL, or run `deploy/postgres.sh install` "
            "so that the tests can start one"
        )
    directory = postgres_dir()
    try:
        try:
            url, stop = start_postgres(directory)
        except ServiceError as exc:
            pytest.fail(f"could not start PostgreSQL: {exc}", pytrace=False)
        try:
            yield url
        finally:
            stop()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def _pg_admin_engine(postgres_url: str) -> Iterator[Engine]:
    """An autocommit engine on the session's database, for CREATE/DROP DATABASE."""
    # NullPool: no idle connection stays behind to block DROP DATABASE or a fast shutdown.
    engine = create_engine(postgres_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_database_url(_pg_admin_engine: Engine, postgres_url: str, unique_id: str) -> Iterator[str]:
    """URL of a new, empty PostgreSQL database for this test alone; dropped afterwards."""
    name = f"newsflow_test_{unique_id}"
    with _pg_admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    finally:
        # FORCE (PostgreSQL 13+): a connection the test left open must not keep the database.
        with _pg_admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
