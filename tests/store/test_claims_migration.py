from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from fanzha.store import upgrade
from fanzha.store.tables import Base

TABLES = {"claim_runs", "claim_institutions", "claim_results", "claim_findings", "claim_reports"}


def test_migration_0013_creates_the_claims_tables(engine: Engine) -> None:
    upgrade(engine, "0013")
    assert set(inspect(engine).get_table_names()) >= TABLES


def test_the_claims_tables_match_their_declarations(engine: Engine) -> None:
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [change for change in diff if any(f"'{table}'" in repr(change) for table in TABLES)] == []


def test_downgrade_to_0012_drops_only_the_claims_tables(engine: Engine) -> None:
    upgrade(engine, "0013")
    config = Config()
    config.set_main_option("script_location", str(resources.files("fanzha.store").joinpath("migrations")))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0012")
    names = set(inspect(engine).get_table_names())
    assert not TABLES & names
    assert {"returnees", "residents", "cases"} <= names
