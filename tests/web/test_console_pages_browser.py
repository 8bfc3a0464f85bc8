"""The officer console's intake checks, case editing, 警情通报 and 群众举报与申诉 pages in a real browser
(Playwright driving Debian's Chromium), with a screenshot of each page in test-artefacts/screenshots."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

MULE = "6217001234567890123"
SCAMMER = "17012345678"


@dataclass
class Server:
    url: str
    key: str
    app: Any


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, serve_app: Callable[[Any], str]) -> Server:
    from fanzha.api.app import create_app
    from fanzha.cases.model import CaseIdentifier, CaseIn, Payment, Person
    from fanzha.intel.keys import create_key
    from fanzha.reports.periods import last_complete, to_utc

    app = create_app(url=f"sqlite:///{tmp_path_factory.mktemp('pages') / 'console.sqlite3'}")
    services = app.state.services
    key = create_key(services.store.engine, role="officer", label="反诈中心-张警官")
    at = to_utc(last_complete("week").start) + timedelta(days=2, hours=2)
    for n in range(4):
        services.cases.create(
            CaseIn(
                received_at=at + timedelta(hours=n), district="西城区", contact_channel="phone_call",
                fraud_type=("impersonate_authority", "rebate_task")[n % 2],
                victim=Person(name="王秀英", age=67, sex="女"), payments=[Payment(amount=8000.0 * (n + 1))],
                narrative=f"受害人王秀英（电话13912345678）在家接到自称警察的电话，先后被骗{8 * (n + 1)}千元。",
                identifiers=[CaseIdentifier("phone", SCAMMER)],
            ),
            actor="民警甲",
        )  # fmt: skip
    for n in range(3):
        services.store.add_report(kind="phone", value=SCAMMER, fraud_type="impersonate_authority",
                                  text="对方自称公安局，让我转账到安全账户", reporter=f"citizen-{n}")  # fmt: skip
    services.store.add_report(kind="url", value="http://icbc-safe.example/login", fraud_type="phishing")
    services.store.add_appeal(
        kind="phone", value=SCAMMER, reason="这个号码是我公司的总机，被人冒用了", contact="13800138000"
    )
    return Server(serve_app(app), key, app)


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    blocked: list[str] = []  # what the Content-Security-Policy refused: nothing may be
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server.url + "/console/login")
    page.fill("#key", server.key)
    page.click("#login")
    page.wait_for_url(server.url + "/console")
    yield page
    assert not blocked, blocked


def test_intake_refuses_an_incomplete_case_then_saves_it_and_it_is_edited(
    server: Server, page: Any, screenshot: Callable[[Any, str], Any]
) -> None:
    from playwright.sync_api import expect

    page.goto(server.url + "/console/intake")
    page.fill("#district", "东城区")
    page.click("#save")
    expect(page.locator("#form-error")).to_contain_text("共 6 处需要补充或更正")
    expect(page.locator("#fraud_type-error")).to_contain_text("请选择诈骗类型")
    expect(page.locator("#loss-error")).to_contain_text("一条涉案线索")
    expect(page.locator("#district")).to_have_value("东城区")  # kept as typed
    screenshot(page, "console-intake-refused")

    # (No htmx pre-fill after a screenshot: Playwright's full-page capture leaves a style attribute
    # that an htmx swap then copies, which the Content-Security-Policy refuses.)
    page.fill("#narrative", "报警人王秀英称下午2点在农业银行柜台转了5万元给自称警察的人。")
    page.select_option("#fraud_type", "impersonate_authority")
    page.select_option("#contact_channel", "phone_call")
    page.fill("#occurred_at", "2026-11-20T14:00")
    page.fill("#reporter_name", "王秀英")
    page.fill("#loss", "50000")
    page.click("#save")
    page.wait_for_url(re.compile(r".*/console/cases/\d+\?done=created"))
    expect(page.locator("#payments")).not_to_contain_text("申请紧急止付")  # no receiving account yet

    page.click("#edit-case")
    page.wait_for_url(re.compile(r".*/console/cases/\d+/edit"))
    expect(page.locator("#fraud_type")).to_have_value("impersonate_authority")
    page.fill("#victim_age", "67")
    page.fill("#loss", "")  # the loss becomes the payments' sum
    rows = page.locator("#payments tbody tr")
    last = rows.last
    last.locator("input[name=pay_amount]").fill("30000")
    last.locator("input[name=pay_paid_at]").fill("2026-11-20T15:30")
    last.locator("select[name=pay_channel]").select_option("bank_transfer")
    last.locator("input[name=pay_to_account]").fill(MULE)
    last.locator("input[name=pay_to_bank]").fill("中国农业银行")
    page.locator("input[name=ident_value]").last.fill(MULE)
    page.locator("select[name=ident_kind]").last.select_option("bank_card")
    screenshot(page, "console-case-edit")
    page.click("#save-edit")
    page.wait_for_url(re.compile(r".*/console/cases/\d+\?done=edited"))
    expect(page.locator("#done")).to_contain_text("案件已修改")
    expect(page.locator("#case-loss")).to_contain_text("30,000")  # the loss left blank: the payments' sum
    expect(page.locator(".stop-payment")).to_have_count(1)  # the account added offers the stop-payment
    expect(page.locator(".stop-payment input[name=account]")).to_have_value(MULE)
    expect(page.locator("#history")).to_contain_text("受害人：年龄 （空） → 67")
    expect(page.locator("#history")).to_contain_text(f"新增收款账户 {MULE}")
    expect(page.locator("#history")).to_contain_text("损失：50,000 元 → 30,000 元")
    screenshot(page, "console-case-edited")

    page.click("#edit-case")  # a bad edit: refused beside the field, the case untouched
    page.fill("#victim_age", "300")
    page.click("#save-edit")
    expect(page.locator("#victim_age-error")).to_contain_text("受害人年龄应为 0 到 130")
    expect(page.locator("#victim_age")).to_have_value("300")
    page.click("#cancel-edit")
    expect(page.locator("#victim")).to_contain_text("67岁")


def test_the_bulletin_is_reviewed_issued_and_downloaded(
    server: Server, page: Any, screenshot: Callable[[Any, str], Any]
) -> None:
    from playwright.sync_api import expect

    page.click("nav >> text=警情通报")
    page.wait_for_url(re.compile(r".*/console/bulletin$"))
    expect(page.locator("#bulletin-status")).to_have_text("草稿（待审核）")
    expect(page.locator(".typical-case").first).to_contain_text("王**")
    expect(page.locator("table.masked").first).to_contain_text("王秀英")
    screenshot(page, "console-bulletin")
    page.click("#issue-bulletin")  # without the confirmation the browser does not send the form
    expect(page.locator("#bulletin-status")).to_have_text("草稿（待审核）")
    page.check("#confirm-issue")
    page.click("#issue-bulletin")
    page.wait_for_url(re.compile(r".*done=issued"))
    expect(page.locator("#done")).to_contain_text("通报已发布")
    expect(page.locator("#bulletin-status")).to_have_text("已发布")
    expect(page.locator("#issued")).to_contain_text("反诈中心-张警官")
    with page.expect_download() as download:
        page.click("#download-pdf")
    assert download.value.suggested_filename.endswith(".pdf")
    screenshot(page, "console-bulletin-issued")


def test_reports_and_an_appeal_are_reviewed(
    server: Server, page: Any, screenshot: Callable[[Any, str], Any]
) -> None:
    from playwright.sync_api import expect

    page.click("nav >> text=举报申诉")
    page.wait_for_url(re.compile(r".*/console/reports$"))
    expect(page.locator("#report-list tbody tr")).to_have_count(4)
    page.select_option("select[name=kind]", "url")
    page.click("form.filters button")
    expect(page.locator("#report-list tbody tr")).to_have_count(1)
    expect(page.locator("#report-list")).to_contain_text("icbc-safe.example")
    screenshot(page, "console-reports")

    page.click("#tab-appeals")
    expect(page.locator("#appeal-list")).to_contain_text("138****8000")  # masked in the list
    screenshot(page, "console-appeals")
    page.locator("#appeal-list a", has_text="审核").first.click()
    expect(page.locator("#appeal-contact")).to_have_text("13800138000")  # whole on its page (audited)
    page.click("#reject")  # the reason is required: the browser does not send the form
    expect(page.locator("#appeal-status")).to_have_text("待审核")
    page.fill("#review-note", "经核查，该号码近期多次被举报用于冒充公安，维持标记")
    screenshot(page, "console-appeal")
    page.click("#reject")
    page.wait_for_url(re.compile(r".*/console/appeals\?status=rejected"))
    expect(page.locator("#done")).to_contain_text("审核结果已保存")
    expect(page.locator("#appeal-list")).to_contain_text("已驳回")
