"""The bulletin over the API: a draft until an officer reviews and issues it; then the issued version."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.cases.model import CaseIn, Payment, Person
from fanzha.demo import insert_cases
from fanzha.intel.keys import create_key

NARRATIVE = "事主张伟（男，35岁，住北京市朝阳区幸福路12号3单元401）接到冒充公安局民警的电话，被骗5万元。"


def case(at: str, fraud_type: str, *, loss: float = 0.0, dissuaded: bool = False) -> CaseIn:
    """A case received at `at` (Beijing time)."""
    received = datetime.strptime(at, "%Y-%m-%d %H:%M").replace(tzinfo=timezone(timedelta(hours=8)))
    return CaseIn(
        received_at=received.astimezone(UTC), ref=f"T-{at}", district="东湖区", fraud_type=fraud_type,
        dissuaded=dissuaded, victim=Person(name="测试人", age=40, sex="男"),
        payments=[] if dissuaded else [Payment(loss, received - timedelta(hours=1), "bank_transfer")],
        narrative="测试案件", loss=0.0 if dissuaded else None,
    )  # fmt: skip


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("FANZHA_AUDIT_ANCHOR", str(tmp_path / "anchor.json"))
    app = create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}")
    cases: list[CaseIn] = [
        case("2026-11-17 10:00", "impersonate_authority", loss=50_000),
        case("2026-11-18 10:00", "rebate_task", dissuaded=True),
    ]
    cases[0].narrative = NARRATIVE
    insert_cases(app.state.services.store.engine, cases)
    return TestClient(app)


def officer(client: TestClient, label: str = "民警王五") -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"Authorization": f"Bearer {create_key(engine, role='officer', label=label)}"}


def test_draft_review_issue_and_the_issued_version(client: TestClient) -> None:
    headers = officer(client)
    draft = client.get("/v1/reports/bulletin", params={"period": "2026-W47"}, headers=headers)
    assert draft.status_code == 200 and "草稿" in draft.text and "张伟" not in draft.text
    review = client.get("/v1/reports/bulletin/review", params={"period": "2026-W47"}, headers=headers).json()
    assert review["status"] == "draft" and len(review["cases"]) == 2
    first = review["cases"][0]
    assert first["narrative"] == NARRATIVE and "张伟" not in first["text"]
    assert {"kind": "姓名", "text": "张伟", "as": "张*"} in first["masked"]
    issued = client.post(
        "/v1/reports/bulletin/issue",
        json={"period": "2026-W47", "cases": [first["case_id"]]},
        headers=headers,
    )
    assert issued.status_code == 201, issued.text
    body = issued.json()
    assert (
        body["issued_by"] == "民警王五"
        and body["cases"] == [first["case_id"]]
        and len(body["audit_hash"]) == 64
    )
    html = client.get("/v1/reports/bulletin", params={"period": "2026-W47"}, headers=headers)
    assert "草稿" not in html.text and body["audit_hash"] in html.text and "民警王五" in html.text
    pdf = client.get("/v1/reports/bulletin", params={"period": "2026-W47", "format": "pdf"}, headers=headers)
    assert pdf.content.startswith(b"%PDF")
    again = client.post("/v1/reports/bulletin/issue", json={"period": "2026-W47"}, headers=headers)
    assert again.status_code == 409 and "不能重复发布" in again.json()["detail"]
    after = client.get("/v1/reports/bulletin/review", params={"period": "2026-W47"}, headers=headers).json()
    assert after["status"] == "issued" and after["issued"]["sha256"] == body["sha256"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"period": "2026-W47", "cases": [999999]}, "不在"),
        ({"period": "2026-W47", "texts": {"999999": "x"}}, "不在"),
        ({"period": "2026-W99"}, "没有第99周"),
    ],
)
def test_bad_issues_are_422_in_chinese(client: TestClient, body: dict[str, object], message: str) -> None:
    response = client.post("/v1/reports/bulletin/issue", json=body, headers=officer(client))
    assert response.status_code == 422 and message in response.json()["detail"]


def test_only_officers_review_and_issue(client: TestClient) -> None:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    bank = {"Authorization": f"Bearer {create_key(engine, role='bank', label='银行')}"}
    assert client.get("/v1/reports/bulletin/review").status_code == 401
    assert client.post("/v1/reports/bulletin/issue", json={}, headers=bank).status_code == 403
