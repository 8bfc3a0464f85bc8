"""Outbound workers: persuasion to return with its outcomes, and the returnee made from a worker who came
back (details carried over, linked both ways, under control at once)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from fanzha.returnees import (
    OutboundLedger,
    Reader,
    ReturneeConflict,
    ReturneeError,
    ReturneeLedger,
    WorkerIn,
)
from fanzha.store import upgrade

NOW = datetime(2026, 6, 10, 4, tzinfo=UTC)
OFFICER = Reader("JZ1001", "officer", "api.detail")


@pytest.fixture
def outbound(engine: Engine) -> OutboundLedger:
    upgrade(engine)
    return OutboundLedger(engine)


def worker(outbound: OutboundLedger) -> int:
    entry = WorkerIn("王某", "柳树村", "缅甸", place="妙瓦底", phone="+86 139 0000 1111", family_contact="王父",
                     family_phone="13900002222", id_number="11010519491231002X")  # fmt: skip
    return outbound.register(entry, actor="admin", now=datetime(2026, 6, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    ("outcome", "state"),
    [("agreed", "away"), ("refused", "away"), ("lost", "away"), ("returned", "returned")],
)
def test_persuasion_outcomes_are_recorded(outbound: OutboundLedger, outcome: str, state: str) -> None:
    wid = worker(outbound)
    outbound.persuade(
        wid, on=date(2026, 6, 9), method="phone", outcome=outcome, note="电话沟通", actor="li", now=NOW
    )
    w = outbound.view(wid, reader=OFFICER)
    assert w.state == state and [p.outcome for p in w.persuasions] == [outcome]


def test_unknown_outcomes_and_methods_are_refused(outbound: OutboundLedger) -> None:
    wid = worker(outbound)
    with pytest.raises(ReturneeError, match="劝返结果"):
        outbound.persuade(wid, on=date(2026, 6, 9), method="phone", outcome="maybe", actor="li", now=NOW)
    with pytest.raises(ReturneeError, match="劝返方式"):
        outbound.persuade(wid, on=date(2026, 6, 9), method="fax", outcome="agreed", actor="li", now=NOW)


def test_a_worker_who_came_back_becomes_a_returnee(outbound: OutboundLedger, engine: Engine) -> None:
    wid = worker(outbound)
    rid = outbound.came_back(
        wid, returned_on=date(2026, 6, 9), how="persuaded", risk_level="high", actor="JZ1001", now=NOW
    )
    r = ReturneeLedger(engine).view(rid, reader=OFFICER)
    assert (r.name, r.community, r.from_country, r.from_city, r.phone, r.outbound_id) == (
        "王某", "柳树村", "缅甸", "妙瓦底", "13900001111", wid,
    )  # fmt: skip
    assert r.status == "active" and r.how == "persuaded"
    w = outbound.view(wid, reader=OFFICER)
    assert (w.state, w.returnee_id, w.closed_on) == ("returned", rid, date(2026, 6, 9))
    with pytest.raises(ReturneeConflict):
        outbound.came_back(wid, returned_on=date(2026, 6, 9), actor="JZ1001", now=NOW)
