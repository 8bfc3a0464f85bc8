"""The web tests' shared fixtures: serve an app under uvicorn in a thread on a free loopback port, a test
client that logs in and carries the form token, a headless Chromium (Debian's package, driven by
Playwright; the browser tests are skipped where it is not installed) and screenshots kept as artefacts."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def serve_app() -> Iterator[Callable[[Any], str]]:
    """`serve_app(app)` → the base URL once `/healthz` answers; servers stop when the module ends."""
    import uvicorn

    running: list[tuple[Any, threading.Thread]] = []

    def start(app: Any) -> str:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        running.append((server, thread))
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)
                return url
            except OSError:
                time.sleep(0.1)
        raise AssertionError("the app did not start")

    yield start
    for server, thread in running:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def web_client() -> Callable[[Any], Any]:
    """`web_client(app, **options)` → a TestClient that posts to the consoles as their pages do: with the form token
    (`fanzha.web.csrf`) of the cookies it holds, after opening a console page for the browser's nonce.
    For tests of other behaviour; tests of the tokens themselves read them from the pages."""
    import httpx
    from fastapi.testclient import TestClient
    from starlette.requests import cookie_parser

    from fanzha.web.csrf import CSRF_COOKIE, CSRF_HEADER, form_token
    from fanzha.web.login import COOKIE

    def add_token(request: httpx.Request) -> None:
        if request.method != "POST" or not request.url.path.startswith(
            ("/console", "/bank", "/community", "/medical")
        ):
            return
        cookies = cookie_parser(request.headers.get("cookie", ""))
        if CSRF_HEADER not in request.headers and CSRF_COOKIE in cookies:
            request.headers[CSRF_HEADER] = form_token(cookies[CSRF_COOKIE], cookies.get(COOKIE, ""))

    def make(app: Any, **options: Any) -> TestClient:
        client = TestClient(app, **options)
        client.event_hooks["request"].append(add_token)
        assert client.get("/console/login").status_code == 200
        return client

    return make


ARTEFACTS = Path(
    os.environ.get("FANZHA_TEST_ARTEFACTS", Path(__file__).resolve().parents[2] / "test-artefacts")
)


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Callable[[Any, str], Path]:
    """`screenshot(page, "console-cases")` saves a full-page PNG of a Playwright page under
    `test-artefacts/screenshots/` (or `$FANZHA_TEST_ARTEFACTS/screenshots/`), kept after the run so each
    console page can be looked at; returns the file."""
    folder = ARTEFACTS / "screenshots"

    def save(page: Any, name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture
def browser() -> Iterator[Any]:
    """A headless Chromium for one test (Debian's `chromium`; no browser download), closed after it."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium package is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
