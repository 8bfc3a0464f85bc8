from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from fanzha.store import upgrade
from fanzha.store.tables import Base

TABLES = {
    "residents",
    "resident_family",
    "resident_identifiers",
    "contact_events",
    "warn_flags",
    "warning_tasks",
}


def test_migration_0010_creates_the_warning_tables(engine: Engine) -> None:
    upgrade(engine, "0010")
    assert set(inspect(engine).get_table_names()) >= TABLES


def test_the_warning_tables_match_their_declarations(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [change for change in diff if any(f"'{table}'" in repr(change) for table in TABLES)] == []


def test_downgrade_to_0009_drops_only_the_warning_tables(engine: Engine) -> None:
    upgrade(engine, "0010")
    config = Config()
    config.set_main_option("script_location", str(resources.files("fanzha.store").joinpath("migrations")))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")
    names = set(inspect(engine).get_table_names())
    assert not TABLES & names
    assert {"counter_alerts", "cases", "identifiers"} <= names
