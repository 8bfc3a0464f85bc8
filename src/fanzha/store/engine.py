"""Database engines and schema upgrades.

The embedded default is SQLite (WAL mode) in the data directory; PostgreSQL is the production store
(`FANZHA_DATABASE_URL=postgresql+psycopg://…`). `upgrade` brings any database to the newest schema
through the Alembic migrations shipped in the package, without losing what is stored.
"""

from __future__ import annotations

import json
import sqlite3
import time
import weakref
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from sqlalchemy import Connection, Engine, create_engine, event

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_FILE = "fanzha.sqlite3"


def database_url(*, url: str | None = None, data_dir: Path | None = None) -> str:
    """An explicit URL wins; otherwise SQLite in `data_dir`."""
    if url:
        return url
    if data_dir is None:
        raise ValueError("need a database URL or a data directory")
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / SQLITE_FILE}"


def json_dumps(value: Any) -> str:
    """JSON columns through orjson (about 8× faster than the standard library on decision rows); values
    orjson refuses (integers beyond 64 bits, say) fall back to the standard library. Reading stays with
    the standard library: orjson would turn such integers into floats."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(value, ensure_ascii=False)


CONNECT_TIMEOUT = 3  # seconds: a server that does not answer is reported, not waited on for minutes
POOL_TIMEOUT = 5  # seconds a request waits for a pooled connection before it is told the store is busy


def _pg_options(**connect: str) -> dict[str, Any]:
    """What every PostgreSQL engine here is given: bounded waits for a pooled connection and for the server,
    and `connect` as further connection parameters."""
    return {"pool_timeout": POOL_TIMEOUT, "connect_args": {"connect_timeout": CONNECT_TIMEOUT, **connect}}


def make_engine(url: str) -> Engine:
    """An engine on `url`. PostgreSQL connections are not pinged before each use (`pool_pre_ping` cost 14% of
    the screening thread's time, a round trip per checkout): when a request finds its connection cut, it is
    answered 503 with Retry-After (fanzha.api.errors) and SQLAlchemy discards every pooled connection older
    than that moment, so the next request opens a fresh one and the service is back by itself."""
    server = _pg_options() if url.startswith("postgresql") else {}
    engine = create_engine(url, future=True, json_serializer=json_dumps, **server)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


_READERS: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()


def autocommit_reader(engine: Engine) -> Engine:
    """An engine for single-statement reads on the hot path (is this transfer already decided?): on
    PostgreSQL its own small pool of connections in autocommit, so a read is one round trip instead of
    three (BEGIN, the query, and the ROLLBACK when the connection goes back to the pool) — measured on the
    screening query: 0.64–0.81 ms → 0.29–0.35 ms, CPU 0.37–0.48 → 0.21–0.26 ms. (Switching an engine's
    connections to autocommit per use, `execution_options(isolation_level=…)`, cost more than it saved.)
    Elsewhere `engine` itself. Built once per engine, and disposed with it."""
    if engine.dialect.name != "postgresql":
        return engine
    reader = _READERS.get(engine)
    if reader is None:
        # Planned with each query's own values and the table as it is now: psycopg prepares a statement
        # after 5 uses, and a generic plan made while the table was empty (a new deployment; a server
        # without autovacuum never re-plans) stays a sequential scan — 17 ms a query at 100,000 rows.
        reader = _READERS[engine] = create_engine(
            engine.url,
            isolation_level="AUTOCOMMIT",
            pool_size=2,
            max_overflow=4,
            **_pg_options(options="-c plan_cache_mode=force_custom_plan"),
        )
        event.listen(engine, "engine_disposed", lambda _engine: reader.dispose())
    return reader


WAL_SWITCH_SECONDS = 5.0  # as long as the driver waits for a lock


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """PRAGMA journal_mode=WAL, waiting for the lock it needs. SQLite answers "database is locked" at once
    when another connection holds a lock while the mode is switched — it does not call the busy handler
    there — so two processes opening a new database together (the API and a CLI command on a new data
    directory) failed now and then (the first failure came within 40 and within 120 paired starts on two
    CPUs; with the retry none in 240); this retries up to WAL_SWITCH_SECONDS."""
    deadline = time.monotonic() + WAL_SWITCH_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def upgrade(engine: Engine, revision: str = "head", *, migrations: Path | None = None) -> None:
    """Run the migrations up to `revision` on `engine`'s database, all or nothing: a migration that fails
    leaves the schema, the rows and `alembic_version` as they were, on SQLite as on PostgreSQL.
    `migrations` is another Alembic script directory than the package's (the tests add failing ones)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    location = migrations or resources.files("fanzha.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    if engine.dialect.name == "sqlite":
        if revision == "head" and _at_head(engine, config):
            return  # the usual start: no write lock taken, so a busy store does not hold a worker up
        _upgrade_sqlite(engine, config, revision)
        return
    with engine.begin() as connection:  # PostgreSQL's DDL is transactional: one transaction is enough
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _upgrade_sqlite(engine: Engine, config: Config, revision: str) -> None:
    """The migrations in one real SQLite transaction.

    pysqlite in its default (legacy) transaction mode opens a transaction only before INSERT/UPDATE/DELETE
    and runs every other statement in autocommit, so a migration failing half-way used to leave its first
    DDL applied and `alembic_version` at the old revision: the next upgrade then failed for good. This is
    SQLAlchemy's recipe for transactional DDL with pysqlite (isolation_level=None on the DBAPI connection,
    our own BEGIN), applied to one connection of `engine` for the duration of the upgrade only: the
    product's other connections keep the driver's default. It is `engine`'s own connection, not a second
    engine on the same URL, because an in-memory database (`sqlite://`) exists once per connection, and so
    the engine's settings (JSON serializer, connect arguments) hold for data migrations too.

    Foreign keys follow SQLite's procedure for schema changes (sqlite.org/lang_altertable.html, "other
    kinds of table schema changes"): PRAGMA foreign_keys cannot change inside a transaction, so it is
    turned off before BEGIN, checked with PRAGMA foreign_key_check before COMMIT when the revision moved,
    and turned back on afterwards. With it on, Alembic's batch mode, which recreates a table and drops the
    old one, would fail on a referenced table, or silently empty its ON DELETE CASCADE children (a
    recreated `cases` took every case's payments and identifiers with it).

    BEGIN IMMEDIATE takes the write lock before reading `alembic_version`: two processes starting together
    upgrade one after the other (the second waits up to the driver's timeout, 5 s, and finds nothing to
    do) instead of both migrating a new database and the second failing ("table … already exists").
    """
    from alembic import command
    from alembic.migration import MigrationContext

    with engine.connect() as connection:
        dbapi = connection.connection.driver_connection
        assert dbapi is not None
        isolation_level = dbapi.isolation_level
        foreign_keys = bool(dbapi.execute("PRAGMA foreign_keys").fetchone()[0])
        try:
            dbapi.isolation_level = None  # no transaction is open on a connection just checked out
            if foreign_keys:
                dbapi.execute("PRAGMA foreign_keys=OFF")
            with connection.begin():
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                before = MigrationContext.configure(connection).get_current_revision()
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if foreign_keys and MigrationContext.configure(connection).get_current_revision() != before:
                    _check_foreign_keys(connection)
        finally:
            try:
                if foreign_keys:
                    dbapi.execute("PRAGMA foreign_keys=ON")
                dbapi.isolation_level = isolation_level
            except Exception:
                connection.invalidate()  # never hand the pool a connection without its settings
                raise


def _at_head(engine: Engine, config: Config) -> bool:
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
    return current is not None and current == ScriptDirectory.from_config(config).get_current_head()


def _check_foreign_keys(connection: Connection) -> None:
    """Raise (so that the upgrade rolls back) when a migration left a row pointing at nothing."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        shown = ", ".join(f"{table} row {rowid} → {parent}" for table, rowid, parent, _ in broken[:10])
        raise RuntimeError(f"the upgrade would leave {len(broken)} rows with a broken foreign key: {shown}")
