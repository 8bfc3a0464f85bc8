"""The screening API: the role matrix, single and batch screening, idempotency per bank, bad input as 4xx
with a Chinese detail (never 500), the stored decision with its executions, pending, confirm and clear."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key
from fanzha.intel.repository import IntelStore

BANK = "中国工商银行"
MULE = "6226090000000048"
SCAM = {
    "id": "t-1", "time": "2026-11-06T12:05:00+08:00", "amount": 50000.0, "currency": "CNY", "channel": "counter",
    "payer": {"account": "6222021234567890128", "name": "王秀英", "age": 72, "district": "北京市西城区"},
    "payee": {"account": MULE, "bank": "民生银行", "name": "李强", "district": "湖北省武汉市"},
    "purpose": "转到安全账户", "payer_on_call": True,
}  # fmt: skip


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


def engine_of(client: TestClient) -> Engine:
    return client.app.state.services.store.engine  # type: ignore[attr-defined, no-any-return]


def key(client: TestClient, role: str = "bank", label: str = BANK) -> dict[str, str]:
    return {"X-API-Key": create_key(engine_of(client), role=role, label=label)}


CALLS: list[tuple[str, str, dict[str, Any]]] = [
    ("post", "/v1/screen", {"json": SCAM}),
    ("get", "/v1/screen/pending", {}),
    ("get", "/v1/screen/t-1", {}),
    ("post", "/v1/screen/t-1/confirm", {}),
    ("post", "/v1/screen/t-1/clear", {}),
]


@pytest.mark.parametrize(("method", "path", "kwargs"), CALLS)
@pytest.mark.parametrize(("role", "status"), [(None, 401), ("public", 403), ("officer", 403)])
def test_only_banks_may_screen(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any], role: str | None, status: int
) -> None:
    headers = key(client, role, "x") if role else {}
    response = getattr(client, method)(path, headers=headers, **kwargs)
    assert response.status_code == status and response.json()["detail"]


def test_a_single_transfer_gets_a_decision_with_reasons(client: TestClient) -> None:
    response = client.post("/v1/screen", json=SCAM, headers=key(client))
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "t-1" and body["outcome"] == "block"
    assert body["reasons"][0]["rule"] == "safe_account_purpose" and body["reasons"][0]["clause"]
    assert {a["code"] for a in body["actions"]} >= {"stop_transfer", "report_police"}


def test_the_same_id_twice_returns_the_first_decision(client: TestClient) -> None:
    headers = key(client)
    first = client.post("/v1/screen", json=SCAM, headers=headers).json()
    second = client.post(
        "/v1/screen", json={**SCAM, "amount": 1, "purpose": "生活费"}, headers=headers
    ).json()
    assert second == first


def test_a_batch_is_answered_in_order_with_per_item_errors(client: TestClient) -> None:
    batch = {"transfers": [SCAM, {"id": "bad", "time": "昨天"}, {"id": "ok", "amount": 20}]}
    response = client.post("/v1/screen", json=batch, headers=key(client))
    decisions = response.json()["decisions"]
    assert [d["id"] for d in decisions] == ["t-1", "bad", "ok"]
    assert "time" in decisions[1]["error"] and decisions[2]["outcome"] == "allow"


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"{not json", "JSON"),
        (b"[1, 2]", "一笔交易"),
        (b'{"transfers": []}', "非空"),
        (b'{"id": "x", "amount": -5}', "amount"),
        (b'{"amount": 5}', "id"),
    ],
)
def test_bad_input_is_422_with_a_chinese_detail(client: TestClient, body: bytes, detail: str) -> None:
    response = client.post(
        "/v1/screen", content=body, headers={**key(client), "Content-Type": "application/json"}
    )
    assert response.status_code == 422 and detail in response.json()["detail"]


def test_a_batch_over_the_limit_is_refused(client: TestClient) -> None:
    response = client.post(
        "/v1/screen", json={"transfers": [{"id": str(i)} for i in range(1001)]}, headers=key(client)
    )
    assert response.status_code == 422 and "1000" in response.json()["detail"]


def test_the_stored_decision_shows_executions_and_masks_personal_data(client: TestClient) -> None:
    headers = key(client)
    client.post("/v1/screen", json=SCAM, headers=headers)
    stored = client.get("/v1/screen/t-1", headers=headers).json()
    assert stored["outcome"] == "block" and stored["review"]["status"] == "pending"
    assert {e["result"] for e in stored["executions"]} <= {"hit", "no_hit", "unknown"}
    assert stored["transfer"]["payer"]["name"] == "王**" and "****" in stored["transfer"]["payee"]["account"]
    assert client.get("/v1/screen/t-9", headers=headers).status_code == 404
    other = key(client, "bank", "招商银行")
    assert client.get("/v1/screen/t-1", headers=other).status_code == 404  # another bank's transfer


def test_confirm_reports_the_payee_and_a_second_review_is_409(client: TestClient) -> None:
    headers = key(client)
    client.post("/v1/screen", json=SCAM, headers=headers)
    assert [d["id"] for d in client.get("/v1/screen/pending", headers=headers).json()] == ["t-1"]
    response = client.post("/v1/screen/t-1/confirm", json={"note": "客户确认被骗"}, headers=headers)
    assert response.status_code == 200
    assert response.json()["intel"]["reported"] is True
    assert response.json()["decision"]["review"]["status"] == "confirmed"
    found = IntelStore(engine_of(client)).lookup(kind="bank_card", value=MULE)
    assert found.report_count == 1
    assert client.post("/v1/screen/t-1/clear", headers=headers).status_code == 409
    assert client.get("/v1/screen/pending", headers=headers).json() == []


def test_an_admin_acts_for_the_bank_it_names(client: TestClient) -> None:
    client.post("/v1/screen", json=SCAM, headers=key(client))
    admin = key(client, "admin", "总行管理员")
    assert client.get("/v1/screen/t-1", headers=admin).status_code == 404
    response = client.post("/v1/screen/t-1/clear", params={"bank": BANK}, headers=admin)
    assert response.status_code == 200 and response.json()["intel"] == {"reported": False}


BAD_TIMES = ["0001-01-01T00:00:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"]


def concurrent_posts(app: Any, headers: dict[str, str], bodies: list[dict[str, Any]]) -> list[httpx.Response]:
    """`bodies` posted to /v1/screen all at once, through the ASGI app (they meet in the group commit)."""

    async def run() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://fanzha.test") as http:
            await http.get("/v1/screen/pending", headers=headers)  # the key is known before the burst
            return await asyncio.gather(*(http.post("/v1/screen", json=b, headers=headers) for b in bodies))

    try:
        return asyncio.run(run())
    finally:
        app.state.screening.close()


def test_transfers_dated_at_the_ends_of_the_calendar_fail_alone_among_concurrent_requests(
    client: TestClient,
) -> None:
    def good(i: int, j: int = 0) -> dict[str, Any]:
        return {"id": f"g{i}-{j}", "time": "2026-11-06T12:05:00+08:00", "amount": 100 + i,
                "payer": {"account": f"62220212345{i:05d}"}, "payee": {"account": MULE}}  # fmt: skip

    def bad(i: int) -> dict[str, Any]:
        return {"id": f"b{i}", "time": BAD_TIMES[i % 3], "amount": 100}

    bodies = [bad(i) if i % 10 == 0 else good(i) for i in range(200)]  # 20 bad single transfers
    bodies += [{"transfers": [good(i, 1), good(i, 2), bad(i)]} for i in range(200, 210)]
    responses = concurrent_posts(client.app, key(client), bodies)
    for i, response in enumerate(responses[:200]):
        if i % 10 == 0:
            assert response.status_code == 422 and "time 超出可接受的范围" in response.json()["detail"]
        else:
            assert response.status_code == 200 and response.json()["id"] == f"g{i}-0", response.text
            assert response.json()["outcome"] in ("allow", "warn", "hold", "block")
    for i, response in enumerate(responses[200:], 200):
        assert response.status_code == 200, response.text
        first, second, wrong = response.json()["decisions"]
        assert (first["id"], second["id"]) == (f"g{i}-1", f"g{i}-2")
        assert "outcome" in first and "outcome" in second
        assert wrong["id"] == f"b{i}" and "超出可接受的范围" in wrong["error"]
