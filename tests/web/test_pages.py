"""The public page through the app: the flow a citizen follows, without a browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'web.sqlite3'}"))


def test_the_page_is_chinese_and_serves_its_own_assets(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'lang="zh-CN"' in page.text and "/static/htmx.min.js" in page.text
    assert client.get("/static/htmx.min.js").status_code == 200
    assert client.get("/static/site.css").status_code == 200


def test_checking_a_scam_shows_verdict_highlights_identifiers_and_advice(client: TestClient) -> None:
    html = client.post("/check", data={"text": "您涉嫌洗钱，请转入安全账户，联系17012345678"}).text
    assert "疑似诈骗" in html and "verdict high" in html
    assert "<mark>" in html and "17012345678" in html and "96110" in html


def test_an_advert_is_shown_as_an_advert_not_as_a_scam(client: TestClient) -> None:
    html = client.post(
        "/check", data={"text": "澳门威尼斯人线上娱乐城首存即送彩金，百家乐真人视讯，网址URL"}
    ).text
    assert "违法广告" in html and "不是诈骗" in html and "疑似诈骗" not in html
    assert "12321" in html  # where to report it


def test_id_numbers_are_masked_on_the_public_page(client: TestClient) -> None:
    html = client.post("/check", data={"text": "身份证110101199003071233，请转账到安全账户"}).text
    assert "110101199003071233" not in html


def test_reporting_from_the_page_reaches_the_store(client: TestClient) -> None:
    html = client.post("/report", data={"kind": "phone", "value": "+86 170 1234 5678"}).text
    assert "已收到举报" in html and "17012345678" in html
    assert (
        client.get("/v1/lookup", params={"kind": "phone", "value": "17012345678"}).json()["report_count"] == 1
    )


@pytest.mark.parametrize(
    ("path", "data", "message"),
    [("/check", {"text": "   "}, "为空"), ("/report", {"kind": "fax", "value": "1"}, "不支持")],
)
def test_bad_input_gets_a_clear_message(
    client: TestClient, path: str, data: dict[str, str], message: str
) -> None:
    response = client.post(path, data=data)
    assert response.status_code == 200 and message in response.text
