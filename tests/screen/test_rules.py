"""Rule files: loading and checking (errors name the rule and the field), conditions with three-valued
logic, the score → outcome thresholds and forced minimum outcomes, and the default rule set."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fanzha.screen.conditions import compile_condition
from fanzha.screen.engine import evaluate
from fanzha.screen.facts import Facts
from fanzha.screen.operators import RuleError
from fanzha.screen.rules import default_rules, load_rules, parse_rules
from fanzha.screen.transfer import parse_transfer

BASE = {
    "version": "t-1",
    "thresholds": {"warn": 30, "hold": 60, "block": 100},
    "actions": {"warning": "提醒客户", "delay": "延迟{hold_hours}小时"},
    "outcome_actions": {"warn": ["warning"], "hold": ["warning", "delay"]},
    "rules": [
        {"id": "big", "clause": "大额", "why": "大额风险高", "when": {"amount": {"min": 50000}}, "score": 30},
    ],
}


def with_rule(**rule: object) -> str:
    base_rule = {"id": "r", "clause": "c", "why": "w", "when": {"amount": 1}, "score": 1}
    return yaml.safe_dump({**BASE, "rules": [{**base_rule, **rule}]}, allow_unicode=True)


def test_a_rule_set_loads_and_fills_in_the_hold_hours() -> None:
    rules = parse_rules(yaml.safe_dump(BASE, allow_unicode=True))
    assert rules.version == "t-1" and [r.id for r in rules.rules] == ["big"]
    assert rules.action_texts["delay"] == "延迟24小时"
    assert len(rules.digest) == 64


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("version: [", "不是有效的YAML"),
        ("- a\n- b", "应为YAML对象"),
        (yaml.safe_dump({**BASE, "version": ""}), "version"),
        (yaml.safe_dump({**BASE, "extra": 1}), "未知的顶层字段 extra"),
        (
            yaml.safe_dump({**BASE, "thresholds": {"warn": 50, "hold": 40, "block": 100}}),
            "warn < hold < block",
        ),
        (yaml.safe_dump({**BASE, "thresholds": {"warn": 50}}), "thresholds"),
        (yaml.safe_dump({**BASE, "rules": []}), "rules"),
        (yaml.safe_dump({**BASE, "outcome_actions": {"hold": ["call_mum"]}}), "outcome_actions.hold"),
        (with_rule(id="Bad-Id"), "rules[0].id"),
        (with_rule(clause=""), "规则 r 的 clause"),
        (with_rule(why=None), "规则 r 的 why"),
        (with_rule(score="high"), "规则 r 的 score"),
        (with_rule(outcome="stop"), "规则 r 的 outcome"),
        (with_rule(actions=["call_mum"]), "规则 r 的 actions"),
        (with_rule(colour="red"), "规则 r 的 colour"),
        (with_rule(when={"amout": 5}), "规则 r 的 when.amout：不认识的条件"),
        (with_rule(when={"all": [{"amount": 5}, {"channel": ["fax"]}]}), "规则 r 的 when.all[1].channel"),
        (with_rule(when={"any": []}), "规则 r 的 when.any"),
        (with_rule(when=[]), "规则 r 的 when"),
        (with_rule(when={"not": {"payer_age": {"min": 200}}}), "规则 r 的 when.not.payer_age.min"),
    ],
)
def test_a_bad_rule_file_is_refused_naming_the_rule_and_field(source: str, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rules(source)
    assert message in str(caught.value)


def test_duplicate_rule_ids_are_refused() -> None:
    rule = {"id": "r", "clause": "c", "why": "w", "when": {"amount": 1}}
    with pytest.raises(RuleError, match="规则 r：编号重复"):
        parse_rules(yaml.safe_dump({**BASE, "rules": [rule, rule]}))


def test_a_disabled_rule_is_left_out() -> None:
    assert parse_rules(with_rule(enabled=False)).rules == ()
    rules = parse_rules(yaml.safe_dump({**BASE, "rules": [*BASE["rules"], {
        "id": "off", "clause": "c", "why": "w", "when": {"amount": 1}, "enabled": False}]}))  # fmt: skip
    assert [r.id for r in rules.rules] == ["big"]


def test_an_unreadable_file_is_a_rule_error(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="无法读取规则文件"):
        load_rules(tmp_path / "missing.yaml")


@pytest.mark.parametrize(
    ("score", "outcome"),
    [(0, "allow"), (29, "allow"), (30, "warn"), (60, "hold"), (99, "hold"), (100, "block")],
)
def test_thresholds_turn_a_score_into_the_highest_outcome_reached(score: int, outcome: str) -> None:
    assert parse_rules(yaml.safe_dump(BASE)).outcome_of(score) == outcome


def f(**raw: object) -> Facts:
    return Facts(parse_transfer({"id": "t", **raw}))


@pytest.mark.parametrize(
    ("condition", "given", "expected"),
    [
        ({"amount": 100, "channel": ["atm"]}, f(amount=200, channel="atm"), True),
        ({"amount": 100, "channel": ["atm"]}, f(amount=200, channel="pos"), False),
        ({"amount": 100, "channel": ["atm"]}, f(amount=200), None),
        ({"amount": 100, "channel": ["atm"]}, f(amount=50), False),  # False wins over unknown in all
        ({"any": [{"amount": 100}, {"channel": ["atm"]}]}, f(channel="atm"), True),  # True wins in any
        ({"any": [{"amount": 100}, {"channel": ["atm"]}]}, f(channel="pos"), None),
        ({"any": [{"amount": 100}, {"channel": ["atm"]}]}, f(amount=5, channel="pos"), False),
        ({"not": {"amount": 100}}, f(amount=5), True),
        ({"not": {"amount": 100}}, f(), None),
        ({"unless": {"channel": ["pos"]}}, f(), True),  # unless: missing data does not stop a rule
        ({"unless": {"channel": ["pos"]}}, f(channel="pos"), False),
        ({"unless": {"channel": ["pos"]}}, f(channel="atm"), True),
        ([{"amount": 100}, {"not": {"channel": ["atm"]}}], f(amount=500, channel="pos"), True),
    ],
)
def test_conditions_combine_with_three_valued_logic(
    condition: object, given: Facts, expected: bool | None
) -> None:
    assert compile_condition(condition, "规则 r 的 when").test(given) is expected


def test_a_condition_describes_itself_in_chinese() -> None:
    text = compile_condition(
        {"amount": 50000, "any": [{"on_call": True}, {"payer_age": {"min": 60}}]}, "w"
    ).text
    assert text == "金额不低于5万元，且（付款人转账时正在通话，或付款人年龄不低于60岁）"


def test_the_default_rule_set_loads_and_every_rule_says_why() -> None:
    rules = default_rules()
    assert len(rules.rules) >= 20
    assert all(len(r.why) >= 10 and r.clause for r in rules.rules)
    assert {"payee_confirmed", "safe_account_purpose", "mule_fan_in", "rising_payments"} <= {
        r.id for r in rules.rules
    }


@pytest.mark.parametrize(
    ("when", "transfer", "words"),
    [
        ({"amount": {"min": 100}, "unless": {"payee_kind": "company"}},
         {"amount": 500, "payee": {"name": "国家电网"}}, "收款方为单位（国家电网）"),
        ({"amount": {"min": 100}, "unless": {"any": [{"channel": ["pos"]}, {"payee_kind": "company"}]}},
         {"amount": 500, "channel": "mobile", "payee": {"name": "国家电网"}}, "收款方为单位（国家电网）"),
        ({"amount": {"min": 100}, "payee_kind": "person"},
         {"amount": 500, "payee": {"name": "中国移动"}}, "收款方为单位（中国移动）"),
        # kept from firing by something else as well (the amount): nothing to say
        ({"amount": {"min": 100}, "unless": {"payee_kind": "company"}},
         {"amount": 50, "payee": {"name": "国家电网"}}, None),
        # kept from firing by the card payment, alone or as well: not (only) about who the payee is
        ({"amount": {"min": 100}, "unless": {"any": [{"channel": ["pos"]}, {"payee_kind": "company"}]}},
         {"amount": 500, "channel": "pos", "payee": {"name": "李强"}}, None),
        ({"amount": {"min": 100}, "unless": {"any": [{"channel": ["pos"]}, {"payee_kind": "company"}]}},
         {"amount": 500, "channel": "pos", "payee": {"name": "国家电网"}}, None),
        # it fires: nothing was spared
        ({"amount": {"min": 100}, "unless": {"payee_kind": "company"}},
         {"amount": 500, "payee": {"name": "李强"}}, None),
    ],
)  # fmt: skip
def test_a_rule_kept_from_firing_only_by_who_the_parties_are_says_so(
    when: dict[str, object], transfer: dict[str, object], words: str | None
) -> None:
    verdict = evaluate(
        parse_rules(with_rule(when=when, score=40)), Facts(parse_transfer({"id": "a", **transfer}))
    )
    assert [(rule.id, said) for rule, said in verdict.spared] == ([("r", words)] if words else [])


def test_only_a_risk_rule_says_who_the_parties_kept_from_firing() -> None:
    """A rule that lowers the score (a known payee) is not "spared" when it does not apply."""
    verdict = evaluate(
        parse_rules(with_rule(when={"payee_kind": "person"}, score=-10)),
        Facts(parse_transfer({"id": "a", "payee": {"name": "国家电网"}})),
    )
    assert verdict.results == (False,) and verdict.spared == ()
