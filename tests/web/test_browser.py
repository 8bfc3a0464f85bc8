"""The public page in a real browser: Playwright driving Debian's Chromium (`apt-get install chromium`).

Starts `fanzha serve` on a free loopback port, pastes a scam message, checks the verdict, reports a
number, and saves a screenshot next to the test's temporary files.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data_dir = tmp_path_factory.mktemp("serve")
    env = {**os.environ, "FANZHA_DATABASE_URL": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "fanzha.cli", "serve", "--port", str(port), "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_check_and_report_in_chromium(browser: Any, server: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone screen
    blocked: list[str] = []  # what the Content-Security-Policy refused: nothing may be
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(server + "/")
    page.fill("#text", "【工商银行】您的账户存在异常，请登录 www点icbc-vip点cc 验证，或致电0095588")
    page.click("#check")
    page.wait_for_selector("#verdict")
    assert "疑似诈骗" in page.inner_text("#verdict")
    assert page.locator("#result mark").count() >= 1
    page.fill("#value", "170 1234 5678")
    page.click("#report")
    page.wait_for_selector("#report-ok")
    assert "17012345678" in page.inner_text("#report-ok")
    page.screenshot(path=str(tmp_path / "public-page.png"), full_page=True)
    assert not blocked, blocked
    assert (tmp_path / "public-page.png").stat().st_size > 10_000
