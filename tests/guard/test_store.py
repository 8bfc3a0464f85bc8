from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from fanzha.guard.checks import StepRequest
from fanzha.guard.store import GuardConflict, GuardError, GuardNotFound, GuardStore, Merchant
from fanzha.store import upgrade

T0 = datetime(2026, 11, 6, 4, 0, tzinfo=UTC)
SITE = "https://pay.example-mall.com/cashier"


@pytest.fixture
def guard(engine: Engine) -> GuardStore:
    upgrade(engine)
    return GuardStore(engine)


@pytest.fixture
def merchant(guard: GuardStore) -> Merchant:
    return guard.add_merchant(
        provider="易付支付",
        code="M001",
        name="示例商城",
        domains=["https://www.Pay.Example-Mall.com/"],
        ip_ranges=["203.0.113.0/24"],
        max_step_seconds=300,
        max_order_seconds=900,
        min_human_ms=1500,
        now=T0,
    )


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def step(name: str, seconds: float, **fields: object) -> StepRequest:
    values: dict[str, object] = {"origin": SITE, "referer": SITE, "source_ip": "203.0.113.7", **fields}
    return StepRequest(name, at(seconds), **values)  # type: ignore[arg-type]


def test_registration_normalises_domains_and_ranges(merchant: Merchant) -> None:
    assert merchant.domains == ["pay.example-mall.com"] and merchant.ip_ranges == ["203.0.113.0/24"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"domains": ["not a domain"]}, "不是合法的域名"),
        ({"domains": []}, "至少登记一个"),
        ({"ip_ranges": ["300.1.1.0/24"]}, "不是合法的IP段"),
        ({"max_step_seconds": 5}, "时间设定"),
        ({"max_step_seconds": 600, "max_order_seconds": 300}, "时间设定"),
        ({"min_human_ms": -1}, "最短间隔"),
    ],
)
def test_bad_registrations_are_refused_in_chinese(
    guard: GuardStore, fields: dict[str, object], message: str
) -> None:
    values: dict[str, object] = {
        "provider": "p",
        "code": "X",
        "name": "商户",
        "domains": ["a.example.com"],
        **fields,
    }
    with pytest.raises(GuardError, match=message):
        guard.add_merchant(**values)  # type: ignore[arg-type]


def test_a_merchant_code_is_registered_once_per_provider(guard: GuardStore, merchant: Merchant) -> None:
    with pytest.raises(GuardConflict):
        guard.add_merchant(provider="易付支付", code="M001", name="又一个", domains=["b.example.com"])
    other = guard.add_merchant(provider="另一家支付", code="M001", name="同号商户", domains=["b.example.com"])
    assert other.id != merchant.id


def test_a_human_paying_from_the_merchants_site_goes_through_every_step(
    guard: GuardStore, merchant: Merchant
) -> None:
    order = guard.create_order(provider="易付支付", merchant_id=merchant.id, amount=199.0, ref="A-1", now=T0)
    for name, seconds in (("shown", 1), ("entered", 30), ("confirmed", 45)):
        result = guard.record_step(
            order_id=order.id, provider="易付支付", request=step(name, seconds, amount=199.0)
        )
        assert result.ok, result.checks
    stored = guard.get_order(order_id=order.id, provider="易付支付")
    assert stored.state == "confirmed" and [s.step for s in stored.steps] == ["shown", "entered", "confirmed"]
    assert stored.steps[1].at == at(30) and stored.last_step_at == at(45)


def test_an_interval_beyond_the_setting_invalidates_the_order_for_good(
    guard: GuardStore, merchant: Merchant
) -> None:
    order = guard.create_order(provider="易付支付", merchant_id=merchant.id, amount=50, now=T0)
    guard.record_step(order_id=order.id, provider="易付支付", request=step("shown", 2))
    late = guard.record_step(order_id=order.id, provider="易付支付", request=step("entered", 400))
    assert (
        late.action == "reject"
        and late.order.state == "invalid"
        and "重新生成订单" in late.order.closed_reason
    )
    again = guard.record_step(order_id=order.id, provider="易付支付", request=step("entered", 401))
    assert again.action == "reject" and any(c["check"] == "order_open" and not c["ok"] for c in again.checks)


def test_a_phishing_origin_blocks_the_order(guard: GuardStore, merchant: Merchant) -> None:
    order = guard.create_order(provider="易付支付", merchant_id=merchant.id, amount=50, now=T0)
    result = guard.record_step(
        order_id=order.id,
        provider="易付支付",
        request=step("shown", 3, origin="https://pay.examp1e-mall.com", referer=""),
    )
    assert result.action == "reject" and result.order.state == "blocked"
    assert {c["check"] for c in result.checks if not c["ok"]} == {"origin", "lookalike_origin"}


def test_machine_speed_asks_for_a_captcha_without_moving_the_order_on(
    guard: GuardStore, merchant: Merchant
) -> None:
    order = guard.create_order(provider="易付支付", merchant_id=merchant.id, amount=50, now=T0)
    guard.record_step(order_id=order.id, provider="易付支付", request=step("shown", 2))
    fast = guard.record_step(order_id=order.id, provider="易付支付", request=step("entered", 2.4))
    assert fast.action == "captcha" and fast.order.last_step == "shown" and fast.order.state == "open"
    human = guard.record_step(
        order_id=order.id, provider="易付支付", request=step("entered", 9, human_verified=True)
    )
    assert human.ok and human.order.last_step == "entered"


def test_another_providers_orders_and_merchants_do_not_exist(guard: GuardStore, merchant: Merchant) -> None:
    order = guard.create_order(provider="易付支付", merchant_id=merchant.id, amount=50, now=T0)
    with pytest.raises(GuardNotFound):
        guard.get_order(order_id=order.id, provider="另一家支付")
    with pytest.raises(GuardNotFound):
        guard.create_order(provider="另一家支付", merchant_id=merchant.id, amount=50)
    assert guard.get_order(order_id=order.id, provider=None).id == order.id


def test_registering_a_merchant_is_audited(guard: GuardStore, engine: Engine) -> None:
    from sqlalchemy.orm import Session

    from fanzha.audit.log import history, verify

    merchant = guard.add_merchant(
        provider="易付支付", code="M777", name="审计商户", domains=["pay.example.com"]
    )
    with Session(engine) as session:
        (entry,) = history(session, f"merchant:{merchant.id}")
    assert (
        entry.actor == "易付支付"
        and entry.action == "guard.merchant"
        and "pay.example.com" in str(entry.detail)
    )
    assert verify(engine).ok
