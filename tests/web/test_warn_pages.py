"""The warning pages of the officer console and the community console through the app: registering a
resident with family, the task queue after a collision, a task with what to say, the outcome form (and
已受骗 opening a desk case), and a community key held to its own community."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key
from fanzha.timezones import BEIJING
from fanzha.warn import EventIn, ResidentIn, WarnService

SCAM_PHONE = "17012345678"
NOW = datetime.now(UTC)


def engine_of(client: TestClient) -> Engine:
    return client.app.state.services.store.engine  # type: ignore[attr-defined, no-any-return]


@pytest.fixture
def anonymous(tmp_path: Path, web_client: Callable[[Any], TestClient]) -> TestClient:
    return web_client(create_app(url=f"sqlite:///{tmp_path / 'warn.sqlite3'}"))


def login(client: TestClient, base: str, role: str, label: str) -> TestClient:
    key = create_key(engine_of(client), role=role, label=label)
    assert client.post(f"{base}/login", data={"key": key}, follow_redirects=False).status_code == 303
    return client


def collide(engine: Engine, phone: str, *, community: str = "幸福里社区", amount: float | None = None) -> int:
    """A resident of `community` who was called by (or paid) a number that is then confirmed: one task."""
    service = WarnService(engine)
    resident = service.residents.register(
        ResidentIn(name="王秀英", phone=phone, community=community, age=72, consent_by="王秀英"), actor="测试"
    )
    kind = "payment" if amount else "call"
    service.record_event(
        EventIn(kind=kind, resident=phone, other_kind="phone", other=SCAM_PHONE, at=NOW - timedelta(hours=1),
                amount=amount)
    )  # fmt: skip
    tasks = service.flag(
        kind="phone", value=SCAM_PHONE, level="confirmed", source="intel", fraud_type="impersonate_authority"
    )
    assert len(tasks) == 1 and resident.id
    return tasks[0]


def test_an_officer_registers_a_resident_with_family_and_consent(anonymous: TestClient) -> None:
    client = login(anonymous, "/console", "officer", "城关派出所")
    form = {"name": "李建国", "phone": "+86 139-1234-5678", "age": "75", "community": "东风社区",
            "accounts": "6222021234567890128", "family_name_0": "李明", "family_relation_0": "儿子",
            "family_phone_0": "13812345678", "family_notify_0": "yes", "consent": "yes", "consent_by": "李明"}  # fmt: skip
    answer = client.post("/console/residents", data=form, follow_redirects=False)
    assert answer.status_code == 303
    page = client.get(answer.headers["location"])
    assert page.status_code == 200
    assert "13912345678" in page.text and "李明" in page.text and "儿子" in page.text
    assert "6222021234567890128" in page.text and "民警登记" in page.text
    listing = client.get("/console/residents").text
    assert "139****5678" in listing and "13912345678" not in listing  # masked in the list


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"consent": ""}, "同意"),
        ({"phone": ""}, "手机号"),
        ({"age": "两百"}, "年龄"),
        ({"family_name_0": "", "family_phone_0": "13812345678"}, "第1位家属须填写姓名"),
    ],
)
def test_a_bad_registration_is_refused_in_chinese_and_keeps_what_was_typed(
    anonymous: TestClient, change: dict[str, str], message: str
) -> None:
    client = login(anonymous, "/console", "officer", "城关派出所")
    form = {"name": "李建国", "phone": "13912345678", "age": "75", "community": "东风社区", "consent": "yes",
            "address": "幸福路8号"} | change  # fmt: skip
    answer = client.post("/console/residents", data=form)
    assert answer.status_code == 422
    assert message in answer.text and "幸福路8号" in answer.text


def test_the_queue_shows_the_task_and_the_task_says_what_to_say(anonymous: TestClient) -> None:
    client = login(anonymous, "/console", "officer", "城关派出所")
    task_id = collide(engine_of(client), "13912345678", amount=20000)
    queue = client.get("/console/warnings")
    assert f"/console/warnings/{task_id}" in queue.text and "王秀英" in queue.text
    page = client.get(f"/console/warnings/{task_id}")
    assert page.status_code == 200
    assert "96110" in page.text and "【反诈预警】" in page.text
    assert "付款" in page.text and "20,000" in page.text  # the payment that collided


def test_recording_prevented_closes_the_task_with_the_time_to_warning(anonymous: TestClient) -> None:
    client = login(anonymous, "/console", "officer", "城关派出所")
    task_id = collide(engine_of(client), "13912345678")
    answer = client.post(f"/console/warnings/{task_id}/outcome", data={"outcome": "prevented", "method": "call"},
                         follow_redirects=False)  # fmt: skip
    assert answer.status_code == 303
    page = client.get(answer.headers["location"]).text
    assert "已登记处置结果" in page and "劝阻成功" in page and "分钟" in page
    again = client.post(
        f"/console/warnings/{task_id}/outcome", data={"outcome": "false_alarm", "method": "sms"}
    )
    assert again.status_code == 409 and "已处置" in again.text


def test_deceived_opens_a_desk_case_linked_from_the_task(anonymous: TestClient) -> None:
    client = login(anonymous, "/console", "officer", "城关派出所")
    task_id = collide(engine_of(client), "13912345678", amount=5000)
    answer = client.post(f"/console/warnings/{task_id}/outcome",
                         data={"outcome": "deceived", "method": "visit", "loss": "5000"}, follow_redirects=False)  # fmt: skip
    assert answer.status_code == 303
    page = client.get(answer.headers["location"]).text
    found = re.search(r'href="/console/cases/(\d+)"', page)
    assert found, page
    case = client.get(f"/console/cases/{found.group(1)}")
    assert case.status_code == 200 and SCAM_PHONE in case.text


@pytest.mark.parametrize(
    ("form", "message"),
    [({"method": "call"}, "请选择处置结果"), ({"outcome": "prevented"}, "请选择预警方式"),
     ({"outcome": "prevented", "method": "call", "prevented": "很多"}, "挽回金额须为数字")],
)  # fmt: skip
def test_a_bad_outcome_is_refused_and_the_task_stays_open(
    anonymous: TestClient, form: dict[str, str], message: str
) -> None:
    client = login(anonymous, "/console", "officer", "城关派出所")
    task_id = collide(engine_of(client), "13912345678")
    answer = client.post(f"/console/warnings/{task_id}/outcome", data=form)
    assert answer.status_code == 422 and message in answer.text
    assert WarnService(engine_of(client)).tasks.get(task_id).state == "open"


def test_a_community_worker_sees_only_their_community(anonymous: TestClient) -> None:
    engine = engine_of(anonymous)
    mine = collide(engine, "13912345678", community="幸福里社区")
    client = login(anonymous, "/community", "community", "幸福里社区")
    assert f"/community/warnings/{mine}" in client.get("/community/warnings").text
    assert client.get(f"/community/warnings/{mine}").status_code == 200
    other_service = WarnService(engine)
    other = other_service.residents.register(
        ResidentIn(name="赵六", phone="13712345678", community="东风社区", consent_by="赵六"), actor="测试"
    )
    assert client.get(f"/community/residents/{other.id}").status_code == 404
    assert "赵" not in client.get("/community/residents").text
    registered = client.post(
        "/community/residents",
        data={"name": "钱七", "phone": "13612345678", "community": "东风社区", "consent": "yes"},
        follow_redirects=False,
    )
    assert registered.status_code == 303
    page = client.get(registered.headers["location"]).text
    assert "幸福里社区" in page and "社区工作人员代为登记" in page  # held to the worker's own community


def test_the_community_console_works_on_a_phone_and_needs_a_community_key(anonymous: TestClient) -> None:
    assert anonymous.get("/community/warnings", follow_redirects=False).status_code == 303
    bank = login(anonymous, "/community", "bank", "某银行") if False else anonymous
    key = create_key(engine_of(bank), role="bank", label="某银行")
    refused = anonymous.post("/community/login", data={"key": key})
    assert "社区" in refused.text and "fanzha_key" not in refused.cookies
    client = login(anonymous, "/community", "community", "幸福里社区")
    home = client.get("/community").text
    assert 'name="viewport"' in home and "/community/warnings" in home and "/community/residents" in home


def test_a_prevented_warning_shows_on_the_dashboard_and_in_the_desk_report(anonymous: TestClient) -> None:
    """劝阻成功 counts as a prevented loss in the desk's statistics: the dashboard's 劝阻数 and 避免损失
    cards, and `GET /v1/reports/desk`."""
    client = login(anonymous, "/console", "officer", "城关派出所")
    task_id = collide(engine_of(client), "13912345678", amount=12000)
    answer = client.post(f"/console/warnings/{task_id}/outcome",
                         data={"outcome": "prevented", "method": "call", "prevented": "12000"},
                         follow_redirects=False)  # fmt: skip
    assert answer.status_code == 303
    html = client.get("/console").text
    cards = dict(
        (label, number)
        for label, number in re.findall(
            r'<div class="what">([^<]+)</div>\s*<div class="n">([^<]*)<small>', html
        )
    )
    assert cards["劝阻数"] == "1" and cards["避免损失"] == "12,000", cards
    assert "含预警劝阻成功 今日 1" in html
    key = create_key(engine_of(client), role="officer", label="统计")
    week = datetime.now(UTC).astimezone(BEIJING).isocalendar()
    body = client.get(
        f"/v1/reports/desk?period={week.year}-W{week.week:02d}", headers={"X-API-Key": key}
    ).json()
    totals = body["totals"]
    assert (totals["dissuaded_total"], totals["warned_prevented"], totals["prevented_loss_yuan"]) == (
        1,
        1,
        12000,
    )


def test_a_worker_confirms_a_residents_own_registration_on_the_community_page(anonymous: TestClient) -> None:
    answer = anonymous.post("/v1/public/residents", json={"name": "李建国", "phone": "13912345678",
                                                          "community": "幸福里社区", "consent": True})  # fmt: skip
    assert answer.status_code == 201
    resident_id = answer.json()["id"]
    client = login(anonymous, "/community", "community", "幸福里社区")
    listing = client.get("/community/residents").text
    assert 'id="pending-residents"' in listing and f"/community/residents/{resident_id}" in listing
    page = client.get(f"/community/residents/{resident_id}").text
    assert "待社区确认" in page and f"/community/residents/{resident_id}/confirm" in page
    done = client.post(f"/community/residents/{resident_id}/confirm", follow_redirects=False)
    assert done.status_code == 303
    page = client.get(done.headers["location"]).text
    assert "已确认本人登记" in page and 'id="confirm-resident"' not in page
    assert 'id="pending-residents"' not in client.get("/community/residents").text
    assert client.post(f"/community/residents/{resident_id}/confirm").status_code == 409
