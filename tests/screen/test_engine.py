"""The engine with the default rule set on the seeds' scenarios, history across transfers, forced
outcomes, the shadow candidate, and what happens when data is missing."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from fanzha.screen.engine import Screener
from fanzha.screen.intel_view import identifier_keys
from fanzha.screen.rules import default_rules, parse_rules
from fanzha.screen.state import MemoryState
from fanzha.screen.transfer import parse_transfer

ELDER = {"account": "6222021234567890128", "name": "王秀英", "age": 72, "district": "北京市西城区"}
YOUNG = {"account": "6222020000000001", "name": "赵磊", "age": 34, "district": "北京市朝阳区"}
STRANGER = {"account": "6226090000000048", "name": "李强", "district": "湖北省武汉市"}


class Intel:
    def __init__(self, levels: dict[tuple[str, str], str]) -> None:
        self.levels = levels

    def level(self, kind: str, value: str) -> str | None:
        return next((self.levels[k] for k in identifier_keys(kind, value) if k in self.levels), None)


def t(i: int, **raw: Any) -> dict[str, Any]:
    return {"id": f"t-{i}", "time": f"2026-11-06T{10 + i % 10:02d}:05:00+08:00", "channel": "counter", **raw}


def screen(
    rows: list[dict[str, Any]], *, intel: Intel | None = None, screener: Screener | None = None
) -> list[Any]:
    engine = screener or Screener(default_rules(), intel=intel)
    return engine.screen([parse_transfer(r) for r in rows], MemoryState())


@pytest.mark.parametrize(
    ("row", "outcome", "rule"),
    [
        # The seeds' case: an elderly customer on the phone, a first transfer to Wuhan, "safe account".
        (t(1, amount=50000, payer=ELDER, payee=STRANGER, purpose="转到安全账户配合调查", payer_on_call=True),
         "block", "safe_account_purpose"),
        (t(1, amount=3000, payer=YOUNG, payee=STRANGER, purpose="转入安全账户"), "hold", "safe_account_purpose"),
        (t(1, amount=20000, payer=YOUNG, payee=STRANGER, purpose="孩子被绑架了，付赎金"), "hold", "ransom_purpose"),
        (t(1, amount=800, payer=YOUNG, payee=STRANGER, purpose="刷单垫付"), "hold", "rebate_task_purpose"),
        (t(1, amount=20000, payer=ELDER, payee=STRANGER, purpose="买东西"), "warn", "elderly_large_first_payee"),
        (t(1, amount=300, payer=YOUNG, payee={"account": "1", "name": "张三"}, purpose="生活费"), "allow", None),
        (t(1, amount=2000, payer=YOUNG, payee={"account": "9", "name": "北京市燃气集团有限责任公司"},
           purpose="燃气费"), "allow", None),
    ],
)  # fmt: skip
def test_default_rules_on_typical_transfers(row: dict[str, Any], outcome: str, rule: str | None) -> None:
    decision = screen([row])[0]
    assert decision.outcome == outcome
    fired = [r["rule"] for r in decision.to_dict()["reasons"]]
    assert (rule in fired) if rule else fired == []


def test_a_confirmed_payee_is_blocked_whatever_the_score() -> None:
    intel = Intel({("bank_card", STRANGER["account"]): "confirmed"})
    decision = screen([t(1, amount=100, payer=YOUNG, payee=STRANGER, purpose="货款")], intel=intel)[0]
    out = decision.to_dict()
    assert out["outcome"] == "block" and out["reasons"][0]["rule"] == "payee_confirmed"
    assert [a["code"] for a in out["actions"]] == ["stop_transfer", "report_police"]


def test_a_contact_from_a_confirmed_number_holds_a_first_payment() -> None:
    intel = Intel({("phone", "17012345678"): "confirmed"})
    row = t(1, amount=2000, payer=YOUNG, payee=STRANGER, payer_contacts=[
        {"kind": "phone", "value": "+86 170 1234 5678", "at": "2026-11-06T10:40:00+08:00"}])  # fmt: skip
    assert screen([row], intel=intel)[0].outcome == "hold"


def test_each_transfer_sees_the_history_of_those_before_it() -> None:
    payee = {"account": "6217000000000001", "name": "陈某"}
    victims = [{"account": f"62220000000000{i:02d}", "age": 40} for i in range(6)]
    rows = [
        t(i, amount=1000, payer=v, payee=payee, time=f"2026-11-06T1{i}:00:00+08:00")
        for i, v in enumerate(victims)
    ]
    decisions = screen(rows)
    fired = [{r["rule"] for r in d.to_dict()["reasons"]} for d in decisions]
    assert ["mule_fan_in" in f for f in fired] == [False, False, False, False, True, True]


def test_rising_payments_to_one_payee_are_caught_on_the_third() -> None:
    rows = [
        t(
            i,
            amount=amount,
            payer=YOUNG,
            payee=STRANGER,
            purpose="解冻费",
            time=f"2026-11-0{i + 4}T10:00:00+08:00",
        )
        for i, amount in enumerate([500, 2000, 8000])
    ]
    decisions = screen(rows)
    assert ["rising_payments" in {r.id for r in d.live.fired} for d in decisions] == [False, False, True]
    assert "known_payee" not in {r.id for d in decisions for r in d.live.fired}  # a payee of yesterday


def test_missing_data_makes_rules_unknown_not_hits() -> None:
    decision = screen([{"id": "bare"}])[0]
    executions = decision.to_dict(executions=True)["executions"]
    results = {e["rule"]: e["result"] for e in executions}
    assert decision.outcome == "allow"
    assert results["elderly_large_first_payee"] == "unknown"
    assert results["purpose_vague_large"] == "unknown"
    assert len(executions) == len(default_rules().rules)


def test_a_rule_can_force_a_minimum_outcome_below_its_score() -> None:
    source = yaml.safe_dump({
        "version": "forced", "thresholds": {"warn": 30, "hold": 60, "block": 100},
        "rules": [{"id": "night", "clause": "夜间", "why": "夜间", "when": {"night": True}, "score": 1,
                   "outcome": "hold"}],
    }, allow_unicode=True)  # fmt: skip
    decision = Screener(parse_rules(source)).screen(
        [parse_transfer({"id": "n", "time": "2026-11-06T23:00:00+08:00"})], MemoryState()
    )[0]
    assert (decision.outcome, decision.live.score) == ("hold", 1)


def test_the_shadow_candidate_is_recorded_and_never_changes_the_outcome() -> None:
    strict = yaml.safe_dump({
        "version": "strict", "thresholds": {"warn": 1, "hold": 2, "block": 3},
        "rules": [{"id": "any_amount", "clause": "任何金额", "why": "试验", "when": {"amount": 0}, "score": 5}],
    }, allow_unicode=True)  # fmt: skip
    screener = Screener(default_rules(), shadow=parse_rules(strict))
    decision = screen(
        [t(1, amount=300, payer=YOUNG, payee={"account": "1", "name": "张三"})], screener=screener
    )[0]
    out = decision.to_dict()
    assert out["outcome"] == "allow"
    assert out["shadow"]["outcome"] == "block" and out["shadow"]["rules_version"] == "strict"


def test_a_store_is_asked_for_only_as_many_payers_as_the_fan_in_rules_need() -> None:
    # mule_fan_in: {payers: 5, hours: 24}, and its regulars: the newest 20 distinct payers
    assert Screener(default_rules()).fan_in_payers == 20
    two = """
version: t
thresholds: {warn: 1, hold: 2, block: 3}
rules:
  - {id: a, when: {fan_in: {payers: 3, hours: 24}}, score: 1, clause: 甲, why: 测试}
  - {id: b, when: {not: {fan_in: {payers: 12, hours: 6}}}, score: 1, clause: 乙, why: 测试}
"""
    assert Screener(parse_rules(two)).fan_in_payers == 12
    none = "version: t\nthresholds: {warn: 1, hold: 2, block: 3}\nrules:\n  - {id: a, when: {amount: 5}, score: 1, clause: 甲, why: 测试}\n"
    assert Screener(parse_rules(none)).fan_in_payers == 0


def payment(i: int, payer: int, payee: dict[str, Any], when: str, **raw: Any) -> dict[str, Any]:
    """Payer number `payer` (a household) pays `payee` at `when` (Beijing time)."""
    household = {"account": f"6222{payer:012d}", "age": 30 + payer % 50, "district": "北京市西城区"}
    return {"id": f"e-{i}", "time": f"{when}+08:00", "channel": "mobile", "amount": 120.0, "payer": household,
            "payee": payee, **raw}  # fmt: skip


def reasons_of(decision: Any) -> tuple[set[str], list[dict[str, Any]]]:
    """(the rules that scored, the rules that would have but for who the parties are)."""
    reasons = decision.to_dict()["reasons"]
    return {r["rule"] for r in reasons if not r.get("spared")}, [r for r in reasons if r.get("spared")]


@pytest.mark.parametrize(
    ("payee", "purpose", "words"),
    [
        ({"account": "9100000000000001", "name": "国家电网"}, "电费", "收款方为单位（国家电网）"),
        ({"account": "9100000000000002", "name": "中国移动"}, "话费充值", "收款方为单位（中国移动）"),
        ({"account": "9100000000000003", "name": "江州市实验小学"}, "餐费", "收款方为单位（江州市实验小学）"),
        ({"account": "9100000000000004", "name": "恒达商贸", "kind": "company"}, "货款",
         "收款方为单位（恒达商贸，对公账户）"),
    ],
)  # fmt: skip
def test_an_organisation_paid_by_many_in_a_day_is_no_mule_and_the_decision_says_why(
    payee: dict[str, Any], purpose: str, words: str
) -> None:
    rows = [payment(i, i, payee, f"2026-11-06T{9 + i:02d}:00:00", purpose=purpose) for i in range(8)]
    decisions = screen(rows)
    assert [d.outcome for d in decisions] == ["allow"] * 8
    scored, spared = reasons_of(decisions[-1])
    assert scored == set()
    assert {r["rule"] for r in spared} >= {"mule_fan_in"}
    assert all(r["score"] == 0 and r["clause"].startswith(words) for r in spared)


def test_a_top_up_to_an_operator_is_not_an_investment_paid_to_a_person() -> None:
    decision = screen([payment(1, 1, {"account": "9100000000000002", "name": "中国移动"}, "2026-11-06T09:00:00",
                               purpose="充值")])[0]  # fmt: skip
    scored, spared = reasons_of(decision)
    assert (decision.outcome, scored) == ("allow", set())
    assert [r["rule"] for r in spared] == ["investment_to_person"]


def _regulars_then(today: list[int], *, regulars: int, stall: dict[str, Any]) -> list[dict[str, Any]]:
    """`regulars` households paying `stall` on 2026-10-01, then households `today` paying it on 11-06."""
    before = [
        payment(i, i, stall, f"2026-10-01T{8 + i // 4:02d}:{i % 4 * 10:02d}:00") for i in range(regulars)
    ]
    return before + [
        payment(100 + k, payer, stall, f"2026-11-06T{8 + k // 6:02d}:{k % 6 * 9:02d}:00")
        for k, payer in enumerate(today)
    ]


def test_a_shopkeeper_paid_into_a_personal_account_by_regulars_is_no_mule() -> None:
    stall = {"account": "6217000000000777", "name": "王秀兰", "kind": "personal"}
    today = [*range(12), 500, 501, 502]  # twelve regulars and three newcomers
    decisions = screen(_regulars_then(today, regulars=15, stall=stall))[15:]
    assert [d.outcome for d in decisions] == ["allow"] * len(today)
    _, spared = reasons_of(decisions[-1])  # a newcomer
    assert [r["rule"] for r in spared] == ["mule_fan_in"]
    assert spared[0]["clause"].startswith("收款账户老客户多：最近")


def test_a_fresh_personal_account_paid_by_newcomers_is_still_a_mule() -> None:
    """A bought account whose owner's family paid it before: three regulars are not a shop's."""
    mule = {"account": "6217000000000888", "name": "刘伟"}
    decisions = screen(_regulars_then([*range(3), *range(600, 606)], regulars=3, stall=mule))[3:]
    scored, _ = reasons_of(decisions[-1])
    assert decisions[-1].outcome == "warn" and "mule_fan_in" in scored


def test_a_landlord_s_tenants_paying_rent_on_the_same_day_are_not_a_mule_s_victims() -> None:
    landlord = {"account": "6217000000000999", "name": "陈建华"}
    rows = [
        payment(i, 50 + i, landlord, f"2026-10-05T{9 + i:02d}:00:00", amount=1500.0, purpose="房租")
        for i in range(7)
    ]
    rows += [payment(10 + i, 50 + i, landlord, f"2026-11-05T{9 + i:02d}:00:00", amount=1500.0, purpose="房租")
             for i in range(7)]  # fmt: skip
    decisions = screen(rows)[7:]
    assert [d.outcome for d in decisions] == ["allow"] * 7
    _, spared = reasons_of(decisions[-1])
    assert [r["clause"].split("，")[0] for r in spared] == ["付款人31天前就向该收款人付过款"]


def test_small_purchases_rising_at_a_regulars_shop_are_not_unfreezing_fees() -> None:
    stall = {"account": "6217000000000777", "name": "王秀兰"}
    rows = _regulars_then(list(range(12)), regulars=15, stall=stall)
    rows += [payment(200 + k, 0, stall, when, amount=amount)  # after 120 yuan in the morning
             for k, (when, amount) in enumerate((("2026-11-06T12:00:00", 20.0), ("2026-11-06T18:00:00", 32.0),
                                                 ("2026-11-07T09:00:00", 51.0)))]  # fmt: skip
    decisions = screen(rows)
    scored, spared = reasons_of(decisions[-1])
    assert decisions[-1].outcome == "allow" and "rising_payments" not in scored
    assert "rising_payments" in {r["rule"] for r in spared}


@pytest.mark.parametrize(
    ("payer", "outcome", "spared"),
    [
        ({"account": "9100000000000100", "name": "江州恒达贸易有限公司"}, "allow", "付款方为单位（江州恒达贸易有限公司）"),
        ({"account": "9100000000000101", "name": "恒达", "kind": "company"}, "allow", "付款方为单位（恒*，对公账户）"),
        ({"account": "6222000000000102", "name": "王秀英", "age": 45}, "warn", None),
    ],
)  # fmt: skip
def test_a_company_paying_new_suppliers_a_lot_in_a_day_is_not_draining_its_savings(
    payer: dict[str, Any], outcome: str, spared: str | None
) -> None:
    rows = [
        t(i, amount=60000.0, payer=payer, payee={"account": f"621700000000030{i}", "name": f"供应商{i}"},
          purpose="货款", time=f"2026-11-06T1{i}:00:00+08:00")
        for i in range(3)
    ]  # fmt: skip
    decision = screen(rows)[-1]
    scored, notes = reasons_of(decision)
    assert decision.outcome == outcome
    assert ("draining_savings" in scored) is (spared is None)
    assert [r["clause"].split("，此条")[0] for r in notes if r["rule"] == "draining_savings"] == (
        [spared] if spared else []
    )
