"""The access rules and the access log: a community sees its own returnees and outbound workers only (others
are not found), lists come masked, and every read — list or detail, of a returnee or a worker — is logged in
the access log and in the audit log."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.returnees import (
    MeetingIn,
    OutboundLedger,
    Reader,
    ReturneeIn,
    ReturneeLedger,
    ReturneeNotFound,
    WorkerIn,
    access_log,
)
from fanzha.store import upgrade
from fanzha.store.case_tables import AuditRow

NOW = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)
ID = "11010519491231002X"


@pytest.fixture
def ids(engine: Engine) -> dict[str, int]:
    upgrade(engine)
    ledger = ReturneeLedger(engine)
    mine = ledger.register(ReturneeIn("张某", "南湖村", date(2026, 5, 1), id_number=ID, phone="13800138000"),
                           actor="admin", now=NOW)  # fmt: skip
    theirs = ledger.register(ReturneeIn("李某", "柳树村", date(2026, 5, 1)), actor="admin", now=NOW)
    worker = OutboundLedger(engine).register(WorkerIn("王某", "柳树村", "缅甸"), actor="admin", now=NOW)
    return {"mine": mine, "theirs": theirs, "worker": worker}


def audit_actions(engine: Engine) -> list[tuple[str, str]]:
    with Session(engine) as session:
        stmt = select(AuditRow.action, AuditRow.subject).order_by(AuditRow.seq)
        return [(action, subject) for action, subject in session.execute(stmt)]


def test_a_community_sees_only_its_own_records(engine: Engine, ids: dict[str, int]) -> None:
    reader = Reader("南湖村", "community", "api.detail", community="南湖村")
    ledger, outbound = ReturneeLedger(engine), OutboundLedger(engine)
    assert ledger.view(ids["mine"], reader=reader).name == "张某"
    for call in (
        lambda: ledger.view(ids["theirs"], reader=reader),
        lambda: ledger.meet(
            ids["theirs"], MeetingIn(date(2026, 6, 1), cadre="x"), actor="南湖村", reader=reader, now=NOW
        ),
        lambda: outbound.view(ids["worker"], reader=reader),
    ):
        with pytest.raises(ReturneeNotFound):
            call()
    assert [r.id for r in ledger.records(reader=reader)] == [ids["mine"]]
    assert outbound.workers(reader=reader) == []
    officer = Reader("JZ1001", "officer", "api.list")
    assert len(ledger.records(reader=officer)) == 2 and len(outbound.workers(reader=officer)) == 1


def test_lists_are_masked_and_the_detail_is_full(engine: Engine, ids: dict[str, int]) -> None:
    officer = Reader("JZ1001", "officer", "api.list")
    listed = ReturneeLedger(engine).records(reader=officer)[0].masked()
    assert listed.id_number == "110105********002X" and listed.phone == "138****8000"
    assert ReturneeLedger(engine).view(ids["mine"], reader=officer).id_number == ID


def test_every_read_is_logged_in_the_access_log_and_the_audit_log(
    engine: Engine, ids: dict[str, int]
) -> None:
    ledger = ReturneeLedger(engine)
    ledger.records(reader=Reader("南湖村", "community", "page.list", community="南湖村"))
    ledger.view(ids["mine"], reader=Reader("南湖村", "community", "page.detail", community="南湖村"))
    ledger.view(ids["mine"], reader=Reader("JZ1001", "officer", "cli.show"))
    OutboundLedger(engine).view(ids["worker"], reader=Reader("JZ1001", "officer", "api.detail"))
    log = access_log(engine, kind="returnee", record_id=ids["mine"])
    assert [(a.actor, a.role, a.view) for a in log] == [
        ("JZ1001", "officer", "cli.show"), ("南湖村", "community", "page.detail"), ("南湖村", "community", "page.list"),
    ]  # fmt: skip
    assert access_log(engine, kind="returnee", record_id=ids["theirs"]) == []
    reads = [a for a in audit_actions(engine) if a[0].endswith((".view", ".list"))]
    assert reads == [
        ("returnee.list", "returnee:list"), ("returnee.view", f"returnee:{ids['mine']}"),
        ("returnee.view", f"returnee:{ids['mine']}"), ("outbound.view", f"outbound:{ids['worker']}"),
    ]  # fmt: skip


def test_a_refused_read_is_not_logged_as_a_read(engine: Engine, ids: dict[str, int]) -> None:
    with pytest.raises(ReturneeNotFound):
        ReturneeLedger(engine).view(
            ids["theirs"], reader=Reader("南湖村", "community", "api.detail", community="南湖村")
        )
    assert access_log(engine, kind="returnee", record_id=ids["theirs"]) == []
