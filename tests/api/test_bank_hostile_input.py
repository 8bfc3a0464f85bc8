"""Hostile input on the bank side (screening, the payment order guard, stop-payment and freeze orders):
ids past 2^63−1, absurd query values, dates at the ends of the calendar, NaN and Infinity, lone
surrogates and nulls are answered 4xx with a Chinese detail naming what is wrong — never 500.

Every probe runs against one app with a real case, a stop-payment order addressed to the bank, a
registered merchant and a guard order, so that a probe that gets past validation reaches real rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.api.routers import guard, orders
from fanzha.intel.keys import create_key
from fanzha.store.case_tables import CasePaymentRow, CaseRow

BANK = "中国工商银行"
MULE = "6222021234567890128"
BIG = 2**63  # one past the largest id a store column holds
PAID = datetime.now(UTC) - timedelta(hours=2)
CALENDAR_ENDS = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00Z", "1999-12-31T23:00:00+08:00"]  # fmt: skip
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The app, keys by role, and the ids of a case, an order, a merchant and a guard order."""
    app = create_app(url=f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'x.sqlite3'}")
    client = TestClient(app)
    engine = app.state.services.store.engine
    keys = {
        role: {"X-API-Key": create_key(engine, role=role, label=label)}
        for role, label in (("bank", BANK), ("officer", "反诈中心-001"), ("admin", "管理员"))
    }
    with Session(engine) as session:
        case = CaseRow(ref="HOSTILE-1", received_at=PAID, created_at=PAID, updated_at=PAID)
        session.add(case)
        session.flush()
        session.add(
            CasePaymentRow(
                case_id=case.id,
                paid_at=PAID,
                amount_fen=500_000,
                from_account="6217000011112222",
                to_account=MULE,
                to_bank=BANK,
            )
        )
        session.commit()
        case_id = case.id
    order = client.post(
        "/v1/orders",
        headers=keys["officer"],
        json={"case_id": case_id, "account": MULE, "legal_basis": "依法止付"},
    )
    merchant = client.post(
        "/v1/guard/merchants",
        headers=keys["bank"],
        json={"code": "M1", "name": "示例商城", "domains": ["pay.example-mall.com"]},
    )
    assert order.status_code == 201 and merchant.status_code == 201, (order.text, merchant.text)
    guard_order = client.post(
        "/v1/guard/orders", headers=keys["bank"], json={"merchant_id": merchant.json()["id"], "amount": 100}
    )
    assert guard_order.status_code == 201, guard_order.text
    ids = {"case": case_id, "order": order.json()["id"], "merchant": merchant.json()["id"]}
    yield {"client": client, "keys": keys, "ids": {**ids, "gorder": guard_order.json()["id"]}}
    app.state.screening.close()


def call(world: dict[str, Any], role: str, method: str, path: str, body: Any = None, raw: bytes | None = None,
         params: dict[str, Any] | None = None) -> Any:  # fmt: skip
    client: TestClient = world["client"]
    path = path.format(**world["ids"], mule=MULE)
    headers = dict(world["keys"][role])
    kwargs: dict[str, Any] = {"params": params} if params else {}
    if raw is not None:
        kwargs["content"] = raw
        headers["Content-Type"] = "application/json"
    elif body is not None or method == "post":
        kwargs["json"] = body
    return client.request(method.upper(), path, headers=headers, **kwargs)


def assert_refused(response: Any, statuses: tuple[int, ...] = (422,), naming: str = "") -> None:
    assert response.status_code in statuses, (response.status_code, response.text)
    detail = response.json()["detail"]
    assert isinstance(detail, str) and CHINESE.search(detail), detail
    assert naming in detail, detail


# (role, method, path, body, the field the detail names)
ID_PROBES = [
    ("bank", "get", f"/v1/guard/merchants/{BIG}", None, "merchant_id"),
    ("bank", "get", f"/v1/guard/orders/{BIG}", None, "order_id"),
    ("bank", "post", f"/v1/guard/orders/{BIG}/steps", {"step": "shown"}, "order_id"),
    ("bank", "post", "/v1/guard/orders", {"merchant_id": BIG, "amount": 1}, "merchant_id"),
    ("officer", "get", f"/v1/orders/{BIG}", None, "order_id"),
    ("officer", "get", f"/v1/orders/{BIG}/history", None, "order_id"),
    ("officer", "get", f"/v1/orders/{BIG}/other-victims", None, "order_id"),
    ("officer", "post", f"/v1/orders/{BIG}/renew", {}, "order_id"),
    ("officer", "post", f"/v1/orders/{BIG}/freeze", {"legal_basis": "依法冻结"}, "order_id"),
    ("officer", "post", f"/v1/orders/{BIG}/release", {"reason": "解除"}, "order_id"),
    ("officer", "post", f"/v1/orders/{BIG}/returns", {"amount": 1}, "order_id"),
    ("officer", "post", "/v1/orders/{order}/returns", {"amount": 1, "case_id": BIG}, "case_id"),
    ("officer", "post", "/v1/orders", {"case_id": BIG, "account": MULE, "legal_basis": "依法止付"}, "case_id"),
    ("bank", "get", f"/v1/bank/orders/{BIG}", None, "order_id"),
    ("bank", "post", f"/v1/bank/orders/{BIG}/execute", {"amount_stopped": 1}, "order_id"),
    ("bank", "post", f"/v1/bank/orders/{BIG}/refuse", {"reason": "销户"}, "order_id"),
    ("bank", "get", f"/v1/bank/orders/{-BIG - 1}", None, "order_id"),
    ("admin", "get", f"/v1/guard/orders/{-BIG - 1}", None, "order_id"),
]  # fmt: skip


@pytest.mark.parametrize(("role", "method", "path", "body", "field"), ID_PROBES)
def test_an_id_past_the_largest_stored_integer_is_422_naming_it(
    world: dict[str, Any], role: str, method: str, path: str, body: Any, field: str
) -> None:
    assert_refused(call(world, role, method, path, body), naming=field)


# (role, path, query): a value no integer or finite number holds, or far out of range
QUERY_PROBES = [
    ("officer", "/v1/orders", {"case_id": BIG}),
    ("officer", "/v1/orders", {"limit": "1e20"}),
    ("officer", "/v1/orders", {"limit": BIG}),
    ("officer", "/v1/orders", {"expiring_within_hours": "nan"}),
    ("officer", "/v1/orders", {"expiring_within_hours": "inf"}),
    ("officer", "/v1/orders", {"expiring_within_hours": "1e309"}),
    ("officer", "/v1/orders/{order}/other-victims", {"window_hours": "nan"}),
    ("officer", "/v1/orders/{order}/other-victims", {"window_hours": "Infinity"}),
    ("officer", "/v1/orders/{order}/other-victims", {"window_hours": "1e309"}),
    ("bank", "/v1/bank/orders", {"limit": "1e20"}),
    ("bank", "/v1/bank/orders", {"limit": BIG}),
    ("bank", "/v1/screen/pending", {"limit": "1e20"}),
    ("bank", "/v1/screen/pending", {"limit": -BIG}),
]


@pytest.mark.parametrize(("role", "path", "query"), QUERY_PROBES)
def test_an_absurd_query_value_is_422(
    world: dict[str, Any], role: str, path: str, query: dict[str, Any]
) -> None:
    assert_refused(call(world, role, "get", path, params=query), naming=next(iter(query)))


@pytest.mark.parametrize("path", ["/v1/orders", "/v1/bank/orders", "/v1/screen/pending"])
def test_an_unknown_offset_is_ignored(world: dict[str, Any], path: str) -> None:
    role = "officer" if path == "/v1/orders" else "bank"
    assert call(world, role, "get", path, params={"offset": "1e20"}).status_code == 200


@pytest.mark.parametrize("at", CALENDAR_ENDS)
def test_an_inflow_dated_at_the_ends_of_the_calendar_is_422(world: dict[str, Any], at: str) -> None:
    response = call(world, "bank", "post", "/v1/bank/accounts/{mule}/inflows", [{"at": at, "amount": 1}])
    assert_refused(response, naming="超出可接受的范围")


@pytest.mark.parametrize("at", CALENDAR_ENDS)
def test_a_transfer_dated_at_the_ends_of_the_calendar_is_422(world: dict[str, Any], at: str) -> None:
    response = call(world, "bank", "post", "/v1/screen", {"id": "t-end", "time": at, "amount": 1})
    assert_refused(response, naming="time 超出可接受的范围")


NON_FINITE = ["NaN", "Infinity", "-Infinity", "1e309"]
# (role, path, body with the amount as %s)
AMOUNT_PROBES = [
    ("bank", "/v1/screen", '{"id": "t-nan", "amount": %s}'),
    ("bank", "/v1/guard/orders", '{"merchant_id": {merchant}, "amount": %s}'),
    ("bank", "/v1/guard/orders/{gorder}/steps", '{"step": "shown", "amount": %s}'),
    ("officer", "/v1/orders", '{"case_id": {case}, "account": "6200000000000001", "legal_basis": "x2", "amount": %s}'),
    ("officer", "/v1/orders/{order}/freeze", '{"legal_basis": "依法冻结", "amount": %s}'),
    ("officer", "/v1/orders/{order}/returns", '{"amount": %s}'),
    ("bank", "/v1/bank/orders/{order}/execute", '{"amount_stopped": %s}'),
    ("bank", "/v1/bank/accounts/{mule}/inflows", '[{"at": "2026-01-01T00:00:00+08:00", "amount": %s}]'),
]  # fmt: skip


@pytest.mark.parametrize("number", NON_FINITE)
@pytest.mark.parametrize(("role", "path", "body"), AMOUNT_PROBES)
def test_a_non_finite_amount_is_422(
    world: dict[str, Any], role: str, path: str, body: str, number: str
) -> None:
    raw = body.replace("%s", number).replace("{merchant}", str(world["ids"]["merchant"]))
    raw = raw.replace("{case}", str(world["ids"]["case"]))
    assert_refused(call(world, role, "post", path, raw=raw.encode()))


# Request bodies whose number fields must be finite: the API's models, without the JSON gate in front.
FINITE_FIELDS: list[tuple[type[BaseModel], dict[str, Any], str]] = [
    (guard.OrderIn, {"merchant_id": 1}, "amount"),
    (guard.StepIn, {"step": "shown"}, "amount"),
    (orders.OrderIn, {"case_id": 1, "account": MULE, "legal_basis": "依法止付"}, "amount"),
    (orders.FreezeIn, {"legal_basis": "依法冻结"}, "amount"),
    (orders.ReturnIn, {}, "amount"),
    (orders.ExecuteIn, {}, "amount_stopped"),
    (orders.InflowIn, {"at": "2026-01-01T00:00:00+08:00"}, "amount"),
]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize(("model", "rest", "field"), FINITE_FIELDS)
def test_a_request_model_refuses_a_non_finite_number(
    model: type[BaseModel], rest: dict[str, Any], field: str, value: float
) -> None:
    with pytest.raises(ValidationError) as refused:
        model.model_validate({**rest, field: value})
    assert [(e["loc"], e["type"]) for e in refused.value.errors()] == [((field,), "finite_number")]


SURROGATE = b'"\\ud800"'
# (role, method, path, body with a text field as %s)
TEXT_PROBES = [
    ("bank", "post", "/v1/screen", b'{"id": "t-s", "purpose": %s}'),
    ("bank", "post", "/v1/screen", b'{"id": %s}'),
    ("bank", "post", "/v1/screen/t-s/confirm", b'{"note": %s}'),
    ("bank", "post", "/v1/guard/merchants", b'{"code": "M9", "name": %s, "domains": ["a.example.com"]}'),
    ("bank", "post", "/v1/guard/orders", b'{"merchant_id": 1, "amount": 1, "ref": %s}'),
    ("bank", "post", "/v1/guard/orders/{gorder}/steps", b'{"step": "shown", "origin": %s}'),
    ("officer", "post", "/v1/orders", b'{"case_id": 1, "account": "6200000000000002", "legal_basis": %s}'),
    ("officer", "post", "/v1/orders/{order}/release", b'{"reason": %s}'),
    ("bank", "post", "/v1/bank/orders/{order}/refuse", b'{"reason": %s}'),
    ("bank", "post", "/v1/bank/orders/{order}/execute", b'{"amount_stopped": 1, "note": %s}'),
    ("bank", "post", "/v1/bank/accounts/{mule}/inflows", b'[{"at": "2026-01-01T00:00:00+08:00", "amount": 1, "from_name": %s}]'),
]  # fmt: skip


@pytest.mark.parametrize(("role", "method", "path", "body"), TEXT_PROBES)
def test_a_lone_surrogate_in_text_is_refused(
    world: dict[str, Any], role: str, method: str, path: str, body: bytes
) -> None:
    assert_refused(call(world, role, method, path, raw=body % SURROGATE))


@pytest.mark.parametrize(
    "path", ["/v1/screen/%ED%A0%80", "/v1/bank/accounts/%ED%A0%80/inflows", "/v1/screen/%00"]
)
def test_a_path_that_is_not_utf8_text_is_refused(world: dict[str, Any], path: str) -> None:
    method = "post" if path.endswith("inflows") else "get"
    body = [{"at": "2026-01-01T00:00:00+08:00", "amount": 1}] if method == "post" else None
    assert_refused(call(world, "bank", method, path, body), statuses=(404, 422))


# (role, path, body): null where a value is required
NULL_PROBES = [
    ("bank", "/v1/screen", None),
    ("bank", "/v1/screen", {"transfers": None}),
    ("bank", "/v1/screen", {"id": None, "amount": 1}),
    ("bank", "/v1/screen/t-null/confirm", {"note": None}),
    ("bank", "/v1/guard/merchants", {"code": None, "name": "商城", "domains": ["a.example.com"]}),
    ("bank", "/v1/guard/merchants", {"code": "M8", "name": "商城", "domains": [None]}),
    ("bank", "/v1/guard/merchants", {"code": "M8", "name": "商城", "domains": ["a.example.com"], "ip_ranges": None}),
    ("bank", "/v1/guard/orders", {"merchant_id": None, "amount": 1}),
    ("bank", "/v1/guard/orders", {"merchant_id": 1, "amount": None}),
    ("bank", "/v1/guard/orders/{gorder}/steps", {"step": None}),
    ("bank", "/v1/guard/orders/{gorder}/steps", {"step": "shown", "human_verified": None}),
    ("officer", "/v1/orders", {"case_id": None, "account": MULE, "legal_basis": "依法止付"}),
    ("officer", "/v1/orders", {"case_id": 1, "account": None, "legal_basis": "依法止付"}),
    ("officer", "/v1/orders/{order}/freeze", {"legal_basis": None}),
    ("officer", "/v1/orders/{order}/release", {"reason": None}),
    ("officer", "/v1/orders/{order}/returns", {"amount": None}),
    ("bank", "/v1/bank/orders/{order}/execute", {"amount_stopped": None}),
    ("bank", "/v1/bank/orders/{order}/execute", {"amount_stopped": 1, "note": None}),
    ("bank", "/v1/bank/orders/{order}/refuse", {"reason": None}),
    ("bank", "/v1/bank/accounts/{mule}/inflows", None),
    ("bank", "/v1/bank/accounts/{mule}/inflows", [None]),
    ("bank", "/v1/bank/accounts/{mule}/inflows", [{"at": None, "amount": 1}]),
    ("bank", "/v1/bank/accounts/{mule}/inflows", [{"at": "2026-01-01T00:00:00+08:00", "amount": 1, "from_account": None}]),
]  # fmt: skip


@pytest.mark.parametrize(("role", "path", "body"), NULL_PROBES)
def test_null_where_a_value_is_required_is_422(
    world: dict[str, Any], role: str, path: str, body: Any
) -> None:
    raw = b"null" if body is None else None
    assert_refused(call(world, role, "post", path, body, raw=raw))
