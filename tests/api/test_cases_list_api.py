"""GET /v1/cases: the list's filters, a range of received days (Beijing), sorting, and the Chinese 422s
for what it cannot use; its export takes the same — on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from fanzha.api.app import create_app
from fanzha.cases.model import CaseIn, Payment
from fanzha.intel.keys import create_key

T0 = datetime(2026, 11, 5, 16, 0, tzinfo=UTC)  # 6 November, 00:00 in Beijing
# ref, hours after T0, hours of the fraud before T0 (None: unknown), loss, fraud type, district
CASES = [
    ("A", 0, 1, 100.0, "loan", "西城区"),
    ("B", 0, None, 300.0, "romance", "东城区"),
    ("C", 1, 3, 100.0, "loan", "西城区"),
    ("D", -0.5, 2, 50.0, "investment", "西城区"),  # 5 November, 23:30 in Beijing
]


@pytest.fixture
def client(engine: Engine) -> TestClient:
    app = create_app(url=engine.url.render_as_string(hide_password=False))
    for ref, after, before, loss, fraud_type, district in CASES:
        app.state.services.cases.create(
            CaseIn(received_at=T0 + timedelta(hours=after), ref=ref, fraud_type=fraud_type, district=district,
                   occurred_at=None if before is None else T0 - timedelta(hours=before),
                   payments=[Payment(amount=loss)], narrative=f"案情{ref}"),
            actor="民警甲",
        )  # fmt: skip
    client = TestClient(app)
    client.headers["X-API-Key"] = create_key(app.state.services.store.engine, role="officer", label="民警甲")
    return client


def _refs(client: TestClient, **params: str) -> str:
    got = client.get("/v1/cases", params=params)
    assert got.status_code == 200, got.text
    body = got.json()
    assert body["total"] == len(body["cases"])
    return "".join(c["ref"] for c in body["cases"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, "CBAD"),  # newest first; A and B together: by case id, newest first
        ({"sort": "-received"}, "CBAD"),
        ({"sort": "received"}, "DABC"),
        ({"sort": "occurred"}, "CDAB"),  # B has no time of the fraud: last
        ({"sort": "-occurred"}, "ADCB"),
        ({"sort": "loss"}, "DACB"),  # A and C lost the same: by case id
        ({"sort": "-loss"}, "BCAD"),
        ({"sort": "fraud_type"}, "DACB"),
        ({"sort": "-fraud_type"}, "BCAD"),
        ({"since": "2026-11-06", "until": "2026-11-06"}, "CBA"),
        ({"until": "2026-11-05"}, "D"),
        ({"district": " 东城区 "}, "B"),  # trimmed
        ({"fraud_type": "loan", "sort": "received"}, "AC"),
        ({"q": "案情C"}, "C"),
    ],
)
def test_filters_days_and_sorts(client: TestClient, params: dict[str, str], expected: str) -> None:
    assert _refs(client, **params) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("sort=password", "不支持的排序“password”"),
        ("sort=-", "不支持的排序"),
        ("since=2026-11-07&until=2026-11-01", "起始日期晚于截止日期"),
        ("since=1900-01-01", "起始日期超出可接受的范围"),
        ("since=昨天", ""),
    ],
)
def test_what_the_list_cannot_use_is_a_422(client: TestClient, query: str, message: str) -> None:
    for path in ("/v1/cases", "/v1/cases/export"):
        got = client.get(f"{path}?{query}")
        assert got.status_code == 422 and message in str(got.json()["detail"]), (path, got.text)


def test_the_export_takes_the_lists_sort(client: TestClient) -> None:
    got = client.get("/v1/cases/export", params={"sort": "-loss", "since": "2026-11-06"})
    rows = list(csv.DictReader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert [r["案件编号"] for r in rows] == ["B", "C", "A"]


def test_the_parameters_are_documented_in_chinese(client: TestClient) -> None:
    parameters = client.get("/openapi.json").json()["paths"]["/v1/cases"]["get"]["parameters"]
    described = {p["name"]: p.get("description", "") for p in parameters}
    assert (
        "北京时间" in described["since"] and "降序" in described["sort"] and "发案时间" in described["sort"]
    )
