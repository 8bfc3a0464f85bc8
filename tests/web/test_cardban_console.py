"""断卡 in the consoles, without a browser: a bank records an account it found rented and checks openings
(可办理 / 仅限柜面 / 需核实 with the reasons), the desk lists holders on a case's evidence, lifts one, and
sees the groups that run through listed accounts (a column and a filter in the groups list, a note on the
group's page)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.cases.model import CaseIdentifier, CaseIn
from fanzha.intel.keys import create_key
from fanzha.timezones import BEIJING

MULE = "6222021234567890128"
HOLDER = "11010519491231002X"
ENTRY = {"kind": "bank_card", "value": "6222 0212 3456 7890 128", "holder_name": "张三", "holder_id": HOLDER}
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style", re.IGNORECASE)


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(url=f"sqlite:///{tmp_path / 'cardban.sqlite3'}")


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


def two_linked_cases(app: FastAPI) -> tuple[str, int]:
    """Two cases naming the mule account: (the first's reference, their group)."""
    from datetime import datetime

    cases = app.state.services.cases
    first = cases.create(
        CaseIn(
            received_at=datetime(2026, 5, 20, 10, tzinfo=BEIJING),
            identifiers=[CaseIdentifier("bank_card", MULE)],
        ),
        actor="JZ1001",
    )
    cases.create(
        CaseIn(
            received_at=datetime(2026, 5, 21, 10, tzinfo=BEIJING),
            identifiers=[CaseIdentifier("bank_card", MULE)],
        ),
        actor="JZ1001",
    )
    return first.ref, first.group_id


def test_a_bank_records_a_rented_account_and_sees_the_holder_masked(bank: TestClient) -> None:
    added = bank.post("/bank/cardban", data=ENTRY | {"review_ref": "工行核查2026-01"}, follow_redirects=False)
    assert added.status_code == 303
    page = bank.get(added.headers["location"]).text
    assert "已登记" in page and "张*" in page and "110105********002X" in page and HOLDER not in page
    refused = bank.post("/bank/cardban", data=ENTRY | {"review_ref": "R2"})
    assert (
        refused.status_code == 422
        and "已在惩戒名单上" in refused.text
        and "6222 0212 3456 7890 128" in refused.text
    )


@pytest.mark.parametrize(
    ("holder_id", "verdict", "reason"),
    [
        ("110101199003072316", "可办理", "未在断卡惩戒名单和重点人员中发现"),
        ("110105 19491231 002x", "仅限柜面", "新开账户仅限柜面办理"),
        ("110101199003072317", "需核实", "身份证号校验位不符"),
    ],
)
def test_the_opening_check_answers_with_the_reasons(
    bank: TestClient, holder_id: str, verdict: str, reason: str
) -> None:
    bank.post("/bank/cardban", data=ENTRY | {"review_ref": "R1"})
    page = bank.post(
        "/bank/opening", data={"service": "open_account", "holder_name": "客户", "holder_id": holder_id}
    )
    assert page.status_code == 200
    found = re.search(r'id="opening-verdict">([^<]+)<', page.text)
    assert found is not None and found.group(1) == verdict and reason in page.text
    assert 'id="opening-list"' in page.text and verdict in bank.get("/bank/opening").text


def test_a_check_the_bank_cannot_make_comes_back_with_the_reason(bank: TestClient) -> None:
    page = bank.post(
        "/bank/opening", data={"service": "online_service", "holder_name": "客户", "holder_id": HOLDER}
    )
    assert page.status_code == 422 and "请填写账户" in page.text and HOLDER in page.text


def test_the_desk_lists_a_holder_on_a_case_and_sees_the_groups_through_the_account(
    app: FastAPI, desk: TestClient
) -> None:
    ref, group = two_linked_cases(app)
    added = desk.post(
        "/console/cardban", data=ENTRY | {"evidence": "case", "case": ref}, follow_redirects=False
    )
    assert added.status_code == 303
    page = desk.get("/console/cardban").text
    assert "张三" in page and HOLDER in page and f'href="/console/groups/{group}"' in page
    groups = desk.get("/console/groups").text
    assert "<th>两卡</th>" in groups and MULE in groups and 'id="two-cards-filter"' in groups
    only = desk.get("/console/groups", params={"two_cards": "1"}).text
    assert f"串并组 #{group}" in only and "只看经过两卡的组" in only
    view = desk.get(f"/console/groups/{group}").text
    assert 'id="group-two-cards"' in view and MULE in view
    entry_id = re.search(r"#(\d+) 银行账户", page)
    assert entry_id is not None
    lifted = desk.post(f"/console/cardban/{entry_id.group(1)}/lift", data={"reason": "申诉成立"})
    assert lifted.status_code == 200 and "已解除" in lifted.text and "申诉成立" in lifted.text
    assert MULE not in desk.get("/console/groups", params={"two_cards": "1"}).text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"evidence": "case", "case": "AJ不存在"}, "没有编号或案号为 AJ不存在 的案件"),
        ({"evidence": "bank_review", "review_ref": ""}, "依据为银行核查时请填写核查编号或说明"),
        ({"evidence": "bank_review", "review_ref": "R", "ends_on": "2099-01-01"}, "惩戒期限最长 5 年"),
        ({"evidence": "bank_review", "review_ref": "R", "starts_on": "明天"}, "不是日期"),
    ],
)
def test_the_desks_form_names_what_to_correct_and_keeps_what_was_typed(
    desk: TestClient, changes: dict[str, str], message: str
) -> None:
    page = desk.post("/console/cardban", data=ENTRY | changes)
    assert page.status_code == 422 and message in page.text and 'value="张三"' in page.text


def test_banks_cannot_open_the_desks_list(app: FastAPI, web_client: Callable[..., TestClient]) -> None:
    stranger = web_client(app)
    assert stranger.get("/console/cardban", follow_redirects=False).status_code == 303
    banker = create_key(app.state.services.store.engine, role="bank", label="中国工商银行")
    assert stranger.get("/console/cardban", headers={"X-API-Key": banker}).status_code == 403


def test_the_pages_carry_no_inline_script_or_style(app: FastAPI, bank: TestClient, desk: TestClient) -> None:
    two_linked_cases(app)
    bank.post("/bank/cardban", data=ENTRY | {"review_ref": "R1"})
    for page in (bank.get("/bank/cardban"), bank.get("/bank/opening"), desk.get("/console/cardban"),
                 desk.get("/console/groups")):  # fmt: skip
        assert page.status_code == 200 and not INLINE.search(page.text), page.url
