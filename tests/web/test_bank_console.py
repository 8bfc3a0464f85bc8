"""The bank console through the app, without a browser: login and the bank gate, held transfers, the
checklist form and its outcome (the case at the desk, the intelligence report), and the bank's side of
stop-payment and freeze orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.cases.model import CaseIn, Payment, Person
from fanzha.intel.keys import create_key
from fanzha.orders.repository import OrderStore
from fanzha.store.screen_tables import ScreenDecisionRow
from fanzha.timezones import BEIJING

BANK = "江州农商银行"
MULE = "6222021234567890128"
NOW = datetime.now(UTC)
ANSWERS = {
    "a_ask_business": "转账，说是还款",
    "a_ask_payee": "对方自称公检法或银行工作人员",
    "a_ask_known": "不认识",
    "a_look_manner": "否",
    "a_look_phone": "是",
    "a_check_account": "一致但在外地",
    "a_check_safe_account": "是",
    "a_check_callback": "核实后发现是骗局",
}


def engine_of(client: TestClient) -> Engine:
    return client.app.state.services.store.engine  # type: ignore[attr-defined, no-any-return]


def held(engine: Engine, transfer_id: str, *, bank: str = BANK) -> None:
    transfer = {
        "id": transfer_id, "time": "2026-11-06T12:05:00+08:00", "amount": 50000.0, "channel": "counter",
        "payer": {"account": "6212261234567890123", "name": "王秀英", "age": 72, "district": "江州市西城区"},
        "payee": {"account": MULE, "bank": "中国工商银行", "name": "李某", "district": "湖北省武汉市"},
        "purpose": "还款", "payer_on_call": True,
    }  # fmt: skip
    with Session(engine) as session:
        session.add(
            ScreenDecisionRow(
                bank=bank, transfer_id=transfer_id, transfer_at=NOW, decided_at=NOW, outcome="hold", score=80,
                amount_fen=5_000_000, channel="counter", payer_account="6212261234567890123", payee_account=MULE,
                rules_version="test", reasons=[{"rule": "elderly_on_call", "clause": "老年客户边打电话边大额转账"}],
                actions=[], executions=[], transfer=transfer, review="", reviewed_by="", review_note="",
            )
        )  # fmt: skip
        session.commit()


@pytest.fixture
def anonymous(tmp_path: Path, web_client: Callable[[Any], TestClient]) -> TestClient:
    return web_client(create_app(url=f"sqlite:///{tmp_path / 'bank.sqlite3'}"))


@pytest.fixture
def client(anonymous: TestClient) -> TestClient:
    key = create_key(engine_of(anonymous), role="bank", label=BANK)
    assert anonymous.post("/bank/login", data={"key": key}, follow_redirects=False).status_code == 303
    # ids long enough never to occur by chance inside a page's random form token (t-9 once did)
    held(engine_of(anonymous), "HOLD-OURS-1")
    held(engine_of(anonymous), "HOLD-OTHER-9", bank="另一家银行")
    return anonymous


def test_the_console_sends_strangers_to_login_and_refuses_officers(anonymous: TestClient) -> None:
    first = anonymous.get("/bank", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/bank/login?next=/bank"
    officer = create_key(engine_of(anonymous), role="officer", label="JZ1001")
    refused = anonymous.post("/bank/login", data={"key": officer})
    assert refused.status_code == 401 and "不是银行密钥" in refused.text
    assert anonymous.get("/bank", headers={"X-API-Key": officer}).status_code == 403


def test_held_transfers_of_this_bank_are_listed_with_the_customer_masked(client: TestClient) -> None:
    page = client.get("/bank").text
    assert "HOLD-OURS-1" in page and "HOLD-OTHER-9" not in page
    assert "王**" in page and "王秀英" not in page and MULE in page
    assert "老年客户边打电话边大额转账" in page and "通话中" in page


def test_the_checklist_opens_from_a_held_transfer_and_switches_to_the_atm_one(client: TestClient) -> None:
    page = client.get("/bank/check", params={"transfer_id": "HOLD-OURS-1"}).text
    assert "三问" in page and "二看" in page and "一核对" in page and "防范电信诈骗告知书" in page
    assert 'id="transfer-facts"' in page and "50,000" in page
    fragment = client.get(
        "/bank/check/checklist", params={"checklist": "atm"}, headers={"HX-Request": "true"}
    )
    assert fragment.status_code == 200 and "三提醒" in fragment.text and "<html" not in fragment.text


def test_calling_the_police_saves_the_check_opens_a_case_and_clears_the_held_list(client: TestClient) -> None:
    form = {"transfer_id": "HOLD-OURS-1", "checklist": "counter", "outcome": "police", "fraud_type": "impersonate_authority",
            "notice_signed": "on", "signed_by": "王秀英", **ANSWERS}  # fmt: skip
    saved = client.post("/bank/check", data=form, follow_redirects=False)
    assert saved.status_code == 303 and saved.headers["location"].startswith("/bank/checks?done=")
    page = client.get(saved.headers["location"]).text
    assert "报警" in page and "案件 #1" in page and "安全账户" in page
    case = client.app.state.services.cases.get(1)  # type: ignore[attr-defined]
    assert case is not None and case.dissuaded and case.desk == "银行网点"
    assert client.app.state.services.store.lookup(kind="bank_card", value=MULE).report_count == 1  # type: ignore[attr-defined]
    assert "HOLD-OURS-1" not in client.get("/bank").text


def test_an_incomplete_form_comes_back_with_the_question_and_the_answers_kept(client: TestClient) -> None:
    form = {"transfer_id": "HOLD-OURS-1", "checklist": "counter", "outcome": "dissuaded", **ANSWERS}
    del form["a_look_phone"]
    page = client.post("/bank/check", data=form)
    assert page.status_code == 422 and "请回答" in page.text and "小纸条" in page.text
    assert 'value="转账，说是还款"' in page.text


def test_a_transfer_id_without_a_decision_opens_a_form_to_fill_in_by_hand(client: TestClient) -> None:
    page = client.get("/bank/check", params={"transfer_id": "ATM-7", "checklist": "atm"}).text
    assert 'id="manual-note"' in page and "ATM-7" in page and "一问" in page
    form = {"transfer_id": "ATM-7", "checklist": "atm", "outcome": "dissuaded", "amount": "3000",
            "payee_account": "6217000012345678903", "a_ask_business": "转账给网友", "a_look_manner": "否",
            "a_look_phone": "是", "a_remind_scam": "on", "a_remind_verify": "on", "a_remind_confirm": "on"}  # fmt: skip
    assert client.post("/bank/check", data=form, follow_redirects=False).status_code == 303
    bad = client.post("/bank/check", data=form | {"transfer_id": "ATM-8", "amount": "三千"})
    assert bad.status_code == 422 and "不是数字" in bad.text


def _order(client: TestClient, bank: str = BANK) -> int:
    payment = Payment(50000, NOW - timedelta(hours=2), "bank_transfer", "6212261234567890123", MULE, bank)
    case = CaseIn(
        received_at=NOW, victim=Person(name="王秀英"), payments=[payment], fraud_type="impersonate_authority"
    )
    created = client.app.state.services.cases.create(case, actor="JZ1001")  # type: ignore[attr-defined]
    order = OrderStore(engine_of(client)).request_stop_payment(
        case_id=created.id, account=MULE, bank=bank, amount=50000, legal_basis="依法止付", officer="JZ1001"
    )
    return order.id


def test_the_bank_executes_an_order_with_the_amount_stopped(client: TestClient) -> None:
    order_id = _order(client)
    page = client.get("/bank/orders").text
    assert f"#{order_id}" in page and MULE in page and "执行" in page
    done = client.post(
        f"/bank/orders/{order_id}/execute", data={"amount_stopped": "48000"}, follow_redirects=False
    )
    assert done.status_code == 303
    order = OrderStore(engine_of(client)).get(order_id=order_id)
    assert order.state == "executed" and order.amount_stopped == 48000 and order.executed_at is not None
    again = client.post(f"/bank/orders/{order_id}/execute", data={"amount_stopped": "1"})
    assert again.status_code == 422


def test_the_bank_refuses_with_a_reason_and_cannot_touch_another_banks_order(client: TestClient) -> None:
    mine, theirs = _order(client), _order(client, bank="另一家银行")
    assert (
        client.post(
            f"/bank/orders/{mine}/refuse", data={"reason": "账户已销户"}, follow_redirects=False
        ).status_code
        == 303
    )
    assert OrderStore(engine_of(client)).get(order_id=mine).state == "refused"
    other = client.post(f"/bank/orders/{theirs}/execute", data={"amount_stopped": "1"})
    assert other.status_code == 422 and "不存在" in other.text
    assert f"#{theirs}" not in client.get("/bank/orders?state=all").text


def test_reported_inflows_are_stored_and_a_bad_line_is_named(client: TestClient) -> None:
    _order(client)
    when = (NOW - timedelta(hours=1)).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
    lines = f"{when}, 8000, 6217000099998888777, 赵某\n{when}，3000"
    page = client.post("/bank/inflows", data={"account": MULE, "lines": lines})
    assert page.status_code == 200 and "已报送 2 笔" in page.text
    bad = client.post("/bank/inflows", data={"account": MULE, "lines": f"{when}, 8000\n昨天, 10"})
    assert bad.status_code == 422 and "第2行" in bad.text


def test_an_admin_logged_into_both_consoles_stays_logged_into_each(anonymous: TestClient) -> None:
    admin = create_key(engine_of(anonymous), role="admin", label="管理员")
    assert anonymous.post("/console/login", data={"key": admin}, follow_redirects=False).status_code == 303
    assert anonymous.post("/bank/login", data={"key": admin}, follow_redirects=False).status_code == 303
    anonymous.post("/bank/logout", follow_redirects=False)
    assert (
        anonymous.get("/console", follow_redirects=False).status_code == 200
    )  # its own cookie, path /console
    assert anonymous.get("/bank", follow_redirects=False).status_code == 303
