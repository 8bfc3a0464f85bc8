"""The returnee ledger, outbound workers and the survey through the API: the role matrix (community keys see
their own village only, 404 for others; public and bank keys 403; anonymous 401), masked lists and full,
logged detail views, the overdue list with its explanation at a given time, missing reports, Chinese errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.audit.log import verify
from fanzha.intel.keys import create_key

ID = "11010519491231002X"
RETURNEE = {"name": "张某", "returned_on": "2026-05-20", "how": "deported", "risk_level": "high", "id_number": ID,
            "phone": "+86 138 0013 8000", "from_country": "缅甸", "from_city": "妙瓦底"}  # fmt: skip


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


@pytest.fixture
def keys(client: TestClient) -> dict[str, dict[str, str]]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    made = {"nanhu": ("community", "南湖村"), "liushu": ("community", "柳树村"), "officer": ("officer", "JZ1001"),
            "bank": ("bank", "工商银行"), "public": ("public", "app")}  # fmt: skip
    return {
        name: {"X-API-Key": create_key(engine, role=role, label=label)}
        for name, (role, label) in made.items()
    }


@pytest.fixture
def rid(client: TestClient, keys: dict[str, dict[str, str]]) -> int:
    r = client.post("/v1/returnees", json=RETURNEE, headers=keys["nanhu"])
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


@pytest.mark.parametrize("role", ["bank", "public"])
@pytest.mark.parametrize("path", ["/v1/returnees", "/v1/outbound", "/v1/survey/coverage", "/v1/returnees/1"])
def test_bank_and_public_keys_are_refused(
    client: TestClient, keys: dict[str, dict[str, str]], role: str, path: str
) -> None:
    r = client.get(path, headers=keys[role])
    assert r.status_code == 403 and "仅限社区工作人员和民警" in r.json()["detail"]
    assert client.get(path).status_code == 401


def test_a_community_registers_in_its_own_village_and_sees_only_it(
    client: TestClient, keys: dict[str, dict[str, str]], rid: int
) -> None:
    detail = client.get(f"/v1/returnees/{rid}", headers=keys["nanhu"]).json()
    assert (detail["community"], detail["id_number"], detail["phone"]) == ("南湖村", ID, "13800138000")
    other = client.get(f"/v1/returnees/{rid}", headers=keys["liushu"])
    assert other.status_code == 404 and "没有这条回流人员记录" in other.json()["detail"]
    assert client.get("/v1/returnees", headers=keys["liushu"]).json() == []
    wrong = client.post("/v1/returnees", json=RETURNEE | {"community": "柳树村"}, headers=keys["nanhu"])
    assert wrong.status_code == 422 and "只能登记本村" in wrong.json()["detail"]
    assert client.post(f"/v1/returnees/{rid}/meetings", json={"met_on": "2026-05-21", "cadre": "x"},
                       headers=keys["liushu"]).status_code == 404  # fmt: skip


def test_lists_are_masked_and_every_read_is_logged(
    client: TestClient, keys: dict[str, dict[str, str]], rid: int
) -> None:
    [listed] = client.get("/v1/returnees", headers=keys["officer"]).json()
    assert listed["id_number"] == "110105********002X" and listed["phone"] == "138****8000"
    client.get(f"/v1/returnees/{rid}", headers=keys["officer"])
    log = client.get(f"/v1/returnees/{rid}/access", headers=keys["officer"]).json()
    assert [(a["actor"], a["view"]) for a in log] == [
        ("JZ1001", "api.detail"), ("JZ1001", "api.list"), ("南湖村", "api.detail"),
    ]  # fmt: skip
    assert client.get(f"/v1/returnees/{rid}/access", headers=keys["nanhu"]).status_code == 403
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    assert verify(engine).ok


def test_assign_meet_and_the_overdue_list_at_a_given_time(
    client: TestClient, keys: dict[str, dict[str, str]], rid: int
) -> None:
    h = keys["nanhu"]
    pair = {"cadre": "李干部", "officer": "王警官", "supervisor": "赵所长", "cadre_phone": "139 0000 1111"}
    assert client.post(f"/v1/returnees/{rid}/assign", json=pair, headers=h).status_code == 201
    met = client.post(
        f"/v1/returnees/{rid}/meetings",
        json={"met_on": "2026-06-01", "cadre": "李干部", "findings": "在家"},
        headers=h,
    )
    assert met.status_code == 201, met.text
    none_yet = client.get(
        "/v1/returnees/overdue", params={"as_of": "2026-06-08T12:00:00+08:00"}, headers=h
    ).json()
    assert none_yet == []
    [late] = client.get(
        "/v1/returnees/overdue", params={"as_of": "2026-06-20T12:00:00+08:00"}, headers=h
    ).json()
    assert late["meeting"]["state"] == "escalated" and late["meeting"]["told"][-1] == "负责人 赵所长"
    assert "2026-06-01" in late["meeting"]["explanation"]


@pytest.mark.parametrize(
    ("path", "body", "status", "message"),
    [
        ("/v1/returnees", RETURNEE | {"returned_on": "2999-01-01"}, 422, "超出可接受的范围"),
        ("/v1/returnees", RETURNEE | {"how": "飞回"}, 422, "how"),
        ("/v1/returnees/{rid}/meetings", {"met_on": "2026-05-01", "cadre": "李"}, 422, "早于回流日期"),
        ("/v1/returnees/999/meetings", {"met_on": "2026-05-21", "cadre": "李"}, 404, "没有编号为 999"),
        ("/v1/returnees/{rid}/lift", {"reason": "期满"}, 403, "仅限民警"),
    ],
)
def test_errors_are_in_chinese(
    client: TestClient,
    keys: dict[str, dict[str, str]],
    rid: int,
    path: str,
    body: dict[str, object],
    status: int,
    message: str,
) -> None:
    r = client.post(path.format(rid=rid), json=body, headers=keys["nanhu"])
    assert r.status_code == status and message in r.text


def test_lifting_twice_is_a_conflict(client: TestClient, keys: dict[str, dict[str, str]], rid: int) -> None:
    assert (
        client.post(f"/v1/returnees/{rid}/lift", json={"reason": "期满"}, headers=keys["officer"]).json()[
            "status"
        ]
        == "lifted"
    )
    again = client.post(f"/v1/returnees/{rid}/lift", json={"reason": "期满"}, headers=keys["officer"])
    assert again.status_code == 409 and "已解除管控" in again.json()["detail"]


def test_outbound_reports_persuasion_and_return(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    h = keys["liushu"]
    w = client.post(
        "/v1/outbound",
        json={"name": "王某", "region": "缅甸", "place": "妙瓦底", "phone": "13900001111"},
        headers=h,
    )
    assert w.status_code == 201, w.text
    wid = w.json()["id"]
    assert client.get(f"/v1/outbound/{wid}", headers=keys["nanhu"]).status_code == 404
    report = client.post(
        f"/v1/outbound/{wid}/reports",
        json={"day": "2026-06-01", "location": "妙瓦底", "safe": False},
        headers=h,
    )
    assert report.status_code == 201
    listed = client.get("/v1/outbound", headers=h).json()
    assert listed[0]["phone"] == "139****1111"
    assert client.get("/v1/outbound/missing", params={"date": "2999-01-01"}, headers=h).status_code == 422
    p = client.post(
        f"/v1/outbound/{wid}/persuasions",
        json={"day": "2026-06-02", "method": "family", "outcome": "agreed"},
        headers=h,
    )
    assert p.status_code == 201 and p.json()["outcome"] == "agreed"
    back = client.post(f"/v1/outbound/{wid}/returned", json={"returned_on": "2026-06-03"}, headers=h)
    assert (
        back.status_code == 201 and back.json()["outbound_id"] == wid and back.json()["community"] == "柳树村"
    )


def test_survey_households_and_coverage(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    h = keys["nanhu"]
    body = [
        {"grp": "一组", "household": "1号", "registered_members": 2, "surveyed_on": "2026-06-01",
         "members": [{"name": "张大"}, {"name": "张二", "away": True, "region": "缅甸", "phone": "13800138000"}]},
        {"grp": "二组", "household": "1号", "registered_members": 3},
    ]  # fmt: skip
    assert client.post("/v1/survey/households", json=body, headers=h).json() == {"written": 2}
    [cov] = client.get("/v1/survey/coverage", headers=h).json()
    assert (
        cov["groups"],
        cov["groups_reached"],
        cov["households"],
        cov["households_surveyed"],
        cov["risky"],
    ) == (2, 1, 2, 1, 1)
    [risky] = client.get("/v1/survey/households", params={"risky": True}, headers=h).json()
    assert risky["members"][1]["phone"] == "138****8000"
    assert client.get("/v1/survey/coverage", headers=keys["liushu"]).json() == []
