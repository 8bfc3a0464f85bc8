"""The case store: intake, linking on arrival, status life cycle, confirmations into the intelligence
store, the audit trail — on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from fanzha.audit.log import verify
from fanzha.cases.listing import CaseFilter
from fanzha.cases.model import CaseIdentifier, CaseIn, Payment, Person
from fanzha.cases.persons import PersonStore
from fanzha.cases.repository import CaseError, CaseNotFound, CaseStore
from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade

AT = datetime(2026, 11, 6, 10, 0, tzinfo=UTC)


@pytest.fixture
def cases(engine: Engine) -> CaseStore:
    upgrade(engine)
    return CaseStore(engine, intel=IntelStore(engine))


def _case(*idents: tuple[str, str], ref: str = "", loss: float = 1000.0) -> CaseIn:
    return CaseIn(
        received_at=AT,
        ref=ref,
        district="西城区",
        fraud_type="impersonate_authority",
        victim=Person(name="李某某", age=68, sex="女", phone="13912345678"),
        payments=[Payment(amount=loss, to_account="6222021234567890128")],
        identifiers=[CaseIdentifier(kind, value) for kind, value in idents],
        narrative="自称警察……",
    )


def test_cases_sharing_an_identifier_written_differently_are_linked(cases: CaseStore) -> None:
    a = cases.create(_case(("phone", "+86 170 1234 5678")), actor="民警甲")
    b = cases.create(_case(("phone", "17012345678"), ("qq", "123456789")), actor="民警甲")
    c = cases.create(_case(("qq", "123456789")), actor="民警乙")
    d = cases.create(_case(("phone", "95588")), actor="民警乙")  # official: never links
    e = cases.create(_case(("phone", "95588")), actor="民警乙")
    assert a.group_id == b.group_id
    assert cases.get(c.id).group_id == cases.get(a.id).group_id  # type: ignore[union-attr]
    assert d.group_id != e.group_id
    assert a.ref.startswith("AJ20261106") and a.loss == 1000.0


def test_status_follows_the_life_cycle_and_every_change_is_audited(cases: CaseStore, engine: Engine) -> None:
    case = cases.create(_case(("phone", "17012345678")), actor="民警甲")
    with pytest.raises(CaseError, match="不能改为"):
        cases.set_status(case.id, "closed_solved", actor="民警甲")
    cases.set_status(case.id, "verified", actor="民警甲")
    cases.set_status(case.id, "investigating", actor="民警乙", note="串并后移交")
    done = cases.set_status(case.id, "closed_solved", actor="民警乙")
    assert done.status == "closed_solved"
    actions = [(e.action, e.detail.get("to")) for e in cases.history(case.id)]
    assert actions == [("case.create", None), ("case.status", "verified"), ("case.status", "investigating"),
                       ("case.status", "closed_solved")]  # fmt: skip
    assert verify(engine).ok


def test_confirmed_identifiers_become_police_reports(cases: CaseStore) -> None:
    case = cases.create(_case(("phone", "17012345678"), ("app", "极速贷")), actor="民警甲")
    assert cases.intel.risk_of("phone", "17012345678") is None
    assert cases.confirm_identifiers(case.id, actor="民警甲") == 1  # apps are not in the store
    assert cases.confirm_identifiers(case.id, actor="民警甲") == 1  # idempotent
    level = cases.intel.lookup(kind="phone", value="17012345678")
    assert level.level == "confirmed" and level.report_count == 1
    assert all(i.confirmed for i in cases.get(case.id).identifiers)  # type: ignore[union-attr]


def test_odd_identifiers_are_kept_linked_and_flagged_for_the_officer(cases: CaseStore) -> None:
    a = cases.create(
        _case(("phone", "+86 140 1234 5678"), ("bank_card", "6222 0212 3456 7890 127")), actor="甲"
    )
    b = cases.create(_case(("phone", "140-1234-5678")), actor="甲")
    c = cases.create(_case(("bank_card", "6222021234567890127"), ("phone", "+999 1234 5678")), actor="甲")
    assert a.group_id == b.group_id == c.group_id
    stored = cases.get(c.id)
    assert stored is not None
    assert [(i.kind, i.value, i.flags) for i in stored.identifiers] == [
        ("bank_card", "6222021234567890127", ["校验位不符"]),
        ("phone", "+99912345678", ["境外号码", "号码无效"]),
    ]
    from fanzha.api.case_schemas import case_out

    shown = case_out(stored, masked=False)["identifiers"]
    assert [i["flags"] for i in shown] == [["校验位不符"], ["境外号码", "号码无效"]]


def test_bad_input_is_refused_and_nothing_is_stored(cases: CaseStore) -> None:
    with pytest.raises(CaseError, match="不是有效的phone"):
        cases.create(_case(("phone", "12")), actor="x")
    with pytest.raises(CaseError, match="不支持的线索类型"):
        cases.create(_case(("email", "a@b.c")), actor="x")
    with pytest.raises(CaseError, match="负数"):
        cases.create(_case(loss=-5), actor="x")
    cases.create(_case(ref="A-1"), actor="x")
    with pytest.raises(CaseError, match="已存在"):
        cases.create(_case(ref="A-1"), actor="x")
    assert cases.search()[0] == 1
    with pytest.raises(CaseNotFound):
        cases.set_status(999, "verified", actor="x")


def test_update_search_and_later_identifiers(cases: CaseStore) -> None:
    a = cases.create(_case(("phone", "17012345678")), actor="x")
    b = cases.create(_case(("qq", "123456789")), actor="x")
    assert a.group_id != b.group_id
    cases.update(a.id, actor="x", district="东城区", loss=2500.5)
    linked = cases.add_identifiers(a.id, [CaseIdentifier("qq", "123456789")], actor="x")
    assert linked.group_id == cases.get(b.id).group_id  # type: ignore[union-attr]
    assert cases.get(a.id).district == "东城区" and cases.get(a.id).loss == 2500.5  # type: ignore[union-attr]
    assert cases.search(CaseFilter(text="123456789"))[0] == 2
    assert cases.search(CaseFilter(district=" 东城区 "))[0] == 1
    with pytest.raises(CaseError, match="不能修改"):
        cases.update(a.id, actor="x", status="closed_solved")


def test_bulk_import_links_and_audits_per_batch(cases: CaseStore, engine: Engine) -> None:
    many = [_case(("phone", f"1701234{i % 50:04d}")) for i in range(120)]
    assert cases.add_many(many, actor="导入", batch=50) == 120
    total, page = cases.search(limit=500)
    assert total == 120
    groups = {c.group_id for c in page}
    assert len(groups) == 50 and None not in groups
    assert verify(engine).ok and verify(engine).checked == 3


def test_key_persons_are_linked_to_cases_through_identifiers(cases: CaseStore, engine: Engine) -> None:
    case = cases.create(_case(("wechat", "scam_boss01")), actor="x")
    persons = PersonStore(engine)
    person = persons.add(name="赵某", category="suspect", actor="x",
                         identifiers=[CaseIdentifier("wechat", "scam_boss01")])  # fmt: skip
    assert person.cases and person.cases[0][0] == case.id
    assert [p.id for p in persons.of_case(case.id)] == [person.id]
    with pytest.raises(CaseError):
        persons.add(name="钱某", category="unknown", actor="x")
