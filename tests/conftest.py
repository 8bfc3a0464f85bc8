"""Shared fixtures: one detector for the whole session (loading the model takes a moment), and a
database engine on which every store test runs — SQLite always, and PostgreSQL when
FANZHA_TEST_DATABASE_URL points at one (as .ci/run does). The suite runs on two processes
(pytest-xdist, `-n 2` in pyproject's addopts); each has a PostgreSQL database of its own,
`<database>_<checkout digest>_gw0` and `_gw1`, created on the same server when missing.

A new SQLite database is migrated once per test process: the first one into a template, and every later
new database (the store fixture's, and the files tests hand to `create_app`) is a copy of that template
made with SQLite's backup API. Running the fifteen migrations took about half a second per database,
which was most of the suite's time; the copy is byte for byte what the migrations produce. Migrations to
another revision or from another script directory (the migration tests) still run for real."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, closing, contextmanager
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from fanzha.detect.engine import Detector, default_detector
from fanzha.store import engine as store_engine
from fanzha.store import make_engine


@pytest.fixture
def redis_state() -> Iterator[Any]:
    """Screening history in the machine's Redis under a prefix of this test's own, deleted afterwards
    (skipped without a Redis on 127.0.0.1:6379)."""
    import uuid

    import redis

    from fanzha.screen.state_redis import RedisState

    client = redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.3)
    try:
        client.ping()
    except (redis.RedisError, OSError):
        pytest.skip("no Redis on 127.0.0.1:6379")
    state = RedisState(client=client, prefix=f"fanzha:test:{uuid.uuid4().hex}:")
    yield state
    state.clear()


PACKAGE_MIGRATIONS = str(resources.files("fanzha.store").joinpath("migrations"))


@pytest.fixture(scope="session", autouse=True)
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """New SQLite databases as copies of one migrated by the real migrations (see the module doc)."""
    template = tmp_path_factory.mktemp("template") / "migrated.sqlite3"
    made = make_engine(f"sqlite:///{template}")
    store_engine.upgrade(made)
    made.dispose()
    migrate = store_engine._upgrade_sqlite

    def from_template(engine: Engine, config: Any, revision: str) -> None:
        path = engine.url.database
        if (
            revision != "head"
            or config.get_main_option("script_location") != PACKAGE_MIGRATIONS
            or not path
            or path == ":memory:"
        ):
            migrate(engine, config, revision)
            return
        with engine.connect() as conn:
            empty = conn.exec_driver_sql("SELECT 1 FROM sqlite_master LIMIT 1").first() is None
        if not empty:
            migrate(engine, config, revision)
            return
        engine.dispose()
        with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(path)) as target:
            source.backup(target)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_engine, "_upgrade_sqlite", from_template)
        yield template


@pytest.fixture(scope="session")
def detector() -> Detector:
    return default_detector()


def _worker_database(url: str | None) -> str | None:
    """The PostgreSQL URL this test process uses: its own database when pytest-xdist runs several, so
    that one process's DELETE never empties the tables another is using. The name also carries a digest
    of the checkout's path: a test run in one checkout while CI runs in a fresh clone on the same machine
    no longer shares (and spoils) CI's databases, as `test_gw0`/`test_gw1` once did."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    base = make_url(url)
    checkout = hashlib.sha1(str(Path(__file__).resolve().parent.parent).encode()).hexdigest()[:8]
    name = f"{base.database}_{checkout}_{worker}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}):
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    own = base.set(database=name).render_as_string(hide_password=False)
    os.environ["FANZHA_TEST_DATABASE_URL"] = own
    return own


PG_URL = _worker_database(os.environ.get("FANZHA_TEST_DATABASE_URL"))
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _reset_postgres(engine: Engine) -> None:
    from fanzha.store.tables import Base

    Base.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


def _empty_postgres(engine: Engine) -> None:
    """The newest schema with no rows: migrated once, then emptied before every test. Creating and dropping
    some 60 tables for every test left millions of dead rows in PostgreSQL's catalogs and made the suite
    slower with every run; a TRUNCATE of them all took 0.2–1 s per test on a host slow at file operations
    (it makes new files for every table and index). DELETE, children first, and the sequences set back to 1
    give the same empty tables in a few milliseconds."""
    from fanzha.store import upgrade
    from fanzha.store.tables import Base

    upgrade(engine)
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
        conn.execute(RESTART_SEQUENCES)


RESTART_SEQUENCES = text(
    "SELECT setval(quote_ident(schemaname) || '.' || quote_ident(sequencename), 1, false) "
    "FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL"
)


@pytest.fixture(params=BACKENDS)
def engine(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Engine]:
    """A database for one test. PostgreSQL: empty tables at the newest schema, except for the migration
    tests (modules named *migration*), which get no tables at all and leave none behind."""
    migrations = "migration" in request.module.__name__
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'fanzha.sqlite3'}")  # its audit anchor lies beside it
    else:
        assert PG_URL is not None
        eng = make_engine(PG_URL)
        if migrations:
            _reset_postgres(eng)
        else:
            _empty_postgres(eng)
        # The audit anchor of a server database defaults to the user's data directory: keep it per test.
        monkeypatch.setenv("FANZHA_AUDIT_ANCHOR", str(tmp_path / "audit-head.json"))
    yield eng
    if request.param == "postgresql" and migrations:
        _reset_postgres(eng)
    eng.dispose()


@contextmanager
def on_every_connection(engine: Engine, statement: str) -> Iterator[None]:
    """Every new connection of `engine` runs `statement` first; the pool is emptied on entry and exit
    (how the outage tests make a store read-only or full for real)."""

    def run(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(statement)
        cursor.close()
        if engine.dialect.name == "postgresql":
            dbapi_connection.commit()

    event.listen(engine, "connect", run)
    engine.dispose()
    try:
        yield
    finally:
        event.remove(engine, "connect", run)
        engine.dispose()


def read_only(engine: Engine) -> AbstractContextManager[None]:
    """`engine`'s store read-only in the block: SQLite's query_only, PostgreSQL's read-only sessions (the
    error a standby gives)."""
    if engine.dialect.name == "sqlite":
        return on_every_connection(engine, "PRAGMA query_only = ON")
    return on_every_connection(engine, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")


@pytest.fixture
def store_faults() -> SimpleNamespace:
    """`store_faults.read_only(engine)` and `store_faults.on_every_connection(engine, statement)`."""
    return SimpleNamespace(read_only=read_only, on_every_connection=on_every_connection)
