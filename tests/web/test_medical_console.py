"""The medical-insurance console and the public 骗保 report form in the browser: the office logs in with a
medical key, uploads a claims file and reads the run, sees institutions with findings and citizens'
reports side by side, opens an institution's 自查自纠报告 and its downloads, and answers a report that a
citizen filed on the public form — who reads the reply by the reference, contact masked throughout."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from fanzha.api.app import create_app
from fanzha.demo.claims import demo_claims, load_claims_demo
from fanzha.intel.keys import create_key

INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style", re.IGNORECASE)
JSONL = b"\n".join(orjson.dumps(c) for c in demo_claims(count=18))
TIP = {
    "what": "住院3天收了4天床位费，医生让我打13912345678退钱",
    "place": "城关镇中心卫生院",
    "happened_on": "2026-02-10",
    "contact": "13800138000",
}


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(url=f"sqlite:///{tmp_path / 'medical.sqlite3'}")


def login(app: FastAPI, web_client: Callable[..., TestClient], role: str, label: str) -> TestClient:
    client = web_client(app)
    key = create_key(app.state.services.store.engine, role=role, label=label)
    answer = client.post("/medical/login", data={"key": key}, follow_redirects=False)
    assert answer.status_code in (303, 401)
    return client


@pytest.fixture
def office(app: FastAPI, web_client: Callable[..., TestClient]) -> TestClient:
    return login(app, web_client, "medical", "城关区医保局")


def test_the_console_needs_a_medical_or_admin_key(
    app: FastAPI, web_client: Callable[..., TestClient]
) -> None:
    anonymous = web_client(app)
    assert (
        anonymous.get("/medical", follow_redirects=False).headers["location"]
        == "/medical/login?next=/medical"
    )
    for role in ("officer", "community", "bank", "public"):
        refused = login(app, web_client, role, role)
        assert refused.get("/medical", follow_redirects=False).status_code in (303, 403)
    assert login(app, web_client, "admin", "管理员").get("/medical").status_code == 200


def test_a_key_of_another_role_is_told_why(app: FastAPI, web_client: Callable[..., TestClient]) -> None:
    client = web_client(app)
    key = create_key(app.state.services.store.engine, role="officer", label="民警")
    answer = client.post("/medical/login", data={"key": key})
    assert answer.status_code == 401 and "该密钥不是医保部门密钥" in answer.text


def test_the_office_uploads_a_file_and_reads_the_run_and_the_report(office: TestClient) -> None:
    home = office.get("/medical")
    assert (
        home.status_code == 200
        and 'enctype="multipart/form-data"' in home.text
        and not INLINE.search(home.text)
    )
    made = office.post("/medical/runs", files={"file": ("2026-01.jsonl", JSONL)}, follow_redirects=False)
    assert made.status_code == 303, made.text
    run = office.get(made.headers["location"])
    assert "共审核 20 份结算单" in run.text and "【演示数据】城关镇中心卫生院" in run.text
    listed = office.get("/medical/institutions")
    assert 'href="/medical/institutions/demo-h1"' in listed.text and "床位费超住院天数" in listed.text
    page = office.get("/medical/institutions/demo-h1")
    assert "自查自纠报告" in page.text and "<svg" in page.text and not INLINE.search(page.text)
    assert "demo-p00001" not in page.text  # the report masks patients
    xlsx = office.get("/medical/institutions/demo-h1/report.xlsx")
    assert "整改清单" in load_workbook(io.BytesIO(xlsx.content)).sheetnames
    assert office.get("/medical/institutions/demo-h1/report.pdf").content.startswith(b"%PDF")
    assert office.get("/medical/institutions/nope").status_code == 404


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"file": ("a.jsonl", b"\n")}, "请选择结算单文件"),
        ({"file": ("a.jsonl", JSONL), "catalogue": ("c.yaml", b"[:")}, "YAML"),
    ],
)
def test_a_bad_upload_is_shown_back_with_the_reason(
    office: TestClient, files: dict[str, object], message: str
) -> None:
    answer = office.post("/medical/runs", files=files)
    assert answer.status_code == 422 and message in answer.text


def test_a_citizen_report_reaches_the_queue_and_the_reply_reaches_the_citizen(
    app: FastAPI, office: TestClient
) -> None:
    office.post("/medical/runs", files={"file": ("a.jsonl", JSONL)})
    citizen = TestClient(app)
    form = citizen.get("/medical-report")
    assert form.status_code == 200 and 'action="/medical-report"' in form.text
    assert 'href="/medical-report"' in citizen.get("/").text  # linked from the public page's footer
    sent = citizen.post("/medical-report", data=TIP)
    assert sent.status_code == 201 and "138****8000" in sent.text and "13800138000" not in sent.text
    assert "139****5678" in sent.text and "13912345678" not in sent.text  # what was reported, masked
    reference = re.search(r'id="reference">([^<]+)<', sent.text).group(1)  # type: ignore[union-attr]
    queue = office.get("/medical/reports?status=pending")
    assert reference in queue.text and "138****8000" in queue.text and "13800138000" not in queue.text
    assert "1 件未办结" in office.get("/medical/institutions").text
    report_id = re.search(r'href="/medical/reports/(\d+)"', queue.text).group(1)  # type: ignore[union-attr]
    assert "13800138000" in office.get(f"/medical/reports/{report_id}").text  # the office sees it
    refused = office.post(f"/medical/reports/{report_id}", data={"status": "closed", "reply": ""})
    assert refused.status_code == 422 and "请填写答复" in refused.text
    done = office.post(
        f"/medical/reports/{report_id}",
        data={"status": "closed", "reply": "经核查属实，已追回", "institution_id": "demo-h1"},
    )
    assert done.status_code == 200 and "已办结" in done.text
    status = citizen.get(f"/medical-report/status?reference={reference}")
    assert (
        "已办结" in status.text and "经核查属实，已追回" in status.text and "13800138000" not in status.text
    )
    assert citizen.get("/medical-report/status?reference=YB-NOPE").status_code == 404


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (TIP | {"what": " "}, "请填写举报内容"),
        (TIP | {"happened_on": "昨天"}, "无法识别"),
        (TIP | {"happened_on": "2999-01-01"}, "发生日期"),
        (TIP | {"what": "坏\x00字"}, "无法保存的字符"),
    ],
)
def test_a_bad_public_report_is_shown_back_with_the_reason(
    app: FastAPI, fields: dict[str, str], message: str
) -> None:
    answer = TestClient(app).post("/medical-report", data=fields)
    assert answer.status_code == 422 and message in answer.text


def test_the_public_form_is_refused_from_another_site(app: FastAPI) -> None:
    answer = TestClient(app).post("/medical-report", data=TIP, headers={"Origin": "https://evil.example"})
    assert answer.status_code == 403


def test_the_demo_fills_the_console_and_loads_once(app: FastAPI, office: TestClient) -> None:
    engine = app.state.services.store.engine
    assert load_claims_demo(engine) > 70 and load_claims_demo(engine) == 0
    listed = office.get("/medical/institutions").text
    assert "【演示数据】城关镇中心卫生院" in listed and "【演示数据】河西区人民医院" in listed
    assert "【演示数据】【演示数据】" not in listed
    queue = office.get("/medical/reports").text
    assert "核查中" in queue and "待处理" in queue
