"""The demo's stop-payment orders: the demo bank always has orders waiting for its console, whatever
moment the demo is loaded at (cards are drawn from the BIN table, so at some moments no card of the demo
bank was paid in the last `ORDER_DAYS` days: CI once loaded the demo at such a moment and the bank's order
list was empty)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from fanzha.demo.load import load_demo
from fanzha.demo.orders import DEMO_BANK, DEMO_BANK_WAITING, load_orders_demo
from fanzha.store import upgrade
from fanzha.store.case_tables import OrderRow
from fanzha.timezones import from_db

# moments at which the last ORDER_DAYS days of a 600-case demo held fewer than DEMO_BANK_WAITING cards
# of the demo bank (one each, before its newest cards were looked for beyond the window)
THIN = (datetime(2026, 12, 5, 4, tzinfo=UTC), datetime(2026, 12, 6, 4, tzinfo=UTC))


@pytest.mark.parametrize("now", THIN, ids=lambda d: d.isoformat())
def test_the_demo_bank_has_orders_waiting_at_any_moment(engine: Engine, now: datetime) -> None:
    upgrade(engine)
    load_demo(engine, 600, now=now)
    made = load_orders_demo(engine, now=now)
    with engine.connect() as conn:
        orders = conn.execute(
            select(OrderRow.bank, OrderRow.state, OrderRow.requested_at, OrderRow.legal_basis)
        ).all()
    waiting = [o for o in orders if o.bank == DEMO_BANK and o.state == "requested"]
    assert len(waiting) >= DEMO_BANK_WAITING
    assert all(now - from_db(o.requested_at) <= timedelta(hours=6) for o in waiting)  # lately: not expired
    assert all(o.legal_basis.startswith("【演示数据】") for o in orders)
    assert made > 0 and load_orders_demo(engine, now=now) == 0  # nothing ordered twice
