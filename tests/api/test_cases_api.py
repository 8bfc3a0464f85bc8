"""The case desk API: officers only, intake pre-fill, create, status, confirm, key persons."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

NARRATIVE = (
    "报警人李女士，68岁，本人电话13912345678。11月6日10时许接到电话，对方号码+86 170 1234 5678，自称警察，"
    "说她涉嫌洗钱，要求把钱转到安全账户。当天下午3点她把5万元转到6222 0212 3456 7890 128。"
)
# What a case needs before it is saved (fanzha.cases.required), as an API client sends it.
ELEMENTS = {
    "narrative": "接到自称警察的电话，要求把钱转到安全账户",
    "fraud_type": "impersonate_authority",
    "contact_channel": "phone_call",
    "occurred_at": "2026-11-06T10:00:00+08:00",
    "reporter": {"name": "李某某"},
    "dissuaded": True,
}
OFFICER_CALLS = [
    ("post", "/v1/cases/prefill", {"json": {"narrative": NARRATIVE}}),
    ("post", "/v1/cases", {"json": {"narrative": "x"}}),
    ("get", "/v1/cases", {}),
    ("get", "/v1/cases/1", {}),
    ("patch", "/v1/cases/1", {"json": {"district": "东城区"}}),
    ("post", "/v1/cases/1/status", {"json": {"status": "verified"}}),
    ("post", "/v1/cases/1/identifiers", {"json": [{"kind": "qq", "value": "123456789"}]}),
    ("post", "/v1/cases/1/confirm", {"json": {}}),
    ("post", "/v1/persons", {"json": {"name": "赵某", "category": "suspect"}}),
    ("get", "/v1/persons", {}),
    ("get", "/v1/persons/1", {}),
]


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


def key(client: TestClient, role: str) -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role=role, label=f"{role}-1")}


@pytest.mark.parametrize(("method", "path", "kwargs"), OFFICER_CALLS)
def test_case_endpoints_refuse_anonymous_public_and_bank_callers(
    client: TestClient, method: str, path: str, kwargs: dict[str, object]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    for role in ("public", "bank"):
        assert getattr(client, method)(path, headers=key(client, role), **kwargs).status_code == 403


def test_intake_prefill_then_create_then_work_the_case(client: TestClient) -> None:
    officer = key(client, "officer")
    filled = client.post("/v1/cases/prefill", headers=officer, json={"narrative": NARRATIVE}).json()
    assert filled["fraud_type"] == "impersonate_authority" and filled["reporter_phone"] == "13912345678"
    assert {
        "kind": "phone",
        "value": "17012345678",
        "raw": "+86 170 1234 5678",
        "confirmed": False,
        "flags": [],
    } in filled["identifiers"]
    body = {
        **ELEMENTS,
        "narrative": NARRATIVE,
        "dissuaded": False,
        "fraud_type": filled["fraud_type"],
        "contact_channel": filled["contact_channel"],
        "victim": {"name": "李某某", "age": 68, "sex": "女", "phone": "13912345678"},
        "payments": filled["payments"],
        "identifiers": [{**i, "confirmed": True} for i in filled["identifiers"]],
    }
    created = client.post("/v1/cases", headers=officer, json=body)
    assert created.status_code == 201, created.text
    case = created.json()
    assert case["loss"] == 50000.0 and case["victim"]["name"] == "李某某"  # officers see full data
    lookup = client.get("/v1/lookup", params={"kind": "phone", "value": "17012345678"}).json()
    assert lookup["level"] == "confirmed"  # confirmed at intake → police report in the store
    moved = client.post(f"/v1/cases/{case['id']}/status", headers=officer, json={"status": "verified"})
    assert moved.json()["status"] == "verified"
    wrong = client.post(f"/v1/cases/{case['id']}/status", headers=officer, json={"status": "received"})
    assert wrong.status_code == 422 and "不能改为" in wrong.json()["detail"]
    detail = client.get(f"/v1/cases/{case['id']}", headers=officer).json()
    assert [h["action"] for h in detail["history"]] == ["case.create", "case.confirm", "case.status"]
    assert client.get("/v1/cases/999", headers=officer).status_code == 404
    listed = client.get("/v1/cases", headers=officer, params={"q": "17012345678"}).json()
    assert listed["total"] == 1


def test_bad_case_input_is_a_422_naming_the_problem(client: TestClient) -> None:
    officer = key(client, "officer")
    odd = ELEMENTS | {"identifiers": [{"kind": "phone", "value": "12"}]}
    bad = client.post("/v1/cases", headers=officer, json=odd)
    assert bad.status_code == 422 and "不是有效的phone" in bad.json()["detail"]
    for wrong in ({"payments": [{"amount": -1}]}, {"victim": {"age": 500}}):
        assert client.post("/v1/cases", headers=officer, json=ELEMENTS | wrong).status_code == 422
    assert client.post("/v1/cases/prefill", headers=officer, json={"narrative": ""}).status_code == 422
    assert client.get("/v1/cases", headers=officer, params={"limit": 100000}).status_code == 422


def test_key_persons(client: TestClient) -> None:
    officer = key(client, "officer")
    made = client.post("/v1/persons", headers=officer, json={
        "name": "赵某", "category": "mule", "id_number": "11010519491231002X",
        "identifiers": [{"kind": "bank_card", "value": "6222 0212 3456 7890 128"}]})  # fmt: skip
    assert made.status_code == 201
    assert made.json()["id_number"] != "11010519491231002X"  # ID numbers are shown masked
    assert client.post("/v1/persons", headers=officer, json={"name": "x", "category": "?"}).status_code == 422


def test_the_case_list_carries_each_cases_payments_and_identifiers(client: TestClient) -> None:
    officer = key(client, "officer")
    made = []
    for n in range(3):
        body = ELEMENTS | {
            "received_at": f"2026-11-0{n + 1}T14:00:00+08:00", "dissuaded": False,
            "payments": [{"amount": 1000 * (n + 1), "paid_at": f"2026-11-0{n + 1}T13:20:00+08:00",
                          "channel": "bank_transfer", "to_account": "6222021001123456789", "to_bank": "中国工商银行"}],
            "identifiers": [{"kind": "phone", "value": f"1701234567{n}"}],
        }  # fmt: skip
        made.append(client.post("/v1/cases", headers=officer, json=body).json())
    made.append(client.post("/v1/cases", headers=officer, json=ELEMENTS | {"fraud_type": "shopping"}).json())
    listed = {c["id"]: c for c in client.get("/v1/cases", headers=officer).json()["cases"]}
    for case in made:
        shown = listed[case["id"]]
        assert shown["payments"] == case["payments"] and shown["identifiers"] == case["identifiers"]
    assert listed[made[0]["id"]]["payments"][0]["paid_at"] == "2026-11-01T13:20:00+08:00"
    assert [i["value"] for i in listed[made[2]["id"]]["identifiers"]] == ["17012345672"]
    assert listed[made[3]["id"]]["payments"] == [] and listed[made[3]["id"]]["identifiers"] == []


def test_a_case_lacking_the_elements_the_intake_form_requires_is_refused_naming_them(
    client: TestClient,
) -> None:
    officer = key(client, "officer")
    empty = client.post("/v1/cases", headers=officer, json={})
    assert empty.status_code == 422
    detail = empty.json()["detail"]
    for field in ("narrative", "fraud_type", "contact_channel", "occurred_at", "reporter.name", "loss"):
        assert field in detail, (field, detail)
    assert (
        "案件缺少 6 项必备要素" in detail and "请填写报警人所述（简要案情）" in detail
    )  # the console's words
    for name in ("narrative", "fraud_type", "contact_channel", "occurred_at"):
        partial = client.post(
            "/v1/cases", headers=officer, json={k: v for k, v in ELEMENTS.items() if k != name}
        )
        assert partial.status_code == 422 and name in partial.json()["detail"]
        assert "案件缺少 1 项必备要素" in partial.json()["detail"]
    no_loss = ELEMENTS | {"dissuaded": False}
    assert "损失" in client.post("/v1/cases", headers=officer, json=no_loss).json()["detail"]
    assert client.get("/v1/cases", headers=officer).json()["total"] == 0  # nothing was saved
    by_phone = ELEMENTS | {"reporter": {"phone": "13912345678"}}  # a name or a phone to call back
    assert client.post("/v1/cases", headers=officer, json=by_phone).status_code == 201
    with_loss = ELEMENTS | {"dissuaded": False, "loss": 300}
    assert client.post("/v1/cases", headers=officer, json=with_loss).status_code == 201
