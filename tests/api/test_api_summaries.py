"""Every operation in /docs, /redoc and /openapi.json has a Chinese title, every tag a Chinese name, and
`fanzha.api.summaries` names no route that is gone: a new or renamed route fails here until it gets its title."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.api.summaries import SUMMARIES, TAGS, documented_routes

CHINESE = re.compile(r"[\u4e00-\u9fff]")
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return create_app(url=f"sqlite:///{tmp_path_factory.mktemp('summaries')}/x.sqlite3")


@pytest.fixture(scope="module")
def operations(app: FastAPI) -> dict[tuple[str, str], dict[str, Any]]:
    paths = app.openapi()["paths"]
    return {(m.upper(), p): op for p, item in paths.items() for m, op in item.items() if m in METHODS}


def test_every_operation_has_a_chinese_summary_and_no_english_title(
    operations: dict[tuple[str, str], dict[str, Any]],
) -> None:
    assert len(operations) > 100
    untitled = {
        key: op.get("summary") for key, op in operations.items() if not CHINESE.search(op.get("summary", ""))
    }
    assert not untitled, f"add these routes to fanzha.api.summaries.SUMMARIES: {untitled}"
    # FastAPI's own titles are capitalised English words ("List Cases"); only acronyms may appear.
    english = {key: op["summary"] for key, op in operations.items() if re.search(r"[a-z]", op["summary"])}
    assert not english


def test_every_answer_is_described_in_chinese(operations: dict[tuple[str, str], dict[str, Any]]) -> None:
    english = {
        (key, code): answer["description"]
        for key, op in operations.items()
        for code, answer in op["responses"].items()
        if not CHINESE.search(answer["description"])
    }
    assert not english


def test_the_walk_reaches_exactly_the_documented_operations(
    app: FastAPI, operations: dict[tuple[str, str], dict[str, Any]]
) -> None:
    walked = {(method, path) for route, path in documented_routes(app) for method in route.methods or ()}
    assert walked == set(operations)


def test_the_table_names_no_route_that_is_gone_and_no_name_two_routes_share(app: FastAPI) -> None:
    routes = list(documented_routes(app))
    names = Counter(route.name for route, _ in routes)
    keys = {(method, path) for route, path in routes for method in route.methods or ()}
    stale = [key for key in SUMMARIES if (key not in keys if isinstance(key, tuple) else key not in names)]
    assert not stale, f"these routes are gone: remove them from SUMMARIES: {stale}"
    shared = [key for key in SUMMARIES if isinstance(key, str) and names[key] > 1]
    assert not shared, f"these names belong to more than one route: key them by (method, path): {shared}"


def test_a_route_with_a_chinese_docstring_keeps_it_as_its_description(
    operations: dict[tuple[str, str], dict[str, Any]],
) -> None:
    upload = operations["POST", "/v1/claims/runs"]
    assert upload["summary"] == "上传结算单并审核"
    assert upload["description"] == "审核上传的结算单文件并保存为一个审核批次。"


def test_every_tag_has_a_chinese_name_and_every_named_tag_is_used(
    app: FastAPI, operations: dict[tuple[str, str], dict[str, Any]]
) -> None:
    used = {tag for op in operations.values() for tag in op.get("tags", [])}
    tags = {tag["name"]: tag for tag in app.openapi()["tags"]}
    assert set(tags) == used == set(TAGS)
    for tag in tags.values():
        assert CHINESE.search(tag["x-displayName"]) and tag["description"].startswith(tag["x-displayName"])


def test_a_second_app_gets_the_same_titles(
    operations: dict[tuple[str, str], dict[str, Any]], tmp_path: Path
) -> None:
    again = create_app(url=f"sqlite:///{tmp_path}/y.sqlite3").openapi()["paths"]
    assert again["/v1/cases"]["get"]["summary"] == operations["GET", "/v1/cases"]["summary"] == "案件列表"


def test_the_docs_pages_still_answer(app: FastAPI) -> None:
    client = TestClient(app)
    for page in ("/docs", "/redoc"):
        assert client.get(page).status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/v1/cases"]["get"]["summary"] == "案件列表"
