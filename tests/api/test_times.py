"""Every time the API returns carries its offset and names the right instant: one policy, Beijing time
with `+08:00` (`fanzha.api.times`). The walk asks every GET route of the API (from its OpenAPI document)
over a store holding the live demo, with an admin's and the demo bank's keys, and checks every string
that looks like a time; the pre-fill's wall times ("下午2点") come back as 14:00+08:00, and a case's
stored times come back as the same instants."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from fanzha.api.app import create_app
from fanzha.api.times import api_time
from fanzha.demo.live import load_live_demo
from fanzha.demo.orders import DEMO_BANK
from fanzha.intel.keys import create_key
from fanzha.store.case_tables import CasePaymentRow, CaseRow, OrderRow
from fanzha.timezones import BEIJING, from_db

TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder: Path = tmp_path_factory.mktemp("times")
    app = create_app(url=f"sqlite:///{folder / 'fanzha.sqlite3'}")
    load_live_demo(app.state.services.store.engine, cases=300)
    yield app


def _client(app: FastAPI, role: str, label: str) -> TestClient:
    key = create_key(app.state.services.store.engine, role=role, label=label)
    return TestClient(app, headers={"X-API-Key": key})


def times_in(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) of every string in `value` that starts like a date and time."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from times_in(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value[:50]):
            yield from times_in(item, f"{where}[{index}]")
    elif isinstance(value, str) and TIME.match(value):
        yield where, value


def _ids(app: FastAPI) -> dict[str, str]:
    engine = app.state.services.store.engine
    with engine.connect() as conn:
        case_id = conn.scalar(select(CaseRow.id).order_by(CaseRow.id))
        order_id = conn.scalar(select(OrderRow.id).order_by(OrderRow.id))
    return {"case_id": str(case_id), "order_id": str(order_id)}


def test_every_time_the_api_returns_carries_the_beijing_offset(app: FastAPI) -> None:
    clients = [_client(app, "admin", "管理员"), _client(app, "bank", DEMO_BANK)]
    ids = _ids(app)
    paths = clients[0].get("/openapi.json").json()["paths"]
    asked, seen, wrong = 0, 0, []
    for path, methods in sorted(paths.items()):
        operation = methods.get("get")
        if operation is None or not path.startswith("/v1"):
            continue
        params = operation.get("parameters", [])
        if any(p["in"] == "query" and p.get("required") for p in params):
            continue
        names = re.findall(r"{(\w+)}", path)
        if any(n not in ids for n in names):
            continue
        url = path.format(**ids)
        for client in clients:
            answer = client.get(url)
            if answer.status_code != 200 or "json" not in answer.headers.get("content-type", ""):
                continue
            asked += 1
            for where, text in times_in(answer.json()):
                seen += 1
                recorded = ".detail." in where  # an audit entry's detail, as recorded: any offset
                if not (OFFSET.search(text) if recorded else text.endswith("+08:00")):
                    wrong.append(f"{url} {where} = {text}")
    assert asked >= 15 and seen >= 100, (asked, seen)
    assert not wrong, "\n".join(wrong[:30])


def test_a_case_comes_back_at_its_stored_instants(app: FastAPI) -> None:
    client = _client(app, "officer", "JZ1001")
    engine = app.state.services.store.engine
    with engine.connect() as conn:
        case_id, received, paid = conn.execute(
            select(CaseRow.id, CaseRow.received_at, CasePaymentRow.paid_at)
            .join(CasePaymentRow, CasePaymentRow.case_id == CaseRow.id)
            .order_by(CaseRow.received_at.desc(), CasePaymentRow.id)
        ).first()
    shown = client.get(f"/v1/cases/{case_id}").json()
    assert datetime.fromisoformat(shown["received_at"]) == from_db(received)
    assert shown["received_at"] == api_time(received)
    assert datetime.fromisoformat(shown["payments"][0]["paid_at"]) == from_db(paid)
    listed = client.get("/v1/cases", params={"limit": 500}).json()["cases"]
    mine = next(c for c in listed if c["id"] == case_id)
    assert mine["received_at"] == shown["received_at"] and mine["payments"] == shown["payments"]


def test_prefill_times_are_beijing_wall_times_with_their_offset(app: FastAPI) -> None:
    client = _client(app, "officer", "JZ1001")
    narrative = "报警人王秀英，女，67岁。我昨天下午2点在农业银行柜台转了5万元到6217001234567890123。"
    found = client.post("/v1/cases/prefill", json={"narrative": narrative}).json()
    yesterday = datetime.now(BEIJING).date() - timedelta(days=1)
    expected = datetime(yesterday.year, yesterday.month, yesterday.day, 14, 0, tzinfo=BEIJING)
    paid = [p["paid_at"] for p in found["payments"] if p["paid_at"]]
    assert paid and all(p.endswith("+08:00") for p in paid)
    assert datetime.fromisoformat(paid[0]) == expected  # 14:00 in Beijing = 06:00 UTC, not 14:00 UTC
    assert datetime.fromisoformat(paid[0]).astimezone(UTC).hour == 6
