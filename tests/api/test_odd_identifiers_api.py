"""An identifier that merely fails validation (an unassigned mobile segment, a card failing the Luhn check,
a foreign number libphonenumber does not know) is reported and looked up like any other, and the lookup
carries the notes for whoever reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fanzha.api.app import create_app


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}"))


@pytest.mark.parametrize(
    ("kind", "written", "value", "flags"),
    [
        ("phone", "+86 140 1234 5678", "14012345678", ["号段未分配"]),
        ("phone", "194-1234-5678", "19412345678", ["号段未分配"]),
        ("phone", "+999 1234 5678", "+99912345678", ["境外号码", "号码无效"]),
        ("bank_card", "6222 0212 3456 7890 127", "6222021234567890127", ["校验位不符"]),
        ("phone", "13800138000", "13800138000", []),
    ],
)
def test_odd_identifiers_are_reported_and_looked_up_with_their_flags(
    client: TestClient, kind: str, written: str, value: str, flags: list[str]
) -> None:
    assert client.post("/v1/reports", json={"kind": kind, "value": written}).status_code == 201
    found = client.get("/v1/lookup", params={"kind": kind, "value": written})
    assert found.status_code == 200
    body = found.json()
    assert (body["value"], body["report_count"], body["flags"]) == (value, 1, flags)


def test_a_value_with_no_reading_as_its_kind_is_still_a_422(client: TestClient) -> None:
    found = client.get("/v1/lookup", params={"kind": "phone", "value": "hello"})
    assert found.status_code == 422 and "不是有效的phone" in found.json()["detail"]
