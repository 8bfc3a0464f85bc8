"""The counter alarm in a real browser (Playwright driving Debian's Chromium): with the officer's alert page
open, an alert a bank raises appears in the list and in the menu's badge without a reload (htmx polling; no
inline script, nothing refused by the Content-Security-Policy), and the teller's page shows the desk's answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def test_a_new_alert_appears_at_the_desk_and_the_answer_at_the_counter(
    browser: Any, serve_app: Callable[[Any], str], tmp_path: Any
) -> None:
    from fastapi.testclient import TestClient
    from playwright.sync_api import expect

    from fanzha.api.app import create_app
    from fanzha.intel.keys import create_key

    app = create_app(url=f"sqlite:///{tmp_path / 'alerts.sqlite3'}")
    engine = app.state.services.store.engine
    officer, bank = (
        create_key(engine, role=r, label=n) for r, n in (("officer", "JZ1001"), ("bank", "中国工商银行"))
    )
    url = serve_app(app)
    api = TestClient(app)
    blocked: list[str] = []
    desk, counter = browser.new_page(locale="zh-CN"), browser.new_page(locale="zh-CN")
    for page in (desk, counter):
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    for page, console, key in ((desk, "console", officer), (counter, "bank", bank)):
        page.goto(f"{url}/{console}/login")
        page.fill("#key", key)
        page.click("#login")
        page.wait_for_url(f"**/{console}")
    desk.goto(url + "/console/alerts")
    counter.goto(url + "/bank/alerts")
    expect(desk.locator("#alert-list")).to_contain_text("没有")

    counter.check("input[name=kind][value=forged_document]")
    counter.fill("input[name=branch]", "江州支行")
    counter.fill("input[name=counter]", "2号窗口")
    counter.fill("input[name=presented]", "存单（金额与系统不符）")
    counter.click("#raise-alert")
    expect(counter.locator("#done")).to_contain_text("已送达反诈中心")

    expect(desk.locator("#alert-list")).to_contain_text("江州支行", timeout=15_000)
    expect(desk.locator("#alert-badge .badge")).to_have_text("1", timeout=15_000)
    alert_id = api.get("/v1/counter-alerts", headers={"X-API-Key": officer}).json()[0]["id"]
    api.post(f"/v1/counter-alerts/{alert_id}/acknowledge", headers={"X-API-Key": officer})
    expect(counter.locator("#bank-alert-list")).to_contain_text("已接警", timeout=20_000)
    expect(desk.locator("#alert-badge .badge")).to_have_count(0, timeout=15_000)
    assert blocked == []
