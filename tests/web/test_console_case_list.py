"""The console's case list (/console/cases) through the app: sortable column headers, a range of
received days (Beijing), the pager, all in the address, and the export buttons carrying them; a date it
cannot use is named beside the filters, never a server error — on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from fanzha.api.app import create_app
from fanzha.cases.model import CaseIn, Payment
from fanzha.intel.keys import create_key

T0 = datetime(2026, 11, 5, 16, 0, tzinfo=UTC)  # 6 November, 00:00 in Beijing


@pytest.fixture
def client(engine: Engine) -> TestClient:
    app = create_app(url=engine.url.render_as_string(hide_password=False))
    cases = app.state.services.cases
    for n in range(1, 26):  # 25 cases an hour apart from 5 November, 20:00 Beijing; losses repeat
        cases.create(
            CaseIn(received_at=T0 + timedelta(hours=n - 5), ref=f"JZ-{n:03d}", fraud_type="loan",
                   payments=[Payment(amount=100.0 * (n % 5 + 1))], narrative="x"),
            actor="民警甲",
        )  # fmt: skip
    client = TestClient(app)
    client.cookies.set(
        "fanzha_key", create_key(app.state.services.store.engine, role="officer", label="民警甲")
    )
    return client


def _refs(html: str) -> list[str]:
    return re.findall(r">(JZ-\d+)</a>", html)


def test_newest_first_a_page_at_a_time_with_sortable_headers(client: TestClient) -> None:
    first = client.get("/console/cases?per=20")
    assert first.status_code == 200 and "共 25 起" in first.text and "第 1 / 2 页" in first.text
    assert _refs(first.text)[:2] == ["JZ-025", "JZ-024"] and len(_refs(first.text)) == 20
    assert _refs(client.get("/console/cases?per=20&page=2").text) == [f"JZ-{n:03d}" for n in range(5, 0, -1)]
    assert (
        _refs(client.get("/console/cases?per=20&page=9").text)[-1] == "JZ-001"
    )  # past the end: the last page
    for key in ("occurred", "loss", "fraud_type"):
        assert f'href="/console/cases?per=20&amp;sort=-{key}"' in first.text
    assert 'href="/console/cases?per=20&amp;sort=received"' in first.text  # the current key toggles
    assert 'aria-sort="descending"' in first.text


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("received", ["JZ-001", "JZ-002", "JZ-003"]),
        ("-loss", ["JZ-024", "JZ-019", "JZ-014"]),  # 500 yuan each: newest case id first
        ("loss", ["JZ-005", "JZ-010", "JZ-015"]),  # 100 yuan each: oldest case id first
        ("-fraud_type", ["JZ-025", "JZ-024", "JZ-023"]),
        ("-occurred", ["JZ-025", "JZ-024", "JZ-023"]),  # none has a time of the fraud: by case id
        ("password", ["JZ-025", "JZ-024", "JZ-023"]),  # an unknown key: the default order
    ],
)
def test_each_sort_in_the_address(client: TestClient, sort: str, expected: list[str]) -> None:
    assert _refs(client.get(f"/console/cases?sort={sort}").text)[:3] == expected


def test_a_range_of_beijing_days_and_the_exports_carry_it_with_the_sort(client: TestClient) -> None:
    page = client.get("/console/cases?since=2026-11-06&until=2026/11/6&sort=loss").text
    assert "共 21 起" in page  # JZ-005 (00:00 on the 6th) to JZ-025; the 5th's four are left out
    assert 'value="2026-11-06"' in page and '<input type="hidden" name="sort" value="loss">' in page
    link = re.search(r'id="case-exports".*?href="([^"]*format=csv)"', page, re.S)
    assert link is not None and "since=2026-11-06" in link.group(1) and "sort=loss" in link.group(1)
    got = client.get(link.group(1).replace("&amp;", "&"))
    rows = list(csv.DictReader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert got.headers["x-export-rows"] == "21" and [r["案件编号"] for r in rows[:2]] == ["JZ-005", "JZ-010"]
    assert "共 4 起" in client.get("/console/cases?until=2026-11-05").text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("since=2026-13-01", "起始日期“2026-13-01”不是日期"),
        ("since=2026-11-07&until=2026-11-01", "起始日期晚于截止日期"),
        ("since=0001-01-01", "起始日期超出可接受的范围"),
        ("until=9999-12-31", "截止日期超出可接受的范围"),
    ],
)
def test_a_bad_date_is_named_beside_the_filters_and_the_list_still_shown(
    client: TestClient, query: str, message: str
) -> None:
    got = client.get(f"/console/cases?{query}&status=received")
    assert got.status_code == 422 and message in got.text and 'id="filter-error"' in got.text
    assert "共 25 起" in got.text  # the other filters still apply
    export = client.get(f"/console/cases/export?format=csv&{query}")
    assert export.status_code == 422 and "无法导出" in export.text and message in export.text
