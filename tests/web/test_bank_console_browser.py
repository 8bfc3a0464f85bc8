"""The bank console in a real browser (Playwright driving Debian's Chromium): a transfer screened through
the API is held, the teller logs in, opens it from the held list, switches between the counter and ATM
checklists, answers, records the signed notice and calls the police; the check is listed with its case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

BANK = "江州农商银行"
TRANSFER = {
    "id": "t-100", "time": "2026-11-30T12:05:00+08:00", "amount": 80000.0, "currency": "CNY", "channel": "counter",
    "payer": {"account": "6212261234567890123", "name": "王秀英", "age": 72, "district": "江州市西城区"},
    "payee": {"account": "6222021234567890128", "bank": "中国工商银行", "name": "李某", "district": "湖北省武汉市"},
    "purpose": "转到安全账户配合调查", "payer_on_call": True,
    "payer_contacts": [{"kind": "phone", "value": "0085261234567", "at": "2026-11-30T11:40:00+08:00"}],
}  # fmt: skip


@dataclass
class Server:
    url: str
    key: str


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, serve_app: Callable[[Any], str]) -> Server:
    from fastapi.testclient import TestClient

    from fanzha.api.app import create_app
    from fanzha.intel.keys import create_key

    app = create_app(url=f"sqlite:///{tmp_path_factory.mktemp('bank') / 'bank.sqlite3'}")
    key = create_key(app.state.services.store.engine, role="bank", label=BANK)
    screened = TestClient(app).post("/v1/screen", json=TRANSFER, headers={"X-API-Key": key})
    assert screened.json()["outcome"] in ("hold", "block")
    return Server(serve_app(app), key)


def test_held_transfer_checklist_and_police_call_in_chromium(
    browser: Any, server: Server, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    blocked: list[str] = []  # what the Content-Security-Policy refused: nothing may be
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server.url + "/bank")
    assert "/bank/login" in page.url
    page.fill("#key", server.key)
    page.click("#login")
    page.wait_for_url(server.url + "/bank")
    held = page.locator("#held-list")
    expect(held).to_contain_text("t-100")
    expect(held).to_contain_text("王**")  # the customer's name masked
    held.get_by_text("核查登记").click()
    page.wait_for_url("**/bank/check?*")
    expect(page.locator("#transfer-facts")).to_contain_text("6222021234567890128")

    counter_questions = page.locator("#checklist .question").count()
    page.select_option("select[name=checklist]", "atm")  # htmx swaps in the ATM checklist
    expect(page.locator("#checklist .question")).not_to_have_count(counter_questions)
    page.select_option("select[name=checklist]", "counter")
    expect(page.locator("#checklist .question")).to_have_count(counter_questions)

    # Answer every question: the first option of each choice, a few words in each text box.
    page.evaluate(
        """() => {
          const seen = new Set();
          for (const r of document.querySelectorAll('#checklist input[type=radio]')) {
            if (!seen.has(r.name)) { r.checked = true; seen.add(r.name); }
          }
          for (const t of document.querySelectorAll('#checklist .question input:not([type])')) {
            if (!t.value) t.value = '客户称转到安全账户';
          }
        }"""
    )
    page.locator("input[name=notice_signed]").check()
    page.fill("input[name=signed_by]", "王秀英")
    page.locator("input[name=outcome][value=police]").check()
    page.screenshot(path=str(tmp_path / "bank-check.png"), full_page=True)
    page.click("#save-check")
    page.wait_for_url("**/bank/checks?done=*")
    expect(page.locator("body")).to_contain_text("报警")
    expect(page.locator("body")).to_contain_text("案件 #1")
    page.goto(server.url + "/bank")
    expect(page.locator("#held-list")).not_to_contain_text("t-100")
    assert not blocked, blocked
