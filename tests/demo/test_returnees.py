"""The returnee demo: every state a page can show is there (on time, due, overdue, escalated, unassigned,
lifted; missing reports; a worker who came back; a village group not yet visited), names are labelled, and
loading again adds nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from fanzha.demo.returnees import load_returnees_demo
from fanzha.returnees import (
    OutboundLedger,
    Reader,
    ReturneeLedger,
    Survey,
    beijing_day,
    meeting_status,
    missing_reports,
)
from fanzha.store import upgrade

OFFICER = Reader("JZ1001", "officer", "api.list")


def test_the_demo_fills_every_state_and_loads_once(engine: Engine) -> None:
    upgrade(engine)
    added = load_returnees_demo(engine)
    assert added > 50 and load_returnees_demo(engine) == 0
    now = datetime.now(UTC)
    ledger = ReturneeLedger(engine)
    active = ledger.records(reader=OFFICER)
    states = {meeting_status(r, now=now).state for r in active}
    assert {"ok", "due", "overdue", "escalated", "unassigned"} <= states
    assert ledger.records(reader=OFFICER, status="lifted")
    assert all(r.name.startswith("【演示数据】") and r.demo for r in active)
    assert {r.community for r in active} >= {
        "幸福里社区",
        "东风社区",
        "南湖村",
        "新城社区",
        "工业园社区",
        "柳树村",
    }
    assert any(r.outbound_id for r in active)
    yesterday = beijing_day(now) - timedelta(days=1)
    assert len(missing_reports(OutboundLedger(engine), reader=OFFICER, on=yesterday)) == 2
    coverage = {c.community: c for c in Survey(engine).coverage(reader=OFFICER)}
    assert coverage["柳树村"].missing_groups == ["三组"] and coverage["南湖村"].households == 24
    # the demo community key's own survey page is filled too
    assert coverage["幸福里社区"].households == 18 and coverage["幸福里社区"].households_surveyed > 0
