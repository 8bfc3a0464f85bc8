from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from fanzha.store import upgrade
from fanzha.store.tables import Base

BANK_TABLES = {"guard_merchants", "guard_orders", "guard_steps", "counter_checks"}


def test_migration_0005_creates_the_bank_side_tables(engine: Engine) -> None:
    upgrade(engine, "0005")
    assert set(inspect(engine).get_table_names()) >= BANK_TABLES


def test_bank_side_tables_match_their_declarations(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [change for change in diff if any(table in repr(change) for table in BANK_TABLES)] == []


def test_downgrade_to_0004_drops_only_the_bank_side_tables(engine: Engine) -> None:
    upgrade(engine, "0005")
    config = Config()
    config.set_main_option("script_location", str(resources.files("fanzha.store").joinpath("migrations")))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    names = set(inspect(engine).get_table_names())
    assert not BANK_TABLES & names
    assert "screen_decisions" in names
