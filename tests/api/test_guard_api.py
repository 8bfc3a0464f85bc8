"""The payment order guard API: roles, a full payment, refusals that name their check, the firm's scope,
and bad input (422, 404, 409 — never 500). The guard's clock is frozen and moved by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from fanzha.api.app import create_app
from fanzha.api.routers.guard import guard_clock
from fanzha.intel.keys import create_key

SITE = "https://pay.example-mall.com"
MERCHANT = {
    "code": "M001",
    "name": "示例商城",
    "domains": ["pay.example-mall.com"],
    "ip_ranges": ["203.0.113.0/24"],
    "max_step_seconds": 300,
    "max_order_seconds": 900,
    "min_human_ms": 1500,
}


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 6, 4, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client(tmp_path: Path, clock: Clock) -> TestClient:
    app = create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}")
    app.dependency_overrides[guard_clock] = clock
    return TestClient(app)


def key(client: TestClient, role: str, label: str) -> dict[str, str]:
    engine: Engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role=role, label=label)}


@pytest.fixture
def firm(client: TestClient) -> dict[str, str]:
    return key(client, "bank", "易付支付")


def new_order(client: TestClient, firm: dict[str, str], amount: float = 199.0) -> int:
    merchant = client.post("/v1/guard/merchants", json=MERCHANT, headers=firm)
    merchant_id = merchant.json()["id"] if merchant.status_code == 201 else 1
    created = client.post(
        "/v1/guard/orders", json={"merchant_id": merchant_id, "amount": amount}, headers=firm
    )
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


@pytest.mark.parametrize(("role", "status"), [(None, 401), ("public", 403), ("officer", 403)])
def test_only_payment_firms_and_admins_may_call_the_guard(
    client: TestClient, role: str | None, status: int
) -> None:
    headers = key(client, role, f"{role}-1") if role else {}
    assert client.post("/v1/guard/merchants", json=MERCHANT, headers=headers).status_code == status
    assert client.get("/v1/guard/orders/1", headers=headers).status_code == status


def test_a_person_paying_from_the_merchants_page_proceeds_through_every_step(
    client: TestClient, firm: dict[str, str], clock: Clock
) -> None:
    order_id = new_order(client, firm)
    page = {"Origin": SITE, "Referer": SITE + "/cashier"}
    for step, wait in (("shown", 1), ("entered", 20), ("confirmed", 10)):
        clock.advance(wait)
        body = {"step": step, "amount": 199.0, "source_ip": "203.0.113.9"}
        answer = client.post(f"/v1/guard/orders/{order_id}/steps", json=body, headers=firm | page)
        assert answer.status_code == 200 and answer.json()["ok"] is True, answer.text
        assert answer.json()["action"] == "proceed"
    order = client.get(f"/v1/guard/orders/{order_id}", headers=firm).json()
    assert order["state"] == "confirmed" and order["state_name"] == "已确认支付"
    assert [s["step_name"] for s in order["steps"]] == ["展示支付页", "填写支付信息", "确认支付"]
    assert order["steps"][0]["origin"] == SITE


def test_an_expired_order_is_rejected_and_says_it_must_be_created_again(
    client: TestClient, firm: dict[str, str], clock: Clock
) -> None:
    order_id = new_order(client, firm)
    clock.advance(301)
    body = {"step": "shown", "origin": SITE, "source_ip": "203.0.113.9"}
    answer = client.post(f"/v1/guard/orders/{order_id}/steps", json=body, headers=firm).json()
    assert answer["ok"] is False and answer["action"] == "reject"
    expired = next(c for c in answer["checks"] if c["check"] == "expired")
    assert not expired["ok"] and "重新生成订单" in expired["clause"]
    assert answer["order"]["state"] == "invalid"


def test_a_lookalike_referrer_is_rejected_naming_the_imitated_domain(
    client: TestClient, firm: dict[str, str]
) -> None:
    order_id = new_order(client, firm)
    body = {"step": "shown", "source_ip": "203.0.113.9"}
    answer = client.post(
        f"/v1/guard/orders/{order_id}/steps",
        json=body,
        headers=firm | {"Referer": "https://pay.example-rnall.com/x"},
    ).json()
    failed = {c["check"]: c["clause"] for c in answer["checks"] if not c["ok"]}
    assert answer["action"] == "reject" and set(failed) == {"origin", "lookalike_origin"}
    assert "pay.example-mall.com" in failed["lookalike_origin"]


def test_the_callers_address_is_the_source_ip_when_none_is_given(
    client: TestClient, firm: dict[str, str]
) -> None:
    order_id = new_order(client, firm)
    answer = client.post(
        f"/v1/guard/orders/{order_id}/steps", json={"step": "shown"}, headers=firm | {"Origin": SITE}
    )
    source = next(c for c in answer.json()["checks"] if c["check"] == "source_ip")
    assert not source["ok"] and "testclient" in source["clause"]


def test_machine_speed_asks_for_a_captcha_then_accepts_the_verified_step(
    client: TestClient, firm: dict[str, str], clock: Clock
) -> None:
    order_id = new_order(client, firm)
    base = {"origin": SITE, "source_ip": "203.0.113.9"}
    clock.advance(2)
    assert client.post(
        f"/v1/guard/orders/{order_id}/steps", json=base | {"step": "shown"}, headers=firm
    ).json()["ok"]
    clock.advance(0.2)
    fast = client.post(
        f"/v1/guard/orders/{order_id}/steps", json=base | {"step": "entered"}, headers=firm
    ).json()
    assert fast["action"] == "captcha" and fast["ok"] is False
    verified = base | {"step": "entered", "human_verified": True}
    assert (
        client.post(f"/v1/guard/orders/{order_id}/steps", json=verified, headers=firm).json()["action"]
        == "proceed"
    )


def test_another_firm_sees_none_of_it_and_an_admin_sees_all(client: TestClient, firm: dict[str, str]) -> None:
    order_id = new_order(client, firm)
    other = key(client, "bank", "另一家支付")
    assert client.get(f"/v1/guard/orders/{order_id}", headers=other).status_code == 404
    assert client.get("/v1/guard/merchants/1", headers=other).status_code == 404
    assert (
        client.get(f"/v1/guard/orders/{order_id}", headers=key(client, "admin", "admin-1")).status_code == 200
    )


@pytest.mark.parametrize(
    ("path", "body", "status", "phrase"),
    [
        ("/v1/guard/merchants", MERCHANT | {"domains": ["不是 域名"]}, 422, "不是合法的域名"),
        ("/v1/guard/merchants", MERCHANT | {"ip_ranges": ["10.0.0.0/99"]}, 422, "不是合法的IP段"),
        ("/v1/guard/merchants", MERCHANT | {"max_order_seconds": 20}, 422, "时间设定"),
        ("/v1/guard/orders", {"merchant_id": 999, "amount": 5}, 404, "不存在"),
        ("/v1/guard/orders", {"merchant_id": 1, "amount": -5}, 422, ""),
        ("/v1/guard/orders/1/steps", {"step": "paid"}, 422, ""),
        ("/v1/guard/orders/999/steps", {"step": "shown"}, 404, "订单 #999 不存在"),
    ],
)
def test_bad_input_gets_a_clear_4xx(
    client: TestClient, firm: dict[str, str], path: str, body: dict[str, object], status: int, phrase: str
) -> None:
    new_order(client, firm)
    answer = client.post(path, json=body, headers=firm)
    assert answer.status_code == status and phrase in str(answer.json()["detail"])


def test_a_merchant_code_registered_twice_is_a_conflict(client: TestClient, firm: dict[str, str]) -> None:
    assert client.post("/v1/guard/merchants", json=MERCHANT, headers=firm).status_code == 201
    again = client.post("/v1/guard/merchants", json=MERCHANT, headers=firm)
    assert again.status_code == 409 and "已登记" in again.json()["detail"]
