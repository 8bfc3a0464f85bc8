"""断卡 through the API: the role matrix, entries by the desk (case evidence) and by banks (their review, the
holder masked for them), the opening check's answer, and the groups that run through listed accounts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.audit.log import verify
from fanzha.intel.keys import create_key

MULE = "6222021234567890128"
HOLDER = "11010519491231002X"
CASE = {
    "received_at": "2026-05-20T10:00:00+08:00", "narrative": "受害人向安全账户转账", "fraud_type": "impersonate_authority",
    "contact_channel": "phone_call", "occurred_at": "2026-05-20T09:00:00+08:00", "reporter": {"name": "李某某"},
    "payments": [{"amount": 50000, "to_account": MULE}],
    "identifiers": [{"kind": "bank_card", "value": "6222 0212 3456 7890 128"}],
}  # fmt: skip
ENTRY = {"kind": "bank_card", "value": MULE, "holder_name": "张三", "holder_id": HOLDER}
OFFICER_CALLS = [
    ("post", "/v1/cardban", {"json": ENTRY | {"evidence": "case", "case_id": 1}}),
    ("get", "/v1/cardban", {}),
    ("get", "/v1/cardban/groups", {}),
    ("get", "/v1/cardban/checks", {}),
    ("get", "/v1/cardban/1", {}),
    ("get", "/v1/cardban/1/history", {}),
    ("post", "/v1/cardban/1/lift", {"json": {"reason": "申诉成立"}}),
]
BANK_CALLS = [
    ("post", "/v1/bank/cardban", {"json": ENTRY | {"review_ref": "R1"}}),
    ("get", "/v1/bank/cardban", {}),
    (
        "post",
        "/v1/bank/opening-checks",
        {"json": {"service": "open_account", "holder_name": "张三", "holder_id": HOLDER}},
    ),
    ("get", "/v1/bank/opening-checks", {}),
]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


def key(client: TestClient, role: str, label: str) -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role=role, label=label)}


@pytest.fixture
def keys(client: TestClient) -> dict[str, dict[str, str]]:
    return {
        "icbc": key(client, "bank", "工商银行"),
        "rural": key(client, "bank", "江州农商银行"),
        "officer": key(client, "officer", "JZ1001"),
        "public": key(client, "public", "反诈APP"),
    }


@pytest.mark.parametrize(("method", "path", "kwargs"), OFFICER_CALLS)
def test_the_desks_list_refuses_everyone_but_officers(
    client: TestClient, keys: dict[str, dict[str, str]], method: str, path: str, kwargs: dict[str, Any]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    for who in ("public", "icbc"):
        assert getattr(client, method)(path, headers=keys[who], **kwargs).status_code == 403


@pytest.mark.parametrize(("method", "path", "kwargs"), BANK_CALLS)
def test_the_banks_side_refuses_everyone_but_banks(
    client: TestClient, keys: dict[str, dict[str, str]], method: str, path: str, kwargs: dict[str, Any]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    for who in ("public", "officer"):
        assert getattr(client, method)(path, headers=keys[who], **kwargs).status_code == 403


def test_the_desk_lists_a_holder_on_a_cases_evidence_and_sees_the_group_through_it(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    case = client.post("/v1/cases", headers=keys["officer"], json=CASE).json()
    client.post(
        "/v1/cases", headers=keys["officer"], json=CASE | {"received_at": "2026-05-21T10:00:00+08:00"}
    )
    added = client.post(
        "/v1/cardban", headers=keys["officer"], json=ENTRY | {"evidence": "case", "case_id": case["id"]}
    )
    assert added.status_code == 201
    entry = added.json()
    assert (entry["holder_id"], entry["status"], entry["case_id"]) == (HOLDER, "active", case["id"])
    groups = client.get("/v1/groups", headers=keys["officer"], params={"min_cases": 1}).json()
    mine = next(g for g in groups if g["id"] == case["group_id"])
    assert [(h["value"], h["via"]) for h in mine["two_cards"]] == [(MULE, "identifier")]
    only = client.get(
        "/v1/groups", headers=keys["officer"], params={"min_cases": 1, "two_cards": True}
    ).json()
    assert [g["id"] for g in only] == [case["group_id"]] and only[0]["size"] == 2
    view = client.get(f"/v1/groups/{case['group_id']}", headers=keys["officer"]).json()
    assert view["two_cards"][0]["entry_id"] == entry["id"]
    listed = client.get("/v1/cardban/groups", headers=keys["officer"]).json()
    assert [g["id"] for g in listed] == [case["group_id"]]
    again = client.post(
        "/v1/cardban", headers=keys["officer"], json=ENTRY | {"evidence": "case", "case_id": case["id"]}
    )
    assert again.status_code == 409
    lifted = client.post(
        f"/v1/cardban/{entry['id']}/lift", headers=keys["officer"], json={"reason": "申诉成立"}
    )
    assert lifted.json()["status"] == "lifted"
    assert client.get("/v1/groups", headers=keys["officer"], params={"two_cards": True}).json() == []
    history = client.get(f"/v1/cardban/{entry['id']}/history", headers=keys["officer"]).json()
    assert [e["action"] for e in history] == ["cardban.add", "cardban.lift"]


def test_a_bank_records_its_review_and_sees_its_own_entries_masked(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    added = client.post(
        "/v1/bank/cardban", headers=keys["icbc"], json=ENTRY | {"review_ref": "工行核查2026-01"}
    )
    assert added.status_code == 201
    entry = added.json()
    assert (entry["holder_name"], entry["holder_id"], entry["evidence"]) == (
        "张*",
        "110105********002X",
        "bank_review",
    )
    assert [e["id"] for e in client.get("/v1/bank/cardban", headers=keys["icbc"]).json()] == [entry["id"]]
    assert client.get("/v1/bank/cardban", headers=keys["rural"]).json() == []
    full = client.get(f"/v1/cardban/{entry['id']}", headers=keys["officer"]).json()
    assert (full["holder_name"], full["holder_id"], full["recorded_by"]) == ("张三", HOLDER, "中国工商银行")


def test_another_bank_checking_the_holder_gets_counter_only_with_the_reason(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    client.post("/v1/bank/cardban", headers=keys["icbc"], json=ENTRY | {"review_ref": "R1"})
    body = {
        "service": "online_service",
        "holder_name": "张三",
        "holder_id": "110105 19491231 002x",
        "account": "6217001234567890",
    }
    answer = client.post("/v1/bank/opening-checks", headers=keys["rural"], json=body)
    assert answer.status_code == 201
    result = answer.json()
    assert (result["verdict"], result["verdict_name"]) == ("counter_only", "仅限柜面")
    assert "不得开通网银" in result["reasons"][0]["text"] and result["holder_id"] == "110105********002X"
    assert result["account"] != "6217001234567890" and result["account"].endswith("7890")  # 客户打码
    assert [c["id"] for c in client.get("/v1/bank/opening-checks", headers=keys["rural"]).json()] == [
        result["id"]
    ]
    assert client.get("/v1/bank/opening-checks", headers=keys["icbc"]).json() == []
    desk = client.get("/v1/cardban/checks", headers=keys["officer"]).json()
    assert desk[0]["holder_id"] == "11010519491231002X" and desk[0]["account"] == "6217001234567890"
    assert verify(client.app.state.services.store.engine).ok  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/v1/bank/cardban", ENTRY, 422),  # no review reference
        ("/v1/bank/cardban", ENTRY | {"review_ref": "R", "kind": "wechat"}, 422),
        ("/v1/bank/cardban", ENTRY | {"review_ref": "R", "ends_on": "2099-01-01"}, 422),
        ("/v1/bank/cardban", ENTRY | {"review_ref": "R", "starts_on": "0001-01-01"}, 422),
        ("/v1/bank/cardban", ENTRY | {"review_ref": "R", "holder_id": "不是号码"}, 422),
        (
            "/v1/bank/opening-checks",
            {"service": "online_service", "holder_name": "张三", "holder_id": HOLDER},
            422,
        ),
        ("/v1/bank/opening-checks", {"service": "loan", "holder_name": "张三", "holder_id": HOLDER}, 422),
    ],
)
def test_bad_input_is_a_422_with_a_chinese_message(
    client: TestClient, keys: dict[str, dict[str, str]], path: str, body: dict[str, Any], status: int
) -> None:
    response = client.post(path, headers=keys["icbc"], json=body)
    assert response.status_code == status
    assert any("\u4e00" <= ch <= "\u9fff" for ch in response.json()["detail"])


def test_an_entry_on_a_missing_case_is_404(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    response = client.post(
        "/v1/cardban", headers=keys["officer"], json=ENTRY | {"evidence": "case", "case_id": 77}
    )
    assert response.status_code == 404 and "案件" in response.json()["detail"]
    assert client.get("/v1/cardban/77", headers=keys["officer"]).status_code == 404
