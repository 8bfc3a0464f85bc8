"""Correcting a stored case as a whole (`fanzha.cases.corrections`): only what differs is written, in one
transaction with one audit entry holding old and new; payments replaced, persons kept whole, new
identifiers linked; a refused correction or a stale one writes nothing — on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from fanzha.audit.log import verify
from fanzha.cases.corrections import StaleCase, correct_case, version_of
from fanzha.cases.model import Case, CaseIdentifier, CaseIn, Payment, Person
from fanzha.cases.repository import CaseError, CaseStore
from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade

AT = datetime(2026, 11, 6, 2, 0, tzinfo=UTC)
MULE = "6217001234567890123"


@pytest.fixture
def cases(engine: Engine) -> CaseStore:
    upgrade(engine)
    return CaseStore(engine, intel=IntelStore(engine))


def _stored(cases: CaseStore) -> Case:
    return cases.create(
        CaseIn(
            received_at=AT, district="西城区", fraud_type="impersonate_authority", contact_channel="phone_call",
            occurred_at=datetime(2026, 11, 6, 2, 0, 30, tzinfo=UTC),
            reporter=Person(name="王某", phone="13912345678", relation="子女", age=40),
            victim=Person(name="王秀英", age=67, sex="女", district="西城区"),
            payments=[Payment(amount=50000.0, paid_at=AT, channel="bank_transfer")],
            identifiers=[CaseIdentifier("phone", "17012345678")], narrative="自称警察……",
        ),
        actor="民警甲",
    )  # fmt: skip


def _as_in(case: Case) -> CaseIn:
    fields = {f: getattr(case, f) for f in CaseIn.__dataclass_fields__}
    return CaseIn(**{**fields, "identifiers": [], "payments": list(case.payments)})


def test_an_unchanged_case_writes_nothing(cases: CaseStore, engine: Engine) -> None:
    case = _stored(cases)
    found, changed = correct_case(cases, case.id, _as_in(case), actor="民警乙")
    assert changed == {} and found.updated_at == case.updated_at
    assert [e.action for e in cases.history(case.id)] == ["case.create"]


def test_changes_are_stored_with_old_and_new_in_one_audit_entry(cases: CaseStore, engine: Engine) -> None:
    case = _stored(cases)
    corrected = _as_in(case)
    corrected.fraud_type = "investment"
    corrected.victim = replace(case.victim, age=68)
    corrected.payments = [
        *case.payments,
        Payment(amount=30000.0, paid_at=AT, to_account=MULE, to_bank="农业银行"),
    ]
    corrected.loss = None
    found, changed = correct_case(
        cases, case.id, corrected, actor="民警乙", expected_version=version_of(case)
    )
    assert set(changed) == {"fraud_type", "victim", "payments", "loss"}
    assert found.fraud_type == "investment" and found.victim.age == 68 and found.victim.name == "王秀英"
    assert found.reporter.age == 40  # what the form does not show is kept
    assert [p.to_account for p in found.payments] == ["", MULE] and found.total_loss() == 80000.0
    entry = cases.history(case.id)[-1]
    assert entry.action == "case.update" and entry.actor == "民警乙"
    assert entry.detail["before"]["fraud_type"] == "impersonate_authority"
    assert entry.detail["after"]["loss"] == 80000.0 and entry.detail["before"]["loss"] == 50000.0
    assert len(entry.detail["after"]["payments"]) == 2
    assert verify(engine).ok


def test_new_identifiers_are_linked_to_cases_that_share_them(cases: CaseStore) -> None:
    other = cases.create(
        CaseIn(received_at=AT, fraud_type="investment", identifiers=[CaseIdentifier("bank_card", MULE)]),
        actor="民警甲",
    )
    case = _stored(cases)
    corrected = replace(_as_in(case), identifiers=[CaseIdentifier("bank_card", MULE, confirmed=True)])
    found, _ = correct_case(cases, case.id, corrected, actor="民警乙")
    assert found.group_id == cases.get(other.id).group_id  # type: ignore[union-attr]
    assert ("bank_card", MULE, True) in [(i.kind, i.value, i.confirmed) for i in found.identifiers]
    assert [e.action for e in cases.history(case.id)][-2:] == ["case.identifiers", "case.confirm"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"fraud_type": "xx"}, "诈骗类型"),
        ({"payments": [Payment(amount=-1.0)]}, "不能为负数"),
        ({"identifiers": [CaseIdentifier("phone", "12")]}, "不是有效的"),
        ({"occurred_at": datetime(1900, 1, 1, tzinfo=UTC)}, "发案时间"),
    ],
)
def test_a_refused_correction_writes_nothing(
    cases: CaseStore, change: dict[str, object], message: str
) -> None:
    case = _stored(cases)
    corrected = replace(_as_in(case), place="改过的地点", **change)  # type: ignore[arg-type]
    with pytest.raises(CaseError, match=message):
        correct_case(cases, case.id, corrected, actor="民警乙")
    assert cases.get(case.id) == case
    assert [e.action for e in cases.history(case.id)] == ["case.create"]


def test_a_stale_correction_is_refused(cases: CaseStore) -> None:
    case = _stored(cases)
    cases.update(case.id, actor="api", place="先改的")
    with pytest.raises(StaleCase, match="已被修改"):
        correct_case(cases, case.id, replace(_as_in(case), place="后改的"), actor="民警乙",
                     expected_version=version_of(case))  # fmt: skip
    assert cases.get(case.id).place == "先改的"  # type: ignore[union-attr]
