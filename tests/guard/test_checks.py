from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fanzha.guard.checks import OrderNow, Registration, StepRequest, judge

T0 = datetime(2026, 11, 6, 4, 0, tzinfo=UTC)
REG = Registration(("pay.example-mall.com",), ("203.0.113.0/24", "2001:db8::/32"), 300, 900, 1500)
GOOD = {
    "origin": "https://pay.example-mall.com",
    "referer": "https://pay.example-mall.com/cashier",
    "source_ip": "203.0.113.7",
}


def order(last_step: str = "shown", *, seconds_ago: float = 10, state: str = "open") -> OrderNow:
    return OrderNow(99.5, state, last_step, T0 - timedelta(seconds=seconds_ago), T0 - timedelta(seconds=60))


def step(name: str, **fields: object) -> StepRequest:
    values: dict[str, object] = {**GOOD, **fields}
    return StepRequest(name, T0, **values)  # type: ignore[arg-type]


def failed(verdicts: list) -> set[str]:  # type: ignore[type-arg]
    return {v.check for v in verdicts if not v.ok}


def test_a_step_in_time_from_the_merchants_site_proceeds_and_every_check_explains_itself() -> None:
    action, verdicts = judge(REG, order(), step("entered", amount=99.5))
    assert action == "proceed" and failed(verdicts) == set()
    assert all(v.clause for v in verdicts)
    assert [v.check for v in verdicts] == [
        "order_open",
        "step_order",
        "expired",
        "origin",
        "lookalike_origin",
        "source_ip",
        "machine_speed",
        "amount",
    ]


@pytest.mark.parametrize(
    ("the_order", "request_", "action", "checks", "phrase"),
    [
        (order(seconds_ago=301), step("entered"), "reject", {"expired"}, "超过商户设定的300秒"),
        (
            OrderNow(99.5, "open", "shown", T0 - timedelta(seconds=5), T0 - timedelta(seconds=901)),
            step("entered"),
            "reject",
            {"expired"},
            "交易时间敏感值",
        ),
        (order("created"), step("confirmed"), "reject", {"step_order"}, "下一步应为“展示支付页”"),
        (
            order(),
            step("entered", origin="https://evil.example.org", referer=""),
            "reject",
            {"origin"},
            "不是商户登记的域名",
        ),
        (
            order(),
            step("entered", origin="", referer="https://pay.examp1e-mall.com/x"),
            "reject",
            {"origin", "lookalike_origin"},
            "仿冒",
        ),
        (order(), step("entered", origin="", referer=""), "reject", {"origin"}, "没有来源网址"),
        (order(), step("entered", source_ip="198.51.100.9"), "reject", {"source_ip"}, "不在商户登记的IP段"),
        (order(), step("entered", source_ip="not-an-ip"), "reject", {"source_ip"}, "无法识别来源IP"),
        (order(seconds_ago=0.3), step("entered"), "captcha", {"machine_speed"}, "验证码"),
        (order("entered", seconds_ago=0.2), step("confirmed"), "captcha", {"machine_speed"}, "二次确认"),
        (order(), step("entered", amount=9950.0), "reject", {"amount"}, "被改动"),
        (order("confirmed", state="confirmed"), step("confirmed"), "reject", {"order_open"}, "已确认支付"),
    ],
)
def test_each_refusal_names_the_check_that_failed(
    the_order: OrderNow, request_: StepRequest, action: str, checks: set[str], phrase: str
) -> None:
    got, verdicts = judge(REG, the_order, request_)
    assert got == action and failed(verdicts) == checks
    assert any(phrase in v.clause for v in verdicts if not v.ok)


def test_machine_speed_passes_once_a_person_proved_it_with_a_captcha() -> None:
    action, verdicts = judge(REG, order(seconds_ago=0.3), step("entered", human_verified=True))
    assert action == "proceed" and "已通过验证码" in next(
        v.clause for v in verdicts if v.check == "machine_speed"
    )


def test_reloading_the_page_is_not_out_of_order_nor_machine_speed() -> None:
    action, _ = judge(REG, order("shown", seconds_ago=0.1), step("shown"))
    assert action == "proceed"


def test_ipv6_sources_are_checked_against_ipv6_ranges_and_no_ranges_means_no_ip_check() -> None:
    assert judge(REG, order(), step("entered", source_ip="2001:db8::5"))[0] == "proceed"
    open_reg = Registration(REG.domains, (), 300, 900, 1500)
    action, verdicts = judge(open_reg, order(), step("entered", source_ip=""))
    assert action == "proceed" and "未登记IP段" in next(v.clause for v in verdicts if v.check == "source_ip")


def test_an_unknown_step_is_refused_in_chinese() -> None:
    with pytest.raises(ValueError, match="未知的步骤"):
        judge(REG, order(), step("paid"))
