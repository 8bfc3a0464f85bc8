"""Groups, trends, desk statistics and the bulletin over the API (officers only)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.demo import generate_cases, insert_cases
from fanzha.intel.keys import create_key

CALLS = ["/v1/groups", "/v1/groups/1", "/v1/reports/trends", "/v1/reports/desk", "/v1/reports/bulletin"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path: Path = tmp_path_factory.mktemp("reports") / "api.sqlite3"
    client = TestClient(create_app(url=f"sqlite:///{path}"))
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    insert_cases(engine, generate_cases(600, seed=3, start=date(2026, 10, 5), days=42))
    return client


def key(client: TestClient, role: str) -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role=role, label=f"{role}-1")}


@pytest.mark.parametrize("path", CALLS)
def test_reports_refuse_anonymous_public_and_bank_callers(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 401
    for role in ("public", "bank"):
        assert client.get(path, headers=key(client, role)).status_code == 403


def test_the_largest_group_shows_its_cases_shared_identifiers_and_graph(client: TestClient) -> None:
    officer = key(client, "officer")
    groups = client.get("/v1/groups", params={"min_cases": 2, "limit": 5}, headers=officer).json()
    assert groups and groups[0]["size"] >= groups[-1]["size"] >= 2
    view = client.get(f"/v1/groups/{groups[0]['id']}", headers=officer).json()
    assert view["size"] == groups[0]["size"] == len(view["cases"])
    assert view["shared"] and all(s["n_cases"] >= 2 for s in view["shared"])
    case_nodes = [n for n in view["graph"]["nodes"] if n["type"] == "case"]
    assert len(case_nodes) == view["size"] and view["graph"]["edges"]
    assert client.get("/v1/groups/999999", headers=officer).status_code == 404


def test_trends_desk_numbers_and_bulletin(client: TestClient) -> None:
    officer = key(client, "officer")
    trends = client.get("/v1/reports/trends", params={"by": "week", "last": 6}, headers=officer).json()
    assert len(trends["periods"]) == 6 and sum(t["cases"] for t in trends["totals"]) > 0
    desk = client.get("/v1/reports/desk", params={"period": "2026-W44"}, headers=officer).json()
    assert desk["period"] == "2026-W44" and desk["totals"]["cases"] == sum(d["cases"] for d in desk["by_day"])
    html = client.get("/v1/reports/bulletin", params={"period": "2026-W44"}, headers=officer)
    assert html.status_code == 200 and "警情通报" in html.text
    pdf = client.get("/v1/reports/bulletin", params={"period": "2026-10", "format": "pdf"}, headers=officer)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/reports/desk", {"period": "2026-W99"}),
        ("/v1/reports/bulletin", {"period": "上周"}),
        ("/v1/reports/trends", {"dimension": "colour"}),
        ("/v1/reports/trends", {"by": "year"}),
    ],
)
def test_bad_periods_and_dimensions_are_422_in_chinese(
    client: TestClient, path: str, params: dict[str, str]
) -> None:
    response = client.get(path, params=params, headers=key(client, "officer"))
    assert response.status_code == 422
