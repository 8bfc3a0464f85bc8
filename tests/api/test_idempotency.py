"""Idempotency keys belong to the caller that sent them; the same key with another body is a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.intel.idempotency import IdempotencyConflict, request_hash
from fanzha.intel.keys import create_key
from fanzha.intel.repository import IntelStore
from fanzha.store.tables import ReportRow


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


def _key(client: TestClient, role: str, label: str) -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role=role, label=label)}


def _post(client: TestClient, value: str, key: str, headers: dict[str, str] | None = None) -> tuple[int, int]:
    response = client.post(
        "/v1/reports",
        json={"kind": "phone", "value": value},
        headers={"Idempotency-Key": key, **(headers or {})},
    )
    return response.status_code, response.json().get("id", -1)


def _reports_of(client: TestClient, value: str) -> int:
    return int(client.get("/v1/lookup", params={"kind": "phone", "value": value}).json()["report_count"])


def test_a_key_used_by_a_bank_does_not_swallow_an_anonymous_report(client: TestClient) -> None:
    bank = _key(client, "bank", "工商银行")
    status, bank_id = _post(client, "17012345678", "order-42", bank)
    assert status == 201
    status, anonymous_id = _post(client, "17187654321", "order-42")
    assert status == 201 and anonymous_id != bank_id
    assert _reports_of(client, "17187654321") == 1


def test_an_anonymous_caller_cannot_pre_claim_a_police_report(client: TestClient) -> None:
    _post(client, "17012345678", "case-7")
    status, _ = _post(client, "17187654321", "case-7", _key(client, "officer", "反诈中心"))
    assert status == 201
    assert _reports_of(client, "17187654321") == 1
    assert (
        client.get("/v1/lookup", params={"kind": "phone", "value": "17187654321"}).json()["level"]
        == "confirmed"
    )


def test_two_keyed_callers_with_the_same_key_each_get_their_own_report(client: TestClient) -> None:
    one, other = _key(client, "public", "举报APP-甲"), _key(client, "public", "举报APP-乙")
    assert _post(client, "17012345678", "k", one)[1] != _post(client, "17012345678", "k", other)[1]
    assert _reports_of(client, "17012345678") == 2


def test_a_retry_with_the_same_key_and_body_answers_the_first_id(client: TestClient) -> None:
    bank = _key(client, "bank", "工商银行")
    assert _post(client, "17012345678", "retry-1", bank) == _post(client, "17012345678", "retry-1", bank)
    assert _reports_of(client, "17012345678") == 1


def test_the_same_key_with_another_body_is_a_conflict(client: TestClient) -> None:
    bank = _key(client, "bank", "工商银行")
    _post(client, "17012345678", "order-43", bank)
    response = client.post(
        "/v1/reports",
        json={"kind": "phone", "value": "17187654321"},
        headers={"Idempotency-Key": "order-43", **bank},
    )
    assert response.status_code == 409 and "幂等键" in response.json()["detail"]
    assert _reports_of(client, "17187654321") == 0


def test_keys_stored_before_scoping_still_answer_their_report(tmp_path: Path) -> None:
    from fanzha.store import make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp_path / 's.sqlite3'}")
    upgrade(engine)
    store = IntelStore(engine)
    first = store.add_report(kind="phone", value="17012345678", idempotency_key="legacy")
    again = store.add_report(
        kind="phone", value="17187654321", idempotency_key="legacy", request=request_hash({"x": 1})
    )
    assert again == first  # no request hash stored with it: answered as before
    hashed = store.add_report(
        kind="qq", value="12345678", idempotency_key="new", request=request_hash({"x": 1})
    )
    assert (
        store.add_report(kind="qq", value="12345678", idempotency_key="new", request=request_hash({"x": 1}))
        == hashed
    )
    with pytest.raises(IdempotencyConflict):
        store.add_report(kind="qq", value="87654321", idempotency_key="new", request=request_hash({"x": 2}))
    with Session(engine) as session:
        assert session.scalars(select(ReportRow.idempotency_key)).all() == ["legacy", "new"]
