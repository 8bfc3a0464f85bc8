"""The public page through the app: the flow a citizen follows, without a browser."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.store.tables import ReportRow


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


def test_a_bare_money_request_is_shown_as_suspicious_with_its_words_and_how_to_check(
    client: TestClient,
) -> None:
    html = client.post("/check", data={"text": "在吗 帮我个忙 转我500 明天还你"}).text
    assert "有可疑之处，请核实" in html and "疑似诈骗" not in html
    assert "<mark>转我500</mark>" in html and "向你借钱或要你转账" in html  # highlighted and listed
    assert "原来存的电话" in html  # how to check


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


def test_an_official_number_is_shown_as_its_owners(client: TestClient) -> None:
    html = client.post("/check", data={"text": "95588"}).text
    assert "这是中国工商银行的官方客服号码" in html and "status-official" in html
    assert "违法广告" not in html and "未达到风险标记" not in html and "疑似诈骗" not in html


def test_a_spoofed_service_number_is_a_scam_with_the_right_advice(client: TestClient) -> None:
    html = client.post("/check", data={"text": "0095588"}).text
    assert "疑似诈骗：冒充电商物流客服、银行客服" in html and "中国工商银行" in html
    assert "虚假购物" not in html and "违法广告" not in html and "未达到风险标记" not in html


def test_each_identifier_shows_what_the_store_knows(client: TestClient) -> None:
    client.post("/report", data={"kind": "phone", "value": "13800138000", "fraud_type": "phishing"})
    text = "【工商银行】您的账户存在异常，请登录 icbc-vip.cc 验证，或致电13800138000"
    html = client.post("/check", data={"text": text}).text
    assert "疑似仿冒" in html and "仿冒网站" in html  # the lookalike verdict, never 未达到风险标记
    assert "运营商：中国移动，归属地：北京市" in html and "共收到1次举报" in html
    assert "钓鱼链接、账户异常、积分兑换、伪基站短信1次" in html
    assert 'href="/?kind=domain&amp;value=icbc-vip.cc#appeal"' in html  # the holder may appeal


def test_reporting_an_official_number_says_it_is_the_real_one_and_keeps_the_report(
    client: TestClient,
) -> None:
    html = client.post("/report", data={"kind": "phone", "value": "95588"}).text
    assert "这是中国工商银行的官方客服号码，是真号码" in html and "编号 #1" in html
    found = client.get("/v1/lookup", params={"kind": "phone", "value": "95588"}).json()
    assert found["level"] == "official" and found["report_count"] == 1


def test_a_reports_fraud_type_and_note_are_checked_and_masked(client: TestClient) -> None:
    html = client.post("/report", data={"kind": "phone", "value": "13800138000", "fraud_type": "xx"}).text
    assert "不支持的诈骗类型" in html
    note = "他要我的身份证110101199003071233，我叫王秀英"
    client.post("/report", data={"kind": "phone", "value": "13800138000", "text": note})
    store = client.app.state.services.store  # type: ignore[attr-defined]
    with Session(store.engine) as session:
        stored = session.scalars(select(ReportRow.text)).all()
    assert len(stored) == 1 and stored[0] is not None
    assert "110101199003071233" not in stored[0] and "王秀英" not in stored[0]


def test_the_appeal_form_is_on_the_page_and_reaches_the_officers(client: TestClient) -> None:
    page = client.get("/", params={"kind": "domain", "value": "icbc-vip.cc"}).text
    assert 'id="appeal"' in page and "第三十二条" in page and 'value="icbc-vip.cc"' in page
    html = client.post(
        "/appeal",
        data={
            "kind": "domain",
            "value": "icbc-vip.cc",
            "reason": "这是我们旅行社的网站",
            "contact": "010-62345678",
        },
    ).text
    assert "已收到申诉，编号 #1" in html and "疑似仿冒" in html
    assert "010-62345678" not in html  # the contact is for the officer, not echoed
    appeals = client.app.state.services.store.appeals()  # type: ignore[attr-defined]
    assert [(a.kind, a.value, a.reason) for a in appeals] == [
        ("domain", "icbc-vip.cc", "这是我们旅行社的网站")
    ]


def test_an_appeal_on_an_unmarked_number_says_so(client: TestClient) -> None:
    html = client.post("/appeal", data={"kind": "phone", "value": "13800138000", "reason": "我的号码"}).text
    assert "已收到申诉" in html and "目前没有被本平台标记为涉诈" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "phone", "value": "13800138000", "reason": "   "}, "请写明申诉理由"),
        ({"kind": "fax", "value": "1", "reason": "误标"}, "不支持的类型"),
    ],
)
def test_a_bad_appeal_gets_a_clear_message(client: TestClient, data: dict[str, str], message: str) -> None:
    response = client.post("/appeal", data=data)
    assert response.status_code == 200 and message in response.text


def test_the_rate_limit_is_said_with_the_wait(tmp_path: Path) -> None:
    client = TestClient(create_app(url=f"sqlite:///{tmp_path / 'slow.sqlite3'}", anonymous_per_minute=2))
    for _ in range(2):
        assert client.post("/check", data={"text": "95588"}).status_code == 200
    fragment = client.post("/check", data={"text": "95588"}, headers={"HX-Request": "true"})
    wait = fragment.headers["Retry-After"]
    assert (
        fragment.status_code == 429
        and f"请在{wait}秒后再试" in fragment.text
        and "<html" not in fragment.text
    )
    page = client.post("/report", data={"kind": "phone", "value": "95588"})
    assert page.status_code == 429 and "请求过于频繁" in page.text and "秒后再试" in page.text


@pytest.mark.parametrize(
    ("text", "value", "flag"),
    [
        ("6222021234567890128", "6222021234567890128", ""),
        ("6217001234567890123", "6217001234567890123", "校验位不符"),  # fails the check digit: kept
        ("6217 0012 3456 7890 123", "6217001234567890123", "校验位不符"),
    ],
)
def test_a_bare_card_is_answered_from_what_the_store_knows_on_page_api_and_cli(
    client: TestClient, text: str, value: str, flag: str
) -> None:
    from typer.testing import CliRunner

    from fanzha.cli import app
    from fanzha.detect.engine import SUSPICIOUS_THRESHOLD, default_detector

    api = client.post("/v1/assess", json={"text": text}).json()
    # Nothing is known of the card: the risk is the calibrated bias's alone, below 可疑, the same on every
    # surface.
    bias_risk = round(100 / (1 + math.exp(-default_detector().weights.bias)))
    expected = min(bias_risk, SUSPICIOUS_THRESHOLD - 1)
    assert (api["is_fraud"], api["category"], api["risk"]) == (False, "normal", expected)
    shown = f"风险 {api['risk']}/100"
    html = client.post("/check", data={"text": text}).text
    assert "没有发现这个银行卡/账号有诈骗特征" in html and shown in html
    assert "疑似诈骗" not in html and "营销广告" not in html and "不是诈骗" not in html
    assert value in html
    [card] = api["identifiers"]
    assert (card["kind"], card["value"], card["flags"]) == ("bank_card", value, [flag] if flag else [])
    cli = CliRunner().invoke(app, ["check", text]).output
    assert "未发现明显诈骗特征" in cli and shown in cli and api["headline"] in cli
    assert f"银行卡/账号 {value}" in cli
    if flag:
        assert f"提示：{flag}" in html and flag in api["headline"] and flag in cli
    client.post("/report", data={"kind": "bank_card", "value": value, "fraud_type": "phishing"})
    reported = client.post("/check", data={"text": text}).text
    assert "共收到" in reported and "次举报" in reported  # the store's knowledge, shown beside the card


@pytest.mark.parametrize(
    ("kind", "value", "verdict", "name", "level"),
    [
        ("phone", "0095588", "imitation", "疑似仿冒", "unknown"),  # a spoofed bank number
        ("domain", "icbc-95588.com", "imitation", "疑似仿冒", "unknown"),  # a lookalike site
        ("phone", "95588", "official", "官方", "official"),
        ("phone", "13800138000", "unknown", "未达到风险标记", "unknown"),
    ],
)
def test_the_lookup_api_and_the_cli_tell_what_the_page_shows(
    client: TestClient, tmp_path: Path, kind: str, value: str, verdict: str, name: str, level: str
) -> None:
    from typer.testing import CliRunner

    from fanzha.cli import app

    html = client.post("/check", data={"text": value}).text
    assert f'<span class="status status-{verdict}">{name}</span>' in html
    found = client.get("/v1/lookup", params={"kind": kind, "value": value}).json()
    assert (found["verdict"], found["verdict_name"]) == (verdict, name)
    assert found["level"] == level  # the store's level keeps its meaning
    assert found["known"]["status"] == verdict
    cli = CliRunner().invoke(app, ["intel", "lookup", value, "--data-dir", str(tmp_path / "cli")])
    assert cli.exit_code == 0, cli.output
    assert re.search(rf"结论\s+{name}", cli.output), cli.output
    assert all(line in cli.output for line in found["known"]["lines"])  # the page's lines, word for word
    if verdict == "imitation":
        assert "未达到风险标记" not in cli.output and "冒充的机构  中国工商银行" in cli.output
    assert "域名" not in cli.output or kind == "domain"  # 95588 is a number, not a domain
