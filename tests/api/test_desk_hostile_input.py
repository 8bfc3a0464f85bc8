"""Hostile input on every case-desk route (cases, persons, groups, reports): never a 500, always a
Chinese `detail`, and nothing already stored changes. Also: a date out of range already in the store
(written before the dates were checked, or by tampering) never breaks the desk's reports."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

BIG = str(2**63)  # one more than a store column holds
HUGE = str(10**30)
NEGATIVE = str(-(2**63) - 1)
EDGE_LOW = "0001-01-01T00:00:00+14:00"
EDGE_HIGH = "9999-12-31T23:59:59-14:00"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
OVERFLOW = "数值超出范围"  # fanzha.api.errors' answer to an OverflowError deep in the stack
# Everything a probe could touch; api_keys grows with every officer key and is left out.
TABLES = ("cases", "case_payments", "case_identifiers", "key_persons", "link_groups", "link_identifiers",
          "audit_log", "reports", "identifiers")  # fmt: skip
CASE = {
    "received_at": "2026-11-20T10:00:00+08:00",
    "occurred_at": "2026-11-20T09:00:00+08:00",
    "place": "东湖区某小区",
    "fraud_type": "impersonate_authority",
    "contact_channel": "phone_call",
    "reporter": {"name": "李某某"},
    "narrative": "自称警察，说涉嫌洗钱，要求转到安全账户。",
    "payments": [
        {"amount": 50000, "paid_at": "2026-11-20T09:30:00+08:00", "to_account": "6222021001123456789"}
    ],
    "identifiers": [{"kind": "phone", "value": "17012345678"}],
}
NOT_NULL = ("desk", "district", "place", "contact_channel", "fraud_type", "dissuaded", "narrative", "loss")
PERIODS = ("9999-W52", "0000-W01", "2026-W60", "9999-12", "9999-12-31", "0001-01-01", "1000-01",
           "2026-13", "上周", "W", "2026-W47" + " " * 500 + "x", "٩٩٩٩-W52")  # fmt: skip

# (method, path, request keywords): each must answer 4xx.
PROBES: list[tuple[str, str, dict[str, Any]]] = [
    # dates outside the accepted range, at the ends of the calendar, wherever a date enters
    *[("post", "/v1/cases", {"json": {**CASE, "received_at": at}})
      for at in ("9999-12-31T23:59:59", EDGE_LOW, EDGE_HIGH, "1970-01-01T00:00:00")],
    *[("post", "/v1/cases", {"json": {**CASE, "occurred_at": at}}) for at in (EDGE_LOW, EDGE_HIGH)],
    *[("post", "/v1/cases", {"json": {**CASE, "payments": [{"amount": 1, "paid_at": at}]}})
      for at in (EDGE_LOW, EDGE_HIGH, "9999-12-31T23:59:59")],
    *[("patch", "/v1/cases/1", {"json": {"occurred_at": at}}) for at in (EDGE_LOW, EDGE_HIGH)],
    # null for a field that cannot be empty
    *[("patch", "/v1/cases/1", {"json": {name: None}}) for name in NOT_NULL],
    ("patch", "/v1/cases/1", {"json": {"district": "西城区", "place": None}}),
    # ids no store column holds: paths, queries, bodies
    *[("get", f"/v1/cases/{i}", {}) for i in (BIG, HUGE, NEGATIVE)],
    ("patch", f"/v1/cases/{BIG}", {"json": {"place": "x"}}),
    ("post", f"/v1/cases/{BIG}/status", {"json": {"status": "verified"}}),
    ("post", f"/v1/cases/{BIG}/identifiers", {"json": [{"kind": "qq", "value": "123456789"}]}),
    ("post", f"/v1/cases/{BIG}/confirm", {"json": {}}),
    *[("get", f"/v1/persons/{i}", {}) for i in (BIG, HUGE, NEGATIVE)],
    *[("get", f"/v1/groups/{i}", {}) for i in (BIG, HUGE, NEGATIVE)],
    *[("get", "/v1/cases", {"params": {"offset": v}}) for v in ("1e20", BIG, HUGE, "-1")],
    *[("get", "/v1/cases", {"params": {"limit": v}}) for v in ("1e20", BIG, "0")],
    *[("get", "/v1/groups", {"params": {name: BIG}}) for name in ("min_cases", "limit")],
    ("get", "/v1/groups/1", {"params": {"limit": BIG}}),
    ("get", "/v1/reports/trends", {"params": {"last": BIG}}),
    ("post", "/v1/cases", {"json": {**CASE, "victim": {"age": int(BIG)}}}),
    ("post", "/v1/cases", {"json": {**CASE, "loss": int(HUGE)}}),
    ("post", "/v1/cases", {"json": {**CASE, "payments": [{"amount": int(HUGE)}]}}),
    ("post", "/v1/cases", {"json": {**CASE, "payments": [{"amount": 1e300}]}}),
    ("patch", "/v1/cases/1", {"json": {"loss": 1e300}}),
    # periods no calendar (or no sane report) has
    *[("get", path, {"params": {"period": p}})
      for path in ("/v1/reports/bulletin", "/v1/reports/desk", "/v1/reports/trends") for p in PERIODS],
]  # fmt: skip


def key(client: TestClient, role: str = "officer") -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role=role, label=f"{role}-1")}


def engine_of(client: TestClient) -> Engine:
    return client.app.state.services.store.engine  # type: ignore[attr-defined,no-any-return]


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in TABLES}


@pytest.fixture
def desk(tmp_path: Path) -> tuple[TestClient, dict[str, str]]:
    """A desk of its own for each probe: one that got through cannot spoil the next."""
    client = TestClient(create_app(url=f"sqlite:///{tmp_path / 'x.sqlite3'}"), raise_server_exceptions=False)
    officer = key(client)
    assert client.post("/v1/cases", headers=officer, json=CASE).status_code == 201
    assert client.post("/v1/cases", headers=officer, json={**CASE, "place": "西城区"}).status_code == 201
    person = {
        "name": "赵某",
        "category": "suspect",
        "identifiers": [{"kind": "phone", "value": "17012345678"}],
    }
    assert client.post("/v1/persons", headers=officer, json=person).status_code == 201
    return client, officer


@pytest.mark.parametrize(("method", "path", "kwargs"), PROBES)
def test_hostile_input_is_a_4xx_in_chinese_and_changes_nothing(
    desk: tuple[TestClient, dict[str, str]], method: str, path: str, kwargs: dict[str, Any]
) -> None:
    client, officer = desk
    before = snapshot(engine_of(client))
    response = getattr(client, method)(path, headers=officer, **kwargs)
    assert 400 <= response.status_code < 500, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and CHINESE.search(detail), detail
    assert not detail.startswith(OVERFLOW), detail  # refused where it entered, not by the last resort
    assert snapshot(engine_of(client)) == before


def test_a_patch_setting_a_nullable_field_to_null_still_works(
    desk: tuple[TestClient, dict[str, str]],
) -> None:
    client, officer = desk
    cleared = client.patch("/v1/cases/2", headers=officer, json={"occurred_at": None})
    assert cleared.status_code == 200 and cleared.json()["occurred_at"] is None


def test_a_refused_null_names_the_field(desk: tuple[TestClient, dict[str, str]]) -> None:
    client, officer = desk
    response = client.patch("/v1/cases/1", headers=officer, json={"place": None})
    assert response.status_code == 422 and "发案地点" in response.json()["detail"]
    assert client.get("/v1/cases/1", headers=officer).json()["place"] == "东湖区某小区"


def test_a_far_future_case_is_refused_and_trends_keep_working(tmp_path: Path) -> None:
    client = TestClient(create_app(url=f"sqlite:///{tmp_path / 'x.sqlite3'}"), raise_server_exceptions=False)
    officer = key(client)
    refused = client.post("/v1/cases", headers=officer, json={"received_at": "9999-12-31T23:59:59"})
    assert refused.status_code == 422 and "超出可接受的范围" in refused.json()["detail"]
    assert client.get("/v1/reports/trends", headers=officer).status_code == 200


def test_trends_can_end_at_a_chosen_period(desk: tuple[TestClient, dict[str, str]]) -> None:
    client, officer = desk  # its cases are of 2026-W47
    params = {"period": "2026-W45", "last": 3}
    table = client.get("/v1/reports/trends", headers=officer, params=params).json()
    assert table["periods"] == ["2026-W43", "2026-W44", "2026-W45"]
    by_month = client.get("/v1/reports/trends", headers=officer, params={"period": "2026-W40", "by": "month"})
    assert by_month.json()["periods"][-1] == "2026-10"  # the month of the week's last day (October 4)


# Dates no check lets in any more, put in the store behind the desk's back.
STORED = [
    ("cases", "received_at", datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)),
    ("cases", "received_at", datetime(1, 1, 1, tzinfo=UTC)),
    ("cases", "occurred_at", datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
    ("case_payments", "paid_at", datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)),
]
READS = [
    ("/v1/reports/trends", {}),
    ("/v1/reports/trends", {"by": "month", "last": 520}),
    ("/v1/reports/trends", {"by": "day", "dimension": "district"}),
    ("/v1/reports/desk", {"period": "2026-W47"}),
    ("/v1/reports/desk", {}),
    ("/v1/reports/bulletin", {"period": "2026-W47"}),
    ("/v1/reports/bulletin", {"period": "2026-11", "format": "pdf"}),
    ("/v1/cases", {}),
    ("/v1/cases/1", {}),
    ("/v1/groups", {}),
    ("/v1/groups", {"order": "loss"}),
    ("/v1/groups/1", {}),
]


@pytest.mark.parametrize(("table", "column", "at"), STORED)
def test_a_bad_date_already_stored_never_breaks_the_desk(
    tmp_path: Path, table: str, column: str, at: datetime
) -> None:
    client = TestClient(create_app(url=f"sqlite:///{tmp_path / 'x.sqlite3'}"), raise_server_exceptions=False)
    officer = key(client)
    for place in ("东湖区", "西城区"):
        assert client.post("/v1/cases", headers=officer, json={**CASE, "place": place}).status_code == 201
    where = "case_id = 1" if table == "case_payments" else "id = 1"
    with engine_of(client).begin() as conn:
        conn.execute(text(f"UPDATE {table} SET {column} = :at WHERE {where}"), {"at": at})
    for path, params in READS:
        response = client.get(path, headers=officer, params=params)
        assert response.status_code == 200, (path, params, response.text)
    if column == "received_at":
        trends = client.get("/v1/reports/trends", headers=officer).json()
        assert trends["skipped"] == 1 and "1 起案件的受理时间超出" in trends["note"]
        assert sum(t["cases"] for t in trends["totals"]) == 1
