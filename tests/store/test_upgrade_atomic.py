"""`fanzha.store.upgrade` is all or nothing, on SQLite as on PostgreSQL.

Each test copies the package's migrations into a temporary script directory, adds one revision on top of
head, and runs it through `upgrade(..., migrations=…)`, the product's own code path. The failing revision
drops an index, creates another and a table, recreates `cases` in Alembic batch mode (a table that others
reference with ON DELETE CASCADE), deletes rows, and then raises: afterwards the schema, `alembic_version`
and every row are as they were, and the same revision without the failure then upgrades. Before this, on
SQLite, pysqlite ran the DDL in autocommit: the failure left the schema half changed at the old revision.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, inspect

from fanzha.cases.model import CaseIdentifier, CaseIn, Payment
from fanzha.cases.repository import CaseStore
from fanzha.intel.repository import IntelStore
from fanzha.store import make_engine, upgrade

NEW = "0900"  # the revision the tests add on top of head

MIGRATION = '''"""Added by tests/store/test_upgrade_atomic.py."""

import sqlalchemy as sa
from alembic import op

revision = "{new}"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_case_payments_to", table_name="case_payments")
    op.create_index("ix_case_payments_channel", "case_payments", ["channel"])
    op.create_table("upgrade_probe", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO upgrade_probe (id) VALUES (1)")
    # SQLite copies the table into a new one and drops the old; PostgreSQL alters it in place.
    recreate = "always" if op.get_context().dialect.name == "sqlite" else "auto"
    with op.batch_alter_table("cases", recreate=recreate) as batch:
        batch.add_column(sa.Column("probe", sa.String(8), nullable=True))
{tail}

def downgrade() -> None:
    raise NotImplementedError
'''
FAILS = """    op.execute("DELETE FROM reports")
    raise RuntimeError("deliberate failure after the DDL")
"""
ORPHANS = """    op.execute("DELETE FROM cases")  # with foreign keys off: the payments point at nothing
"""


def _head() -> str:
    config = Config()
    config.set_main_option("script_location", str(_package_migrations()))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def _package_migrations() -> Path:
    return Path(str(resources.files("fanzha.store").joinpath("migrations")))


def _migrations(tmp_path: Path, name: str, tail: str) -> Path:
    """A copy of the package's migrations with revision NEW on top of head, ending with `tail`."""
    target = tmp_path / name
    shutil.copytree(_package_migrations(), target, ignore=shutil.ignore_patterns("__pycache__"))
    text = MIGRATION.format(new=NEW, head=_head(), tail=tail)
    (target / "versions" / f"{NEW}_upgrade_probe.py").write_text(text, encoding="utf-8")
    return target


def _fill(engine: Engine) -> None:
    """Rows the product writes: two cases with payments and identifiers (children of `cases`, ON DELETE
    CASCADE) and two reports."""
    cases = CaseStore(engine)
    for ref in ("甲", "乙"):
        cases.create(
            CaseIn(
                received_at=datetime(2026, 11, 5, 8, 0, tzinfo=UTC), ref=ref, narrative=f"案情{ref}",
                payments=[Payment(amount=1200.5, to_account="6222020200001234567")],
                identifiers=[CaseIdentifier("phone", "17012345678")],
            ),
            actor="民警甲",
        )  # fmt: skip
    intel = IntelStore(engine)
    intel.add_report(kind="phone", value="13900001111", text="冒充客服", reporter="群众甲")
    intel.add_report(kind="phone", value="13900002222", text="刷单返利", reporter="群众乙")


def _schema(engine: Engine) -> dict[str, Any]:
    """Tables with their columns, indexes, unique constraints and foreign keys; on SQLite also the exact
    CREATE statements in sqlite_master."""
    insp = inspect(engine)
    schema: dict[str, Any] = {
        name: (
            [(c["name"], str(c["type"]), c["nullable"]) for c in insp.get_columns(name)],
            sorted((ix["name"], tuple(map(str, ix["column_names"])), ix["unique"]) for ix in insp.get_indexes(name)),
            sorted((uc["name"] or "", tuple(uc["column_names"])) for uc in insp.get_unique_constraints(name)),
            sorted((tuple(fk["constrained_columns"]), fk["referred_table"]) for fk in insp.get_foreign_keys(name)),
        )
        for name in insp.get_table_names()
    }  # fmt: skip
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            schema["sqlite_master"] = conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
            ).all()
    return schema


def _rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        return {
            table.name: [
                tuple(r) for r in conn.execute(sa.select(table).order_by(*table.primary_key.columns))
            ]
            for table in meta.sorted_tables
        }


def _version(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _snapshot(engine: Engine) -> tuple[Any, ...]:
    return _version(engine), _schema(engine), _rows(engine)


@pytest.fixture
def store(engine: Engine) -> Any:
    """`engine` at head with rows; afterwards every table is dropped (alembic_version too), so that the
    next test's PostgreSQL database, which the fixture migrates, is not at a revision it does not know."""
    upgrade(engine)
    _fill(engine)
    yield engine
    meta = MetaData()
    meta.reflect(engine)
    meta.drop_all(engine)


def _assert_failed_upgrade_changes_nothing(engine: Engine, migrations: Path) -> None:
    before = _snapshot(engine)
    assert before[0] == _head() and before[2]["case_payments"] and before[2]["reports"]
    with pytest.raises(RuntimeError, match="deliberate failure"):
        upgrade(engine, migrations=migrations)
    assert _snapshot(engine) == before
    with pytest.raises(RuntimeError, match="deliberate failure"):  # and again: it fails the same way
        upgrade(engine, migrations=migrations)
    assert _snapshot(engine) == before


def test_a_failing_migration_leaves_schema_version_and_rows_as_they_were(
    store: Engine, tmp_path: Path
) -> None:
    _assert_failed_upgrade_changes_nothing(store, _migrations(tmp_path, "fails", FAILS))
    # The product still works on the untouched store.
    assert IntelStore(store).lookup(kind="phone", value="13900001111").report_count == 1


def test_the_corrected_migration_then_upgrades_and_keeps_the_rows(store: Engine, tmp_path: Path) -> None:
    _assert_failed_upgrade_changes_nothing(store, _migrations(tmp_path, "fails", FAILS))
    before = _rows(store)

    upgrade(store, migrations=_migrations(tmp_path, "fixed", ""))
    assert _version(store) == NEW
    indexes = {ix["name"] for ix in inspect(store).get_indexes("case_payments")}
    assert "ix_case_payments_channel" in indexes and "ix_case_payments_to" not in indexes
    after = _rows(store)
    assert after["upgrade_probe"] == [(1,)]
    assert after["cases"] == [(*row, None) for row in before["cases"]]  # the new column, empty
    # Recreating `cases` kept the rows that reference it (ON DELETE CASCADE): on SQLite, foreign keys are
    # off during the upgrade, or dropping the old table would have deleted them.
    for table in ("case_payments", "case_identifiers", "reports", "identifiers"):
        assert after[table] == before[table], table
    case = CaseStore(store).get_by_ref("甲")
    assert case is not None and case.payments[0].to_account == "6222020200001234567"


def test_a_migration_leaving_broken_foreign_keys_is_rolled_back_on_sqlite(tmp_path: Path) -> None:
    """Foreign keys are off during a SQLite upgrade (batch mode recreates tables), so PRAGMA
    foreign_key_check runs before COMMIT: rows pointing at nothing fail the upgrade, which rolls back.
    The connection goes back to the pool with foreign keys on again."""
    engine = make_engine(f"sqlite:///{tmp_path / 'fanzha.sqlite3'}")
    upgrade(engine)
    _fill(engine)
    before = _snapshot(engine)
    with pytest.raises(RuntimeError, match="broken foreign key: case_payments row 1 → cases"):
        upgrade(engine, migrations=_migrations(tmp_path, "orphans", ORPHANS))
    assert _snapshot(engine) == before
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        dbapi = conn.connection.driver_connection
        assert dbapi is not None and dbapi.isolation_level == ""  # pysqlite's default again
    engine.dispose()


def test_an_in_memory_database_upgrades_all_or_nothing_too(tmp_path: Path) -> None:
    """`sqlite://` is one database per connection: the upgrade runs on the engine's own connection."""
    engine = make_engine("sqlite://")
    upgrade(engine)
    _fill(engine)
    _assert_failed_upgrade_changes_nothing(engine, _migrations(tmp_path, "fails", FAILS))
    upgrade(engine, migrations=_migrations(tmp_path, "fixed", ""))
    assert _version(engine) == NEW and _rows(engine)["upgrade_probe"] == [(1,)]
    engine.dispose()


def test_two_processes_upgrading_one_new_sqlite_file_together_both_succeed(tmp_path: Path) -> None:
    """The API and a CLI command started at once on a new data directory: BEGIN IMMEDIATE makes the
    second wait for the first and then find nothing to do (it used to fail: "table … already exists").
    Processes, not threads: Alembic's `context` is one per process."""
    url = f"sqlite:///{tmp_path / 'fanzha.sqlite3'}"
    code = f"from fanzha.store import make_engine, upgrade; upgrade(make_engine({url!r}))"
    starts = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    errors = [p.communicate(timeout=60)[1] for p in starts]
    assert [p.returncode for p in starts] == [0, 0], errors
    engine = make_engine(url)
    assert _version(engine) == _head()
    engine.dispose()
