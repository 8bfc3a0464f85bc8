"""The role matrix, appeals and the anonymous rate limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

OFFICER_CALLS = [
    (
        "post",
        "/v1/decisions",
        {"json": {"kind": "phone", "value": "17012345678", "decision": "confirmed", "reason": "案件"}},
    ),
    ("get", "/v1/appeals", {}),
    ("post", "/v1/appeals/1/review", {"json": {"upheld": True, "note": "核实"}}),
]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


def key(client: TestClient, role: str) -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"Authorization": f"Bearer {create_key(engine, role=role, label=f'{role}-1')}"}


@pytest.mark.parametrize(("method", "path", "kwargs"), OFFICER_CALLS)
def test_officer_endpoints_refuse_anonymous_public_and_bank_callers(
    client: TestClient, method: str, path: str, kwargs: dict[str, object]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    assert getattr(client, method)(path, headers=key(client, "public"), **kwargs).status_code == 403
    assert getattr(client, method)(path, headers=key(client, "bank"), **kwargs).status_code == 403
    assert getattr(client, method)(path, headers={"X-API-Key": "fz_forged"}, **kwargs).status_code == 401


def test_appeal_reviewed_by_an_officer_clears_the_identifier(client: TestClient) -> None:
    officer = key(client, "officer")
    client.post("/v1/decisions", headers=officer, json=OFFICER_CALLS[0][2]["json"])  # type: ignore[index]
    assert (
        client.get("/v1/lookup", params={"kind": "phone", "value": "17012345678"}).json()["level"]
        == "confirmed"
    )
    appeal = client.post(
        "/v1/appeals", json={"kind": "phone", "value": "17012345678", "reason": "号码是我新办的"}
    )
    assert appeal.status_code == 201
    assert [a["id"] for a in client.get("/v1/appeals", headers=officer).json()] == [appeal.json()["id"]]
    review = client.post(
        f"/v1/appeals/{appeal.json()['id']}/review", headers=officer, json={"upheld": True, "note": "已核实"}
    )
    assert review.json()["status"] == "upheld"
    assert (
        client.get("/v1/lookup", params={"kind": "phone", "value": "17012345678"}).json()["level"]
        == "cleared"
    )
    again = client.post(
        f"/v1/appeals/{appeal.json()['id']}/review", headers=officer, json={"upheld": False, "note": "x"}
    )
    assert again.status_code == 422


def test_a_police_report_by_an_officer_key_confirms(client: TestClient) -> None:
    client.post("/v1/reports", headers=key(client, "officer"), json={"kind": "qq", "value": "123456789"})
    assert (
        client.get("/v1/lookup", params={"kind": "qq", "value": "123456789"}).json()["level"] == "confirmed"
    )


def test_anonymous_callers_are_rate_limited_with_retry_after(tmp_path: Path) -> None:
    client = TestClient(create_app(url=f"sqlite:///{tmp_path / 'x.sqlite3'}", anonymous_per_minute=3))
    codes = [
        client.get("/v1/lookup", params={"kind": "qq", "value": "123456789"}).status_code for _ in range(5)
    ]
    assert codes[:3] == [200, 200, 200] and codes[3] == 429
    limited = client.get("/v1/lookup", params={"kind": "qq", "value": "123456789"})
    assert int(limited.headers["Retry-After"]) >= 1
    officer = key(client, "officer")
    assert (
        client.get("/v1/lookup", params={"kind": "qq", "value": "123456789"}, headers=officer).status_code
        == 200
    )


def _redis_url() -> str | None:
    try:
        import redis

        redis.Redis(host="127.0.0.1", port=6379, socket_timeout=0.5).ping()
    except Exception:
        return None
    return "redis://127.0.0.1:6379/15"


def test_workers_share_the_rate_limit_through_redis(tmp_path: Path) -> None:
    url = _redis_url()
    if url is None:
        pytest.skip("no Redis on 127.0.0.1:6379")
    import redis

    redis.Redis.from_url(url).delete("fanzha:rate:testclient")
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    workers = [TestClient(create_app(url=db, anonymous_per_minute=4, redis_url=url)) for _ in range(2)]
    codes = [
        workers[i % 2].get("/v1/lookup", params={"kind": "qq", "value": "123456789"}).status_code
        for i in range(6)
    ]
    redis.Redis.from_url(url).delete("fanzha:rate:testclient")
    assert codes[:4] == [200] * 4 and codes[4:] == [429, 429]


def test_the_rate_limit_fails_open_when_redis_is_down(tmp_path: Path) -> None:
    app = create_app(url=f"sqlite:///{tmp_path / 'x.sqlite3'}", anonymous_per_minute=1,
                     redis_url="redis://127.0.0.1:1/0")  # fmt: skip
    client = TestClient(app)
    codes = [client.get("/healthz").status_code] + [
        client.get("/v1/lookup", params={"kind": "qq", "value": "123456789"}).status_code for _ in range(3)
    ]
    assert codes == [200] * 4


def test_a_known_key_is_remembered_and_an_unknown_one_is_not(client: TestClient) -> None:
    from sqlalchemy import delete

    from fanzha.store.tables import ApiKeyRow

    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    officer = key(client, "officer")
    assert client.get("/v1/appeals", headers=officer).status_code == 200
    with engine.begin() as conn:  # the key's row goes; this worker remembers it for KNOWN_KEY_TTL
        conn.execute(delete(ApiKeyRow))
    assert client.get("/v1/appeals", headers=officer).status_code == 200
    unknown = {"X-API-Key": "fz_officer_not-a-key"}
    assert client.get("/v1/appeals", headers=unknown).status_code == 401
    assert client.get("/v1/appeals", headers=unknown).status_code == 401


def test_each_key_holder_counts_once_and_two_of_them_make_a_number_suspicious(client: TestClient) -> None:
    number = {"kind": "phone", "value": "17012345678"}
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    first = {"X-API-Key": create_key(engine, role="public", label="举报APP-甲")}
    second = {"X-API-Key": create_key(engine, role="public", label="举报APP-乙")}
    for _ in range(3):
        assert client.post("/v1/reports", headers=first, json=number).status_code == 201
    assert client.get("/v1/lookup", params=number, headers=first).json()["level"] == "unknown"
    assert client.post("/v1/reports", headers=second, json=number).status_code == 201
    assert client.get("/v1/lookup", params=number, headers=first).json()["level"] == "suspicious"
