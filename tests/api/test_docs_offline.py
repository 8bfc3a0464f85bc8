"""/docs and /redoc load their scripts and styles from the package, never from a CDN."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("docs") / "docs.sqlite3"
    return TestClient(create_app(url=f"sqlite:///{path}"))


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_pages_use_only_packaged_assets(client: TestClient, page: str) -> None:
    html = client.get(page).text
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", html)
    assert urls and all(u.startswith("/") and not u.startswith("//") for u in urls), urls
    assert "cdn." not in html and "googleapis" not in html and "fastapi.tiangolo.com" not in html
    assert "API文档" in html
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(response.content) > (100_000 if url.endswith((".js", ".css")) else 10), url


def test_the_openapi_document_is_there(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/v1/assess" in spec["paths"] and spec["info"]["title"] == "fanzha 反诈"


def test_the_vendored_files_are_package_data_with_their_licences() -> None:
    vendor = files("fanzha.web").joinpath("static/vendor")
    names = {p.name for p in Path(str(vendor)).iterdir()}
    assert {"swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"} <= names
    assert {"LICENSE-swagger-ui.txt", "LICENSE-redoc.txt"} <= names
    notice = files("fanzha.web").joinpath("static/NOTICE.md").read_text(encoding="utf-8")
    assert "swagger-ui-dist" in notice and "redoc" in notice
    pyproject = (Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"**/*.js"' in pyproject and '"**/*.css"' in pyproject and '"**/*.txt"' in pyproject
