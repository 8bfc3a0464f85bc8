"""The officer console through the app, without a browser: login and the gate, intake with pre-fill,
the case page and its actions, groups with their graph, orders, key persons."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

NARRATIVE = (
    "报警人李女士，68岁，本人电话13912345678。11月6日10时许接到电话，对方号码+86 170 1234 5678，自称警察，"
    "说她涉嫌洗钱，要求她把钱转到安全账户配合调查。她在银行把5万元转到6222 0212 3456 7890 128。"
)
ACCOUNT = "6222021234567890128"


def _key(client: TestClient, role: str) -> str:
    return create_key(client.app.state.services.store.engine, role=role, label=f"{role}-001")  # type: ignore[attr-defined]


@pytest.fixture
def anonymous(tmp_path: Path, web_client: Callable[[Any], TestClient]) -> TestClient:
    return web_client(create_app(url=f"sqlite:///{tmp_path / 'console.sqlite3'}"))


@pytest.fixture
def client(anonymous: TestClient) -> TestClient:
    response = anonymous.post(
        "/console/login", data={"key": _key(anonymous, "officer")}, follow_redirects=False
    )
    assert response.status_code == 303
    return anonymous


def _case_form(
    narrative: str = NARRATIVE, *, amount: str = "50000", confirm: list[str] | None = None
) -> dict[str, object]:
    return {
        "narrative": narrative,
        "fraud_type": "impersonate_authority",
        "contact_channel": "phone_call",
        "occurred_at": "2026-11-06T10:00",
        "district": "西城区",
        "victim_name": "李某某",
        "victim_age": "68",
        "victim_sex": "女",
        "reporter_phone": "13912345678",
        "pay_amount": [amount, ""],
        "pay_paid_at": ["2026-11-06T15:00", ""],
        "pay_channel": ["bank_transfer", ""],
        "pay_to_account": [ACCOUNT, ""],
        "pay_to_bank": ["中国工商银行", ""],
        "pay_from_account": ["", ""],
        "ident_kind": ["phone", "bank_card", "phone"],
        "ident_value": ["17012345678", ACCOUNT, ""],
        "ident_confirm": confirm or [],
        "action": "save",
    }


def _create(client: TestClient, **kwargs: object) -> int:
    response = client.post("/console/intake", data=_case_form(**kwargs), follow_redirects=False)  # type: ignore[arg-type]
    assert response.status_code == 303, response.text
    found = re.fullmatch(r"/console/cases/(\d+)\?done=created", response.headers["location"])
    assert found
    return int(found.group(1))


# ---------------------------------------------------------------------------------- login and the gate
def test_login_sets_an_httponly_strict_cookie_and_opens_the_console(anonymous: TestClient) -> None:
    response = anonymous.post(
        "/console/login", data={"key": _key(anonymous, "officer")}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/console"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("fanzha_key=fz_officer_")
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower() and "Path=/" in cookie
    assert anonymous.get("/console/cases").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/console",
        "/console/intake",
        "/console/cases",
        "/console/cases/1",
        "/console/groups",
        "/console/orders",
        "/console/persons",
    ],
)
def test_anonymous_browsers_are_sent_to_the_login_page(anonymous: TestClient, path: str) -> None:
    response = anonymous.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/console/login?next=")
    page = anonymous.get(response.headers["location"])
    assert page.status_code == 200 and "登录民警工作台" in page.text


def test_an_htmx_request_without_login_redirects_the_whole_page(anonymous: TestClient) -> None:
    response = anonymous.post(
        "/console/intake/prefill", data={"narrative": "x"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 401 and response.headers["HX-Redirect"].startswith("/console/login")


@pytest.mark.parametrize(("role", "message"), [("public", "不是民警密钥"), ("bank", "不是民警密钥")])
def test_keys_of_other_roles_are_refused_at_login(anonymous: TestClient, role: str, message: str) -> None:
    response = anonymous.post("/console/login", data={"key": _key(anonymous, role)}, follow_redirects=False)
    assert response.status_code == 401 and message in response.text and "set-cookie" not in response.headers


def test_an_unknown_key_gets_the_form_again_with_an_error(anonymous: TestClient) -> None:
    response = anonymous.post("/console/login", data={"key": "fz_officer_nope"})
    assert response.status_code == 401 and "密钥无效" in response.text and 'name="key"' in response.text


def test_a_public_key_in_a_header_is_forbidden(anonymous: TestClient) -> None:
    response = anonymous.get("/console/cases", headers={"X-API-Key": _key(anonymous, "public")})
    assert response.status_code == 403


def test_login_only_follows_console_paths(anonymous: TestClient) -> None:
    data = {"key": _key(anonymous, "officer"), "next": "//evil.example/x"}
    assert (
        anonymous.post("/console/login", data=data, follow_redirects=False).headers["location"] == "/console"
    )


def test_logout_forgets_the_key(client: TestClient) -> None:
    response = client.post("/console/logout", follow_redirects=False)
    assert response.status_code == 303 and 'fanzha_key=""' in response.headers["set-cookie"]
    assert client.get("/console/cases", follow_redirects=False).status_code == 303


# ---------------------------------------------------------------------------------- intake
def test_prefill_returns_the_fields_filled_from_the_narrative(client: TestClient) -> None:
    html = client.post("/console/intake/prefill", data={"narrative": NARRATIVE}).text
    assert '<option value="phone_call" selected>' in html
    assert (
        'id="occurred_at" name="occurred_at" type="datetime-local" value="2026-11-06T10:00"'
        in html.replace(str(_year_of(html)), "2026")
    )
    assert 'id="victim_age" name="victim_age" value="68"' in html and '<option value="女" selected>' in html
    assert 'id="loss" name="loss" inputmode="decimal" value="50000"' in html
    assert 'name="pay_to_account" value="6222021234567890128"' in html
    assert (
        'name="ident_value" value="17012345678"' in html
        and 'name="ident_value" value="13912345678"' not in html
    )
    assert 'id="reporter_phone" name="reporter_phone" value="13912345678"' in html
    assert 'name="ident_confirm" value="0"' in html  # a checkbox per identifier
    assert "预填依据" in html and "发案时间：11月6日10时许" in html


def _year_of(html: str) -> int:
    found = re.search(r'id="occurred_at"[^>]*value="(\d{4})', html)
    assert found
    return int(found.group(1))


def test_prefill_keeps_what_the_officer_corrected(client: TestClient) -> None:
    first = client.post("/console/intake/prefill", data={"narrative": NARRATIVE}).text
    auto = re.search(r"name=\"auto\" value='([^']*)'", first)
    assert auto
    again = client.post(
        "/console/intake/prefill",
        data={
            "narrative": NARRATIVE + "她今年七十岁。",
            "auto": auto.group(1),
            "victim_age": "70",
            "loss": "50000",
            "contact_channel": "phone_call",
        },
    ).text
    assert 'id="victim_age" name="victim_age" value="70"' in again


def test_prefill_without_javascript_fills_the_whole_page(client: TestClient) -> None:
    html = client.post("/console/intake", data={"narrative": NARRATIVE, "action": "prefill"}).text
    assert "<textarea" in html and 'name="pay_to_account" value="6222021234567890128"' in html


def test_submitting_creates_the_case_and_confirmed_identifiers_reach_the_store(client: TestClient) -> None:
    case_id = _create(client, confirm=["1"])
    page = client.get(f"/console/cases/{case_id}?done=created").text
    assert "案件已保存" in page and "李某某" in page and "13912345678" in page  # officers see personal data
    assert "17012345678" in page and ACCOUNT in page and "50,000" in page
    assert "已确认" in page and "申请紧急止付" in page and "登记立案" in page
    lookup = client.get("/v1/lookup", params={"kind": "bank_card", "value": ACCOUNT}).json()
    assert lookup["level"] == "confirmed"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"victim_age": "老年"}, "受害人年龄"),
        ({"pay_amount": ["五万", ""]}, "第 1 笔转账的金额"),
        ({"occurred_at": "昨天"}, "发案时间格式不对"),
        ({"ident_value": ["17012345678", "not a card", ""]}, "不是有效的"),
    ],
)
def test_a_refused_form_comes_back_with_the_reason_and_nothing_lost(
    client: TestClient, change: dict[str, object], message: str
) -> None:
    response = client.post("/console/intake", data={**_case_form(), **change})  # type: ignore[arg-type]
    assert response.status_code == 422 and message in response.text
    assert NARRATIVE in response.text and 'value="李某某"' in response.text


# ---------------------------------------------------------------------------------- the case page
def test_status_buttons_follow_the_transitions(client: TestClient) -> None:
    case_id = _create(client)
    page = client.get(f"/console/cases/{case_id}").text
    assert 'value="verified"' in page and 'value="investigating"' not in page
    assert (
        client.post(
            f"/console/cases/{case_id}/status", data={"status": "verified"}, follow_redirects=False
        ).status_code
        == 303
    )
    refused = client.post(f"/console/cases/{case_id}/status", data={"status": "received"})
    assert refused.status_code == 422 and "不能改为" in refused.text
    assert "已受理 → 已核实" in client.get(f"/console/cases/{case_id}").text  # the audit history


def test_a_stop_payment_on_the_receiving_account_appears_on_the_orders_page(client: TestClient) -> None:
    case_id = _create(client)
    data = {
        "account": ACCOUNT,
        "bank": "中国工商银行",
        "amount": "50000",
        "legal_basis": "反电信网络诈骗法第二十条",
    }
    response = client.post(f"/console/cases/{case_id}/stop-payment", data=data, follow_redirects=False)
    assert response.status_code == 303
    assert "已有紧急止付指令" in client.get(f"/console/cases/{case_id}").text
    orders = client.get("/console/orders").text
    assert ACCOUNT in orders and "待银行执行" in orders and "解除" in orders
    again = client.post(f"/console/cases/{case_id}/stop-payment", data=data)
    assert again.status_code == 422 and "已有未结束的指令" in again.text


def test_orders_expiring_soon_are_highlighted_and_can_be_renewed(client: TestClient) -> None:
    from datetime import UTC, datetime, timedelta

    from fanzha.orders.repository import OrderStore

    case_id = _create(client)
    store = OrderStore(client.app.state.services.store.engine)  # type: ignore[attr-defined]
    order = store.request_stop_payment(
        case_id=case_id,
        account=ACCOUNT,
        bank="中国工商银行",
        amount=50000,
        legal_basis="反电信网络诈骗法第二十条",
        officer="officer-001",
    )
    store.execute(
        order_id=order.id,
        amount_stopped=50000,
        bank_actor="bank",
        now=datetime.now(UTC) - timedelta(hours=40),
    )
    page = client.get("/console/orders").text
    assert 'class="soon"' in page and "还剩 7 小时" in page and "续期 48 小时" in page and "转冻结" in page
    assert client.post(f"/console/orders/{order.id}/renew", follow_redirects=False).status_code == 303
    assert "已续期 1 次" in client.get("/console/orders").text
    refused = client.post(f"/console/orders/{order.id}/release", data={"reason": " "})
    assert refused.status_code == 422 and "解除理由" in refused.text


def test_linked_cases_show_their_group_and_the_group_page_embeds_the_graph(client: TestClient) -> None:
    first = _create(client)
    second = _create(
        client, narrative="王先生接到17012345678的电话，转账2万元到6222021234567890128。", amount="20000"
    )
    page = client.get(f"/console/cases/{second}").text
    group = re.search(r'串并组 <a href="/console/groups/(\d+)"', page)
    assert group and "2 起案件" in page
    assert f"/console/groups/{group.group(1)}" in client.get("/console/groups").text
    html = client.get(f"/console/groups/{group.group(1)}").text
    data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert data
    graph = json.loads(data.group(1))
    ids = {n["id"] for n in graph["nodes"]}
    assert {f"case:{first}", f"case:{second}", "phone:17012345678"} <= ids
    assert {"source": f"case:{first}", "target": "phone:17012345678"} in graph["edges"]
    assert any(n.get("href") == f"/console/cases/{first}" for n in graph["nodes"])
    assert "70,000" in html and "西城区 2 起" in html


def test_the_case_list_filters_and_searches(client: TestClient) -> None:
    case_id = _create(client)
    assert f"/console/cases/{case_id}" in client.get("/console/cases", params={"q": "1701234"}).text
    assert (
        f"/console/cases/{case_id}"
        not in client.get("/console/cases", params={"status": "closed_solved"}).text
    )
    assert "共 1 起" in client.get("/console/cases", params={"district": "西城区"}).text


def test_a_key_person_is_listed_with_the_cases_of_their_identifiers(client: TestClient) -> None:
    case_id = _create(client)
    data = {
        "name": "张三",
        "category": "mule",
        "id_number": "",
        "district": "西城区",
        "note": "",
        "ident_kind": ["bank_card", "phone"],
        "ident_value": [ACCOUNT, ""],
    }
    assert client.post("/console/persons", data=data, follow_redirects=False).status_code == 303
    page = client.get("/console/persons").text
    assert "张三" in page and "涉案账户持有人" in page and f"/console/cases/{case_id}" in page
    assert "张三" in client.get(f"/console/cases/{case_id}").text  # key persons connected to the case
    refused = client.post("/console/persons", data={**data, "name": " "})
    assert refused.status_code == 422 and "请填写姓名" in refused.text


def test_an_unknown_case_or_group_is_a_chinese_404(client: TestClient) -> None:
    assert "没有找到案件 #999" in client.get("/console/cases/999").text
    assert client.get("/console/groups/999").status_code == 404


def test_times_are_typed_and_shown_in_beijing_time(client: TestClient) -> None:
    case_id = _create(client)
    page = client.get(f"/console/cases/{case_id}").text
    assert "2026-11-06 10:00" in page and "2026-11-06 15:00" in page  # as typed, not shifted by 8 hours
    case = client.app.state.services.cases.get(case_id)  # type: ignore[attr-defined]
    assert case.occurred_at.utcoffset().total_seconds() == 0 and case.occurred_at.hour == 2  # stored in UTC


# ---------------------------------------------------------------------------------- the dashboard
def test_the_dashboard_shows_todays_desk_numbers_charts_and_expiring_orders(client: TestClient) -> None:
    from datetime import UTC, datetime, timedelta

    from fanzha.orders.repository import OrderStore

    case_id = _create(client)
    client.post("/v1/reports", json={"kind": "phone", "value": "17012345678"})
    store = OrderStore(client.app.state.services.store.engine)  # type: ignore[attr-defined]
    order = store.request_stop_payment(
        case_id=case_id,
        account=ACCOUNT,
        bank="中国工商银行",
        amount=50000,
        legal_basis="第二十条",
        officer="x",
    )
    store.execute(
        order_id=order.id,
        amount_stopped=50000,
        bank_actor="bank",
        now=datetime.now(UTC) - timedelta(hours=47),
    )
    html = client.get("/console").text
    numbers = re.findall(r'<div class="n">([^<]*)<small> (起|元|条)</small>', html)
    assert numbers == [
        ("1", "起"),
        ("0", "起"),
        ("50,000", "元"),
        ("0", "元"),
        ("1", "条"),
    ]  # 报警数 劝阻数 涉案金额 避免损失 举报线索数
    assert html.count("<svg") >= 3 and "近8周主要类型报警数" in html
    assert f"#{order.id} 紧急止付" in html and "还剩 0 小时" in html
    assert f"/console/cases/{case_id}" in html  # the newest cases
