from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select

from fanzha.demo import DemoError, generate_cases, insert_cases, load_demo
from fanzha.demo.load import top_up, window_start
from fanzha.store import upgrade
from fanzha.store.case_tables import CaseIdentifierRow, CasePaymentRow, CaseRow
from fanzha.timezones import BEIJING, from_db


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


@pytest.mark.parametrize("clock", ["00:20", "09:40", "23:50"])
def test_the_window_ends_now_and_today_has_cases(engine: Engine, clock: str) -> None:
    upgrade(engine)
    now = datetime.fromisoformat(f"2026-11-25T{clock}:00+08:00")  # a Wednesday, Beijing
    assert load_demo(engine, 400, seed=3, now=now) == 400
    with engine.connect() as conn:
        times = [from_db(t) for t in conn.scalars(select(CaseRow.received_at))]
    assert max(times) <= now
    today = [t for t in times if t.astimezone(BEIJING).date() == now.date()]
    assert today, "the day in progress has cases, even in its first minutes"
    assert min(times).astimezone(BEIJING).date() == window_start(91, now=now) == date(2026, 8, 27)
    # the day so far carries its share, not a whole day's: never more than a busy day
    assert len(today) < 3 * 400 / 91 + 5


def test_top_up_fills_the_days_since_the_last_load_without_repeating(engine: Engine) -> None:
    upgrade(engine)
    first = datetime(2026, 11, 20, 10, 0, tzinfo=BEIJING)
    assert load_demo(engine, 910, seed=4, now=first) == 910  # ten a day
    assert top_up(engine, seed=4, now=first + timedelta(minutes=30), since=first) == 0  # too soon: nothing
    later = first + timedelta(days=3)
    added = top_up(engine, seed=4, now=later, since=first)
    assert 15 <= added <= 50  # three days at about ten a day
    with engine.connect() as conn:
        refs = list(conn.scalars(select(CaseRow.ref).where(CaseRow.ref.like("DEMO-4-%"))))
        new = [from_db(t) for t in conn.scalars(select(CaseRow.received_at).where(CaseRow.id > 910))]
    assert len(refs) == len(set(refs)) == 910 + added
    assert sorted(refs)[-1] == f"DEMO-4-{910 + added:06d}"
    assert all(first < t <= later for t in new)
    assert any(t.astimezone(BEIJING).date() == later.date() for t in new)
    assert top_up(engine, seed=4, now=later, since=later) == 0
