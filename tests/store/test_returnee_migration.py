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
    "returnees",
    "returnee_assignments",
    "returnee_meetings",
    "outbound_workers",
    "outbound_reports",
    "outbound_persuasions",
    "survey_households",
    "returnee_access",
}


def test_migration_0012_creates_the_returnee_tables(engine: Engine) -> None:
    upgrade(engine, "0012")
    assert set(inspect(engine).get_table_names()) >= TABLES


def test_the_tables_match_their_declarations(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [change for change in diff if any(f"'{table}'" in repr(change) for table in TABLES)] == []


def test_downgrade_to_0011_drops_only_these_tables(engine: Engine) -> None:
    upgrade(engine, "0012")
    config = Config()
    config.set_main_option("script_location", str(resources.files("fanzha.store").joinpath("migrations")))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
    names = set(inspect(engine).get_table_names())
    assert not TABLES & names
    assert {"bulletins", "cases", "counter_checks", "cardban_entries"} <= names
