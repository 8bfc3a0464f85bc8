"""Every error a browser or an API client can meet is in Chinese: unknown addresses, wrong methods,
server errors and bad form posts; a page for a browser, `{"detail": …}` for an API client; and a large
input is never echoed back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
ENGLISH = ("Not Found", "Method Not Allowed", "Internal Server Error", "Field required", "Input should")


def _boom() -> None:
    raise RuntimeError("a bug")


@pytest.fixture
def client(tmp_path: Path, web_client: Callable[..., TestClient]) -> TestClient:
    app = create_app(url=f"sqlite:///{tmp_path / 'pages.sqlite3'}")
    app.add_api_route("/console/boom", _boom)
    app.add_api_route("/v1/boom", _boom)
    client = web_client(app, raise_server_exceptions=False)
    key = create_key(app.state.services.store.engine, role="officer", label="民警-001")
    assert client.post("/console/login", data={"key": key}, follow_redirects=False).status_code == 303
    return client


def _page(response: Any, status: int, words: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert words in response.text and "<html" in response.text.lower()
    assert not [w for w in ENGLISH if w in response.text]


@pytest.mark.parametrize(
    ("method", "path", "headers", "status", "words"),
    [
        ("get", "/console/nosuch", {}, 404, "页面不存在"),
        ("get", "/console/cases/abc", {}, 404, "页面不存在"),
        ("get", "/bank/nosuch", HTML, 404, "页面不存在"),
        ("get", "/nosuch", HTML, 404, "页面不存在"),
        ("delete", "/console/cases", {}, 405, "不支持此请求方法"),
        ("put", "/", HTML, 405, "不支持此请求方法"),
        ("get", "/console/boom", {}, 500, "服务器内部错误"),
    ],
)
def test_a_browser_gets_a_chinese_page(
    client: TestClient, method: str, path: str, headers: dict[str, str], status: int, words: str
) -> None:
    _page(getattr(client, method)(path, headers=headers), status, words)


def test_a_console_error_page_keeps_the_console_around_it(client: TestClient) -> None:
    response = client.get("/console/nosuch")
    assert "民警工作台" in response.text and "返回民警工作台" in response.text


@pytest.mark.parametrize(
    ("method", "path", "status", "detail"),
    [
        ("get", "/v1/nosuch", 404, "页面或接口不存在"),
        ("get", "/nosuch", 404, "页面或接口不存在"),
        ("put", "/v1/assess", 405, "不支持此请求方法"),
        ("get", "/v1/boom", 500, "服务器内部错误"),
    ],
)
def test_an_api_client_gets_chinese_json(
    client: TestClient, method: str, path: str, status: int, detail: str
) -> None:
    response = getattr(client, method)(path, headers={"Accept": "application/json"})
    assert response.status_code == status and response.json()["detail"].startswith(detail)


def test_the_api_answers_json_even_to_a_browser(client: TestClient) -> None:
    response = client.get("/v1/nosuch", headers=HTML)
    assert response.status_code == 404 and response.json() == {"detail": "页面或接口不存在"}


def test_a_huge_form_field_is_refused_in_chinese(client: TestClient) -> None:
    narrative = "我被骗了" * 25_001  # 100,004 characters
    response = client.post("/console/intake", data={"narrative": narrative, "amount": "1"})
    assert response.status_code == 422 and 'role="alert"' in response.text
    error = response.text.split('role="alert"', 1)[1].split("</p>", 1)[0]
    assert len(error) < 500 and "字" in error  # the message is short; the form keeps what was typed
    assert not [w for w in ENGLISH if w in response.text]


def test_a_huge_api_text_is_refused_in_chinese_and_not_echoed(client: TestClient) -> None:
    response = client.post("/v1/assess", json={"text": "x" * 100_001})
    assert response.status_code == 422 and len(response.text) < 1_000
    assert "超过 100000 个字符" in response.json()["detail"]
