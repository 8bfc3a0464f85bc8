"""Each operator: what it answers on facts (True, False, None when its data is missing), how it describes
itself, and how it refuses a bad argument naming the field."""

from __future__ import annotations

from typing import Any

import pytest

from fanzha.screen.facts import Facts, Purpose
from fanzha.screen.numbers import number_traits
from fanzha.screen.operators import OPERATORS, RuleError, describe_operators
from fanzha.screen.state import History
from fanzha.screen.transfer import parse_transfer

AT = 1_794_000_000.0  # epoch seconds of the transfer
NONE: frozenset[str] = frozenset()
H = 3600.0


def facts(raw: dict[str, Any] | None = None, **extra: Any) -> Facts:
    transfer = parse_transfer({"id": "t", **(raw or {})})
    at = transfer.time.timestamp() if transfer.time is not None else AT
    return Facts(transfer, at, **extra)


def paid(at: float, payer: str, first: float | None = None) -> tuple[float, str, float]:
    """A payment into the payee: when, from whom, and when that payer first paid it (default: then)."""
    return (at, payer, at if first is None else first)


DAY = 86_400.0
REGULARS = [paid(AT - 2 * H - i * 60, f"R{i}", AT - 40 * DAY) for i in range(1, 13)]  # 12 since 40 days
NEWCOMERS = [paid(AT - i * 60, f"N{i}") for i in range(1, 13)]  # 12 first-time payers, newer


def inflow(*payments: tuple[float, str, float]) -> tuple[tuple[float, str, float], ...]:
    """Payments into the payee, oldest first (as a history gives them)."""
    return tuple(sorted(payments))


def history(
    paid_before: int = 0, out: tuple[Any, ...] = (), inflow: tuple[Any, ...] = (), since: float | None = None
) -> History:
    first = since if since is not None else (AT - 24 * H if paid_before else None)
    return History(paid_before, first, out, inflow)


PAYEE = {"payee": {"account": "P"}, "payer": {"account": "A"}}
CASES: list[tuple[str, Any, Facts, bool | None]] = [
    ("amount", {"min": 10000, "max": 50000}, facts({"amount": 10000}), True),
    ("amount", {"min": 10000, "max": 50000}, facts({"amount": 50000}), False),
    ("amount", 50000, facts({"amount": 50000}), True),
    ("amount", 50000, facts({}), None),
    ("amount", 50000, facts({"amount": 90000, "currency": "USD"}), None),
    ("channel", ["atm"], facts({"channel": "atm"}), True),
    ("channel", ["atm"], facts({"channel": "mobile"}), False),
    ("channel", ["atm"], facts({}), None),
    ("payer_age", {"min": 60}, facts({"payer": {"age": 60}}), True),
    ("payer_age", {"min": 60}, facts({"payer": {"age": 59}}), False),
    ("payer_age", {"min": 60}, facts({"payer": {"name": "王"}}), None),
    ("customer_days", {"max": 30}, facts({"time": "2026-11-06T10:00:00+08:00",
                                          "payer": {"customer_since": "2026-10-20"}}), True),
    ("customer_days", {"max": 30}, facts({"time": "2026-11-06T10:00:00+08:00",
                                          "payer": {"customer_since": "2003-05-01"}}), False),
    ("night", True, facts({"time": "2026-11-06T23:30:00+08:00"}), True),
    ("night", True, facts({"time": "2026-11-06T05:59:00+08:00"}), True),
    ("night", True, facts({"time": "2026-11-06T06:00:00+08:00"}), False),
    ("night", {"from": 0, "to": 6}, facts({"time": "2026-11-06T23:30:00+08:00"}), False),
    ("night", True, facts({}), None),
    ("on_call", True, facts({"payer_on_call": True}), True),
    ("on_call", True, facts({"payer_on_call": False}), False),
    ("on_call", False, facts({"payer_on_call": False}), True),
    ("on_call", True, facts({}), None),
    ("new_device", True, facts({"new_device": True}), True),
    ("remote_payee", "province", facts({"payer": {"district": "北京市西城区"},
                                        "payee": {"district": "湖北省武汉市"}}), True),
    ("remote_payee", "province", facts({"payer": {"district": "湖北省宜昌市"},
                                        "payee": {"district": "湖北省武汉市"}}), False),
    ("remote_payee", "city", facts({"payer": {"district": "湖北省宜昌市"},
                                    "payee": {"district": "湖北武汉"}}), True),
    ("remote_payee", "city", facts({"payer": {"district": "北京市西城区"},
                                    "payee": {"district": "北京市海淀区"}}), False),
    ("remote_payee", "city", facts({"payer": {"district": "火星"}, "payee": {"district": "北京"}}), None),
    ("payee_kind", "person", facts({"payee": {"name": "李强"}}), True),
    ("payee_kind", "person", facts({"payee": {"name": "北京市燃气集团有限责任公司"}}), False),
    ("payee_kind", "company", facts({"payee": {"name": "北京市燃气集团有限责任公司"}}), True),
    ("payee_kind", "person", facts({}), None),
    ("payee_kind", "company", facts({"payee": {"name": "国家电网"}}), True),
    ("payee_kind", "company", facts({"payee": {"name": "中国移动"}}), True),
    ("payee_kind", "company", facts({"payee": {"name": "江州市实验小学"}}), True),
    ("payee_kind", "company", facts({"payee": {"name": "李强", "kind": "company"}}), True),
    ("payee_kind", "person", facts({"payee": {"name": "江州华联超市", "kind": "personal"}}), True),
    ("payee_kind", "company", facts({"payee": {"kind": "company"}}), True),
    ("payer_kind", "company", facts({"payer": {"name": "江州恒达贸易有限公司"}}), True),
    ("payer_kind", "person", facts({"payer": {"name": "王秀英"}}), True),
    ("payer_kind", "person", facts({"payer": {"name": "王秀英", "kind": "company"}}), False),
    ("payer_kind", "person", facts({}), None),
    ("purpose_missing", True, facts({}), True),
    ("purpose_missing", True, facts({"purpose": "货款"}), False),
    ("first_payee", True, facts(PAYEE, history=history(0)), True),
    ("first_payee", True, facts(PAYEE, history=history(2)), False),
    ("first_payee", False, facts(PAYEE, history=history(2)), True),
    ("first_payee", True, facts(PAYEE), None),
    ("payee_known_days", {"min": 30}, facts(PAYEE, history=history(3, since=AT - 40 * 24 * H)), True),
    ("payee_known_days", {"min": 30}, facts(PAYEE, history=history(3, since=AT - 2 * H)), False),
    ("payee_known_days", {"min": 30}, facts(PAYEE, history=history(0)), False),
    ("payee_known_days", {"min": 30}, facts(PAYEE), None),
    ("fan_in", {"payers": 3, "hours": 24},
     facts(PAYEE, history=history(inflow=(paid(AT - H, "B"), paid(AT - 2 * H, "C")))), True),
    ("fan_in", {"payers": 3, "hours": 24},
     facts(PAYEE, history=history(inflow=(paid(AT - H, "B"), paid(AT - 2 * H, "B")))), False),
    ("fan_in", {"payers": 3, "hours": 24},  # the payer's own earlier payments do not count twice
     facts(PAYEE, history=history(inflow=(paid(AT - H, "B"), paid(AT - 2 * H, "A")))), False),
    ("fan_in", {"payers": 3, "hours": 1},
     facts(PAYEE, history=history(inflow=(paid(AT - 2 * H, "B"), paid(AT - 3 * H, "C")))), False),
    ("payee_regulars", {"payers": 10, "among": 20, "days": 30, "hours": 48},
     facts(PAYEE, history=history(inflow=inflow(*REGULARS, *NEWCOMERS[:8]))), True),
    ("payee_regulars", {"payers": 10, "among": 20, "days": 30, "hours": 48},  # the newest 20: 12 new, 8 old
     facts(PAYEE, history=history(inflow=inflow(*REGULARS, *NEWCOMERS))),
     False),
    ("payee_regulars", {"payers": 10, "among": 20, "days": 30, "hours": 48},  # a fresh mule: every payer new
     facts(PAYEE, history=history(inflow=inflow(*NEWCOMERS))), False),
    ("payee_regulars", {"payers": 10, "among": 20, "days": 30, "hours": 1},  # regulars, but not lately
     facts(PAYEE, history=history(inflow=inflow(*(paid(AT - 5 * H - i, f"R{i}", AT - 40 * DAY) for i in range(12))))),
     False),
    ("payee_regulars", {"payers": 10, "among": 20, "days": 30, "hours": 48}, facts(PAYEE), None),
    ("rising_payments", {"count": 2, "hours": 72},
     facts({**PAYEE, "amount": 9000}, history=history(out=((AT - 9 * H, "P", 50000), (AT - H, "P", 300000)))),
     True),
    ("rising_payments", {"count": 2, "hours": 72},
     facts({**PAYEE, "amount": 2000}, history=history(out=((AT - 9 * H, "P", 50000), (AT - H, "P", 300000)))),
     False),
    ("rising_payments", {"count": 2, "hours": 72},
     facts({**PAYEE, "amount": 9000}, history=history(out=((AT - 9 * H, "Q", 50000), (AT - H, "P", 300000)))),
     False),
    ("payer_velocity", {"count": 3, "hours": 24},
     facts(PAYEE, history=history(out=((AT - H, "X", 100), (AT - 2 * H, "Y", 100)))), True),
    ("payer_velocity", {"total": 100000, "hours": 24},
     facts({**PAYEE, "amount": 40000}, history=history(out=((AT - H, "X", 6_000_000),))), True),
    ("payer_velocity", {"total": 100000, "hours": 24},
     facts({**PAYEE, "amount": 40000}, history=history(out=((AT - 30 * H, "X", 6_000_000),))), False),
    ("payee_intel", ["confirmed"], facts(PAYEE, payee_level="confirmed"), True),
    ("payee_intel", ["confirmed"], facts(PAYEE, payee_level="reported"), False),
    ("payee_intel", ["confirmed"], facts(PAYEE), False),
    ("payee_intel", ["confirmed"], facts({}), None),
    ("contact_flagged", {"hours": 24}, facts(contacts=((AT - H, "suspicious", NONE),)), True),
    ("contact_flagged", {"hours": 24}, facts(contacts=((AT - 30 * H, "suspicious", NONE),)), False),
    ("contact_flagged", {"hours": 24, "levels": ["confirmed"]}, facts(contacts=((AT - H, "reported", NONE),)), False),
    ("contact_flagged", {"hours": 24}, facts(contacts=((None, "confirmed", NONE),)), None),
    ("contact_flagged", {"hours": 24}, facts(contacts=()), False),
    ("contact_flagged", {"hours": 24}, facts(), None),
    ("contact_number", {"hours": 24, "traits": ["foreign"]}, facts(contacts=((AT - H, None, frozenset({"foreign"})),)),
     True),
    ("contact_number", {"hours": 24, "traits": ["foreign"]}, facts(contacts=((AT - H, None, frozenset({"virtual"})),)),
     False),
    ("contact_number", {"hours": 1, "traits": ["virtual"]}, facts(contacts=((AT - 2 * H, None, frozenset({"virtual"})),)),
     False),
    ("rising_payments", {"count": 2, "hours": 24, "same_payee": False},
     facts({**PAYEE, "amount": 9000}, history=history(out=((AT - 9 * H, "Q", 50000), (AT - H, "P", 300000)))),
     True),
    ("purpose_contains", ["安全账户"], facts(purpose=Purpose("转入安全账户")), True),
    ("purpose_contains", ["USDT"], facts(purpose=Purpose("买usdt")), True),
    ("purpose_contains", ["安全账户"], facts(purpose=Purpose("生活费")), False),
    ("purpose_contains", ["安全账户"], facts(), None),
    ("purpose_cues", ["safe_account"], facts(purpose=Purpose("x", 90, "impersonate_authority",
                                                             frozenset({"safe_account"}))), True),
    ("purpose_cues", ["safe_account"], facts(purpose=Purpose("x", 5, None, frozenset())), False),
    ("purpose_risk", {"min": 50}, facts(purpose=Purpose("x", 90)), True),
    ("purpose_risk", {"min": 50}, facts(purpose=Purpose("x")), None),
    ("purpose_type", ["rebate_task"], facts(purpose=Purpose("x", 90, "rebate_task")), True),
]  # fmt: skip


@pytest.mark.parametrize(("name", "arg", "given", "expected"), CASES)
def test_operator_answers_on_facts(name: str, arg: Any, given: Facts, expected: bool | None) -> None:
    compiled = OPERATORS[name].compile(arg, "规则 r 的 when." + name)
    assert compiled.test(given) is expected
    assert compiled.text


@pytest.mark.parametrize(
    ("name", "arg", "message"),
    [
        ("amount", {"min": "五万"}, "when.amount.min"),
        ("amount", {"min": 5, "max": 1}, "min 应小于 max"),
        ("amount", {"least": 5}, "未知字段 least"),
        ("amount", {}, "至少给出 min 或 max"),
        ("channel", ["fax"], "不认识 fax"),
        ("channel", [], "非空"),
        ("night", False, "when.night"),
        ("night", {"from": 22, "to": 22}, "不能相同"),
        ("on_call", "yes", "true 或 false"),
        ("remote_payee", "country", "province"),
        ("fan_in", {"payers": 5}, "缺少字段 hours"),
        ("fan_in", {"payers": 5, "hours": 1000}, "when.fan_in.hours"),
        ("payee_regulars", {"payers": 30, "among": 20, "days": 30, "hours": 48}, "payers 不能多于 among"),
        ("payee_regulars", {"payers": 10, "among": 20, "hours": 48}, "缺少字段 days"),
        (
            "payee_regulars",
            {"payers": 10, "among": 20, "days": 30, "hours": 100},
            "when.payee_regulars.hours",
        ),
        ("payer_kind", "personal", "person"),
        ("payer_velocity", {"hours": 24}, "count 与 total"),
        ("payer_velocity", {"hours": 24, "count": 2, "total": 5}, "count 与 total"),
        ("payee_intel", ["dangerous"], "不认识 dangerous"),
        ("contact_flagged", {"hours": 24, "levels": []}, "非空"),
        ("purpose_contains", "安全账户", "词语列表"),
        ("contact_number", {"hours": 24, "traits": ["unlisted"]}, "不认识 unlisted"),
        ("rising_payments", {"count": 2, "hours": 24, "same_payee": "no"}, "when.rising_payments.same_payee"),
        ("purpose_cues", ["no_such_cue"], "不认识 no_such_cue"),
        ("purpose_type", ["no_such_type"], "不认识 no_such_type"),
    ],
)
def test_a_bad_argument_is_refused_naming_rule_and_field(name: str, arg: Any, message: str) -> None:
    with pytest.raises(RuleError, match="规则 r") as caught:
        OPERATORS[name].compile(arg, "规则 r 的 when." + name)
    assert message in str(caught.value)


def test_every_operator_describes_itself_in_words() -> None:
    described = describe_operators()
    assert {d["name"] for d in described} == set(OPERATORS)
    assert all(d["help"] and d["example"] for d in described)


@pytest.mark.parametrize(
    ("kind", "value", "traits"),
    [
        ("phone", "+0085212345678", {"disguised"}),
        ("phone", "0095588", {"disguised"}),
        ("sms", "+85261234567", {"foreign"}),
        ("phone", "0085261234567", {"foreign"}),
        ("phone", "170 1234 5678", {"virtual"}),
        ("phone", "+86 171 1234 5678", {"virtual"}),
        ("phone", "13800138000", set()),
        ("phone", "02197191114", set()),
        ("wechat", "+0085212345678", set()),
    ],
)
def test_number_traits_of_a_contact(kind: str, value: str, traits: set[str]) -> None:
    assert number_traits(kind, value) == traits


@pytest.mark.parametrize(
    ("name", "arg", "given", "words"),
    [
        ("payee_kind", "person", facts({"payee": {"name": "国家电网"}}), "收款方为单位（国家电网）"),
        ("payee_kind", "company", facts({"payee": {"name": "国家电网", "kind": "company"}}),
         "收款方为单位（国家电网，对公账户）"),
        ("payer_kind", "person", facts({"payer": {"name": "江州恒达贸易有限公司"}}),
         "付款方为单位（江州恒达贸易有限公司）"),
        ("payee_regulars", {"payers": 10, "among": 20, "days": 30, "hours": 48},
         facts(PAYEE, history=history(inflow=inflow(*REGULARS, *NEWCOMERS[:8]))),
         "收款账户老客户多：最近20个付款人中12个在30天以前就付过款"),
        ("payee_known_days", {"min": 14}, facts(PAYEE, history=history(3, since=AT - 40 * DAY)),
         "付款人40天前就向该收款人付过款"),
    ],
)  # fmt: skip
def test_an_operator_about_who_the_parties_are_says_what_it_found(
    name: str, arg: Any, given: Facts, words: str
) -> None:
    """The words a decision gives when such a part keeps a rule from firing."""
    compiled = OPERATORS[name].compile(arg, "规则 r 的 when." + name)
    assert compiled.explain is not None and compiled.explain(given) == words
