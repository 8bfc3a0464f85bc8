"""The 警情通报 page of the officer console: the review of the last complete week (typical cases, their
text as published, what was masked), the issue with its confirmation (once per period, audited), the
officer's choice and wording of the cases, and the downloads of the draft and of the published
bulletin."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.cases.model import CaseIdentifier, CaseIn, Payment, Person
from fanzha.intel.keys import create_key
from fanzha.reports.issue import issued
from fanzha.reports.periods import last_complete, to_utc


@pytest.fixture
def client(tmp_path: Path, web_client: Callable[[Any], TestClient]) -> TestClient:
    client = web_client(create_app(url=f"sqlite:///{tmp_path / 'bulletin.sqlite3'}"))
    services = client.app.state.services  # type: ignore[attr-defined]
    key = create_key(services.store.engine, role="officer", label="民警张三")
    assert client.post("/console/login", data={"key": key}, follow_redirects=False).status_code == 303
    at = to_utc(last_complete("week").start) + timedelta(days=1, hours=3)
    for n in range(5):
        services.cases.create(
            CaseIn(
                received_at=at + timedelta(hours=n), district="西城区", contact_channel="phone_call",
                fraud_type=("impersonate_authority", "investment")[n % 2],
                victim=Person(name="王秀英", age=67, sex="女"), payments=[Payment(amount=10000.0 * (n + 1))],
                narrative=f"受害人王秀英（电话13912345678）接到自称警察的电话，被骗{n + 1}万元。",
                identifiers=[CaseIdentifier("phone", "17012345678")],
            ),
            actor="民警甲",
        )  # fmt: skip
    return client


def typical_ids(html: str) -> list[str]:
    return re.findall(r'name="case" value="(\d+)"', html)


def test_the_review_shows_the_draft_with_what_is_masked(client: TestClient) -> None:
    html = client.get("/console/bulletin").text
    week = last_complete("week")
    assert week.title in html and "草稿（待审核）" in html
    assert typical_ids(html)  # the draft's typical cases, each ticked to print
    assert "受害人王秀英（电话13912345678）" in html  # the narrative, for the officer
    assert "受害人王**（电话139****5678）" in html  # the text as published
    assert re.search(r"<td>姓名</td><td>王秀英</td><td>王\*\*</td>", html)
    assert 'href="/console/bulletin"' in html  # in the console's menu


def test_issuing_needs_the_confirmation(client: TestClient) -> None:
    ids = typical_ids(client.get("/console/bulletin").text)
    response = client.post(
        "/console/bulletin/issue", data={"period": last_complete("week").label, "case": ids}
    )
    assert response.status_code == 422 and "请先勾选“已核对”" in response.text
    assert issued(client.app.state.services.store.engine, last_complete("week")) is None  # type: ignore[attr-defined]


def test_issue_with_the_officers_choice_and_wording_then_download(client: TestClient) -> None:
    week = last_complete("week")
    ids = typical_ids(client.get("/console/bulletin").text)
    assert len(ids) >= 2
    kept = ids[0]
    wording = "一名67岁女士（电话13912345678）接到冒充警察的电话被骗，民警提醒：公检法不会电话办案。"
    response = client.post(
        "/console/bulletin/issue",
        data={"period": week.label, "case": [kept], f"text_{kept}": wording, "confirm": "1"},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"].endswith("done=issued")
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    done = issued(engine, week)
    assert done is not None and done.issued_by == "民警张三" and done.cases == [int(kept)]
    assert (
        "139****5678" in done.texts[int(kept)] and "13912345678" not in done.texts[int(kept)]
    )  # masked again
    page = client.get(f"/console/bulletin?period={week.label}&done=issued").text
    assert "通报已发布" in page and "已发布" in page and "民警张三" in page and 'name="confirm"' not in page
    pdf = client.get(f"/console/bulletin/file?period={week.label}&format=pdf")
    assert pdf.status_code == 200 and pdf.content == done.pdf and pdf.content.startswith(b"%PDF")
    assert f'filename="bulletin-{week.label}.pdf"' in pdf.headers["content-disposition"]
    html = client.get(f"/console/bulletin/file?period={week.label}&format=html")
    assert html.text == done.html
    again = client.post(
        "/console/bulletin/issue", data={"period": week.label, "case": [kept], "confirm": "1"}
    )  # a period is issued once
    assert again.status_code == 422 and "不能重复发布" in again.text


def test_the_draft_downloads_are_marked_as_drafts(client: TestClient) -> None:
    week = last_complete("week")
    response = client.get(f"/console/bulletin/file?period={week.label}&format=html")
    assert response.status_code == 200 and "草稿" in response.text
    assert "-draft.html" in response.headers["content-disposition"]


@pytest.mark.parametrize("period", ["2026-W99", "明年", "9999-W52"])
def test_a_bad_period_is_a_chinese_error(client: TestClient, period: str) -> None:
    response = client.get("/console/bulletin", params={"period": period})
    assert response.status_code == 422
    assert "期间" in response.text or "不是有效的周" in response.text
    assert "Traceback" not in response.text


def test_a_month_can_be_reviewed(client: TestClient) -> None:
    month = last_complete("month")
    response = client.get("/console/bulletin", params={"period": month.label})
    assert response.status_code == 200 and month.title in response.text
