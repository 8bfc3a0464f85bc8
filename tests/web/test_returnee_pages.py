"""Returnees, outbound workers and the survey in the consoles, without a browser: a village worker sees the
returnees of their village with overdue badges, records a meeting in a few taps, files an outbound worker's
daily report and a household's survey; another village gets 404 and sees none of it; the desk sees every
returnee with the flags per cadre, officer and supervisor and the access log of a record; every page that
shows a returnee is logged; the pages carry no inline script or style."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fanzha.intel.keys import create_key
from fanzha.returnees import (
    MeetingIn,
    OutboundLedger,
    PairIn,
    ReturneeIn,
    ReturneeLedger,
    WorkerIn,
    access_log,
    beijing_day,
)

INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style", re.IGNORECASE)
ID = "11010519491231002X"


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    from fanzha.api.app import create_app

    app = create_app(url=f"sqlite:///{tmp_path / 'returnees.sqlite3'}")
    engine = app.state.services.store.engine
    ledger, now = ReturneeLedger(engine), datetime.now(UTC)
    today = beijing_day(now)
    late = ledger.register(ReturneeIn("张某", "南湖村", today - timedelta(days=40), id_number=ID, phone="13800138000"),
                           actor="admin", now=now - timedelta(days=30))  # fmt: skip
    ledger.assign(
        late, PairIn("李干部", "王警官", supervisor="赵所长"), actor="admin", now=now - timedelta(days=30)
    )
    ledger.meet(late, MeetingIn(today - timedelta(days=20), cadre="李干部"), actor="admin", now=now)
    ledger.register(ReturneeIn("李某", "柳树村", today - timedelta(days=5)), actor="admin", now=now)
    OutboundLedger(engine).register(WorkerIn("王某", "南湖村", "缅甸", place="妙瓦底", reporter="李干部"),
                                    actor="admin", now=now - timedelta(days=3))  # fmt: skip
    return app


def login(
    app: FastAPI, web_client: Callable[..., TestClient], console: str, role: str, label: str
) -> TestClient:
    client = web_client(app)
    key = create_key(app.state.services.store.engine, role=role, label=label)
    assert client.post(f"/{console}/login", data={"key": key}, follow_redirects=False).status_code == 303
    return client


@pytest.fixture
def nanhu(app: FastAPI, web_client: Callable[..., TestClient]) -> TestClient:
    return login(app, web_client, "community", "community", "南湖村")


@pytest.fixture
def desk(app: FastAPI, web_client: Callable[..., TestClient]) -> TestClient:
    return login(app, web_client, "console", "officer", "JZ1001")


def test_the_village_list_shows_overdue_badges_and_masked_data(nanhu: TestClient) -> None:
    page = nanhu.get("/community/returnees")
    assert page.status_code == 200 and not INLINE.search(page.text)
    assert "张某" in page.text and "李某" not in page.text
    assert "逾期超过14天" in page.text and "赵所长" in page.text
    assert "138****8000" in page.text and "13800138000" not in page.text
    assert "回流人员" in nanhu.get("/community").text


def test_a_meeting_is_recorded_in_a_few_taps(nanhu: TestClient, app: FastAPI) -> None:
    page = nanhu.get("/community/returnees/1")
    assert ID in page.text and 'value="李干部"' in page.text  # the pair filled in, the day is today
    done = nanhu.post("/community/returnees/1/meetings",
                      data={"met_on": beijing_day(datetime.now(UTC)).isoformat(), "cadre": "李干部", "officer": "王警官",
                            "findings": "在家务农"}, follow_redirects=True)  # fmt: skip
    assert done.status_code == 200 and "会面已记录" in done.text and "按期会面" in done.text
    bad = nanhu.post(
        "/community/returnees/1/meetings",
        data={"met_on": "2999-01-01", "cadre": "李干部", "findings": "保留"},
    )
    assert bad.status_code == 422 and "超出可接受的范围" in bad.text and "保留" in bad.text


def test_another_village_gets_404(app: FastAPI, web_client: Callable[..., TestClient]) -> None:
    liushu = login(app, web_client, "community", "community", "柳树村")
    assert liushu.get("/community/returnees/1").status_code == 404
    assert (
        liushu.post(
            "/community/returnees/1/meetings", data={"met_on": "2026-06-01", "cadre": "x"}
        ).status_code
        == 404
    )
    assert liushu.get("/community/outbound/1").status_code == 404
    assert "王某" not in liushu.get("/community/outbound").text


def test_a_bank_key_is_refused(app: FastAPI, web_client: Callable[..., TestClient]) -> None:
    client = web_client(app)
    key = create_key(app.state.services.store.engine, role="bank", label="工商银行")
    assert client.get("/community/returnees", headers={"X-API-Key": key}).status_code == 403


def test_an_outbound_workers_daily_report_and_the_missing_ones(nanhu: TestClient) -> None:
    page = nanhu.get("/community/outbound")
    assert (
        "昨天" in page.text
        and "王某" in page.text
        and "今日待报" in page.text
        and not INLINE.search(page.text)
    )
    today = beijing_day(datetime.now(UTC)).isoformat()
    done = nanhu.post("/community/outbound/1/reports", data={"day": today, "location": "妙瓦底", "safe": "0", "in_contact": "1"},
                      follow_redirects=True)  # fmt: skip
    assert "日报已保存" in done.text and "不安全" in done.text
    assert "今日已报" in nanhu.get("/community/outbound").text
    persuaded = nanhu.post("/community/outbound/1/persuasions", data={"day": today, "method": "family", "outcome": "agreed"},
                           follow_redirects=True)  # fmt: skip
    assert "同意回国" in persuaded.text
    added = nanhu.post(
        "/community/outbound",
        data={"name": "赵某", "region": "云南", "state": "planned"},
        follow_redirects=True,
    )
    assert "已登记" in added.text and "赵某" in added.text


def test_the_survey_form_per_household_and_the_coverage(nanhu: TestClient) -> None:
    assert nanhu.get("/community/survey/household").status_code == 200
    data = {"grp": "一组", "household": "1号", "registered_members": "3", "surveyed_on": beijing_day(datetime.now(UTC)).isoformat(),
            "name_0": "张大", "name_1": "张二", "away_1": "1", "region_1": "缅甸", "place_1": "妙瓦底"}  # fmt: skip
    page = nanhu.post("/community/survey/household", data=data, follow_redirects=True)
    assert (
        page.status_code == 200
        and "1/1 户" in page.text
        and "重点地区 1 人" in page.text
        and "少 1 人" in page.text
    )
    bad = nanhu.post("/community/survey/household", data=data | {"age_0": "很老"})
    assert bad.status_code == 422 and "年龄" in bad.text and 'value="张大"' in bad.text


def test_the_desk_sees_every_returnee_the_flags_per_person_and_the_access_log(
    desk: TestClient, nanhu: TestClient, app: FastAPI
) -> None:
    nanhu.get("/community/returnees/1")
    page = desk.get("/console/returnees")
    assert (
        page.status_code == 200
        and "张某" in page.text
        and "李某" in page.text
        and "尚未落实双岗分包" in page.text
    )
    assert 'id="per-person"' in page.text and "赵所长" in page.text
    detail = desk.get("/console/returnees/1")
    assert ID in detail.text and "页面·详情" in detail.text and "南湖村" in detail.text
    views = [
        (a.actor, a.view) for a in access_log(app.state.services.store.engine, kind="returnee", record_id=1)
    ]
    assert (
        ("JZ1001", "page.detail") in views
        and ("南湖村", "page.detail") in views
        and ("JZ1001", "page.list") in views
    )
    assigned = desk.post(
        "/console/returnees/2/assign", data={"cadre": "陈干部", "officer": "刘警官"}, follow_redirects=True
    )
    assert "已分包" in assigned.text and "陈干部" in assigned.text
    lifted = desk.post("/console/returnees/2/lift", data={"reason": "核查有误"}, follow_redirects=True)
    assert "已解除管控" in lifted.text
