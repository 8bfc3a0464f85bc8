from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from fanzha.store import upgrade
from fanzha.store.tables import Base

SCREEN_TABLES = {"screen_decisions", "screen_rule_sets", "screen_pairs", "screen_transfers_seen"}


def test_migration_0004_creates_the_screening_tables(engine: Engine) -> None:
    upgrade(engine, "0004")
    assert set(inspect(engine).get_table_names()) >= SCREEN_TABLES


def test_screening_tables_match_their_declarations(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [change for change in diff if any(table in repr(change) for table in SCREEN_TABLES)] == []


def test_downgrade_to_0003_drops_only_the_screening_tables(engine: Engine) -> None:
    upgrade(engine, "0004")
    config = Config()
    config.set_main_option("script_location", str(resources.files("fanzha.store").joinpath("migrations")))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    names = set(inspect(engine).get_table_names())
    assert not SCREEN_TABLES & names
    assert "cases" in names


def test_migration_0006_names_stored_orders_banks_in_full(engine: Engine) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import insert, select

    from fanzha.store.case_tables import OrderRow

    upgrade(engine, "0005")
    base = {"kind": "stop_payment", "account": "6217000012345678903", "state": "requested", "renewals": 0,
            "amount_requested_fen": 1, "amount_stopped_fen": 0, "amount_returned_fen": 0, "legal_basis": "",
            "officer": "", "covers": [], "requested_at": datetime(2026, 11, 1, tzinfo=UTC), "note": ""}  # fmt: skip
    with engine.begin() as conn:
        conn.execute(insert(OrderRow), [{**base, "bank": "工行"}, {**base, "bank": "武汉农商行"}])
    upgrade(engine)
    with engine.connect() as conn:
        assert sorted(conn.execute(select(OrderRow.bank)).scalars()) == ["中国工商银行", "武汉农商行"]
