"""Prevention work in the browser: a community worker records an activity from a phone with a photo, sees
the community's scorecard and runs a quiz session; another community sees none of it; the officer gets
the 督导考评 report with its downloads; anyone can take the public quiz and read the case library."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import insert, select

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key
from fanzha.outreach.communities import upsert_community
from fanzha.reports.issue import issue
from fanzha.store.case_tables import CaseRow

INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style", re.IGNORECASE)
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
FORM = {"kind": "摆摊宣传", "title": "集市摆摊宣传", "started_at": "2026-11-20T09:30", "place": "城关集市",
        "posters": "12", "leaflets": "300", "reached": "150"}  # fmt: skip


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    app = create_app(url=f"sqlite:///{tmp_path / 'outreach.sqlite3'}")
    engine = app.state.services.store.engine
    for name in ("幸福里社区", "东风社区"):
        upsert_community(engine, name=name, district="城关区", population=8000, registration_target=3000,
                         activities_target=4)  # fmt: skip
    return app


def login(
    app: FastAPI, web_client: Callable[..., TestClient], console: str, role: str, label: str
) -> TestClient:
    client = web_client(app)
    key = create_key(app.state.services.store.engine, role=role, label=label)
    assert client.post(f"/{console}/login", data={"key": key}, follow_redirects=False).status_code == 303
    return client


@pytest.fixture
def worker(app: FastAPI, web_client: Callable[..., TestClient]) -> TestClient:
    return login(app, web_client, "community", "community", "幸福里社区")


@pytest.fixture
def neighbour(app: FastAPI, web_client: Callable[..., TestClient]) -> TestClient:
    return login(app, web_client, "community", "community", "东风社区")


def test_a_worker_records_an_activity_with_a_photo_and_the_neighbour_cannot_see_it(
    worker: TestClient, neighbour: TestClient
) -> None:
    form = worker.get("/community/activities/new")
    assert 'capture="environment"' in form.text and 'name="community"' not in form.text
    made = worker.post("/community/activities", data=FORM, files={"photo": ("现场.jpg", JPEG, "image/jpeg")},
                       follow_redirects=False)  # fmt: skip
    assert made.status_code == 303, made.text
    page = worker.get(made.headers["location"])
    assert "集市摆摊宣传" in page.text and "现场.jpg" in page.text and "300 份" in page.text
    photo_link = re.search(r'href="(/community/attachments/\d+)"', page.text)
    assert photo_link and worker.get(photo_link.group(1)).content == JPEG
    assert "集市摆摊宣传" in worker.get("/community/activities").text
    assert neighbour.get(made.headers["location"]).status_code == 404
    assert neighbour.get(photo_link.group(1)).status_code == 404
    assert "集市摆摊宣传" not in neighbour.get("/community/activities").text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"posters": "-2"}, "海报不能为负数"),
        ({"started_at": ""}, "请填写活动时间"),
        ({"kind": "聚餐"}, "活动类型须为"),
    ],
)
def test_a_bad_form_says_why_and_keeps_what_was_typed(worker: TestClient, change: dict, message: str) -> None:
    page = worker.post("/community/activities", data=FORM | change)
    assert page.status_code == 422 and message in page.text and 'value="城关集市"' in page.text


def test_a_photo_that_is_not_a_photo_is_refused(worker: TestClient) -> None:
    page = worker.post(
        "/community/activities", data=FORM, files={"photo": ("x.jpg", b"MZ\x90\x00", "image/jpeg")}
    )
    assert page.status_code == 422 and "只接受 JPEG、PNG 照片或 PDF" in page.text
    assert "集市摆摊宣传" not in worker.get("/community/activities").text


def test_the_scorecard_page_shows_the_communitys_own_figures(worker: TestClient) -> None:
    worker.post("/community/activities", data=FORM)
    page = worker.get("/community/targets?period=2026-11")
    assert page.status_code == 200
    assert "幸福里社区 · 综合" in page.text and "东风社区 · 综合" not in page.text
    assert "本期开展 1 场（目标 4 场" in page.text
    assert worker.get("/community/targets?period=2026-13").status_code == 422


def test_a_quiz_session_is_run_and_scored(worker: TestClient, neighbour: TestClient) -> None:
    made = worker.post("/community/quiz", data={"title": "城关一中竞答", "venue_kind": "学校", "count": "4"},
                       follow_redirects=False)  # fmt: skip
    assert made.status_code == 303
    page = worker.get(made.headers["location"])
    assert page.text.count("<fieldset>") == 4
    scored = worker.post(made.headers["location"], data={"nickname": "三班小李", "q0": "0", "q1": "1"})
    assert re.search(r"三班小李：\d / 4 分", scored.text)
    assert neighbour.get(made.headers["location"]).status_code == 404
    bad = worker.post("/community/quiz", data={"title": "", "venue_kind": "学校", "count": "4"})
    assert bad.status_code == 422 and "请填写竞答名称" in bad.text


def test_the_officer_sees_the_report_and_downloads_it(app: FastAPI, web_client: Callable[..., TestClient],
                                                      worker: TestClient) -> None:  # fmt: skip
    worker.post("/community/activities", data=FORM)
    desk = login(app, web_client, "console", "officer", "JZ1001")
    page = desk.get("/console/outreach?period=2026-11&district=城关区")
    assert page.status_code == 200 and "城关区反诈宣传防范工作督导考评（2026年11月）" in page.text
    assert "集市摆摊宣传" in page.text and 'href="/console/outreach"' in page.text
    xlsx = desk.get("/console/outreach/report.xlsx?period=2026-11&district=城关区")
    assert load_workbook(io.BytesIO(xlsx.content))["活动明细"]["D2"].value == "集市摆摊宣传"
    assert desk.get("/console/outreach/report.pdf?period=2026-11").content.startswith(b"%PDF-")
    assert worker.get("/console/outreach", follow_redirects=False).status_code in (303, 403)


def test_anyone_can_take_the_public_quiz(app: FastAPI) -> None:
    client = TestClient(app)
    page = client.get("/quiz")
    assert page.status_code == 200 and page.text.count("<fieldset>") == 10
    action = re.search(r'action="(/quiz/\d+)"', page.text)
    assert action
    result = client.post(action.group(1), data={"q0": "0", "nickname": "路人"})
    assert (
        result.status_code == 200 and re.search(r"得分 \d+ / 10", result.text) and "正确答案" in result.text
    )
    assert client.post("/quiz/999999", data={}).status_code == 404


def test_the_case_library_is_masked_and_filterable(app: FastAPI) -> None:
    stamp = datetime(2026, 11, 5, tzinfo=UTC)
    with app.state.services.store.engine.begin() as conn:
        conn.execute(insert(CaseRow).values(
            ref="L1", received_at=stamp, created_at=stamp, updated_at=stamp, district="城关区", place="家中",
            fraud_type="rebate_task", loss_fen=880_000, persons={"victim": {"name": "王秀英"}},
            narrative="事主王秀英（13912345678）在家中被拉进刷单群，按“导师”要求垫付后无法提现，共被骗8800元。",
        ))  # fmt: skip
    client = TestClient(app)
    assert "暂无案例" in client.get("/cases").text  # not public until an officer chooses it
    engine = app.state.services.store.engine
    with engine.connect() as conn:
        case_id = conn.execute(select(CaseRow.id).where(CaseRow.ref == "L1")).scalar_one()
    issue(engine, "2026-W45", officer="JZ1", cases=[case_id])  # the bulletin's 典型案例, reviewed and issued
    page = client.get("/cases")
    assert "刷单返利" in page.text and "王秀英" not in page.text and "13912345678" not in page.text
    assert "事主王**（139****5678）" in client.get("/cases?fraud_type=rebate_task").text
    assert "暂无案例" in client.get("/cases?fraud_type=romance").text


def test_the_pages_carry_no_inline_script_or_style(app: FastAPI, web_client: Callable[..., TestClient],
                                                   worker: TestClient) -> None:  # fmt: skip
    worker.post("/community/activities", data=FORM)
    desk = login(app, web_client, "console", "officer", "JZ1001")
    public = TestClient(app)
    for page in (worker.get("/community/activities"), worker.get("/community/activities/new"),
                 worker.get("/community/activities/1"), worker.get("/community/targets"), worker.get("/community/quiz"),
                 desk.get("/console/outreach"), public.get("/quiz"), public.get("/cases")):  # fmt: skip
        assert page.status_code == 200 and not INLINE.search(page.text), page.url


def test_a_worker_corrects_an_activity_and_adds_a_photo_later(
    worker: TestClient, neighbour: TestClient
) -> None:
    made = worker.post("/community/activities", data=FORM, follow_redirects=False).headers["location"]
    form = worker.get(made + "/edit")
    assert 'value="2026-11-20T09:30"' in form.text and 'value="150"' in form.text
    assert worker.post(made + "/edit", data=FORM | {"reached": "-1"}).status_code == 422
    saved = worker.post(made + "/edit", data=FORM | {"reached": "180"}, follow_redirects=False)
    assert saved.status_code == 303
    assert "<dd>180</dd>" in worker.get(made).text
    bad = worker.post(made + "/photo", files={"photo": ("x.png", b"GIF89a", "image/png")})
    assert bad.status_code == 422 and "只接受 JPEG、PNG 照片或 PDF" in bad.text
    assert worker.post(made + "/photo", files={"photo": ("后补.jpg", JPEG, "image/jpeg")},
                       follow_redirects=False).status_code == 303  # fmt: skip
    assert "后补.jpg" in worker.get(made).text
    assert neighbour.get(made + "/edit").status_code == 404
    assert neighbour.post(made + "/photo", files={"photo": ("y.jpg", JPEG, "image/jpeg")}).status_code == 404
