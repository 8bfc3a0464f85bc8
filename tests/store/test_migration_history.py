"""Every migration from every earlier revision, with data in it, on both stores.

For each revision r in Alembic's script directory (read from it, so a new migration is covered without
touching this file) an empty database is upgraded to r, every table that exists at r gets rows built from
reflection, and the database is upgraded to head. Then: every row is still there with its values (or
with the transformation a migration documents), the schema is that of a database created empty at head,
a second upgrade changes nothing, and the product reads the upgraded store.

Downgrades are not covered here: the migrations have `downgrade()` functions, but the product only ever
upgrades (`fanzha.store.upgrade`); test_warn_migration.py exercises one downgrade.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, inspect

from fanzha.cases.repository import CaseStore
from fanzha.intel.banks import bank_name
from fanzha.intel.keys import list_keys
from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade
from fanzha.store.tables import Base


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(resources.files("fanzha.store").joinpath("migrations")))
    return ScriptDirectory.from_config(config)


REVISIONS = [script.revision for script in reversed(list(_script().walk_revisions()))]  # oldest first
HEAD = REVISIONS[-1]
ROWS = 3  # rows per table; the last one has NULL in every nullable column


def _before(revision: str, migration: str) -> bool:
    """Whether a database at `revision` has not yet been through `migration`."""
    return REVISIONS.index(revision) < REVISIONS.index(migration)


# ------------------------------------------------------------------------------------ what goes in
def _phone(i: int) -> str:
    return f"1390000{i:04d}"


# Columns the product reads with a meaning, so that the reads after the upgrade have something real to
# find; every other column gets a generic value of its type.
SPECIAL: dict[tuple[str, str], Callable[[int], Any]] = {
    ("identifiers", "kind"): lambda i: "phone",  # IntelStore.lookup normalises by kind
    ("identifiers", "value"): _phone,
    ("identifiers", "official"): lambda i: False,  # an official number would hide the reports
    ("reports", "source"): lambda i: ("citizen", "police", "bank")[i % 3],  # IntelStore.SOURCES
    ("decisions", "decision"): lambda i: "confirmed",  # so the lookup's level is known: confirmed
    ("api_keys", "role"): lambda i: "officer",  # one of fanzha.intel.keys.ROLES
    # 0006 renames the banks of stored orders to their full name: one short name, one already full.
    ("orders", "bank"): lambda i: ("工行", "城关农商银行", "建行")[i % 3],
}

# Values a migration deliberately changes in rows stored before it: (table, column) -> (migration,
# what the stored value becomes).
TRANSFORMS: dict[tuple[str, str], tuple[str, Callable[[Any], Any]]] = {
    ("orders", "bank"): ("0006", bank_name),  # 工行 → 中国工商银行 (0006_screen_history_checks)
}
# 0006 also renames repeated counter checks of one transfer; the filler's values are all distinct, so
# test_a_transfer_checked_twice_before_0006_keeps_both_checks covers that one.

# Columns a migration adds to a table that already had rows, with the value those rows get. A column
# not listed must be NULL on old rows: a new migration that backfills something has to say so here.
ADDED: dict[tuple[str, str], Any] = {
    ("reports", "request_hash"): None,  # 0007: keys already stored have no request hash
    ("api_keys", "revoked_at"): None,  # 0014: old keys are active
    ("api_keys", "last_used_at"): None,
}


def _value(column: sa.Column[Any], i: int, dialect: str) -> Any:
    """A value of `column`'s type for row `i`, different in every row (unique constraints hold)."""
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return i % 2 == 0
    if isinstance(kind, sa.DateTime):
        return datetime(2025, 3, 4, 5, 6, 7, 123456, tzinfo=UTC) + timedelta(days=i, minutes=i)
    if isinstance(kind, sa.Date):
        return date(2025, 3, 4) + timedelta(days=i)
    if isinstance(kind, sa.JSON):
        return {"说明": f"第{i}条", "n": i, "列表": [1, "二", None, True], "嵌套": {"金额": 1.5}}
    if isinstance(kind, sa.LargeBinary):
        return f"%PDF 第{i}份".encode() + bytes(range(256))
    if isinstance(kind, sa.BigInteger):
        return 5_000_000_000 + i  # beyond 32 bits: a BIGINT must stay one
    if isinstance(kind, sa.Integer):
        return 1000 + i
    if isinstance(kind, sa.Numeric):
        return Decimal("12.5") + i if kind.asdecimal else 12.5 + i
    if isinstance(kind, sa.String):
        text = f"{i}号{column.name}·中文“引号”"
        if kind.length is not None:
            text = text[: kind.length]
        return text
    raise AssertionError(f"no filler for {column.table.name}.{column.name} of type {kind!r} on {dialect}")


def _generated(column: sa.Column[Any], table: sa.Table, dialect: str) -> bool:
    """Whether the database numbers this primary key itself (SERIAL / IDENTITY / SQLite's rowid)."""
    if list(table.primary_key.columns) != [column] or not isinstance(column.type, sa.Integer):
        return False
    if dialect == "sqlite":
        return type(column.type).__name__ == "INTEGER"  # BIGINT is not an alias of the rowid
    return column.identity is not None or "nextval" in str(getattr(column.server_default, "arg", ""))


def _reflect(engine: Engine) -> MetaData:
    meta = MetaData()
    meta.reflect(engine)
    return meta


def _fill(engine: Engine, meta: MetaData) -> None:
    """ROWS rows in every table, in foreign-key order, each foreign key naming a row already stored
    (one INSERT … RETURNING per table). No table has a CHECK constraint yet; a column that gets one
    needs a value in SPECIAL (the INSERT here fails and names it)."""
    dialect = engine.dialect.name
    stored: dict[str, list[dict[str, Any]]] = {}
    with engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            references = {fk.parent.name: (fk.column.table.name, fk.column.name) for fk in table.foreign_keys}
            given = [column for column in table.columns if not _generated(column, table, dialect)]
            rows: list[dict[str, Any]] = []
            for i in range(ROWS):
                row: dict[str, Any] = {}
                for column in given:
                    if i == ROWS - 1 and column.nullable and not column.primary_key:
                        row[column.name] = None
                    elif column.name in references:
                        parent, key = references[column.name]
                        assert stored[parent], f"{table.name}.{column.name}: {parent} has no rows"
                        row[column.name] = stored[parent][i % len(stored[parent])][key]
                    elif (table.name, column.name) in SPECIAL:
                        row[column.name] = SPECIAL[table.name, column.name](i)
                    else:
                        row[column.name] = _value(column, i, dialect)
                rows.append(row)
            keys = list(table.primary_key.columns)
            result = conn.execute(table.insert().returning(*keys, sort_by_parameter_order=True), rows)
            for row, returned in zip(rows, result.all(), strict=True):
                row.update(zip((k.name for k in keys), returned, strict=True))
            stored[table.name] = rows


# ------------------------------------------------------------------------------ what comes out
def _rows(engine: Engine, meta: MetaData) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table in `meta` (but alembic_version), by primary key, as the driver returns
    it: SQLite's stored text of a JSON or a timestamp must stay the same text. (Plain SQL: compiling a
    select of some 60 freshly reflected tables took most of this test's time.)"""
    quote = engine.dialect.identifier_preparer.quote
    with engine.connect() as conn:
        return {
            table.name: [
                dict(r._mapping)
                for r in conn.exec_driver_sql(
                    f"SELECT * FROM {quote(table.name)} ORDER BY "
                    + ", ".join(quote(c.name) for c in table.primary_key.columns)
                )
            ]
            for table in meta.sorted_tables
            if table.name != "alembic_version"
        }


def _schema(engine: Engine) -> dict[str, Any]:
    """Tables, columns with their types, keys, indexes and unique constraints, as inspect sees them
    (the get_multi_* calls: one query each on PostgreSQL rather than one per table)."""
    insp = inspect(engine)
    dialect = engine.dialect
    columns = insp.get_multi_columns()
    primary = insp.get_multi_pk_constraint()
    foreign = insp.get_multi_foreign_keys()
    indexes = insp.get_multi_indexes()
    unique = insp.get_multi_unique_constraints()
    return {
        name: {
            "columns": [
                (c["name"], c["type"].compile(dialect=dialect), c["nullable"], c.get("default"))
                for c in columns[key]
            ],
            "primary key": primary[key]["constrained_columns"],
            "foreign keys": sorted(
                (
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    tuple(fk["referred_columns"]),
                    fk.get("options", {}).get("ondelete"),
                )
                for fk in foreign[key]
            ),
            "indexes": sorted(
                (ix["name"], tuple(str(c) for c in ix["column_names"]), bool(ix["unique"]))
                for ix in indexes[key]
            ),
            "unique": sorted((uc["name"] or "", tuple(uc["column_names"])) for uc in unique[key]),
        }
        for key in sorted(columns, key=lambda k: k[1])
        for name in [key[1]]
    }


def _version(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _drop_everything(engine: Engine) -> None:
    _reflect(engine).drop_all(engine)


FRESH: dict[str, dict[str, Any]] = {}  # the schema of a database created empty at head, per store
HEAD_TABLES: dict[str, MetaData] = {}  # its tables, reflected, per store


def _fresh_schema(engine: Engine) -> dict[str, Any]:
    """Created once per store on the test's own (empty) database, which is emptied again afterwards."""
    dialect = engine.dialect.name
    if dialect not in FRESH:
        upgrade(engine)
        FRESH[dialect] = _schema(engine)
        _drop_everything(engine)
    assert inspect(engine).get_table_names() == []
    return FRESH[dialect]


# ---------------------------------------------------------------------------------------- tests
def test_the_revisions_form_one_line_ending_at_the_declared_head() -> None:
    script = _script()
    assert script.get_heads() == [HEAD]
    assert REVISIONS[0] == "0001" and len(REVISIONS) == len(set(REVISIONS)) >= 14


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrading_a_filled_database_from_each_revision_keeps_its_rows(engine: Engine, revision: str) -> None:
    fresh = _fresh_schema(engine)
    upgrade(engine, revision)
    assert _version(engine) == revision
    at_revision = _reflect(engine)
    _fill(engine, at_revision)
    before = _rows(engine, at_revision)
    assert before and all(len(rows) == ROWS for rows in before.values())

    upgrade(engine)
    assert _version(engine) == HEAD
    assert _schema(engine) == fresh  # as if created empty at head
    if engine.dialect.name not in HEAD_TABLES:  # the same every time: the schema is the fresh one
        HEAD_TABLES[engine.dialect.name] = _reflect(engine)
    at_head = HEAD_TABLES[engine.dialect.name]
    after = _rows(engine, at_head)
    for table, old_rows in before.items():
        assert table in after, f"{table} is gone after upgrading from {revision}"
        new_rows = after[table]
        assert len(new_rows) == len(old_rows), f"{table}: {len(old_rows)} rows became {len(new_rows)}"
        for old, new in zip(old_rows, new_rows, strict=True):
            for column, value in old.items():
                assert column in new, f"{table}.{column} is gone after upgrading from {revision}"
                expected = value
                if (table, column) in TRANSFORMS:
                    migration, change = TRANSFORMS[table, column]
                    if _before(revision, migration) and value is not None:
                        expected = change(value)
                assert new[column] == expected, (
                    f"{table}.{column} from {revision}: {value!r} → {new[column]!r}"
                )
            for column in new.keys() - old.keys():
                assert new[column] == ADDED.get((table, column)), (
                    f"{table}.{column}, added after {revision}, holds {new[column]!r} on an old row"
                )

    upgrade(engine)  # a second upgrade is a no-op
    assert _version(engine) == HEAD
    assert _rows(engine, at_head) == after

    # The product on the upgraded store.
    intel = IntelStore(engine)
    found = intel.lookup(kind="phone", value=_phone(0))
    assert (found.level, found.report_count) == ("confirmed", 1)
    intel.add_report(kind="phone", value="13900009999", text="升级后新举报", reporter="迁移测试")
    assert intel.lookup(kind="phone", value="13900009999").report_count == 1

    keys = list_keys(engine)  # reads revoked_at and last_used_at (0014) of keys stored before them
    assert [(k.role, k.active) for k in keys] == [
        ("officer", row.get("revoked_at") is None) for row in before.get("api_keys", [])
    ]

    total, cases = CaseStore(engine).search(limit=10)
    assert total == (ROWS if "cases" in before else 0)
    if "cases" in before:
        ref = before["cases"][0]["ref"]
        case = CaseStore(engine).get_by_ref(ref)
        assert case is not None and case.narrative == before["cases"][0]["narrative"]
        assert case.id in {c.id for c in cases}


def test_a_database_created_empty_at_head_matches_the_declared_tables(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_transfer_checked_twice_before_0006_keeps_both_checks(engine: Engine) -> None:
    """0006 makes a counter check unique per bank and transfer; a database from before it may hold two
    checks of one transfer (two tellers). The first keeps the transfer id, the later one gets `#<id>`."""
    upgrade(engine, "0005")
    meta = _reflect(engine)
    _fill(engine, meta)
    long_id = "转账" + "9" * 126  # 128 characters: the suffix must be cut to fit
    with engine.begin() as conn:
        conn.execute(
            sa.update(meta.tables["counter_checks"]).values(bank="城关农商银行", transfer_id=long_id)
        )
    before = _rows(engine, meta)["counter_checks"]

    upgrade(engine)
    after = _rows(engine, meta)["counter_checks"]
    assert [r["id"] for r in after] == [r["id"] for r in before]
    assert after[0]["transfer_id"] == long_id
    for row in after[1:]:
        suffix = f"#{row['id']}"
        assert row["transfer_id"] == long_id[: 128 - len(suffix)] + suffix
    for old, new in zip(before, after, strict=True):
        assert {k: v for k, v in new.items() if k != "transfer_id"} == {
            k: v for k, v in old.items() if k != "transfer_id"
        }
