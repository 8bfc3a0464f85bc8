"""The live demo: loaded relative to now, every part marked synthetic, nothing loaded twice, and a start
on a later day topped up so that day has its cases, orders and screened transfers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select

from fanzha.demo.live import last_loaded, load_live_demo
from fanzha.demo.orders import DEMO_BANK
from fanzha.store import upgrade
from fanzha.store.case_tables import CaseRow, OrderRow
from fanzha.store.counter_tables import CounterAlertRow
from fanzha.store.screen_tables import ScreenDecisionRow
from fanzha.timezones import BEIJING, from_db

TABLES = (CaseRow, OrderRow, ScreenDecisionRow, CounterAlertRow)
DEMO_CASE = CaseRow.ref.like("DEMO-0-%")  # the warnings' demo opens a few cases of its own, at load time


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.__tablename__: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in TABLES}


def test_the_demo_is_alive_marked_and_loaded_once_then_topped_up(engine: Engine) -> None:
    upgrade(engine)
    now = datetime.now(UTC).replace(microsecond=0)
    added = load_live_demo(engine, cases=600, now=now)
    assert added["cases"] == 600 and added["orders"] > 0 and added["held"] > 0 and added["alarms"] > 0
    assert last_loaded(engine) == now
    with engine.connect() as conn:
        newest = from_db(conn.scalar(select(func.max(CaseRow.received_at)).where(DEMO_CASE)))
        unmarked = conn.scalar(select(func.count()).where(CaseRow.synthetic.is_(False)))
        bases = set(conn.scalars(select(OrderRow.legal_basis)))
        states = set(conn.scalars(select(OrderRow.state)))
        decisions = conn.execute(
            select(ScreenDecisionRow.bank, ScreenDecisionRow.transfer_id, ScreenDecisionRow.transfer)
        ).all()
        pending = conn.scalar(
            select(func.count()).where(
                ScreenDecisionRow.outcome.in_(("hold", "block")), ScreenDecisionRow.review == ""
            )
        )
    assert newest <= now and now - newest < timedelta(days=1)
    assert unmarked == 0  # the cases the counter checks opened are marked too
    assert all(b.startswith("【演示数据】") for b in bases)
    assert {"requested", "executed"} <= states
    with engine.connect() as conn:
        waiting = conn.scalar(
            select(func.count()).where(OrderRow.bank == DEMO_BANK, OrderRow.state == "requested")
        )
    assert waiting and waiting > 0  # the bank console has orders to answer
    assert all(
        bank == DEMO_BANK and tid.startswith("DEMO0-") and t["synthetic"] for bank, tid, t in decisions
    )
    assert pending and pending > 0
    before = _counts(engine)
    again = load_live_demo(engine, cases=600, now=now + timedelta(minutes=5))
    assert set(again.values()) == {0} and _counts(engine) == before
    later = now + timedelta(days=2)
    topped = load_live_demo(engine, cases=600, now=later)
    assert topped["cases"] > 0 and topped["transfers"] > 0
    with engine.connect() as conn:
        query = select(CaseRow.received_at).where(DEMO_CASE, CaseRow.received_at > now)
        new = [from_db(t) for t in conn.scalars(query)]
    assert all(now < t <= later for t in new) and len(new) >= topped["cases"]
    assert any(t.astimezone(BEIJING).date() == later.astimezone(BEIJING).date() for t in new)
