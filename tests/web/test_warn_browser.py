"""The community console's warning pages on a phone-sized screen in a real browser (Playwright driving
Debian's Chromium): a community worker logs in, opens the task a collision raised, reads what to say,
records 劝阻成功, and registers a resident with a family member — nothing wider than the screen, nothing
the Content-Security-Policy refuses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

PHONE = {"width": 390, "height": 844}
COMMUNITY = "幸福里社区"


@dataclass
class Server:
    url: str
    key: str
    task: int


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, serve_app: Callable[[Any], str]) -> Server:
    from fanzha.api.app import create_app
    from fanzha.intel.keys import create_key
    from fanzha.warn import EventIn, ResidentIn, WarnService

    app = create_app(url=f"sqlite:///{tmp_path_factory.mktemp('warn') / 'warn.sqlite3'}")
    engine = app.state.services.store.engine
    service = WarnService(engine)
    service.residents.register(
        ResidentIn(name="王秀英", phone="13912345678", community=COMMUNITY, age=72, consent_by="王秀英"),
        actor="测试",
    )
    service.record_event(
        EventIn(kind="payment", resident="13912345678", other_kind="bank_card", other="6222021234567890128",
                at=datetime.now(UTC) - timedelta(minutes=20), amount=30000, in_progress=True)
    )  # fmt: skip
    [task] = service.flag(kind="bank_card", value="6222021234567890128", level="confirmed", source="intel",
                          fraud_type="impersonate_authority")  # fmt: skip
    key = create_key(engine, role="community", label=COMMUNITY)
    return Server(serve_app(app), key, task)


def _fits(page: Any) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_a_worker_warns_and_registers_on_a_phone(browser: Any, server: Server) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server.url + "/community")
    assert "/community/login" in page.url
    page.fill("#key", server.key)
    page.click("#login")
    page.wait_for_url(server.url + "/community")
    page.get_by_role("link", name="预警劝阻").first.click()
    page.wait_for_url("**/community/warnings")
    expect(page.locator("#tasks")).to_contain_text("王秀英")
    assert _fits(page)
    page.locator(f"a[href='/community/warnings/{server.task}']").click()
    expect(page.locator("#reasons")).to_contain_text("正在进行")
    expect(page.locator("#script")).to_contain_text("96110")
    assert _fits(page)
    page.check("input[name=outcome][value=prevented]")
    page.select_option("select[name=method]", "call")
    page.click("#record")
    expect(page.locator("#done")).to_contain_text("已登记处置结果")
    expect(page.locator("#outcome")).to_contain_text("劝阻成功")
    expect(page.locator("#outcome")).to_contain_text("30,000")  # the payment in progress, stopped

    page.goto(server.url + "/community/residents/new")
    page.fill("input[name=name]", "李建国")
    page.fill("input[name=phone]", "139 1234 0000")
    page.fill("input[name=age]", "80")
    page.fill("input[name=family_name_0]", "李明")
    page.fill("input[name=family_relation_0]", "儿子")
    page.fill("input[name=family_phone_0]", "13812345678")
    page.check("input[name=consent]")
    assert _fits(page)
    page.click("#register")
    expect(page.locator("#done")).to_contain_text("已登记")
    expect(page.locator("#family")).to_contain_text("李明")
    expect(page.locator("main")).to_contain_text(COMMUNITY)
    assert blocked == []
