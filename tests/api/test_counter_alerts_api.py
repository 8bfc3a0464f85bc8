"""`/v1/counter-alerts`: the role matrix (public 401 without a key, 403 with one; banks see their own; officers
see all), the life cycle through the API, the bank's view of the status, the drill report, and bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.audit.log import verify
from fanzha.intel.keys import create_key

FORGED = {
    "kind": "forged_document", "branch": "江州支行", "counter": "2号窗口", "presented": "存单（金额与系统不符）",
    "customer": "孕妇，约30岁", "note": "已借口联网核查故障拖延", "teller": "柜员李某",
}  # fmt: skip
OFFICER_CALLS = [
    ("get", "/v1/counter-alerts/1/history", {}),
    ("post", "/v1/counter-alerts/1/acknowledge", {}),
    ("post", "/v1/counter-alerts/1/attach", {"json": {"case_id": 1}}),
    ("post", "/v1/counter-alerts/1/open-case", {"json": {}}),
    ("post", "/v1/counter-alerts/1/close", {"json": {"outcome": "arrested"}}),
]
SHARED_CALLS = [
    ("get", "/v1/counter-alerts", {}),
    ("get", "/v1/counter-alerts/report", {}),
    ("get", "/v1/counter-alerts/1", {}),
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


def raise_alert(client: TestClient, headers: dict[str, str], **changes: Any) -> dict[str, Any]:
    response = client.post("/v1/counter-alerts", headers=headers, json=FORGED | changes)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


@pytest.mark.parametrize(("method", "path", "kwargs"), OFFICER_CALLS)
def test_the_desks_steps_refuse_everyone_but_officers(
    client: TestClient, keys: dict[str, dict[str, str]], method: str, path: str, kwargs: dict[str, Any]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    for who in ("public", "icbc"):
        assert getattr(client, method)(path, headers=keys[who], **kwargs).status_code == 403


@pytest.mark.parametrize(("method", "path", "kwargs"), SHARED_CALLS)
def test_the_public_gets_401_without_a_key_and_403_with_one(
    client: TestClient, keys: dict[str, dict[str, str]], method: str, path: str, kwargs: dict[str, Any]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    assert getattr(client, method)(path, headers=keys["public"], **kwargs).status_code == 403


def test_only_banks_raise_alerts(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    assert client.post("/v1/counter-alerts", json=FORGED).status_code == 401
    assert client.post("/v1/counter-alerts", headers=keys["officer"], json=FORGED).status_code == 403
    assert client.post("/v1/counter-alerts", headers=keys["public"], json=FORGED).status_code == 403


def test_bank_a_cannot_see_bank_bs_alerts_and_the_officer_sees_all(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    mine = raise_alert(client, keys["icbc"])
    theirs = raise_alert(client, keys["rural"], branch="城南分理处")
    assert mine["bank"] == "中国工商银行" and mine["state"] == "open"
    assert [a["id"] for a in client.get("/v1/counter-alerts", headers=keys["icbc"]).json()] == [mine["id"]]
    assert client.get(f"/v1/counter-alerts/{theirs['id']}", headers=keys["icbc"]).status_code == 404
    listed = client.get("/v1/counter-alerts", headers=keys["officer"]).json()
    assert {a["id"] for a in listed} == {mine["id"], theirs["id"]}
    narrowed = client.get("/v1/counter-alerts", headers=keys["icbc"], params={"bank": "江州农商银行"}).json()
    assert [a["id"] for a in narrowed] == [mine["id"]]  # a bank cannot widen its scope


def test_the_life_cycle_through_the_api_with_the_bank_following_the_status(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    alert = raise_alert(client, keys["icbc"], note="对方来电 138-0013-8000")
    path = f"/v1/counter-alerts/{alert['id']}"
    acknowledged = client.post(f"{path}/acknowledge", headers=keys["officer"]).json()
    assert acknowledged["state"] == "acknowledged" and acknowledged["acknowledged_by"] == "JZ1001"
    assert client.post(f"{path}/acknowledge", headers=keys["officer"]).status_code == 409
    opened = client.post(f"{path}/open-case", headers=keys["officer"], json={"district": "西城区"}).json()
    case = client.get(f"/v1/cases/{opened['case_id']}", headers=keys["officer"]).json()
    assert "柜面报警" in case["narrative"] and case["district"] == "西城区"
    assert {"kind": "phone", "value": "13800138000"} in [
        {"kind": i["kind"], "value": i["value"]} for i in case["identifiers"]
    ]
    closed = client.post(
        f"{path}/close", headers=keys["officer"], json={"outcome": "tracked", "note": "车牌已告知"}
    )
    assert closed.json()["state"] == "closed"
    seen = client.get(path, headers=keys["icbc"]).json()
    assert (seen["state_name"], seen["outcome_name"], seen["has_case"]) == (
        "已处置",
        "嫌疑人离开，已掌握去向",
        True,
    )
    assert seen["case_id"] is None and seen["outcome_note"] == ""
    history = client.get(f"{path}/history", headers=keys["officer"]).json()
    assert [e["action"] for e in history] == [
        "alert.raised",
        "alert.acknowledged",
        "alert.case_opened",
        "alert.closed",
    ]
    assert verify(client.app.state.services.store.engine).ok  # type: ignore[attr-defined]


def test_drills_are_marked_and_reported_apart(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    drill = raise_alert(client, keys["icbc"], drill=True)
    raise_alert(client, keys["rural"])
    path = f"/v1/counter-alerts/{drill['id']}"
    client.post(f"{path}/acknowledge", headers=keys["officer"])
    assert client.post(f"{path}/open-case", headers=keys["officer"], json={}).status_code == 409
    assert (
        client.post(f"{path}/close", headers=keys["officer"], json={"outcome": "drill_completed"}).status_code
        == 200
    )
    report = client.get("/v1/counter-alerts/report", headers=keys["officer"]).json()
    assert (report["drills"]["raised"], report["drills"]["closed"], report["real"]["raised"]) == (1, 1, 1)
    assert report["drills"]["outcomes"] == {"drill_completed": 1} and report["real"]["waiting"] == 1
    own = client.get(
        "/v1/counter-alerts/report", headers=keys["icbc"], params={"bank": "江州农商银行"}
    ).json()
    assert (own["bank"], own["drills"]["raised"], own["real"]["raised"]) == ("中国工商银行", 1, 0)
    drills = client.get("/v1/counter-alerts", headers=keys["officer"], params={"drill": "true"}).json()
    assert [a["id"] for a in drills] == [drill["id"]]


def test_an_admin_raises_an_alert_in_a_named_banks_name(client: TestClient) -> None:
    admin = key(client, "admin", "运维")
    assert client.post("/v1/counter-alerts", headers=admin, json=FORGED).status_code == 422
    raised = client.post("/v1/counter-alerts", headers=admin, json=FORGED | {"bank": "工行"})
    assert raised.status_code == 201 and raised.json()["bank"] == "中国工商银行"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "robbery"}, "kind"),
        ({"branch": ""}, "branch"),
        ({"note": "x" * 2001}, "note"),
        ({"occurred_at": "1999-01-01T00:00:00+08:00"}, "occurred_at"),
        ({"occurred_at": "9999-12-31T23:59:59-14:00"}, "occurred_at"),
        ({"drill": "perhaps"}, "drill"),
    ],
)
def test_bad_input_is_a_422_naming_the_field(
    client: TestClient, keys: dict[str, dict[str, str]], body: dict[str, Any], field: str
) -> None:
    response = client.post("/v1/counter-alerts", headers=keys["icbc"], json=FORGED | body)
    assert response.status_code == 422
    assert any(e["loc"][-1] == field for e in response.json()["errors"])


@pytest.mark.parametrize("alert_id", ["0", "-1", str(2**63), "abc"])
def test_an_id_no_row_can_have_is_a_422(
    client: TestClient, keys: dict[str, dict[str, str]], alert_id: str
) -> None:
    assert client.get(f"/v1/counter-alerts/{alert_id}", headers=keys["officer"]).status_code == 422


def test_unknown_alerts_and_cases_are_404(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    assert client.get("/v1/counter-alerts/99", headers=keys["officer"]).status_code == 404
    alert = raise_alert(client, keys["icbc"])
    client.post(f"/v1/counter-alerts/{alert['id']}/acknowledge", headers=keys["officer"])
    missing = client.post(
        f"/v1/counter-alerts/{alert['id']}/attach", headers=keys["officer"], json={"case_id": 99}
    )
    assert missing.status_code == 404 and "案件" in missing.json()["detail"]
