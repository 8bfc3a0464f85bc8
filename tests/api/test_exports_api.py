"""The export endpoints (`/v1/cases/export`, `/v1/groups/export`, `/v1/orders/export`): officer keys only,
CSV with a byte-order mark or Excel, the lists' filters, a Chinese file name, an audit entry per export,
and bad input answered with a Chinese 422 — while `/v1/cases/{id}` and `/v1/groups/{id}` still work."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.audit.log import recent
from fanzha.cases.model import CaseIdentifier, CaseIn, Payment
from fanzha.intel.keys import create_key
from fanzha.orders.repository import OrderStore

AT = datetime(2026, 11, 6, 6, 0, tzinfo=UTC)
MULE = "6222021234567890128"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    app = create_app(url=f"sqlite:///{tmp_path / 'api.sqlite3'}")
    services = app.state.services
    for n, district in enumerate(["西城区", "东城区", "东城区"], start=1):
        services.cases.create(
            CaseIn(
                received_at=AT, ref=f"JZ-{n:03d}", district=district, fraud_type="investment",
                payments=[Payment(amount=1000.0 * n, paid_at=AT, to_account=MULE)],
                identifiers=[CaseIdentifier("bank_card", MULE)], narrative="-1+1 投资平台",
            ),
            actor="民警甲",
        )  # fmt: skip
    OrderStore(services.store.engine).request_stop_payment(
        case_id=1, account=MULE, bank="中国工商银行", amount=1000.0, legal_basis="依法止付", officer="民警甲"
    )
    return TestClient(app)


def _key(client: TestClient, role: str, label: str) -> dict[str, str]:
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    return {"X-API-Key": create_key(engine, role=role, label=label)}


@pytest.mark.parametrize("path", ["/v1/cases/export", "/v1/groups/export", "/v1/orders/export"])
def test_only_officers_export(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 401
    assert client.get(path, headers=_key(client, "bank", "中国工商银行")).status_code == 403
    assert client.get(path, headers=_key(client, "officer", "民警甲")).status_code == 200


def test_cases_csv_follows_the_filters_and_is_audited(client: TestClient) -> None:
    got = client.get("/v1/cases/export?district=东城区", headers=_key(client, "officer", "民警甲"))
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert got.content.startswith("\ufeff".encode())
    assert got.headers["x-export-rows"] == "2"
    assert "案件_" in unquote(got.headers["content-disposition"])
    rows = list(csv.DictReader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert [r["案件编号"] for r in rows] == ["JZ-003", "JZ-002"]
    assert rows[0]["诈骗类型"] == "虚假网络投资理财" and rows[0]["损失（元）"] == "3000.0"
    assert rows[0]["简要案情"] == "'-1+1 投资平台"  # not a formula
    with Session(client.app.state.services.store.engine) as session:  # type: ignore[attr-defined]
        entry = recent(session, limit=1)[0]
    assert (entry.actor, entry.action) == ("民警甲", "export.cases")
    assert entry.detail["rows"] == 2 and entry.detail["filters"] == {"district": "东城区"}
    assert entry.detail["via"] == "api"


def test_excel_exports_open_with_their_sheets(client: TestClient, tmp_path: Path) -> None:
    officer = _key(client, "officer", "民警甲")
    for path, sheets in [
        ("/v1/cases/export?format=xlsx", ["案件", "转账明细", "涉案线索"]),
        ("/v1/groups/export?format=xlsx&order=loss", ["串并组", "组内案件"]),
        ("/v1/orders/export?format=xlsx&state=requested", ["止付冻结指令"]),
    ]:
        got = client.get(path, headers=officer)
        assert got.status_code == 200, got.text
        assert got.headers["content-type"].startswith("application/vnd.openxmlformats")
        target = tmp_path / "x.xlsx"
        target.write_bytes(got.content)
        book = load_workbook(target)
        assert book.sheetnames == sheets
        assert book[sheets[0]].max_row >= 2  # a header and at least one row


def test_the_export_paths_are_not_taken_for_ids(client: TestClient) -> None:
    officer = _key(client, "officer", "民警甲")
    assert client.get("/v1/cases/1", headers=officer).json()["ref"] == "JZ-001"
    assert client.get("/v1/groups/export", headers=officer).status_code == 200
    group_id = client.get("/v1/cases/1", headers=officer).json()["group_id"]
    assert client.get(f"/v1/groups/{group_id}", headers=officer).status_code == 200


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/v1/cases/export?format=pdf", ""),
        ("/v1/cases/export?since=2026-11-07&until=2026-11-01", "起始日期晚于截止日期"),
        ("/v1/cases/export?since=1900-01-01", "日期"),
        ("/v1/cases/export?since=昨天", ""),
        ("/v1/orders/export?sort=-password", "不支持的排序"),
        ("/v1/orders/export?kind=lock", ""),
        ("/v1/groups/export?order=random", ""),
    ],
)
def test_bad_input_is_a_chinese_422(client: TestClient, path: str, message: str) -> None:
    got = client.get(path, headers=_key(client, "officer", "民警甲"))
    assert got.status_code == 422
    detail = str(got.json()["detail"])
    assert message in detail
    assert not any(word in detail for word in ("Field required", "Input should", "value is not"))


def test_both_file_names_carry_the_same_beijing_time() -> None:
    from fanzha.api.downloads import disposition
    from fanzha.reports.exports import Export

    export = Export(kind="cases", tables=[], total=0)
    said = disposition(export, "csv", datetime(2026, 12, 4, 3, 15, tzinfo=UTC))  # 11:15 in Beijing
    assert 'filename="fanzha-cases-20261204-1115.csv"' in said
    assert unquote(said.split("filename*=UTF-8''")[1]) == "案件_20261204_1115.csv"
