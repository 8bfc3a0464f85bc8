"""The medical-insurance office through the API: the role matrix, uploading a claims file (audited by the
engine and stored), the institutions with findings and reports together, the report in three formats,
the reports queue, and the public report form with its reference."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from fanzha.api.app import create_app
from fanzha.audit.log import verify
from fanzha.demo.claims import demo_claims
from fanzha.intel.keys import create_key

JSONL = b"\n".join(orjson.dumps(c) for c in demo_claims(count=18)) + b"\nnot json\n"
OFFICE_CALLS = [
    ("get", "/v1/claims/runs", {}),
    ("get", "/v1/claims/runs/1", {}),
    ("get", "/v1/claims/rules", {}),
    ("get", "/v1/claims/institutions", {}),
    ("get", "/v1/claims/institutions/demo-h1", {}),
    ("get", "/v1/claims/institutions/demo-h1/report", {}),
    ("get", "/v1/claims/reports", {}),
    ("get", "/v1/claims/reports/1", {}),
    ("patch", "/v1/claims/reports/1", {"json": {"status": "checking"}}),
    ("post", "/v1/claims/runs", {"files": {"file": ("a.jsonl", JSONL)}}),
]
TIP = {
    "what": "住院3天收了4天床位费，医生让我打13912345678退钱",
    "place": "城关镇中心卫生院",
    "happened_on": "2026-02-10",
    "contact": "13800138000",
}


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


def key(client: TestClient, role: str, label: str) -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role=role, label=label)}


@pytest.fixture
def office(client: TestClient) -> dict[str, str]:
    return key(client, "medical", "城关区医保局")


@pytest.mark.parametrize(("method", "path", "kwargs"), OFFICE_CALLS)
def test_the_office_side_refuses_everyone_but_medical_and_admin_keys(
    client: TestClient, method: str, path: str, kwargs: dict[str, Any]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    for role in ("public", "officer", "bank", "community"):
        assert getattr(client, method)(path, headers=key(client, role, role), **kwargs).status_code == 403
    admin = getattr(client, method)(path, headers=key(client, "admin", "管理员"), **kwargs)
    assert admin.status_code not in (401, 403)


def test_an_uploaded_file_is_audited_stored_and_reported(client: TestClient, office: dict[str, str]) -> None:
    files = {"file": ("2026-01.jsonl", JSONL)}
    run = client.post("/v1/claims/runs", files=files, headers=office)
    assert run.status_code == 201, run.text
    body = run.json()
    assert (body["claims"], body["bad_lines"], body["uploaded_by"]) == (21, 1, "城关区医保局")
    assert body["findings"] >= 7 and "共审核 21 份结算单，其中 1 行无法读取" in body["summary"]
    assert client.get(f"/v1/claims/runs/{body['id']}", headers=office).json() == body
    listed = client.get("/v1/claims/institutions", headers=office).json()
    assert listed[0]["id"] == "demo-h1" and len(listed[0]["by_rule"]) >= 6
    one = client.get("/v1/claims/institutions/demo-h1", headers=office).json()
    assert one["claims_to_correct"][0]["findings"][0]["explanation"]
    assert one["claims_to_correct"][0]["patient_id"].startswith("demo-p")  # the office sees it whole
    html = client.get("/v1/claims/institutions/demo-h1/report", headers=office)
    assert html.headers["content-type"].startswith("text/html") and "自查自纠报告" in html.text
    xlsx = client.get("/v1/claims/institutions/demo-h1/report?format=xlsx", headers=office)
    assert load_workbook(io.BytesIO(xlsx.content)).sheetnames == ["汇总", "问题分类", "按月趋势", "整改清单"]
    assert 'filename="zicha-demo-h1.xlsx"' in xlsx.headers["content-disposition"]
    pdf = client.get("/v1/claims/institutions/demo-h1/report?format=pdf", headers=office)
    assert pdf.content.startswith(b"%PDF")


def test_an_upload_with_its_own_catalogue_uses_it(client: TestClient, office: dict[str, str]) -> None:
    catalogue = b"items:\n  - {code: '110200003', name: x, category: service, price: 5, per_day: 9}\n"
    one = b'{"claim_id":"c","institution":{"id":"h"},"patient_id":"p","admitted":"2026-01-01","discharged":"2026-01-02","items":[{"ref":"1","code":"110200003","name":"x","category":"service","date":"2026-01-01","qty":1,"unit_price":20,"standard_price":20}]}'
    files = {"file": ("a.jsonl", one), "catalogue": ("mine.yaml", catalogue)}
    body = client.post("/v1/claims/runs", files=files, headers=office).json()
    assert body["findings"] == 1  # 20 above the office's price of 5


@pytest.mark.parametrize(
    ("files", "status", "message"),
    [
        ({"file": ("a.jsonl", b"  \n")}, 422, "结算单文件为空"),
        ({"file": ("a.jsonl", JSONL), "catalogue": ("c.yaml", b"[:")}, 422, "YAML"),
        ({"file": ("a.jsonl", JSONL), "stock": ("s.csv", b"a,b\n1,2\n")}, 422, "库存 CSV"),
        ({"file": ("a.jsonl", JSONL), "catalogue": ("c.yaml", b"\xff\xfe")}, 422, "UTF-8"),
        ({}, 422, ""),
    ],
)
def test_bad_uploads_are_refused_in_chinese(
    client: TestClient, office: dict[str, str], files: dict[str, Any], status: int, message: str
) -> None:
    answer = client.post("/v1/claims/runs", files=files or {"x": ("x", b"1")}, headers=office)
    assert answer.status_code == status
    assert message in str(answer.json()["detail"])


def test_a_public_report_lands_in_the_queue_and_its_reply_is_read_back(
    client: TestClient, office: dict[str, str]
) -> None:
    client.post("/v1/claims/runs", files={"file": ("a.jsonl", JSONL)}, headers=office)
    filed = client.post("/v1/public/claims-reports", json=TIP)
    assert filed.status_code == 201
    shown = filed.json()
    assert shown["contact"] == "138****8000" and shown["status_name"] == "待处理" and "id" not in shown
    assert "139****5678" in shown["what"] and "13912345678" not in shown["what"]
    queue = client.get("/v1/claims/reports?status=pending", headers=office).json()
    assert queue["total"] == 1 and queue["reports"][0]["institution_id"] == "demo-h1"
    assert queue["reports"][0]["contact"] == "138****8000"
    assert "13912345678" in queue["reports"][0]["what"]  # the office reads it as reported
    report_id = queue["reports"][0]["id"]
    assert client.get(f"/v1/claims/reports/{report_id}", headers=office).json()["contact"] == "13800138000"
    closed = client.patch(f"/v1/claims/reports/{report_id}", json={"status": "closed", "reply": "经核查属实，已追回"},
                          headers=office)  # fmt: skip
    assert closed.json()["handled_by"] == "城关区医保局"
    back = client.get(f"/v1/public/claims-reports/{shown['reference']}").json()
    assert (back["status_name"], back["reply"], back["contact"]) == (
        "已办结",
        "经核查属实，已追回",
        "138****8000",
    )
    inst = client.get("/v1/claims/institutions", headers=office).json()[0]
    assert (inst["tips"], inst["open_tips"]) == (1, 0)
    assert verify(client.app.state.services.store.engine).ok  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (TIP | {"what": ""}, "what"),
        (TIP | {"what": "   "}, "请填写举报内容"),
        (TIP | {"happened_on": "2099-01-01"}, "发生日期"),
        (TIP | {"happened_on": "昨天"}, "happened_on"),
        (TIP | {"contact": "1" * 101}, "contact"),
    ],
)
def test_bad_public_reports_get_a_chinese_422(client: TestClient, body: dict[str, Any], message: str) -> None:
    answer = client.post("/v1/public/claims-reports", json=body)
    assert answer.status_code == 422
    assert message in str(answer.json()["detail"])


def test_unknown_records_are_404_in_chinese(client: TestClient, office: dict[str, str]) -> None:
    for path in ("/v1/claims/runs/9", "/v1/claims/institutions/nope", "/v1/claims/institutions/nope/report",
                 "/v1/claims/reports/9"):  # fmt: skip
        answer = client.get(path, headers=office)
        assert answer.status_code == 404 and any("\u4e00" <= c <= "\u9fff" for c in answer.json()["detail"])
    assert client.get("/v1/public/claims-reports/YB-NOPE").status_code == 404
