"""The orders API: the role matrix, the officer's and the bank's sides of an order, bank scope, and
bad input (422 naming the field, 404, 409 — never 500)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.api.routers.orders import router
from fanzha.audit.log import verify
from fanzha.intel.keys import create_key
from fanzha.store.case_tables import CasePaymentRow, CaseRow
from fanzha.timezones import BEIJING

BANK = "中国工商银行"
MULE = "6222021234567890128"
PAID = datetime.now(UTC) - timedelta(hours=2)
OFFICER_CALLS = [
    ("post", "/v1/orders", {"json": {"case_id": 1, "account": MULE, "legal_basis": "依法止付"}}),
    ("get", "/v1/orders", {}),
    ("get", "/v1/orders/1", {}),
    ("get", "/v1/orders/1/history", {}),
    ("get", "/v1/orders/1/other-victims", {}),
    ("post", "/v1/orders/1/renew", {"json": {}}),
    ("post", "/v1/orders/1/freeze", {"json": {"legal_basis": "依法冻结"}}),
    ("post", "/v1/orders/1/release", {"json": {"reason": "解除"}}),
    ("post", "/v1/orders/1/returns", {"json": {"amount": 1}}),
]
BANK_CALLS = [
    ("get", "/v1/bank/orders", {}),
    ("get", "/v1/bank/orders/1", {}),
    ("post", "/v1/bank/orders/1/execute", {"json": {"amount_stopped": 1}}),
    ("post", "/v1/bank/orders/1/refuse", {"json": {"reason": "销户"}}),
    ("post", f"/v1/bank/accounts/{MULE}/inflows", {"json": [{"at": PAID.isoformat(), "amount": 1}]}),
]


def app_with_orders(url: str) -> FastAPI:
    app = create_app(url=url)
    if not any(getattr(route, "path", "") == "/v1/bank/orders" for route in app.routes):
        app.include_router(router)
    return app


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(app_with_orders(f"sqlite:///{tmp_path / 'api.sqlite3'}"))


def engine_of(client: TestClient) -> Engine:
    return client.app.state.services.store.engine  # type: ignore[attr-defined, no-any-return]


def key(client: TestClient, role: str, label: str = "") -> dict[str, str]:
    return {"X-API-Key": create_key(engine_of(client), role=role, label=label or f"{role}-1")}


def add_case(client: TestClient, ref: str, payments: list[tuple[datetime, int, str, str]]) -> int:
    with Session(engine_of(client)) as session:
        row = CaseRow(ref=ref, received_at=PAID, created_at=PAID, updated_at=PAID)
        session.add(row)
        session.flush()
        for at, yuan, source, target in payments:
            session.add(
                CasePaymentRow(
                    case_id=row.id,
                    paid_at=at,
                    amount_fen=yuan * 100,
                    from_account=source,
                    to_account=target,
                    to_bank=BANK,
                )
            )
        session.commit()
        return row.id


@pytest.mark.parametrize(("method", "path", "kwargs"), OFFICER_CALLS)
def test_officer_order_endpoints_refuse_anonymous_public_and_bank_callers(
    client: TestClient, method: str, path: str, kwargs: dict[str, object]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    for role in ("public", "bank"):
        assert getattr(client, method)(path, headers=key(client, role), **kwargs).status_code == 403
    assert getattr(client, method)(path, headers={"X-API-Key": "fz_forged"}, **kwargs).status_code == 401


@pytest.mark.parametrize(("method", "path", "kwargs"), BANK_CALLS)
def test_bank_endpoints_refuse_anonymous_public_and_officer_callers(
    client: TestClient, method: str, path: str, kwargs: dict[str, object]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    for role in ("public", "officer"):
        assert getattr(client, method)(path, headers=key(client, role), **kwargs).status_code == 403


@pytest.mark.parametrize(("method", "path", "kwargs"), OFFICER_CALLS + BANK_CALLS)
def test_admin_keys_pass_both_sides(
    client: TestClient, method: str, path: str, kwargs: dict[str, object]
) -> None:
    assert getattr(client, method)(path, headers=key(client, "admin"), **kwargs).status_code not in (
        401,
        403,
        500,
    )


def test_the_life_of_an_order_between_officer_and_bank(client: TestClient) -> None:
    officer, bank = key(client, "officer", "反诈中心-001"), key(client, "bank", BANK)
    own = add_case(client, "A", [(PAID, 5000, "6217000011112222", MULE)])
    other = add_case(
        client, "B", [(PAID + timedelta(minutes=30), 1200, "6228480000000001", "6200000000000009")]
    )

    created = client.post(
        "/v1/orders",
        headers=officer,
        json={"case_id": own, "account": "6222 0212 3456 7890 128", "legal_basis": "依法止付"},
    )
    assert created.status_code == 201, created.text
    order = created.json()
    assert (order["bank"], order["amount_requested"], order["state_name"]) == (BANK, 5000.0, "待银行执行")
    assert order["officer"] == "反诈中心-001" and order["renewals_left"] == 2

    pending = client.get("/v1/bank/orders", headers=bank).json()
    assert [o["id"] for o in pending] == [order["id"]] and pending[0]["case_id"] is None
    done = client.post(f"/v1/bank/orders/{order['id']}/execute", headers=bank, json={"amount_stopped": 4800})
    assert done.status_code == 200 and done.json()["state"] == "executed"
    assert 47.9 < done.json()["hours_left"] <= 48
    again = client.post(f"/v1/bank/orders/{order['id']}/execute", headers=bank, json={"amount_stopped": 4800})
    assert again.status_code == 409 and "已执行" in again.json()["detail"]

    inflow = {
        "at": (PAID + timedelta(minutes=31)).isoformat(),
        "amount": 1200,
        "from_account": "6228480000000001",
    }
    reported = client.post(f"/v1/bank/accounts/{MULE}/inflows", headers=bank, json=[inflow])
    assert reported.status_code == 201 and reported.json() == {
        "stored": 1,
        "skipped": 0,
        "orders_updated": [order["id"]],
    }
    seen_by_bank = client.get(f"/v1/bank/orders/{order['id']}", headers=bank).json()["covers"]
    shown_at = (PAID + timedelta(minutes=31)).astimezone(BEIJING).isoformat()  # the API shows Beijing time
    assert seen_by_bank == [{"amount": 1200.0, "at": shown_at, "from_account": "6228 **** **** 0001"}]
    seen_by_officer = client.get(f"/v1/orders/{order['id']}", headers=officer).json()
    assert [c["case_id"] for c in seen_by_officer["covers"]] == [other] and seen_by_officer[
        "covers_total"
    ] == 1200.0
    assert [
        c["case_id"] for c in client.get(f"/v1/orders/{order['id']}/other-victims", headers=officer).json()
    ] == [other]

    expiring = client.get("/v1/orders", headers=officer, params={"expiring_within_hours": 49}).json()
    assert [o["id"] for o in expiring] == [order["id"]]
    assert client.get("/v1/orders", headers=officer, params={"expiring_within_hours": 12}).json() == []
    assert client.post(f"/v1/orders/{order['id']}/renew", headers=officer).json()["renewals_left"] == 1

    frozen = client.post(
        f"/v1/orders/{order['id']}/freeze", headers=officer, json={"legal_basis": "依法冻结"}
    )
    assert frozen.status_code == 201 and frozen.json()["amount_requested"] == 4800.0
    freeze_id = frozen.json()["id"]
    client.post(f"/v1/bank/orders/{freeze_id}/execute", headers=bank, json={"amount_stopped": 6000})
    assert client.get(f"/v1/orders/{order['id']}", headers=officer).json()["state"] == "superseded"
    returned = client.post(
        f"/v1/orders/{freeze_id}/returns", headers=officer, json={"amount": 6000, "case_id": own}
    )
    assert returned.json()["state_name"] == "已返还"

    actions = [e["action"] for e in client.get(f"/v1/orders/{order['id']}/history", headers=officer).json()]
    assert actions == [
        "order.requested",
        "order.executed",
        "order.inflows_reported",
        "order.covers_updated",
        "order.renewed",
        "order.freeze_requested",
        "order.superseded",
    ]
    assert verify(engine_of(client)).ok


def test_a_bank_sees_only_orders_addressed_to_it(client: TestClient) -> None:
    officer, other_bank = key(client, "officer"), key(client, "bank", "中国银行")
    case_id = add_case(client, "A", [(PAID, 5000, "", MULE)])
    order = client.post(
        "/v1/orders", headers=officer, json={"case_id": case_id, "account": MULE, "legal_basis": "依法止付"}
    ).json()
    assert client.get("/v1/bank/orders", headers=other_bank).json() == []
    for method, path, kwargs in BANK_CALLS[1:]:
        response = getattr(client, method)(
            path.replace("/1", f"/{order['id']}"), headers=other_bank, **kwargs
        )
        assert response.status_code == 404, path
    assert client.get("/v1/bank/orders", headers=key(client, "admin")).json()[0]["id"] == order["id"]


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("post", "/v1/orders", {"case_id": 1, "account": MULE}, "legal_basis"),
        ("post", "/v1/orders", {"case_id": 0, "account": MULE, "legal_basis": "依法"}, "case_id"),
        ("post", "/v1/orders", {"case_id": 1, "account": "1" * 65, "legal_basis": "依法"}, "account"),
        (
            "post",
            "/v1/orders",
            {"case_id": 1, "account": MULE, "legal_basis": "依法", "amount": -1},
            "amount",
        ),
        (
            "post",
            "/v1/orders",
            {"case_id": 1, "account": MULE, "legal_basis": "依法", "amount": "很多"},
            "amount",
        ),
        ("post", "/v1/orders/1/renew", {"months": 7}, "months"),
        ("post", "/v1/orders/1/returns", {"amount": 0}, "amount"),
        ("post", "/v1/orders/1/release", {"reason": ""}, "reason"),
        ("post", "/v1/bank/orders/1/execute", {"amount_stopped": -0.01}, "amount_stopped"),
        ("post", "/v1/bank/orders/1/refuse", {"reason": "x" * 2001}, "reason"),
        ("post", f"/v1/bank/accounts/{MULE}/inflows", [{"at": "2025-03-01T10:00:00", "amount": 1}], "at"),
        ("post", f"/v1/bank/accounts/{MULE}/inflows", [{"at": PAID.isoformat(), "amount": 0}], "amount"),
        ("post", f"/v1/bank/accounts/{MULE}/inflows", [], "body"),
        ("post", f"/v1/bank/accounts/{MULE}/inflows", [{"at": PAID.isoformat(), "amount": 1}] * 1001, "body"),
        ("post", f"/v1/bank/accounts/{'1' * 65}/inflows", [{"at": PAID.isoformat(), "amount": 1}], "account"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(
    client: TestClient, method: str, path: str, body: object, field: str
) -> None:
    headers = key(client, "admin")
    response = getattr(client, method)(path, headers=headers, json=body)
    assert response.status_code == 422, response.text
    assert any(field in map(str, error["loc"]) for error in response.json()["errors"])


def test_unknown_orders_and_cases_are_404_and_illegal_steps_409(client: TestClient) -> None:
    officer = key(client, "officer")
    assert client.get("/v1/orders/99", headers=officer).status_code == 404
    missing = client.post(
        "/v1/orders", headers=officer, json={"case_id": 99, "account": MULE, "legal_basis": "依法止付"}
    )
    assert missing.status_code == 404 and "案件 #99 不存在" in missing.json()["detail"]
    case_id = add_case(client, "A", [(PAID, 5000, "", MULE)])
    no_payment = client.post(
        "/v1/orders",
        headers=officer,
        json={"case_id": case_id, "account": "6200000000000009", "legal_basis": "依法止付"},
    )
    assert no_payment.status_code == 422 and "请填写收款银行" in no_payment.json()["detail"]
    order = client.post(
        "/v1/orders", headers=officer, json={"case_id": case_id, "account": MULE, "legal_basis": "依法止付"}
    ).json()
    renew = client.post(f"/v1/orders/{order['id']}/renew", headers=officer, json={})
    assert renew.status_code == 409 and "待银行执行" in renew.json()["detail"]
    too_much = client.post(f"/v1/orders/{order['id']}/returns", headers=officer, json={"amount": 1})
    assert too_much.status_code == 409
    refused = client.post(
        f"/v1/bank/orders/{order['id']}/refuse",
        headers=key(client, "bank", BANK),
        json={"reason": "账户已销户"},
    )
    assert refused.json()["state_name"] == "银行拒绝" and refused.json()["note"] == "账户已销户"
