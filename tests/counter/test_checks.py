from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.cases.repository import CaseError, CaseStore
from fanzha.counter.check_model import CheckIn, CounterError
from fanzha.counter.checklists import ChecklistError, checklist, load_checklists, read_answers
from fanzha.counter.checks import CounterDesk
from fanzha.intel.repository import IntelStore
from fanzha.screen.decisions import DecisionStore
from fanzha.store import upgrade
from fanzha.store.screen_tables import ScreenDecisionRow

BANK = "江州农商银行"
MULE = "6222021234567890128"
NOW = datetime(2026, 11, 6, 5, 0, tzinfo=UTC)
SAFE = {
    "ask_business": "转账，说是还款",
    "ask_payee": "对方自称公检法或银行工作人员",
    "ask_known": "只在电话或网上联系过",
    "look_manner": "否",
    "look_phone": "是",
    "check_account": "一致但在外地",
    "check_safe_account": "是",
    "check_callback": "核实后发现是骗局",
}
CALM = SAFE | {
    "ask_payee": "家人亲属",
    "ask_known": "认识并见过面",
    "look_manner": "是",
    "look_phone": "否",
    "check_safe_account": "否",
    "check_callback": "已核实属实",
}


def decision(
    transfer_id: str, *, outcome: str = "hold", bank: str = BANK, review: str = ""
) -> ScreenDecisionRow:
    transfer = {
        "id": transfer_id,
        "time": "2026-11-06T12:05:00+08:00",
        "amount": 50000.0,
        "channel": "counter",
        "payer": {"account": "6212261234567890123", "name": "王秀英", "age": 72, "district": "江州市西城区"},
        "payee": {"account": MULE, "bank": "中国工商银行", "name": "李某", "district": "湖北省武汉市"},
        "purpose": "还款",
        "payer_on_call": True,
    }
    return ScreenDecisionRow(
        bank=bank, transfer_id=transfer_id, transfer_at=NOW, decided_at=NOW, outcome=outcome, score=80,
        amount_fen=5_000_000, channel="counter", payer_account="6212261234567890123", payee_account=MULE,
        rules_version="test", reasons=[{"rule": "elderly_on_call", "clause": "老年客户边打电话边大额转账"}],
        actions=[], executions=[], transfer=transfer, review=review, reviewed_by="", review_note="",
    )  # fmt: skip


@pytest.fixture
def desk(engine: Engine) -> CounterDesk:
    upgrade(engine)
    with Session(engine) as session:
        session.add_all(
            [
                decision("t-1"),
                decision("t-2", outcome="block"),
                decision("t-3", outcome="warn"),
                decision("t-4", bank="另一家银行"),
                decision("t-5", review="cleared"),
            ]
        )
        session.commit()
    intel = IntelStore(engine)
    return CounterDesk(engine, cases=CaseStore(engine, intel=intel), intel=intel)


def test_the_checklists_are_the_seeds_three_asks_two_looks_one_check_and_the_atm_one() -> None:
    forms = load_checklists()
    counter, atm = forms["counter"], forms["atm"]
    assert counter.name == "三问二看一核对" and counter.notice
    assert [(s.name, len(s.items)) for s in counter.sections] == [("三问", 3), ("二看", 2), ("一核对", 4)]
    assert atm.name == "一问二看三提醒" and not atm.notice
    assert [(s.name, len(s.items)) for s in atm.sections] == [("一问", 1), ("二看", 2), ("三提醒", 3)]
    assert any("小纸条" in i.question for i in atm.items) and any(
        "安全账户" in i.question for i in counter.items
    )


@pytest.mark.parametrize(
    ("code", "answers", "message"),
    [
        ("counter", {k: v for k, v in SAFE.items() if k != "look_phone"}, "请回答"),
        ("counter", SAFE | {"ask_known": "也许认识"}, "不是可选的回答"),
        (
            "atm",
            {"ask_business": "转账", "look_manner": "是", "look_phone": "否", "remind_scam": "on"},
            "请完成并勾选",
        ),
    ],
)
def test_an_incomplete_or_invalid_form_names_the_question(
    code: str, answers: dict[str, Any], message: str
) -> None:
    with pytest.raises(ChecklistError, match=message):
        read_answers(checklist(code), answers)


def test_warning_signs_are_read_from_the_answers_with_their_clauses() -> None:
    reading = read_answers(checklist("counter"), SAFE)
    assert {r["item"] for r in reading.risks} == {
        "ask_payee", "ask_known", "look_manner", "look_phone", "check_safe_account", "check_callback"
    }  # fmt: skip
    assert any("安全账户" in r["clause"] for r in reading.risks)
    assert read_answers(checklist("counter"), CALM).risks == []


def test_held_lists_the_banks_unreviewed_holds_and_blocks(desk: CounterDesk) -> None:
    held = desk.held(bank=BANK)
    assert {h.transfer_id for h in held} == {"t-1", "t-2"} and {h.outcome_name for h in held} == {
        "暂停",
        "拦截",
    }
    first = next(h for h in held if h.transfer_id == "t-1")
    assert first.amount == 50000 and first.payer["name"] == "王秀英" and first.on_call is True
    assert first.reasons[0]["clause"] == "老年客户边打电话边大额转账"
    assert {h.transfer_id for h in desk.held(bank=None)} == {"t-1", "t-2", "t-4"}


def test_calling_the_police_opens_a_case_and_reports_the_payee_account(desk: CounterDesk) -> None:
    check = CheckIn("t-1", "counter", SAFE, "police", notice_signed=True, signed_by="王秀英",
                    fraud_type="impersonate_authority", suspect_phone="17012345678")  # fmt: skip
    done = desk.record(check, bank=BANK, staff="柜员张三", now=NOW)
    assert done.case_id is not None and done.decision_id is not None and done.outcome_name == "报警"
    case = desk.cases.get(done.case_id)
    assert case is not None and case.dissuaded and case.total_loss() == 0 and case.victim.name == "王秀英"
    assert {(i.kind, i.value) for i in case.identifiers} == {("bank_card", MULE), ("phone", "17012345678")}
    assert "安全账户" in case.narrative and case.fraud_type == "impersonate_authority"
    lookup = desk.intel.lookup(kind="bank_card", value=MULE, now=NOW)
    assert lookup.report_count == 1
    assert "t-1" not in {h.transfer_id for h in desk.held(bank=BANK)}
    with Session(desk.engine) as session:
        row = session.query(ScreenDecisionRow).filter_by(bank=BANK, transfer_id="t-1").one()
        assert row.review == "confirmed" and row.reviewed_by == "柜员张三" and "报警" in row.review_note


def test_a_dissuaded_customer_is_counted_as_a_dissuaded_case(desk: CounterDesk) -> None:
    done = desk.record(CheckIn("t-2", "counter", SAFE, "dissuaded"), bank=BANK, staff="柜员", now=NOW)
    case = desk.cases.get(done.case_id or 0)
    assert case is not None and case.dissuaded and case.desk == "银行网点"


def test_money_already_lost_makes_the_police_case_a_loss_with_its_payment(desk: CounterDesk) -> None:
    done = desk.record(
        CheckIn("t-1", "counter", SAFE, "police", lost=20000), bank=BANK, staff="柜员", now=NOW
    )
    case = desk.cases.get(done.case_id or 0)
    assert case is not None and not case.dissuaded and case.total_loss() == 20000
    assert [(p.to_account, p.amount) for p in case.payments] == [(MULE, 20000)]


def test_a_customer_who_insists_must_sign_the_notice_and_nothing_is_reported(desk: CounterDesk) -> None:
    with pytest.raises(CounterError, match="告知书"):
        desk.record(CheckIn("t-1", "counter", CALM, "insisted"), bank=BANK, staff="柜员", now=NOW)
    done = desk.record(
        CheckIn("t-1", "counter", CALM, "insisted", notice_signed=True, signed_by="王秀英"),
        bank=BANK,
        staff="柜员",
    )
    assert done.case_id is None and done.notice_signed and done.risks == []
    assert "t-1" not in {h.transfer_id for h in desk.held(bank=BANK, include_checked=True)}  # off the queue
    decision = DecisionStore(desk.engine).get(bank=BANK, transfer_id="t-1")
    assert (decision.review, decision.reviewed_by) == ("released", "柜员")  # neither fraud nor false alarm
    assert desk.intel.lookup(kind="bank_card", value=MULE, now=NOW).report_count == 0


def test_a_transfer_is_checked_once_even_by_two_tellers_at_once(desk: CounterDesk) -> None:
    """The check's unique row claims the transfer before any case is opened: one case, one check."""
    import threading

    results: list[object] = []

    def teller(name: str) -> None:
        try:
            results.append(desk.record(CheckIn("t-1", "counter", SAFE, "dissuaded"), bank=BANK, staff=name))
        except CounterError as exc:
            results.append(exc)

    threads = [threading.Thread(target=teller, args=(f"柜员{i}",)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(type(r).__name__ for r in results) == ["CounterCheck", "CounterError"]
    assert len(desk.checks(bank=BANK)) == 1
    assert desk.cases.search()[0] == 1


def test_a_case_that_cannot_be_opened_takes_the_check_back(
    desk: CounterDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    def down(*_: object, **__: object) -> object:
        raise CaseError("案件库暂时不可用")

    monkeypatch.setattr(desk.cases, "create", down)
    with pytest.raises(CounterError, match="案件库暂时不可用"):
        desk.record(CheckIn("t-1", "counter", SAFE, "dissuaded"), bank=BANK, staff="柜员")
    assert desk.checks(bank=BANK) == []  # nothing half-done: the teller can record it again
    monkeypatch.undo()
    assert desk.record(CheckIn("t-1", "counter", SAFE, "dissuaded"), bank=BANK, staff="柜员").case_id


def test_a_transfer_typed_in_without_a_decision_uses_the_tellers_details(desk: CounterDesk) -> None:
    atm = {"ask_business": "转账给网友", "look_manner": "否", "look_phone": "是",
           "remind_scam": True, "remind_verify": "on", "remind_confirm": "on"}  # fmt: skip
    with pytest.raises(CounterError, match="收款账户"):
        desk.record(CheckIn("ATM-0001", "atm", atm, "police", amount=3000), bank=BANK, staff="大堂经理")
    check = CheckIn("ATM-0001", "atm", atm, "police", amount=3000, payee_account="6217 0000 1234 5678 903",
                    payer={"name": "赵建国", "age": "66"})  # fmt: skip
    done = desk.record(check, bank=BANK, staff="大堂经理", now=NOW)
    assert done.decision_id is None and done.payee_account == "6217000012345678903" and done.amount == 3000
    assert done.payer == {"name": "赵建国", "age": 66}
    assert {r["item"] for r in done.risks} == {"look_manner", "look_phone"}


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (CheckIn("t-1", "counter", SAFE, "shrug"), "未知的处置结果"),
        (CheckIn("t-1", "teller", SAFE, "police"), "未知的核查表"),
        (CheckIn("t-1", "counter", SAFE, "police", fraud_type="aliens"), "未知的诈骗类型"),
        (CheckIn("t-1", "counter", SAFE, "police", suspect_phone="12"), "来电号码"),
        (CheckIn("t-1", "counter", SAFE, "police", notice_signed=True), "签字的客户姓名"),
        (CheckIn("", "counter", SAFE, "police"), "转账编号"),
        (CheckIn("t-1", "counter", SAFE, "police", lost=float("nan")), "金额"),
        (CheckIn("t-1", "counter", SAFE, "police", lost=float("inf")), "金额"),
        (CheckIn("T-9", "counter", SAFE, "police", amount=float("inf"), payee_account=MULE), "金额"),
        (CheckIn("T-9", "counter", SAFE, "police", amount=float("nan"), payee_account=MULE), "金额"),
        (CheckIn("T-9", "counter", SAFE, "police", amount=1e300, payee_account=MULE), "金额"),
    ],
)
def test_bad_checks_are_refused_in_chinese_before_anything_is_written(
    desk: CounterDesk, check: CheckIn, message: str
) -> None:
    with pytest.raises(CounterError, match=message):
        desk.record(check, bank=BANK, staff="柜员", now=NOW)
    assert desk.checks(bank=BANK) == [] and desk.cases.search() == (0, [])


def test_a_transfer_is_checked_once(desk: CounterDesk) -> None:
    desk.record(CheckIn("t-1", "counter", SAFE, "dissuaded"), bank=BANK, staff="柜员", now=NOW)
    with pytest.raises(CounterError, match="已完成核查"):
        desk.record(CheckIn("t-1", "counter", SAFE, "police"), bank=BANK, staff="柜员", now=NOW)


def test_a_typed_in_transfer_is_checked_once_too(desk: CounterDesk) -> None:
    """No screening decision to look at: the unique check row alone refuses the second teller."""
    atm = {"ask_business": "转账给网友", "look_manner": "否", "look_phone": "是",
           "remind_scam": True, "remind_verify": "on", "remind_confirm": "on"}  # fmt: skip
    check = CheckIn("ATM-0002", "atm", atm, "police", amount=500,
                    payee_account="6217000012345678903")  # fmt: skip
    desk.record(check, bank=BANK, staff="大堂经理")
    with pytest.raises(CounterError, match="已完成核查"):
        desk.record(check, bank=BANK, staff="另一位大堂经理")
    assert desk.cases.search()[0] == 1 and len(desk.checks(bank=BANK)) == 1


def test_a_stored_transfer_time_at_the_ends_of_the_calendar_is_shown_as_unknown(desk: CounterDesk) -> None:
    """A decision stored before times were range-checked, with its time only in the raw transfer."""
    row = decision("t-old")
    row.transfer_at, row.transfer = None, {**row.transfer, "time": "0001-01-01T00:00:00"}
    with Session(desk.engine) as session:
        session.add(row)
        session.commit()
    held = desk.transfer(bank=BANK, transfer_id="t-old")
    assert held is not None and held.at is None
