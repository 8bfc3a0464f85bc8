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
    assert Screener(default_rules()).fan_in_payers == 5  # mule_fan_in: {payers: 5, hours: 24}
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
