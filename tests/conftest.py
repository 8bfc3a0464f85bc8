"""Shared fixtures: one detector for the whole session (loading the model takes a moment), and a
database engine on which every store test runs — SQLite always, and PostgreSQL when
FANZHA_TEST_DATABASE_URL points at one (as .ci/run does)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from fanzha.detect.engine import Detector, default_detector
from fanzha.store import make_engine


@pytest.fixture(scope="session")
def detector() -> Detector:
    return default_detector()


PG_URL = os.environ.get("FANZHA_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _reset_postgres(engine: Engine) -> None:
    from fanzha.store.tables import Base

    Base.metadata.drop_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture(params=BACKENDS)
def engine(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Engine]:
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'fanzha.sqlite3'}")  # its audit anchor lies beside it
    else:
        assert PG_URL is not None
        eng = make_engine(PG_URL)
        _reset_postgres(eng)
        # The audit anchor of a server database defaults to the user's data directory: keep it per test.
        monkeypatch.setenv("FANZHA_AUDIT_ANCHOR", str(tmp_path / "audit-head.json"))
    yield eng
    if request.param == "postgresql":
        _reset_postgres(eng)
    eng.dispose()
