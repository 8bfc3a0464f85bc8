from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}


def test_assess_returns_the_verdict_and_identifier_levels(client: TestClient) -> None:
    client.post("/v1/reports", json={"kind": "phone", "value": "17012345678"})
    body = client.post("/v1/assess", json={"text": "您涉嫌洗钱，请转入安全账户，联系17012345678"}).json()
    assert body["is_fraud"] and body["fraud_type"] == "impersonate_authority"
    assert body["identifiers"][0]["level"] == "unknown"  # one anonymous report is not enough
    assert body["category"] == "scam" and body["category_name"] == "诈骗"


def test_assess_tells_an_advert_from_a_scam(client: TestClient) -> None:
    body = client.post(
        "/v1/assess", json={"text": "【优品家居】年终大促全场满300减80，会员再享9折，回T退订"}
    ).json()
    assert not body["is_fraud"] and body["category"] == "advert" and body["category_name"] == "营销广告"


def test_reports_are_idempotent_by_key_and_seen_by_lookup(client: TestClient) -> None:
    first = client.post(
        "/v1/reports", json={"kind": "qq", "value": "123456789"}, headers={"Idempotency-Key": "a"}
    )
    again = client.post(
        "/v1/reports", json={"kind": "qq", "value": "123456789"}, headers={"Idempotency-Key": "a"}
    )
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert client.get("/v1/lookup", params={"kind": "qq", "value": "123456789"}).json()["report_count"] == 1


@pytest.mark.parametrize(
    ("method", "path", "kwargs"),
    [
        ("post", "/v1/assess", {"json": {"text": ""}}),
        ("post", "/v1/assess", {"json": {"txt": "hi"}}),
        ("post", "/v1/assess", {"content": b"{not json", "headers": {"content-type": "application/json"}}),
        ("post", "/v1/reports", {"json": {"kind": "fax", "value": "1"}}),
        ("get", "/v1/lookup", {"params": {"kind": "phone", "value": "hello"}}),
    ],
)
def test_bad_input_is_a_422_with_a_message(
    client: TestClient, method: str, path: str, kwargs: dict[str, object]
) -> None:
    response = getattr(client, method)(path, **kwargs)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_oversized_bodies_are_refused(client: TestClient) -> None:
    response = client.post(
        "/v1/assess", content=b"x" * 1_000_001, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_assess_of_an_official_number_says_whose_it_is(client: TestClient) -> None:
    body = client.post("/v1/assess", json={"text": "95588"}).json()
    assert not body["is_fraud"] and body["category"] == "normal"  # not 违法广告
    assert body["headline"] == "这是中国工商银行的官方客服号码"
    ident = body["identifiers"][0]
    assert ident["level"] == ident["status"] == "official" and ident["owner"] == "中国工商银行"


def test_assess_of_a_spoofed_number_is_an_impersonation(client: TestClient) -> None:
    body = client.post("/v1/assess", json={"text": "0095588"}).json()
    assert body["is_fraud"] and body["fraud_type"] == "impersonate_service"
    ident = body["identifiers"][0]
    assert ident["status"] == "imitation" and ident["flagged"] and ident["imitates"] == "中国工商银行"


def test_reporting_an_official_number_is_kept_and_answered_as_the_real_one(client: TestClient) -> None:
    response = client.post("/v1/reports", json={"kind": "phone", "value": "95588"})
    assert response.status_code == 201
    body = response.json()
    assert body["notice"].startswith("这是中国工商银行的官方客服号码，是真号码")
    assert body["known"]["status"] == "official" and body["known"]["report_count"] == 1
    ordinary = client.post("/v1/reports", json={"kind": "phone", "value": "13800138000"}).json()
    assert ordinary["notice"] is None and ordinary["known"]["status"] == "unknown"


def test_a_reports_fraud_type_is_checked_against_the_taxonomy(client: TestClient) -> None:
    response = client.post("/v1/reports", json={"kind": "phone", "value": "13800138000", "fraud_type": "xx"})
    assert response.status_code == 422 and "不支持的诈骗类型：xx" in response.json()["detail"]
    assert (
        client.get("/v1/lookup", params={"kind": "phone", "value": "13800138000"}).json()["report_count"] == 0
    )


def test_lookup_gives_the_lookalike_verdict(client: TestClient) -> None:
    body = client.get("/v1/lookup", params={"kind": "domain", "value": "icbc-vip.cc"}).json()
    assert body["level"] == "unknown" and body["known"]["status"] == "imitation"
    assert body["facts"]["imitates"] == "icbc.com.cn" and "仿冒网站" in body["facts"]["lookalike"]
