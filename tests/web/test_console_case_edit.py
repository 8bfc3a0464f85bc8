"""Editing a saved case on the officer console, and the elements intake requires, through the app
without a browser: the edit page shows the stored case, saving stores only the changes with old → new
in the history, a receiving account added offers the stop-payment, and a refused form keeps the stored
case and comes back as typed with messages beside the fields."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

MULE = "6222021234567890128"
NEW_MULE = "6217001234567890123"


@pytest.fixture
def client(tmp_path: Path, web_client: Callable[[Any], TestClient]) -> TestClient:
    client = web_client(create_app(url=f"sqlite:///{tmp_path / 'edit.sqlite3'}"))
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    key = create_key(engine, role="officer", label="民警张三")
    assert client.post("/console/login", data={"key": key}, follow_redirects=False).status_code == 303
    return client


def intake(**change: object) -> dict[str, object]:
    form: dict[str, object] = {
        "narrative": "报警人李女士称接到自称警察的电话，按对方要求转账5万元。",
        "fraud_type": "impersonate_authority",
        "contact_channel": "phone_call",
        "occurred_at": "2026-11-06T10:00",
        "district": "西城区",
        "reporter_name": "李某某",
        "reporter_phone": "13912345678",
        "victim_name": "李某某",
        "victim_age": "68",
        "victim_sex": "女",
        "pay_amount": ["50000"],
        "pay_paid_at": ["2026-11-06T14:00"],
        "pay_channel": ["bank_transfer"],
        "pay_to_account": [""],
        "pay_to_bank": [""],
        "pay_from_account": [""],
        "ident_kind": ["phone"],
        "ident_value": ["17012345678"],
        "action": "save",
    }
    form.update(change)
    return form


def create(client: TestClient, **change: object) -> int:
    response = client.post("/console/intake", data=intake(**change), follow_redirects=False)  # type: ignore[arg-type]
    assert response.status_code == 303, response.text[:3000]
    found = re.search(r"/console/cases/(\d+)", response.headers["location"])
    assert found
    return int(found.group(1))


def edit_form(client: TestClient, case_id: int) -> dict[str, object]:
    """The edit page's form as a browser would post it unchanged."""
    html = client.get(f"/console/cases/{case_id}/edit").text
    form: dict[str, object] = {}
    for tag, name, value in re.findall(r'(<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)")', html):
        if name in ("csrf_token", "auto") or 'type="checkbox"' in tag:
            continue
        form.setdefault(name, []).append(value)  # type: ignore[union-attr]
    for tag in re.findall(r"<input[^>]*>", html):
        if 'type="checkbox"' in tag and " checked" in tag:
            form[re.search(r'name="([a-z_]+)"', tag).group(1)] = "1"  # type: ignore[union-attr]
    for name, body in re.findall(r'<select[^>]*name="([a-z_]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        form.setdefault(name, []).append(chosen.group(1) if chosen else "")  # type: ignore[union-attr]
    narrative = re.search(r'<textarea id="narrative"[^>]*>(.*?)</textarea>', html, re.S)
    assert narrative
    form["narrative"] = narrative.group(1).replace("&#34;", '"').replace("&#39;", "'")
    return {k: (v[0] if isinstance(v, list) and len(v) == 1 and not k.startswith(("pay_", "ident_")) else v)
            for k, v in form.items()}  # fmt: skip


def history(client: TestClient, case_id: int) -> str:
    html = client.get(f"/console/cases/{case_id}").text
    found = re.search(r'<section id="history">(.*?)</section>', html, re.S)
    assert found
    return found.group(1)


# ---------------------------------------------------------------------------------- editing
def test_the_case_page_links_to_the_edit_page_which_shows_the_stored_case(client: TestClient) -> None:
    case_id = create(client)
    assert f'href="/console/cases/{case_id}/edit"' in client.get(f"/console/cases/{case_id}").text
    form = edit_form(client, case_id)
    assert form["fraud_type"] == "impersonate_authority"
    assert form["occurred_at"] == "2026-11-06T10:00"
    assert form["victim_age"] == "68" and form["reporter_name"] == "李某某"
    assert form["pay_amount"] == ["50000", ""]  # the stored payment and a blank row
    assert form["pay_paid_at"] == ["2026-11-06T14:00", ""]
    assert "17012345678" in client.get(f"/console/cases/{case_id}/edit").text  # the identifiers, listed


@pytest.mark.parametrize("change", [{}, {"dissuaded": "1"}, {"loss": "1234.5"}])
def test_saving_an_unchanged_form_changes_nothing_and_logs_nothing(
    client: TestClient, change: dict[str, str]
) -> None:
    case_id = create(client, **change)
    before = history(client, case_id)
    response = client.post(
        f"/console/cases/{case_id}/edit", data=edit_form(client, case_id), follow_redirects=False
    )  # type: ignore[arg-type]
    assert response.status_code == 303 and response.headers["location"].endswith("done=unchanged")
    assert history(client, case_id) == before


def test_a_corrected_field_is_stored_and_the_history_names_old_and_new(client: TestClient) -> None:
    case_id = create(client)
    form = {
        **edit_form(client, case_id),
        "fraud_type": "investment",
        "victim_age": "67",
        "place": "农业银行柜台",
    }
    response = client.post(f"/console/cases/{case_id}/edit", data=form, follow_redirects=False)  # type: ignore[arg-type]
    assert response.status_code == 303 and response.headers["location"].endswith("done=edited")
    page = client.get(f"/console/cases/{case_id}?done=edited").text
    assert "案件已修改" in page and "虚假网络投资理财" in page and "67岁" in page
    line = history(client, case_id)
    assert "民警张三 · 修改要素" in line
    assert "诈骗类型：冒充公检法及政府机关 → 虚假网络投资理财" in line
    assert "受害人：年龄 68 → 67" in line
    assert "发案地点：（空） → 农业银行柜台" in line


def test_adding_a_receiving_account_offers_the_stop_payment(client: TestClient) -> None:
    case_id = create(client)
    assert "stop-payment" not in client.get(f"/console/cases/{case_id}").text  # no receiving account yet
    form = edit_form(client, case_id)
    form.update(
        pay_amount=["50000", "30000"], pay_paid_at=["2026-11-06T14:00", "2026-11-06T15:30"],
        pay_channel=["bank_transfer", "bank_transfer"], pay_to_account=["", NEW_MULE],
        pay_to_bank=["", "中国农业银行"], pay_from_account=["", ""],
        ident_kind=["bank_card"], ident_value=[NEW_MULE],
    )  # fmt: skip
    response = client.post(f"/console/cases/{case_id}/edit", data=form, follow_redirects=False)  # type: ignore[arg-type]
    assert response.status_code == 303, response.text[:3000]
    page = client.get(f"/console/cases/{case_id}").text
    assert 'class="inline-form stop-payment"' in page and f'value="{NEW_MULE}"' in page
    assert re.search(r'id="case-loss">80,000 元', page)  # the loss follows the payments' sum
    line = history(client, case_id)
    assert f"转账记录：1 笔 → 2 笔，新增收款账户 {NEW_MULE}，金额合计 50,000 → 80,000 元" in line
    assert "损失：50,000 元 → 80,000 元" in line
    assert f"补充线索：bank_card:{NEW_MULE}" in line
    # The stop-payment is then requested from the case page as for any case.
    order = client.post(
        f"/console/cases/{case_id}/stop-payment",
        data={"account": NEW_MULE, "bank": "中国农业银行", "amount": "30000"},
        follow_redirects=False,
    )
    assert order.status_code == 303 and order.headers["location"].endswith("done=order")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"fraud_type": ""}, "fraud_type", "请选择诈骗类型"),
        ({"narrative": "  "}, "narrative", "请填写报警人所述"),
        ({"occurred_at": "2026-13-40T99:00"}, "occurred_at", "发案时间格式不对"),
        ({"victim_age": "300"}, "victim_age", "受害人年龄应为 0 到 130"),
        ({"loss": "很多"}, "loss", "损失金额应为数字"),
        ({"place": "地" * 201}, "place", "发案地点不能超过 200 个字符"),
    ],
)
def test_a_bad_edit_keeps_the_stored_case_and_says_why_beside_the_field(
    client: TestClient, change: dict[str, str], field: str, message: str
) -> None:
    case_id = create(client)
    stored = client.get(f"/console/cases/{case_id}").text
    before = history(client, case_id)
    form = {**edit_form(client, case_id), "district": "东城区", **change}
    response = client.post(f"/console/cases/{case_id}/edit", data=form)  # type: ignore[arg-type]
    assert response.status_code == 422
    beside = re.search(rf'id="{field}-error"[^>]*>([^<]*)<', response.text)
    assert beside and message in beside.group(1), response.text[:3000]
    assert 'value="东城区"' in response.text  # the rest of the form comes back as typed
    assert history(client, case_id) == before
    assert client.get(f"/console/cases/{case_id}").text == stored


def test_a_bad_payment_row_is_refused_and_nothing_is_stored(client: TestClient) -> None:
    case_id = create(client)
    before = history(client, case_id)
    form = edit_form(client, case_id)
    form.update(pay_amount=["50000", "abc"], pay_to_account=["", NEW_MULE])
    response = client.post(f"/console/cases/{case_id}/edit", data=form)  # type: ignore[arg-type]
    assert response.status_code == 422 and "第 2 笔转账的金额应为数字" in response.text
    assert history(client, case_id) == before


def test_an_invalid_new_identifier_is_refused_in_chinese(client: TestClient) -> None:
    case_id = create(client)
    form = {**edit_form(client, case_id), "ident_kind": ["phone"], "ident_value": ["12"], "place": "某地"}
    response = client.post(f"/console/cases/{case_id}/edit", data=form)  # type: ignore[arg-type]
    assert response.status_code == 422 and "不是有效的" in response.text
    assert "某地" not in client.get(f"/console/cases/{case_id}").text  # nothing of the edit was stored


def test_an_edit_of_a_case_changed_since_the_page_opened_is_refused(client: TestClient) -> None:
    case_id = create(client)
    stale = edit_form(client, case_id)
    first = {**edit_form(client, case_id), "place": "第一次修改"}
    assert (
        client.post(f"/console/cases/{case_id}/edit", data=first, follow_redirects=False).status_code == 303
    )  # type: ignore[arg-type]
    response = client.post(f"/console/cases/{case_id}/edit", data={**stale, "place": "第二次修改"})  # type: ignore[arg-type]
    assert response.status_code == 422 and "已被修改" in response.text
    page = client.get(f"/console/cases/{case_id}").text
    assert "第一次修改" in page and "第二次修改" not in page


def test_the_edit_page_of_a_missing_case_is_a_chinese_404(client: TestClient) -> None:
    assert client.get("/console/cases/999/edit").status_code == 404
    assert client.post("/console/cases/999/edit", data=intake()).status_code == 404  # type: ignore[arg-type]


def test_the_api_patch_shows_old_and_new_in_the_console_history(client: TestClient) -> None:
    case_id = create(client)
    services = client.app.state.services  # type: ignore[attr-defined]
    services.cases.update(case_id, actor="api-officer", loss=60000.0, fraud_type="loan")
    line = history(client, case_id)
    assert (
        "损失：50,000 元 → 60,000 元" in line
        and "诈骗类型：冒充公检法及政府机关 → 虚假网络贷款、代办信用卡" in line
    )


# ---------------------------------------------------------------------------------- intake requires
def test_an_empty_intake_form_is_refused_with_a_message_beside_each_missing_element(
    client: TestClient,
) -> None:
    response = client.post("/console/intake", data={"narrative": "", "action": "save"})
    assert response.status_code == 422
    for field, words in [
        ("narrative", "请填写报警人所述"),
        ("fraud_type", "请选择诈骗类型"),
        ("contact_channel", "请选择诈骗分子的联系方式"),
        ("occurred_at", "请填写发案时间"),
        ("reporter_name", "报警人姓名或电话"),
        ("loss", "损失金额、一笔转账或一条涉案线索"),
    ]:
        beside = re.search(rf'id="{field}-error"[^>]*>([^<]*)<', response.text)
        assert beside and words in beside.group(1), field
        assert f'aria-describedby="{field}-error"' in response.text
    assert "共 6 处需要补充或更正" in response.text
    assert "没有符合条件的案件" in client.get("/console/cases").text  # nothing saved


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"fraud_type": ""}, "fraud_type"),
        ({"contact_channel": ""}, "contact_channel"),
        ({"occurred_at": ""}, "occurred_at"),
        ({"reporter_name": "", "reporter_phone": ""}, "reporter_name"),
        ({"pay_amount": [""], "pay_paid_at": [""], "pay_channel": [""], "ident_value": [""]}, "loss"),
    ],
)
def test_an_incomplete_intake_keeps_what_was_typed(
    client: TestClient, change: dict[str, object], field: str
) -> None:
    response = client.post("/console/intake", data=intake(**change))  # type: ignore[arg-type]
    assert response.status_code == 422
    assert re.search(rf'id="{field}-error"', response.text)
    assert "报警人李女士称接到自称警察的电话" in response.text and 'value="西城区"' in response.text
    assert len(re.findall(r'class="field-error"', response.text)) == 1  # only what is missing is marked


@pytest.mark.parametrize(
    "change",
    [
        {"reporter_name": ""},  # a phone number to call back is enough
        {"pay_amount": [""], "pay_paid_at": [""], "pay_channel": [""], "ident_value": [""], "loss": "3000"},
        {"pay_amount": [""], "pay_paid_at": [""], "pay_channel": [""], "dissuaded": "1"},  # identifier kept
        {"pay_amount": [""], "pay_paid_at": [""], "pay_channel": [""], "ident_value": [""], "dissuaded": "1"},
    ],
)
def test_a_complete_intake_is_saved(client: TestClient, change: dict[str, object]) -> None:
    create(client, **change)
