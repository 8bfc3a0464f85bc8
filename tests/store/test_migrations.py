from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, inspect, text

from fanzha.store import upgrade


def test_upgrade_creates_the_schema_and_is_idempotent(engine: Engine) -> None:
    upgrade(engine)
    upgrade(engine)
    assert {"identifiers", "reports", "feedback", "decisions"} <= set(inspect(engine).get_table_names())


def test_upgrading_an_existing_database_keeps_its_rows(engine: Engine) -> None:
    upgrade(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO identifiers (kind, value, official, created_at) VALUES ('phone', '13800138000', false, :t)"
            ),
            {"t": datetime.now(UTC)},
        )
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM identifiers")).scalar_one() == "13800138000"


def test_upgrade_from_the_first_revision_keeps_identifiers(engine: Engine) -> None:
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO identifiers (kind, value, official, created_at) VALUES ('qq', '123456789', false, :t)"
            ),
            {"t": datetime.now(UTC)},
        )
    upgrade(engine)
    names = set(inspect(engine).get_table_names())
    assert {"api_keys", "appeals"} <= names
    with engine.connect() as conn:
        assert conn.execute(text("SELECT value FROM identifiers")).scalar_one() == "123456789"
