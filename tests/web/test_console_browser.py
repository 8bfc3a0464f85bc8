"""The officer console in a real browser: Playwright driving Debian's Chromium (`apt-get install chromium`).

Runs the app (with the console) under uvicorn in a thread on a free loopback port, logs in with an
officer's key, types a narrative and watches the fields fill in, saves the case, links a second case
to it and opens the group's graph; screenshots (desktop and tablet) go next to the test's temporary files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

NARRATIVE = (
    "报警人李女士，68岁，本人电话13912345678。11月6日10时许接到电话，对方号码+86 170 1234 5678，自称警察，"
    "说她涉嫌洗钱，要求她把钱转到安全账户配合调查。她在银行把5万元转到6222 0212 3456 7890 128。"
)


@dataclass
class Server:
    url: str
    key: str
    app: Any


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, serve_app: Callable[[Any], str]) -> Server:

    from fanzha.api.app import create_app
    from fanzha.intel.keys import create_key

    app = create_app(url=f"sqlite:///{tmp_path_factory.mktemp('console') / 'console.sqlite3'}")
    key = create_key(app.state.services.store.engine, role="officer", label="反诈中心-001")
    return Server(serve_app(app), key, app)


def test_intake_case_and_group_graph_in_chromium(browser: Any, server: Server, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")  # a desk's screen
    blocked: list[str] = []  # what the Content-Security-Policy refused: nothing may be
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server.url + "/console/intake")
    assert "/console/login" in page.url  # anonymous: the login page first
    page.fill("#key", "not-a-key")
    page.click("#login")
    expect(page.locator("#login-error")).to_contain_text("密钥无效")
    page.fill("#key", server.key)
    page.click("#login")
    page.wait_for_url("**/console/intake")

    page.locator("#narrative").press_sequentially(NARRATIVE[:40], delay=5)
    page.locator("#narrative").fill(NARRATIVE)
    page.locator("#narrative").press("End")  # a keyup: htmx pre-fills 700 ms later
    expect(page.locator("#prefill-notes")).to_be_visible(timeout=10_000)
    expect(page.locator("#victim_age")).to_have_value("68")
    expect(page.locator("#contact_channel")).to_have_value("phone_call")
    expect(page.locator("#loss")).to_have_value("50000")
    expect(page.locator("input[name=pay_to_account]").first).to_have_value("6222021234567890128")
    expect(page.locator("input[name=ident_value]").first).to_have_value("17012345678")
    page.select_option("#fraud_type", "impersonate_authority")  # the officer corrects and completes
    page.fill("#district", "西城区")
    page.fill("#victim_name", "李某某")
    page.locator("[data-add-row='#identifiers']").click()
    page.locator("input[name=ident_value]").last.fill("wx_anquan110")
    page.locator("select[name=ident_kind]").last.select_option("wechat")
    page.locator("input[name=ident_confirm]").first.check()
    page.screenshot(path=str(tmp_path / "console-intake.png"), full_page=True)
    page.click("#save")
    page.wait_for_url("**/console/cases/*")
    expect(page.locator("#done")).to_contain_text("案件已保存")
    expect(page.locator("#victim")).to_contain_text("李某某")
    expect(page.locator("#identifiers")).to_contain_text("wx_anquan110")
    expect(page.locator("#identifiers")).to_contain_text("已确认")
    first_case = page.url.split("/")[-1].split("?")[0]

    # A second victim paid the same account: the two cases are linked.
    page.goto(server.url + "/console/intake")
    page.fill(
        "#narrative", "王先生11月7日接到电话，对方号码17012345678，让他把2万元转到6222021234567890128。"
    )
    page.click("#prefill")
    expect(page.locator("input[name=ident_value]").first).to_have_value("17012345678")
    page.select_option("#fraud_type", "impersonate_authority")  # what a case needs (intake_rules)
    page.select_option("#contact_channel", "phone_call")
    page.fill("#occurred_at", "2026-11-07T09:30")
    page.fill("#reporter_name", "王先生")
    page.click("#save")
    page.wait_for_url("**/console/cases/*")
    page.locator("#case-group a").click()
    page.wait_for_url("**/console/groups/*")
    graph = page.locator("svg#graph")
    expect(graph).to_have_attribute("data-settled", "1", timeout=15_000)
    assert page.locator("svg#graph .node-case").count() == 2
    assert page.locator("svg#graph .node-ident").count() >= 2
    assert page.locator("svg#graph line.edge").count() >= 4
    page.screenshot(path=str(tmp_path / "console-group.png"), full_page=True)

    # Drag a node, zoom, then click a case node to open it.
    node = page.locator(f"svg#graph [data-id='case:{first_case}']")
    box = node.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + 80, box["y"] + 40, steps=5)
    page.mouse.up()
    assert page.url.endswith("/console/groups/" + page.url.split("/")[-1])  # a drag does not open the case
    page.mouse.wheel(0, -300)
    page.click("#graph-fit")
    page.wait_for_timeout(300)
    node.locator("circle").click()
    page.wait_for_url(f"**/console/cases/{first_case}")

    tablet = browser.new_page(
        viewport={"width": 820, "height": 1180}, has_touch=True, locale="zh-CN"
    )  # a tablet, portrait
    tablet.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    tablet.context.add_cookies(page.context.cookies())
    tablet.goto(server.url + "/console")
    expect(tablet.locator("#desk-numbers")).to_contain_text("报警数")
    tablet.screenshot(path=str(tmp_path / "console-dashboard-tablet.png"), full_page=True)
    assert not blocked, blocked
    for name in ("console-intake.png", "console-group.png", "console-dashboard-tablet.png"):
        assert (tmp_path / name).stat().st_size > 10_000


def test_a_page_on_another_port_cannot_post_to_the_console_in_chromium(
    browser: Any, server: Server, serve_app: Callable[[Any], str]
) -> None:
    """Another service on the same host (another port: the same site, so the SameSite=Strict cookie goes
    along) serves a page that submits a form to the console: refused, the case unchanged."""
    from datetime import UTC, datetime

    from playwright.sync_api import expect
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse, PlainTextResponse
    from starlette.routing import Route

    from fanzha.cases.model import CaseIn

    case = server.app.state.services.cases.create(CaseIn(received_at=datetime.now(UTC)), actor="反诈中心-001")
    target = f"{server.url}/console/cases/{case.id}/status"
    html = (
        f'<form id="f" method="post" action="{target}"><input name="status" value="verified"></form>'
        '<script>document.getElementById("f").submit()</script>'
    )
    evil = Starlette(
        routes=[
            Route("/", lambda request: HTMLResponse(html)),
            Route("/healthz", lambda request: PlainTextResponse("ok")),
        ]
    )
    evil_url = serve_app(evil)
    page = browser.new_page(locale="zh-CN")
    page.goto(server.url + "/console/login")
    page.fill("#key", server.key)
    page.click("#login")
    page.wait_for_url(server.url + "/console")
    page.goto(evil_url + "/")
    page.wait_for_url(f"{server.url}/console/cases/**")  # refused at the target, or sent on to the case
    assert server.app.state.services.cases.get(case.id).status == "received"
    assert page.url == target
    expect(page.locator("#problem")).to_contain_text("请求来源无效")
