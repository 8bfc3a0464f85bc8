"""The counter alarm in the consoles, without a browser: a teller raises an alert from the bank console, the
desk sees it at once (a badge in every console page's menu and a list htmx polls), acknowledges it, opens a
pre-filled case and records the outcome, and the bank follows the status. Forms carry the token; the pages
have no inline script or style (the CSP forbids them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

ALERT = {
    "kind": "forged_document", "branch": "江州支行", "counter": "2号窗口", "teller": "柜员李某",
    "presented": "存单（金额与系统不符）、身份证", "customer": "孕妇，约30岁，白色上衣", "note": "已借口联网核查故障拖延",
}  # fmt: skip
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style", re.IGNORECASE)


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(url=f"sqlite:///{tmp_path / 'alerts.sqlite3'}")


def login(
    app: FastAPI, web_client: Callable[..., TestClient], console: str, role: str, label: str
) -> TestClient:
    client = web_client(app)
    key = create_key(app.state.services.store.engine, role=role, label=label)
    assert client.post(f"/{console}/login", data={"key": key}, follow_redirects=False).status_code == 303
    return client


@pytest.fixture
def bank(app: FastAPI, web_client: Callable[..., TestClient]) -> TestClient:
    return login(app, web_client, "bank", "bank", "中国工商银行")


@pytest.fixture
def desk(app: FastAPI, web_client: Callable[..., TestClient]) -> TestClient:
    return login(app, web_client, "console", "officer", "JZ1001")


def raise_alert(bank: TestClient, **changes: str) -> int:
    response = bank.post("/bank/alerts", data=ALERT | changes, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("=", 1)[1])


def test_a_teller_raises_an_alert_and_the_desk_sees_it_at_once(bank: TestClient, desk: TestClient) -> None:
    form = bank.get("/bank/alerts").text
    assert 'id="alert-form"' in form and "假存单" in form and 'name="csrf_token"' in form
    alert_id = raise_alert(bank)
    assert f"报警 #{alert_id} 已送达反诈中心" in bank.get(f"/bank/alerts?done={alert_id}").text
    menu = desk.get("/console").text
    assert 'hx-get="/console/alerts/badge"' in menu and "every 10s" in menu
    badge = desk.get("/console/alerts/badge", headers={"HX-Request": "true"})
    assert badge.status_code == 200 and '<span class="badge"' in badge.text and ">1<" in badge.text
    page = desk.get("/console/alerts").text
    assert 'hx-trigger="every 5s"' in page and "江州支行" in page and "待接警" in page
    fragment = desk.get("/console/alerts/list", headers={"HX-Request": "true"}).text
    assert "<html" not in fragment and f'href="/console/alerts/{alert_id}"' in fragment


def test_the_desk_acknowledges_opens_a_prefilled_case_and_closes_while_the_bank_follows(
    bank: TestClient, desk: TestClient
) -> None:
    alert_id = raise_alert(bank)
    detail = desk.get(f"/console/alerts/{alert_id}").text
    assert 'id="acknowledge"' in detail and 'id="open-case"' not in detail
    assert desk.post(f"/console/alerts/{alert_id}/acknowledge", follow_redirects=False).status_code == 303
    assert "已接警" in bank.get("/bank/alerts/list", headers={"HX-Request": "true"}).text
    assert desk.get("/console/alerts/badge").text.strip() == ""
    detail = desk.get(f"/console/alerts/{alert_id}").text
    assert (
        'id="open-case"' in detail and "客户出示：存单（金额与系统不符）" in detail
    )  # the pre-filled narrative
    opened = desk.post(
        f"/console/alerts/{alert_id}/open-case",
        data={"fraud_type": "other_fraud", "district": "西城区", "narrative": "柜面报警：假存单，民警补充"},
        follow_redirects=False,
    )
    assert opened.status_code == 303
    detail = desk.get(opened.headers["location"]).text
    assert "已据此立案" in detail and "案件 #1" in detail
    case = desk.get("/console/cases/1").text
    assert "民警补充" in case and "西城区" in case
    closed = desk.post(f"/console/alerts/{alert_id}/close", data={"outcome": "tracked", "note": "车牌已告知"})
    assert closed.status_code == 200 and "已登记处置结果" in closed.text
    followed = bank.get("/bank/alerts").text
    assert "嫌疑人离开，已掌握去向" in followed and "车牌已告知" not in followed


def test_a_drill_is_marked_counted_apart_and_offers_no_case(bank: TestClient, desk: TestClient) -> None:
    alert_id = raise_alert(bank, drill="1")
    assert "演练 1" in desk.get("/console/alerts/badge").text
    desk.post(f"/console/alerts/{alert_id}/acknowledge")
    detail = desk.get(f"/console/alerts/{alert_id}").text
    assert "演练不关联案件" in detail and 'id="open-case"' not in detail and "演练结束" in detail
    report = desk.get("/console/alerts").text
    assert re.search(r"<th>演练</th><td class=\"num\">1</td>", report)


def test_steps_the_state_does_not_allow_are_explained_on_the_page(bank: TestClient, desk: TestClient) -> None:
    alert_id = raise_alert(bank)
    refused = desk.post(f"/console/alerts/{alert_id}/close", data={"outcome": "arrested"})
    assert refused.status_code == 422 and "尚未接警" in refused.text
    desk.post(f"/console/alerts/{alert_id}/acknowledge")
    missing = desk.post(f"/console/alerts/{alert_id}/attach", data={"case": "AJ-不存在"})
    assert missing.status_code == 422 and "没有编号或案号为 AJ-不存在 的案件" in missing.text
    assert desk.get("/console/alerts/999").status_code == 404


def test_a_bad_alert_comes_back_as_typed_with_the_reason(bank: TestClient) -> None:
    refused = bank.post("/bank/alerts", data=ALERT | {"branch": "", "occurred_at": "2026-13-45T10:00"})
    assert refused.status_code == 422 and "发生时间" in refused.text and "孕妇，约30岁" in refused.text
    refused = bank.post("/bank/alerts", data=ALERT | {"branch": " "})
    assert refused.status_code == 422 and "请填写网点" in refused.text


def test_bank_a_does_not_see_bank_bs_alerts(
    app: FastAPI, web_client: Callable[..., TestClient], bank: TestClient
) -> None:
    other = login(app, web_client, "bank", "bank", "江州农商银行")
    raise_alert(other, branch="城南分理处")
    assert "城南分理处" not in bank.get("/bank/alerts").text
    assert "城南分理处" in other.get("/bank/alerts/list").text


def test_posts_without_the_form_token_are_refused(app: FastAPI, bank: TestClient, desk: TestClient) -> None:
    alert_id = raise_alert(bank)
    for client, path in ((bank, "/bank/alerts"), (desk, f"/console/alerts/{alert_id}/acknowledge")):
        forged = TestClient(app, cookies=dict(client.cookies))
        assert forged.post(path, data=ALERT).status_code == 403


@pytest.mark.parametrize("path", ["/console/alerts", "/console/alerts/1", "/console/alerts/list"])
def test_officer_pages_send_strangers_to_login_and_refuse_banks(
    app: FastAPI, web_client: Callable[..., TestClient], bank: TestClient, path: str
) -> None:
    raise_alert(bank)
    stranger = web_client(app)
    assert stranger.get(path, follow_redirects=False).status_code == 303
    banker = create_key(app.state.services.store.engine, role="bank", label="中国工商银行")
    assert stranger.get(path, headers={"X-API-Key": banker}).status_code == 403


def test_the_pages_carry_no_inline_script_or_style(bank: TestClient, desk: TestClient) -> None:
    alert_id = raise_alert(bank)
    desk.post(f"/console/alerts/{alert_id}/acknowledge")
    pages: list[Any] = [
        desk.get("/console/alerts"), desk.get(f"/console/alerts/{alert_id}"), desk.get("/console/alerts/badge"),
        bank.get("/bank/alerts"), bank.get("/bank/alerts/list"),
    ]  # fmt: skip
    for page in pages:
        assert page.status_code == 200 and not INLINE.search(page.text), page.url
