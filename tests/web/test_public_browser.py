"""The public page's one truth, in a real browser (Playwright driving Debian's Chromium): an official
number says whose it is, a spoofed one is a scam, a flagged identifier's holder can appeal from the
page, a report of the real hotline is answered as such, and the rate limit is said with its wait.
Screenshots go to test-artefacts/screenshots/ (`screenshot` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from fanzha.api.app import create_app

BUDGET = 6  # anonymous requests a minute: enough for the flow, then the limit shows


def test_one_truth_appeal_and_rate_limit_in_chromium(
    browser: Any, serve_app: Callable[[Any], str], tmp_path: Path, screenshot: Callable[[Any, str], Path]
) -> None:
    url = serve_app(create_app(url=f"sqlite:///{tmp_path / 'public.sqlite3'}", anonymous_per_minute=BUDGET))
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone screen
    blocked: list[str] = []  # what the Content-Security-Policy refused: nothing may be
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url + "/")

    page.fill("#text", "95588")
    page.click("#check")
    page.wait_for_selector("#verdict")
    assert "这是中国工商银行的官方客服号码" in page.inner_text("#verdict")
    assert "官方" in page.inner_text("#result .status")
    screenshot(page, "public-official-number")

    page.fill("#text", "0095588")
    page.click("#check")
    page.wait_for_selector("#headline")
    assert "疑似诈骗" in page.inner_text("#verdict") and "疑似仿冒" in page.inner_text("#result")
    screenshot(page, "public-spoofed-number")

    page.click("#result .appeal-link")  # the holder of the flagged number appeals
    page.wait_for_url("**/?kind=phone&value=0095588#appeal")
    assert page.input_value("#appeal-value") == "0095588"
    page.fill("#appeal-reason", "这是我公司的内部分机号，不是冒充银行")
    page.click("#appeal-submit")
    page.wait_for_selector("#appeal-ok")
    assert "已收到申诉" in page.inner_text("#appeal-ok")
    screenshot(page, "public-appeal")

    page.fill("#value", "95588")
    page.click("#report")
    page.wait_for_selector("#report-ok")
    assert "是真号码" in page.inner_text("#report-ok")
    screenshot(page, "public-report-official")

    for _ in range(BUDGET + 2):  # spend what is left of the budget
        page.fill("#text", "13800138000")
        with page.expect_response("**/check"):
            page.click("#check")
        if page.locator("#result #problem").count():
            break
    problem = page.inner_text("#result #problem")
    assert "请求过于频繁" in problem and "秒后再试" in problem
    assert page.is_disabled("#check") and "请等待" in page.inner_text("#check")
    screenshot(page, "public-rate-limit")
    assert not blocked, blocked
