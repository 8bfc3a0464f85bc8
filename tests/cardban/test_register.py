"""The 惩戒 list: entries on a case's evidence or a bank's review, the five-year term, one running entry per
account, statuses, lifting, masking for banks, and every entry in the audit log."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from fanzha.audit.log import verify
from fanzha.cardban import CardbanConflict, CardbanError, CardbanNotFound, CardbanStore, EntryIn
from fanzha.cases.model import CaseIn
from fanzha.cases.repository import CaseStore
from fanzha.store import upgrade

TODAY = date(2026, 6, 3)
NOW = datetime(2026, 6, 3, 4, 0, tzinfo=UTC)
MULE = "6222021234567890128"
HOLDER = "11010519491231002X"


@pytest.fixture
def store(engine: Engine) -> CardbanStore:
    upgrade(engine)
    return CardbanStore(engine)


@pytest.fixture
def case_id(engine: Engine, store: CardbanStore) -> int:
    return CaseStore(engine).create(CaseIn(received_at=NOW), actor="JZ1").id


def entry(**changes: object) -> EntryIn:
    fields: dict[str, object] = dict(
        kind="bank_card",
        value=MULE,
        holder_name="张三",
        holder_id=HOLDER,
        evidence="bank_review",
        review_ref="核查1",
    )
    fields.update(changes)
    return EntryIn(**fields)  # type: ignore[arg-type]


def add(store: CardbanStore, *, role: str = "bank", actor: str = "工行", **changes: object) -> int:
    return store.add(entry(**changes), actor=actor, role=role, today=TODAY, now=NOW).id


def test_an_entry_runs_five_years_from_today_by_default(store: CardbanStore, case_id: int) -> None:
    added = store.get(
        add(store, role="officer", actor="JZ1", evidence="case", case_id=case_id, review_ref="")
    )
    assert (added.starts_on, added.ends_on) == (date(2026, 6, 3), date(2031, 6, 2))
    assert (added.evidence, added.case_id, added.status(TODAY)) == ("case", case_id, "active")


def test_a_banks_entry_is_recorded_under_its_full_name_and_it_sees_only_its_own(store: CardbanStore) -> None:
    mine = add(store, actor="工商银行")
    theirs = add(store, actor="江州农商银行", value="6212261234567890123")
    assert store.get(mine).recorded_by == "中国工商银行" and store.get(mine).issuer == "中国工商银行"
    assert [e.id for e in store.list_entries(recorded_by="ICBC", today=TODAY)] == [mine]
    with pytest.raises(CardbanNotFound):
        store.get(theirs, recorded_by="工行")


@pytest.mark.parametrize(
    ("role", "changes", "error", "message"),
    [
        ("bank", {"evidence": "case", "case_id": 1}, CardbanError, "银行登记的依据只能是本行核查"),
        ("officer", {"evidence": "case", "case_id": None}, CardbanError, "请填写案件编号"),
        ("officer", {"evidence": "case", "case_id": 999}, CardbanNotFound, "没有编号为 999 的案件"),
        ("bank", {"review_ref": " "}, CardbanError, "请填写核查编号或说明"),
        ("bank", {"evidence": "rumour"}, CardbanError, "不支持的依据"),
        ("public", {}, CardbanError, "不能登记"),
        ("bank", {"holder_name": ""}, CardbanError, "请填写持有人姓名"),
        ("bank", {"holder_id": "身份证"}, CardbanError, "应为 6–32 位数字或字母"),
        ("bank", {"starts_on": date(1990, 1, 1)}, CardbanError, "超出可接受的范围"),
        ("bank", {"ends_on": date(2031, 6, 3)}, CardbanError, "最长 5 年"),
        ("bank", {"ends_on": date(2026, 6, 2)}, CardbanError, "不能早于起始日期"),
        ("bank", {"starts_on": date(9999, 12, 31)}, CardbanError, "超出可接受的范围"),
    ],
    ids=["bank-case", "case-no-id", "case-missing", "review-no-ref", "evidence", "role", "no-name", "id",
         "old-start", "too-long", "ends-before", "far-start"],
)  # fmt: skip
def test_an_entry_without_proper_evidence_or_term_is_refused(
    store: CardbanStore, role: str, changes: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        add(store, role=role, **changes)
    assert store.list_entries(today=TODAY) == []


def test_an_account_is_on_the_list_once_while_its_term_runs(store: CardbanStore) -> None:
    first = add(store, ends_on=date(2027, 6, 2))
    with pytest.raises(CardbanConflict, match=f"#{first}"):
        add(store, value="6222 0212 3456 7890 128", holder_id="110101199003071233")
    store.lift(first, reason="登记有误", actor="JZ1", now=NOW)
    assert add(store) != first


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "lifted", "status"),
    [
        (date(2026, 6, 3), None, False, "active"),
        (date(2026, 7, 1), None, False, "pending"),
        (date(2021, 6, 1), date(2026, 5, 31), False, "expired"),
        (date(2026, 6, 3), None, True, "lifted"),
    ],
)
def test_statuses_follow_the_term_and_lifting(
    store: CardbanStore, starts_on: date, ends_on: date | None, lifted: bool, status: str
) -> None:
    entry_id = store.add(
        entry(starts_on=starts_on, ends_on=ends_on), actor="工行", role="bank", today=starts_on, now=NOW
    ).id
    if lifted:
        store.lift(entry_id, reason="申诉成立", actor="JZ1", now=NOW)
    assert store.get(entry_id).status(TODAY) == status
    assert [e.id for e in store.list_entries(status=status, today=TODAY)] == [entry_id]


def test_entries_are_found_by_the_holder_or_the_account_however_written(store: CardbanStore) -> None:
    entry_id = add(store)
    add(store, kind="phone", value="13800138000", holder_id="110101199003071233")
    assert [e.id for e in store.list_entries(holder_id="110105 19491231 002x", today=TODAY)] == [entry_id]
    assert [e.id for e in store.list_entries(value="6222-0212-3456-7890-128", today=TODAY)] == [entry_id]


def test_a_lifting_is_kept_with_its_reason_and_cannot_be_repeated(store: CardbanStore) -> None:
    entry_id = add(store)
    lifted = store.lift(entry_id, reason="申诉成立", actor="JZ1", now=NOW)
    assert (lifted.lift_reason, lifted.lifted_by) == ("申诉成立", "JZ1")
    with pytest.raises(CardbanConflict, match="已于 2026-06-03 解除"):
        store.lift(entry_id, reason="再次", actor="JZ1")
    with pytest.raises(CardbanError, match="请填写解除理由"):
        store.lift(add(store), reason=" ", actor="JZ1")


def test_banks_see_the_holder_masked_and_no_case(store: CardbanStore, case_id: int) -> None:
    shown = store.get(add(store, role="officer", actor="JZ1", evidence="case", case_id=case_id)).masked()
    assert (shown.holder_name, shown.holder_id, shown.case_id) == ("张*", "110105********002X", None)


def test_every_entry_and_lifting_is_audited(store: CardbanStore, engine: Engine) -> None:
    entry_id = add(store, actor="工商银行")
    store.lift(entry_id, reason="申诉成立", actor="JZ1", now=NOW)
    history = store.history(entry_id)
    assert [(e.actor, e.action) for e in history] == [("工商银行", "cardban.add"), ("JZ1", "cardban.lift")]
    assert history[0].detail["holder_id"] == "110105********002X" and HOLDER not in str(history[0].detail)
    assert verify(engine).ok
