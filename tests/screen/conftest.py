"""Shared by the streamed-screening tests (test_stream.py, test_stream_restart.py): what the store holds
and a way to hold the decision writers back."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from sqlalchemy import Engine, func, select, text

from fanzha.store.screen_tables import ScreenDecisionRow


def stored(engine: Engine, bank: str = "中国工商银行") -> Counter[str]:
    """How many decisions the store holds per transfer of `bank`."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(ScreenDecisionRow.transfer_id, func.count())
            .where(ScreenDecisionRow.bank == bank)
            .group_by(ScreenDecisionRow.transfer_id)
        )
        return Counter({ident: count for ident, count in rows})


@contextmanager
def writes_held(engine: Engine) -> Iterator[None]:
    """No one writes screening decisions in the block (SQLite: an exclusive transaction; PostgreSQL: the
    decisions table locked), so a worker that fetched a batch is caught holding it."""
    if engine.dialect.name == "sqlite":
        conn = sqlite3.connect(str(engine.url.database), isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    with engine.connect() as held, held.begin() as transaction:
        held.execute(text("LOCK TABLE screen_decisions IN EXCLUSIVE MODE"))
        yield
        transaction.rollback()


@pytest.fixture
def decisions() -> SimpleNamespace:
    """`decisions.stored(engine)` and `decisions.writes_held(engine)`."""
    return SimpleNamespace(stored=stored, writes_held=writes_held)
