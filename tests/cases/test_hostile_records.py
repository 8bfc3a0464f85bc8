"""The case store refuses, record by record, what no entry path may store — dates out of the accepted
range, amounts that are not finite, a null where a field cannot be empty — with a Chinese message and
nothing written; and ids no store column holds are simply not found (never an overflow)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.cases.groups import group_view, list_groups
from fanzha.cases.model import CaseIdentifier, CaseIn, Payment, Person
from fanzha.cases.persons import PersonStore
from fanzha.cases.repository import CaseError, CaseNotFound, CaseStore, check_case
from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade
from fanzha.store.case_tables import AuditRow, CasePaymentRow, CaseRow

AT = datetime(2026, 11, 6, 10, 0, tzinfo=UTC)
PLUS14, MINUS14 = timezone(timedelta(hours=14)), timezone(timedelta(hours=-14))
LOW = datetime(1, 1, 1, tzinfo=PLUS14)
HIGH = datetime(9999, 12, 31, 23, 59, 59, tzinfo=MINUS14)
BIG = 2**63


@pytest.fixture
def cases(engine: Engine) -> CaseStore:
    upgrade(engine)
    return CaseStore(engine, intel=IntelStore(engine))


def _case(**changes: Any) -> CaseIn:
    case = CaseIn(
        received_at=AT,
        occurred_at=AT - timedelta(hours=1),
        district="西城区",
        place="某小区",
        fraud_type="impersonate_authority",
        victim=Person(name="李某某", age=68, sex="女"),
        payments=[Payment(amount=1000.0, paid_at=AT, to_account="6222021234567890128")],
        identifiers=[CaseIdentifier("phone", "17012345678")],
        narrative="自称警察……",
    )
    return replace(case, **changes)


def _payment(**changes: Any) -> list[Payment]:
    return [replace(Payment(amount=1000.0, paid_at=AT), **changes)]


BAD_RECORDS = [
    ("受理时间", {"received_at": HIGH}),
    ("受理时间", {"received_at": LOW}),
    ("受理时间", {"received_at": datetime(9999, 12, 31, 23, 59, 59)}),
    ("受理时间", {"received_at": datetime(1999, 12, 31, tzinfo=UTC)}),
    ("发案时间", {"occurred_at": HIGH}),
    ("发案时间", {"occurred_at": LOW}),
    ("转账的时间", {"payments": _payment(paid_at=HIGH)}),
    ("转账的时间", {"payments": _payment(paid_at=LOW)}),
    ("金额", {"loss": math.nan}),
    ("金额", {"loss": math.inf}),
    ("金额", {"loss": -1.0}),
    ("金额", {"loss": 1e300}),
    ("金额", {"payments": _payment(amount=math.nan)}),
    ("金额", {"payments": _payment(amount=-math.inf)}),
    ("金额", {"payments": _payment(amount=1e300)}),
    ("年龄", {"victim": Person(age=10**20)}),
    ("年龄", {"reporter": Person(age=-1)}),
]


@pytest.mark.parametrize(("what", "changes"), BAD_RECORDS)
def test_a_bad_record_is_refused_by_every_way_in(
    cases: CaseStore, what: str, changes: dict[str, Any]
) -> None:
    bad = _case(**changes)
    with pytest.raises(CaseError, match=what):
        check_case(bad)
    with pytest.raises(CaseError, match=what):
        cases.create(bad, actor="民警甲")
    with pytest.raises(CaseError, match=f"第2起.*{what}"):
        cases.add_many([_case(ref="A1"), bad], actor="民警甲")
    with Session(cases.engine) as session:
        assert session.scalar(select(func.count()).select_from(CaseRow)) == 0
        assert session.scalar(select(func.count()).select_from(CasePaymentRow)) == 0


def test_dates_at_the_edges_of_the_range_are_kept(cases: CaseStore) -> None:
    early = datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=8)))
    soon = datetime.now(UTC) + timedelta(days=30)
    case = cases.create(
        _case(received_at=early, occurred_at=soon, payments=_payment(paid_at=soon)), actor="甲"
    )
    assert case.received_at == early and case.payments[0].paid_at == soon


NOT_NULL = [
    ("desk", "接警台"),
    ("district", "地区"),
    ("place", "发案地点"),
    ("contact_channel", "联系方式"),
    ("fraud_type", "诈骗类型"),
    ("dissuaded", "是否劝阻"),
    ("narrative", "案情"),
    ("loss", "损失金额"),
]
BAD_UPDATES: list[tuple[dict[str, Any], str]] = [
    *[({name: None}, label) for name, label in NOT_NULL],
    ({"district": "东城区", "place": None}, "发案地点"),
    ({"occurred_at": HIGH}, "发案时间"),
    ({"occurred_at": LOW}, "发案时间"),
    ({"loss": math.nan}, "金额"),
    ({"loss": math.inf}, "金额"),
    ({"loss": 1e300}, "金额"),
    ({"loss": -5.0}, "金额"),
]


@pytest.mark.parametrize(("changes", "message"), BAD_UPDATES)
def test_a_bad_correction_is_refused_and_changes_nothing(
    cases: CaseStore, changes: dict[str, Any], message: str
) -> None:
    case = cases.create(_case(), actor="民警甲")
    with Session(cases.engine) as session:
        audited = session.scalar(select(func.count()).select_from(AuditRow))
    with pytest.raises(CaseError, match=message):
        cases.update(case.id, actor="民警乙", **changes)
    assert cases.get(case.id) == case
    with Session(cases.engine) as session:
        assert session.scalar(select(func.count()).select_from(AuditRow)) == audited


def test_the_time_of_the_fraud_can_be_cleared(cases: CaseStore) -> None:
    case = cases.create(_case(), actor="民警甲")
    assert cases.update(case.id, actor="民警乙", occurred_at=None).occurred_at is None


CALLS: list[tuple[str, Callable[[CaseStore, int], Any]]] = [
    ("set_status", lambda s, i: s.set_status(i, "verified", actor="甲")),
    ("update", lambda s, i: s.update(i, actor="甲", place="x")),
    ("add_identifiers", lambda s, i: s.add_identifiers(i, [CaseIdentifier("qq", "123456789")], actor="甲")),
    ("confirm_identifiers", lambda s, i: s.confirm_identifiers(i, actor="甲")),
]


@pytest.mark.parametrize("case_id", [BIG, 10**30, -(2**63) - 1])
@pytest.mark.parametrize(("name", "call"), CALLS)
def test_an_id_no_column_holds_is_not_found(
    cases: CaseStore, name: str, call: Callable[[CaseStore, int], Any], case_id: int
) -> None:
    with pytest.raises(CaseNotFound, match="没有编号为"):
        call(cases, case_id)


@pytest.mark.parametrize("some_id", [BIG, 10**30, -(2**63) - 1])
def test_lookups_by_an_id_no_column_holds_find_nothing(cases: CaseStore, some_id: int) -> None:
    cases.create(_case(), actor="民警甲")
    assert cases.get(some_id) is None and cases.history(some_id) == []
    assert PersonStore(cases.engine).get(some_id) is None
    assert cases.search(limit=abs(some_id), offset=abs(some_id)) == (1, [])
    assert cases.search(limit=some_id, offset=some_id)[0] == 1
    with Session(cases.engine) as session:
        assert group_view(session, some_id) is None
        assert group_view(session, 1, limit=some_id) is not None
        assert list_groups(session, min_cases=abs(some_id)) == []
        assert list_groups(session, min_cases=abs(some_id), order="loss") == []
        assert len(list_groups(session, min_cases=some_id, limit=some_id)) <= 1
