"""Every error has one documented shape in Chinese, and hostile JSON is refused before any route runs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.api.input_guard import MAX_BODY_BYTES

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


@pytest.mark.parametrize(
    ("path", "raw", "says"),
    [
        ("/v1/assess", b'{"text": "\\ud800"}', "代理项"),
        ("/v1/assess", b'{"text": "ok \\udfff tail"}', "代理项"),
        ("/v1/reports", b'{"kind": "phone", "value": "\\ud800"}', "代理项"),
        ("/v1/appeals", b'{"kind": "phone", "value": "13800138000", "reason": "\\ud83d"}', "代理项"),
        ("/v1/feedback", b'{"kind": "phone", "value": "13800138000", "amount": NaN}', "NaN"),
        ("/v1/reports", b'{"kind": "phone", "value": "13800138000", "n": Infinity}', "Infinity"),
        ("/v1/reports", b'{"kind": "phone", "value": "13800138000", "n": -Infinity}', "Infinity"),
        ("/v1/reports", b'{"kind": "phone", "value": "13800138000", "n": 1e309}', "超出"),
        ("/v1/assess", b'{"text": "abc"', "JSON"),
        ("/v1/assess", b"\xff\xfe{}", "UTF-8"),
    ],
)
def test_hostile_json_is_refused_with_a_chinese_message(
    client: TestClient, path: str, raw: bytes, says: str
) -> None:
    response = client.post(path, content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 422, response.text
    assert says in response.json()["detail"] and CHINESE.search(response.json()["detail"])


def test_a_valid_surrogate_pair_is_text_like_any_other(client: TestClient) -> None:
    response = client.post(
        "/v1/assess",
        content=b'{"text": "\\ud83d\\ude00 \\u4f60\\u597d"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 200


def test_nothing_is_stored_when_a_report_is_refused(client: TestClient) -> None:
    client.post("/v1/reports", content=b'{"kind": "qq", "value": "12345678\\ud800"}')
    assert client.get("/v1/lookup", params={"kind": "qq", "value": "12345678"}).json()["report_count"] == 0


def test_validation_errors_are_chinese_and_field_by_field(client: TestClient) -> None:
    body = client.post("/v1/assess", json={"text": ""}).json()
    assert body["detail"].startswith("请求内容有误") and "text" in body["detail"]
    assert body["errors"] == [{"loc": ["body", "text"], "msg": "不能为空"}]
    missing = client.post("/v1/reports", json={"kind": "phone"}).json()
    assert missing["errors"][0]["msg"] == "缺少必填字段" and "value" in missing["detail"]
    wrong_type = client.get("/v1/screen/pending", params={"limit": "many"}, headers={"X-API-Key": "x"})
    assert wrong_type.status_code == 401 and CHINESE.search(wrong_type.json()["detail"])


def test_unknown_paths_and_methods_answer_in_chinese(client: TestClient) -> None:
    assert client.get("/v1/nothing-here").json() == {"detail": "页面或接口不存在"}
    assert client.delete("/v1/assess").json() == {"detail": "不支持此请求方法"}


def _chunks(size: int) -> Iterator[bytes]:
    yield b'{"text": "'
    for _ in range(size // 10_000):
        yield b"a" * 10_000
    yield b'"}'


def test_a_body_streamed_without_its_length_is_still_limited(client: TestClient) -> None:
    response = client.post("/v1/assess", content=_chunks(MAX_BODY_BYTES + 50_000))
    assert response.status_code == 413 and "字节" in response.json()["detail"]


def test_every_api_operation_documents_its_errors(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method, operation in operations.items():
            documented = set(operation["responses"])
            assert {"401", "403", "413", "422", "429"} <= documented, (method, path)
            ref = operation["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/ErrorOut"), (method, path)


@pytest.mark.parametrize(
    ("method", "path", "raw"),
    [
        ("post", "/v1/assess", b'{"text": "a\\u0000b"}'),
        ("post", "/v1/reports", b'{"kind": "phone", "value": "13800138000", "text": "\\\\\\u0000"}'),
        ("get", "/v1/lookup?kind=qq&value=1234%005678", b""),
    ],
)
def test_nul_characters_are_refused_at_the_gate(
    client: TestClient, method: str, path: str, raw: bytes
) -> None:
    response = client.request(method, path, content=raw or None, headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and "空字符" in response.json()["detail"]


def test_an_escaped_backslash_before_u0000_is_ordinary_text(client: TestClient) -> None:
    response = client.post(
        "/v1/assess", content=b'{"text": "C:\\\\u0000 path"}', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 200


def test_a_value_the_database_refuses_is_a_422_not_a_500() -> None:
    from fastapi import FastAPI
    from sqlalchemy.exc import DataError

    from fanzha.api.errors import install_error_handlers

    app = FastAPI()
    install_error_handlers(app)

    @app.get("/store")
    def store() -> None:
        raise DataError("INSERT INTO reports …", {}, ValueError("PostgreSQL text fields cannot contain NUL"))

    response = TestClient(app).get("/store")
    assert response.status_code == 422 and "无法保存" in response.json()["detail"]


def test_a_broken_multipart_form_is_a_chinese_422_not_a_400(client: TestClient) -> None:
    boundary = "4bea7452f2ee0b8418ae8c1020a88206"
    response = client.post(
        "/v1/outreach/activities/1/attachments",
        content=f"--{boundary}\r\n--{boundary}--\r\n".encode(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 422
    assert "multipart" in response.json()["detail"] and "请求内容有误" in response.json()["detail"]
