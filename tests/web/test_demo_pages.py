"""Every page of every console has something on it after the demo is loaded (`fanzha.demo.live`), and the
officer's dashboard shows today's and this week's figures and a trend line that reaches today."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.demo.live import load_live_demo
from fanzha.demo.orders import DEMO_BANK
from fanzha.intel.keys import create_key
from fanzha.reports.periods import local_date, period_of
from fanzha.reports.trends import trends

EMPTY = re.compile(r'class="muted"[^>]*>\s*([^<]*(?:没有|暂无|还没有)[^<]*)<')
# Empty states that are the truth on a demo day, not a page left empty.
ALLOWED_EMPTY = ("本周没有明显上升的类型", "没有即将到期的指令")
LOGINS = {
    "/console": ("officer", "JZ1001"),
    "/bank": ("bank", DEMO_BANK),
    "/community": ("community", "幸福里社区"),
    "/medical": ("medical", "【演示数据】城关区医保局"),
}
PAGES = {
    "/console": ["", "/cases", "/groups", "/orders", "/orders?state=requested", "/persons", "/alerts?state=all",
                 "/cardban", "/outreach", "/returnees", "/residents", "/warnings"],
    "/bank": ["", "/checks", "/orders", "/orders?state=all", "/alerts", "/opening", "/cardban"],
    "/community": ["", "/activities", "/targets", "/quiz", "/returnees", "/outbound", "/survey", "/residents",
                   "/warnings"],
    "/medical": ["", "/reports", "/institutions"],
}  # fmt: skip
TABLES = {  # pages whose list is a table: at least one row of data
    "/console/cases", "/console/groups", "/console/orders", "/console/orders?state=requested",
    "/console/alerts?state=all", "/console/cardban", "/console/returnees", "/bank", "/bank/checks",
    "/bank/orders", "/bank/orders?state=all", "/bank/alerts", "/bank/opening", "/medical", "/medical/reports",
    "/medical/institutions",
}  # fmt: skip


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    folder: Path = tmp_path_factory.mktemp("demo")
    app = create_app(url=f"sqlite:///{folder / 'fanzha.sqlite3'}")
    load_live_demo(app.state.services.store.engine, cases=600)
    yield app


def _client(app: FastAPI, web_client: Callable[..., TestClient], base: str) -> TestClient:
    client = web_client(app)
    role, label = LOGINS[base]
    key = create_key(app.state.services.store.engine, role=role, label=label)
    assert client.post(f"{base}/login", data={"key": key}, follow_redirects=False).status_code == 303
    return client


def data_rows(html: str) -> int:
    """Rows of data in the page's tables (an empty table's one row says so in a grey cell across it)."""
    bodies = re.findall(r"<tbody[^>]*>(.*?)</tbody>", html, re.S)
    rows = [row for body in bodies for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]
    return sum(1 for row in rows if not re.match(r'\s*<td colspan="\d+" class="muted"', row))


@pytest.mark.parametrize("base", list(PAGES))
def test_every_console_page_has_something_on_it(
    app: FastAPI, web_client: Callable[..., TestClient], base: str
) -> None:
    client = _client(app, web_client, base)
    for page in PAGES[base]:
        path = base + page
        answer = client.get(path)
        assert answer.status_code == 200, path
        empty = [e for e in EMPTY.findall(answer.text) if not e.strip().startswith(ALLOWED_EMPTY)]
        assert not empty, f"{path} is empty: {empty}"
        if path in TABLES:
            assert data_rows(answer.text) > 0, f"{path} has no rows"


def _figures(html: str) -> tuple[int, int]:
    found = re.search(
        r'报警数</div>\s*<div class="n">(\d+)<small> 起</small></div>\s*<div class="week">本周 (\d+) 起', html
    )
    assert found, "the dashboard's 报警数 card"
    return int(found[1]), int(found[2])


def test_the_dashboard_counts_today_and_this_week_and_the_trend_reaches_today(
    app: FastAPI, web_client: Callable[..., TestClient]
) -> None:
    client = _client(app, web_client, "/console")
    page = client.get("/console").text
    today, week = _figures(page)
    assert 0 < today <= week
    engine: Any = app.state.services.store.engine
    this_week = period_of(local_date(datetime.now(UTC)), "week")
    table = trends(engine, by="week", last=8, until=this_week)
    weekly = [sum(t.cases for t in table.column(i).values()) for i in range(len(table.periods))]
    assert len(weekly) == 8 and all(n > 0 for n in weekly), weekly  # no week falls to zero, this one neither
    assert weekly[-1] == week
    assert "近8周主要类型走势" in page and page.count('<tr><td><a href="/console/cases/') == 10


def test_demo_warning_tasks_are_labelled_and_the_community_pages_filled(
    app: FastAPI, web_client: Callable[..., TestClient]
) -> None:
    """Every demo task says 【演示数据】 in both queues and `synthetic` in the API; the demo community's
    survey page has households; the queue's per-day table has several days; the case library has entries."""
    for base in ("/console", "/community"):
        html = _client(app, web_client, base).get(f"{base}/warnings?state=all").text
        tasks = re.findall(r'<li class="task[^"]*">(.*?)</li>', html, re.S)
        assert tasks and all("【演示数据】" in t for t in tasks), base
        days = re.search(r"<th>日期</th>.*?<tbody>(.*?)</tbody>", html, re.S)
        assert days and days.group(1).count("<tr>") >= 4, base
    engine = app.state.services.store.engine
    key = create_key(engine, role="community", label="幸福里社区")
    body = web_client(app).get("/v1/warn/tasks?state=done", headers={"X-API-Key": key}).json()
    assert body["items"] and all(t["synthetic"] is True for t in body["items"])
    survey = _client(app, web_client, "/community").get("/community/survey").text
    assert "尚无走访登记" not in survey and "一网格" in survey
    library = web_client(app).get("/v1/public/cases").json()
    assert library["total"] >= 3 and all(c["synthetic"] for c in library["cases"])
