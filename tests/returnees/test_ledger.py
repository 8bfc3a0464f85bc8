"""The ledger on the store (SQLite and PostgreSQL): registering keeps every phone (canonical, as written and
flagged), 双岗分包 keeps the history of pairs, meetings are checked, lifting stops control, a returnee is
linked to the desk's key person with the same ID number, and the overdue rule runs on what is stored."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.cases.persons import PersonStore
from fanzha.returnees import (
    MeetingIn,
    PairIn,
    Reader,
    ReturneeConflict,
    ReturneeError,
    ReturneeIn,
    ReturneeLedger,
    meeting_status,
)
from fanzha.store import upgrade
from fanzha.store.case_tables import AuditRow

NOW = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)
OFFICER = Reader("JZ1001", "officer", "cli.show")
ID = "11010519491231002X"


@pytest.fixture
def ledger(engine: Engine) -> ReturneeLedger:
    upgrade(engine)
    return ReturneeLedger(engine)


def add(ledger: ReturneeLedger, **fields: object) -> int:
    entry = {
        "name": "张某",
        "community": "南湖村",
        "returned_on": date(2026, 5, 20),
        "how": "deported",
    } | fields
    return ledger.register(ReturneeIn(**entry), actor="admin", now=NOW)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "value", "flags"),
    [
        ("+86 138-0013-8000", "13800138000", []),
        ("１３８００１３８０００", "13800138000", []),
        ("14012345678", "14012345678", ["号段未分配"]),
        ("+95 9 123 456 789", "+959123456789", ["境外号码"]),
    ],
)
def test_phones_are_kept_canonical_with_the_raw_form_and_flags(
    ledger: ReturneeLedger, raw: str, value: str, flags: list[str]
) -> None:
    r = ledger.view(add(ledger, phone=raw), reader=OFFICER)
    assert (r.phone, r.phone_raw) == (value, raw)
    assert all(f in r.phone_flags for f in flags)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": " "}, "请填写姓名"),
        ({"how": "flew"}, "回流方式"),
        ({"risk_level": "extreme"}, "风险等级"),
        ({"returned_on": date(2026, 6, 2)}, "晚于今天"),
        ({"age": 200}, "年龄"),
        ({"id_number": "身份证"}, "身份证号"),
        ({"address": "长" * 201}, "住址过长"),
    ],
)
def test_bad_input_is_refused_with_the_field_named(
    ledger: ReturneeLedger, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ReturneeError, match=message):
        add(ledger, **fields)


def test_reassignment_ends_the_old_pair_and_keeps_the_history(ledger: ReturneeLedger) -> None:
    rid = add(ledger)
    ledger.assign(rid, PairIn("李干部", "王警官", supervisor="赵所长"), actor="admin", now=NOW)
    later = datetime(2026, 6, 5, 2, tzinfo=UTC)
    ledger.assign(rid, PairIn("陈干部", "刘警官", reason="干部调岗"), actor="admin", now=later)
    r = ledger.view(rid, reader=OFFICER)
    assert r.assignment is not None and r.assignment.cadre == "陈干部"
    assert [(a.cadre, a.ended_at is not None) for a in r.assignments] == [("李干部", True), ("陈干部", False)]


def test_meetings_are_checked_and_drive_the_overdue_rule(ledger: ReturneeLedger) -> None:
    rid = add(ledger)
    ledger.assign(rid, PairIn("李干部", "王警官"), actor="admin", now=NOW)
    for bad, message in [
        (MeetingIn(date(2026, 6, 2), cadre="李干部"), "晚于今天"),
        (MeetingIn(date(2026, 5, 19), cadre="李干部"), "早于回流日期"),
        (MeetingIn(date(2026, 6, 1)), "至少一人"),
    ]:
        with pytest.raises(ReturneeError, match=message):
            ledger.meet(rid, bad, actor="li", now=NOW)
    ledger.meet(
        rid,
        MeetingIn(date(2026, 6, 1), cadre="李干部", officer="王警官", findings="在家务农"),
        actor="li",
        now=NOW,
    )
    r = ledger.view(rid, reader=OFFICER)
    assert r.last_met_on == date(2026, 6, 1)
    assert meeting_status(r, now=datetime(2026, 6, 8, 4, tzinfo=UTC)).state == "due"
    assert meeting_status(r, now=datetime(2026, 6, 9, 4, tzinfo=UTC)).state == "overdue"


def test_lifting_control_is_final_and_audited(ledger: ReturneeLedger, engine: Engine) -> None:
    rid = add(ledger)
    ledger.lift(rid, reason="管控期满，表现良好", actor="JZ1001", now=NOW)
    with pytest.raises(ReturneeConflict):
        ledger.lift(rid, reason="再次", actor="JZ1001")
    with pytest.raises(ReturneeConflict):
        ledger.meet(rid, MeetingIn(date(2026, 6, 1), cadre="李干部"), actor="li", now=NOW)
    assert ledger.view(rid, reader=OFFICER).status == "lifted"
    with Session(engine) as session:
        actions = list(session.scalars(select(AuditRow.action).order_by(AuditRow.seq)))
    assert actions[:2] == ["returnee.add", "returnee.lift"]


def test_a_returnee_is_linked_to_the_key_person_with_the_same_id_number(
    ledger: ReturneeLedger, engine: Engine
) -> None:
    person = PersonStore(engine).add(name="张某", category="returnee", actor="JZ1001", id_number=ID)
    rid = add(ledger, id_number="110105 19491231 002x")
    r = ledger.view(rid, reader=OFFICER)
    assert r.id_number == ID and r.key_person_id == person.id
