"""/docs and /redoc in Chromium with every request off this machine refused (a police intranet has no
internet): the pages still draw the API's operations."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from fanzha.api.app import create_app


def _viewport_shot(page: Any, name: str) -> None:
    """The visible part of the page, where tests/web/conftest.py's `screenshot` keeps full pages."""
    default = Path(__file__).resolve().parents[2] / "test-artefacts"
    folder = Path(os.environ.get("FANZHA_TEST_ARTEFACTS", default)) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


@pytest.fixture(scope="module")
def base(serve_app: Callable[[Any], str], tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("docs-browser") / "docs.sqlite3"
    return serve_app(create_app(url=f"sqlite:///{path}"))


def _offline(page: Any, refused: list[str]) -> None:
    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname == "127.0.0.1" or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)


@pytest.mark.parametrize(
    ("path", "operation", "shot"),
    [
        ("/docs", ".opblock-summary-path", "docs-swagger"),
        ("/redoc", "[data-section-id^='operation']", "docs-redoc"),
    ],
)
def test_the_docs_draw_the_operations_offline(
    browser: Any, base: str, path: str, operation: str, shot: str
) -> None:
    refused: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    _offline(page, refused)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + path)
    page.wait_for_selector(operation, timeout=60_000)
    drawn = page.locator(operation).count()
    # Swagger UI draws a large spec's sections as they come into view: ask it what it read from the spec
    count = page.evaluate("ui.specSelectors.operations().size") if path == "/docs" else drawn
    text = page.inner_text("body")
    _viewport_shot(page, shot)  # a full-page shot of ReDoc's very long page takes minutes
    assert count > 50 and drawn > 0  # the API has well over fifty operations, and they are drawn
    assert "/v1/assess" in text or "assess" in text.lower()
    # Only ReDoc's "API docs by Redocly" badge image is asked of the internet; the page works without it.
    assert [u for u in refused if not u.endswith("/redoc/logo-mini.svg")] == [] and errors == []
