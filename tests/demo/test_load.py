from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from fanzha.demo import DemoError, generate_cases, insert_cases, load_demo
from fanzha.demo.load import default_start
from fanzha.store import upgrade
from fanzha.store.case_tables import CaseIdentifierRow, CasePaymentRow, CaseRow


def _count(engine: Engine, table: type) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(table)) or 0)


def test_cases_are_stored_in_fen_and_linked(engine: Engine) -> None:
    upgrade(engine)
    cases = generate_cases(250, seed=5, start=date(2026, 10, 5), days=28)
    assert insert_cases(engine, cases, batch=100) == 250
    assert _count(engine, CaseRow) == 250
    assert _count(engine, CasePaymentRow) == sum(len(c.payments) for c in cases)
    assert _count(engine, CaseIdentifierRow) == sum(len(c.identifiers) for c in cases)
    with engine.connect() as conn:
        total = conn.scalar(select(func.sum(CaseRow.loss_fen)))
        rows = conn.execute(select(CaseRow.synthetic, CaseRow.group_id, CaseRow.persons).limit(5)).all()
    assert total == sum(round(c.total_loss() * 100) for c in cases)
    assert all(
        synthetic and group is not None and persons["victim"]["name"] for synthetic, group, persons in rows
    )


def test_load_demo_refuses_the_same_seed_twice(engine: Engine) -> None:
    upgrade(engine)
    assert load_demo(engine, 40, seed=9, days=14) == 40
    with pytest.raises(DemoError, match="种子 9"):
        load_demo(engine, 40, seed=9, days=14)
    assert load_demo(engine, 40, seed=10, days=14) == 40


def test_the_default_window_ends_with_the_last_complete_week() -> None:
    start = default_start(91, today=date(2026, 11, 25))  # a Wednesday
    assert start == date(2026, 8, 24) and start.weekday() == 0
    assert default_start(7, today=date(2026, 11, 23)) == date(2026, 11, 16)
