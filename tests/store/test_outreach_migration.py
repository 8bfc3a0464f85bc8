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
    "communities",
    "outreach_activities",
    "outreach_attachments",
    "quiz_sessions",
    "quiz_questions",
    "quiz_attempts",
}


def test_migration_0011_creates_the_outreach_tables(engine: Engine) -> None:
    upgrade(engine, "0011")
    assert set(inspect(engine).get_table_names()) >= TABLES


def test_the_outreach_tables_match_their_declarations(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [change for change in diff if any(f"'{table}'" in repr(change) for table in TABLES)] == []


def test_downgrade_to_0010_drops_only_the_outreach_tables(engine: Engine) -> None:
    upgrade(engine, "0011")
    config = Config()
    config.set_main_option("script_location", str(resources.files("fanzha.store").joinpath("migrations")))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0010")
    names = set(inspect(engine).get_table_names())
    assert not TABLES & names
    assert {"bulletins", "cases", "counter_alerts"} <= names
