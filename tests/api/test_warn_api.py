"""Warnings through the API: the role matrix, a community key confined to its community (404 for others'
records), registration with family and consent, events single and in batch with per-item errors, the
queue and a task with its script, outcomes — and the three paths of the loop end to end: a confirmed
identifier, a linked case group and a held transfer each raise their tasks at once."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

SCAMMER = "17012345678"
RESIDENT = {
    "name": "王秀英", "phone": "+86 138-0013-8000", "age": 72, "police_station": "城关派出所", "district": "城关区",
    "accounts": [{"value": "6222 0212 3456 7890 128"}],
    "family": [{"name": "王小明", "phone": "13900139000", "relation": "儿子", "age": 45}],
}  # fmt: skip
CALL = {"kind": "call", "resident_identifier": "13800138000", "other": {"kind": "phone", "value": SCAMMER},
        "at": "2026-11-06T09:00:00+08:00"}  # fmt: skip
COMMUNITY_CALLS: list[tuple[str, str, dict[str, Any]]] = [
    ("post", "/v1/warn/residents", {"json": RESIDENT}),
    ("get", "/v1/warn/residents", {}),
    ("get", "/v1/warn/residents/1", {}),
    ("get", "/v1/warn/tasks", {}),
    ("get", "/v1/warn/tasks/1", {}),
    ("post", "/v1/warn/tasks/1/outcome", {"json": {"outcome": "prevented", "method": "call"}}),
    ("get", "/v1/warn/counts", {}),
    ("post", "/v1/warn/residents/1/confirm", {}),
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
        "xingfu": key(client, "community", "幸福里社区"),
        "dongfeng": key(client, "community", "东风社区"),
        "officer": key(client, "officer", "JZ1001"),
        "bank": key(client, "bank", "中国工商银行"),
        "public": key(client, "public", "反诈APP"),
    }


@pytest.mark.parametrize(("method", "path", "kwargs"), COMMUNITY_CALLS)
def test_community_work_refuses_anonymous_public_and_bank_keys(
    client: TestClient, keys: dict[str, dict[str, str]], method: str, path: str, kwargs: dict[str, Any]
) -> None:
    assert getattr(client, method)(path, **kwargs).status_code == 401
    for who in ("public", "bank"):
        response = getattr(client, method)(path, headers=keys[who], **kwargs)
        assert response.status_code == 403 and "社区" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/v1/warn/events", "/v1/warn/events/batch"])
def test_events_come_only_from_feeds(client: TestClient, keys: dict[str, dict[str, str]], path: str) -> None:
    body = CALL if path.endswith("events") else {"events": [CALL]}
    assert client.post(path, json=body).status_code == 401
    for who in ("public", "xingfu"):
        assert client.post(path, json=body, headers=keys[who]).status_code == 403


def _register(client: TestClient, headers: dict[str, str], **more: Any) -> dict[str, Any]:
    response = client.post("/v1/warn/residents", json=RESIDENT | more, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def test_a_community_key_registers_in_its_own_community_only(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    resident = _register(client, keys["xingfu"])
    assert resident["community"] == "幸福里社区" and resident["phone_full"]["value"] == "13800138000"
    assert resident["consent_by"] == "王秀英" and "反诈预警" in resident["consent_text"]
    assert resident["family"][0]["phone"]["value"] == "13900139000"
    assert resident["accounts"][0] == {"kind": "bank_card", "value": "6222021234567890128",
                                       "raw": "6222 0212 3456 7890 128", "flags": []}  # fmt: skip
    refused = client.post(
        "/v1/warn/residents", json=RESIDENT | {"community": "东风社区"}, headers=keys["xingfu"]
    )
    assert refused.status_code == 422 and "本社区" in refused.json()["detail"]
    assert client.get(f"/v1/warn/residents/{resident['id']}", headers=keys["dongfeng"]).status_code == 404
    assert client.get("/v1/warn/residents", headers=keys["dongfeng"]).json()["total"] == 0
    listed = client.get("/v1/warn/residents", headers=keys["officer"]).json()
    assert listed["items"][0]["phone"] == "138****8000"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"family": [{"name": f"家属{i}"} for i in range(9)]}, "family"),
        ({"age": 200}, "age"),
        ({"phone": ""}, "phone"),
        ({"consent_at": "9999-12-31T23:59:59-14:00"}, "consent_at"),
    ],
)
def test_a_bad_registration_is_a_chinese_422(
    client: TestClient, keys: dict[str, dict[str, str]], change: dict[str, Any], field: str
) -> None:
    response = client.post("/v1/warn/residents", json=RESIDENT | change, headers=keys["xingfu"])
    assert response.status_code == 422
    assert field in response.text and any("\u4e00" <= ch <= "\u9fff" for ch in response.text)


def test_a_batch_of_events_answers_each_with_its_error(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    batch = {"events": [CALL, {"kind": "fax"}, CALL | {"at": "昨天"}]}
    answers = client.post("/v1/warn/events/batch", json=batch, headers=keys["bank"]).json()
    assert answers[0]["event_id"] and answers[0]["error"] is None
    assert "联系类型" in answers[1]["error"] and "联系时间" in answers[2]["error"]


def _decide(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    decision = {"kind": "phone", "value": SCAMMER, "decision": "confirmed", "reason": "案件确认"}
    assert client.post("/v1/decisions", json=decision, headers=keys["officer"]).status_code == 201


def test_a_confirmed_number_raises_the_task_and_the_worker_records_the_outcome(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    _register(client, keys["xingfu"])
    assert client.post("/v1/warn/events", json=CALL, headers=keys["bank"]).json()["tasks"] == []
    _decide(client, keys)
    queue = client.get("/v1/warn/tasks", headers=keys["xingfu"]).json()
    assert queue["total"] == 1 and queue["items"][0]["resident_phone"] == "138****8000"
    task_id = queue["items"][0]["id"]
    assert client.get(f"/v1/warn/tasks/{task_id}", headers=keys["dongfeng"]).status_code == 404
    detail = client.get(f"/v1/warn/tasks/{task_id}", headers=keys["xingfu"]).json()
    assert "96110" in "".join(detail["call_script"]) and detail["sms"].startswith("【反诈预警】")
    assert detail["level"] == "confirmed" and detail["reasons"]
    outcome = {"outcome": "prevented", "method": "call", "at": "2026-11-06T10:30:00+08:00"}
    assert (
        client.post(f"/v1/warn/tasks/{task_id}/outcome", json=outcome, headers=keys["dongfeng"]).status_code
        == 404
    )
    done = client.post(f"/v1/warn/tasks/{task_id}/outcome", json=outcome, headers=keys["xingfu"]).json()
    assert done["outcome_name"] == "劝阻成功" and done["family_notified"] == ["王小明（儿子）"]
    again = client.post(f"/v1/warn/tasks/{task_id}/outcome", json=outcome, headers=keys["xingfu"])
    assert again.status_code == 409 and "已处置" in again.json()["detail"]


def test_a_new_event_with_a_confirmed_number_raises_its_task_at_once(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    _register(client, keys["xingfu"])
    _decide(client, keys)
    answer = client.post("/v1/warn/events", json=CALL, headers=keys["officer"]).json()
    assert answer["flagged"] and answer["level"] == "confirmed" and len(answer["tasks"]) == 1


def test_a_linked_case_group_raises_the_tasks_of_its_identifiers(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    _register(client, keys["xingfu"])
    client.post("/v1/warn/events", json=CALL, headers=keys["bank"])
    case = {"received_at": "2026-11-06T10:00:00+08:00", "narrative": "冒充公检法，要求转入安全账户",
            "fraud_type": "impersonate_authority", "identifiers": [{"kind": "phone", "value": SCAMMER}],
            "contact_channel": "phone_call", "occurred_at": "2026-11-06T09:00:00+08:00",
            "reporter": {"name": "李某某"}}  # fmt: skip
    assert client.post("/v1/cases", json=case, headers=keys["officer"]).status_code == 201
    assert client.get("/v1/warn/tasks", headers=keys["officer"]).json()["total"] == 0  # one case: no group
    assert client.post("/v1/cases", json=case, headers=keys["officer"]).status_code == 201
    [task] = client.get("/v1/warn/tasks", headers=keys["officer"]).json()["items"]
    assert task["source"] == "case_group" and task["fraud_type"] == "impersonate_authority"
    assert any("串并案组" in r for r in task["reasons"])


def test_a_held_transfer_raises_a_task_for_the_payer_and_for_earlier_payers(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    _register(client, keys["xingfu"])
    earlier = _register(
        client, keys["dongfeng"], name="陈某", phone="13300133000", age=35, accounts=[], family=[]
    )
    paid = {"kind": "payment", "resident_identifier": "13300133000", "other": {"kind": "bank_card", "value": "6226090000000048"},
            "at": "2026-11-05T09:00:00+08:00", "amount": 3000}  # fmt: skip
    client.post("/v1/warn/events", json=paid, headers=keys["bank"])
    transfer = {
        "id": "t-1", "time": "2026-11-06T12:05:00+08:00", "amount": 50000.0, "currency": "CNY", "channel": "counter",
        "payer": {"account": "6222021234567890128", "name": "王秀英", "age": 72},
        "payee": {"account": "6226090000000048", "name": "李强"}, "purpose": "转到安全账户", "payer_on_call": True,
    }  # fmt: skip
    assert client.post("/v1/screen", json=transfer, headers=keys["bank"]).json()["outcome"] in (
        "hold",
        "block",
    )
    # The warnings hear of the hold just after the bank is answered (fanzha.api.screen_batching).
    deadline = time.monotonic() + 2
    while len(items := client.get("/v1/warn/tasks", headers=keys["officer"]).json()["items"]) < 2:
        assert time.monotonic() < deadline, items
        time.sleep(0.01)
    assert [t["in_progress"] for t in items] == [True, False]
    assert items[0]["largest_payment"] == 50000 and items[1]["resident_id"] == earlier["id"]


def test_deceived_opens_a_desk_case(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    _register(client, keys["xingfu"])
    client.post("/v1/warn/events", json=CALL, headers=keys["bank"])
    _decide(client, keys)
    task_id = client.get("/v1/warn/tasks", headers=keys["xingfu"]).json()["items"][0]["id"]
    done = client.post(f"/v1/warn/tasks/{task_id}/outcome", json={"outcome": "deceived", "method": "visit", "loss": 8000},
                       headers=keys["xingfu"]).json()  # fmt: skip
    case = client.get(f"/v1/cases/{done['case_id']}", headers=keys["officer"]).json()
    assert case["victim"]["name"] == "王秀英" and case["identifiers"][0]["value"] == SCAMMER


def test_counts_per_community_and_day(client: TestClient, keys: dict[str, dict[str, str]]) -> None:
    _register(client, keys["xingfu"])
    client.post("/v1/warn/events", json=CALL, headers=keys["bank"])
    _decide(client, keys)
    counts = client.get("/v1/warn/counts", headers=keys["officer"]).json()
    assert counts["communities"]["幸福里社区"]["open"] == 1 and counts["days"][0]["created"] == 1
    bad = client.get(
        "/v1/warn/counts?start=2026-12-01T00:00:00&end=2026-11-01T00:00:00", headers=keys["officer"]
    )
    assert bad.status_code == 422 and "起始时间" in bad.json()["detail"]


def test_viewing_a_resident_or_a_task_in_full_is_audited(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    from fanzha.audit.log import history

    resident = _register(client, keys["xingfu"])
    client.post("/v1/warn/events", json=CALL, headers=keys["bank"])
    _decide(client, keys)
    task_id = client.get("/v1/warn/tasks", headers=keys["xingfu"]).json()["items"][0]["id"]
    client.get(f"/v1/warn/residents/{resident['id']}", headers=keys["officer"])
    client.get(f"/v1/warn/tasks/{task_id}", headers=keys["xingfu"])
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    with Session(engine) as session:
        viewed = [(e.actor, e.action) for e in history(session, f"resident:{resident['id']}")]
        task_views = [(e.actor, e.action) for e in history(session, f"warning_task:{task_id}")]
    assert viewed[-1] == ("JZ1001", "warn.resident.view")
    assert task_views == [("幸福里社区", "warn.task.view")]


SELF = {"name": "李建国", "phone": "139 1234 5678", "community": "幸福里社区", "age": 75,
        "family": [{"name": "李明", "phone": "13812345678", "relation": "儿子", "age": 45}]}  # fmt: skip


def test_a_resident_registers_themselves_and_the_community_worker_confirms(
    client: TestClient, keys: dict[str, dict[str, str]]
) -> None:
    """No key needed, consent required; the registration waits (待社区确认, never matched) until a worker of
    that community confirms it, and then the past contacts raise their task."""
    refused = client.post("/v1/public/residents", json=SELF | {"consent": False})
    assert refused.status_code == 422 and "同意" in refused.json()["detail"]
    done = client.post("/v1/public/residents", json=SELF | {"consent": True})
    assert done.status_code == 201, done.text
    body = done.json()
    assert (body["status"], body["status_name"]) == ("pending", "待社区确认") and "幸福里社区" in body[
        "message"
    ]
    assert set(body) == {"id", "status", "status_name", "message"}  # nothing of the resident echoed back
    call = CALL | {"resident_identifier": "13912345678"}
    client.post("/v1/warn/events", json=call, headers=keys["officer"])
    _decide(client, keys)
    assert client.get("/v1/warn/tasks", headers=keys["xingfu"]).json()["total"] == 0  # pending: not matched
    waiting = client.get("/v1/warn/residents?status=pending", headers=keys["xingfu"]).json()
    assert [r["id"] for r in waiting["items"]] == [body["id"]]
    assert client.get("/v1/warn/residents?status=pending", headers=keys["dongfeng"]).json()["total"] == 0
    other = client.post(f"/v1/warn/residents/{body['id']}/confirm", headers=keys["dongfeng"])
    assert other.status_code == 404
    confirmed = client.post(f"/v1/warn/residents/{body['id']}/confirm", headers=keys["xingfu"])
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "active"
    assert confirmed.json()["registered_via"] == "self"
    [task] = client.get("/v1/warn/tasks", headers=keys["xingfu"]).json()["items"]
    assert task["resident_id"] == body["id"]
    again = client.post(f"/v1/warn/residents/{body['id']}/confirm", headers=keys["xingfu"])
    assert again.status_code == 422 and "不是待确认" in again.json()["detail"]


def test_self_registration_is_rate_limited_like_the_other_public_routes(tmp_path: Path) -> None:
    client = TestClient(create_app(url=f"sqlite:///{tmp_path / 'limits.sqlite3'}", anonymous_per_minute=2))
    statuses = [
        client.post(
            "/v1/public/residents", json=SELF | {"consent": True, "phone": f"1391234567{i}"}
        ).status_code
        for i in range(4)
    ]
    assert statuses[:2] == [201, 201] and statuses[-1] == 429
