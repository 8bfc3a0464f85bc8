"""The console's export buttons: the case list, the groups and the orders offer Excel and CSV of what the
page's filters show; the downloads carry those filters, are audited as the console's, refuse a bad filter
with a Chinese page, and are for officers only."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.audit.log import recent
from fanzha.cases.model import CaseIdentifier, CaseIn, Payment
from fanzha.intel.keys import create_key

AT = datetime(2026, 11, 6, 6, 0, tzinfo=UTC)
MULE = "6222021234567890128"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    app = create_app(url=f"sqlite:///{tmp_path / 'console.sqlite3'}")
    for n, (district, status) in enumerate(
        [("西城区", "received"), ("东城区", "received"), ("东城区", "verified")], 1
    ):
        case = app.state.services.cases.create(
            CaseIn(
                received_at=AT, ref=f"JZ-{n:03d}", district=district, fraud_type="investment",
                payments=[Payment(amount=1000.0 * n, paid_at=AT, to_account=MULE)],
                identifiers=[CaseIdentifier("bank_card", MULE)], narrative="投资平台",
            ),
            actor="民警甲",
        )  # fmt: skip
        if status != "received":
            app.state.services.cases.set_status(case.id, status, actor="民警甲")
    client = TestClient(app)
    client.cookies.set(
        "fanzha_key", create_key(app.state.services.store.engine, role="officer", label="民警甲")
    )
    return client


def _link(html: str, anchor: str, fmt: str) -> str:
    found = re.search(rf'id="{anchor}".*?href="([^"]*format={fmt}[^"]*)"', html, re.S) or re.search(
        rf'id="{anchor}".*?href="(/console/[^"]*export\?format={fmt}[^"]*)"', html, re.S
    )
    assert found, f"no {fmt} export link in #{anchor}"
    return found.group(1).replace("&amp;", "&")


def test_the_case_lists_buttons_export_what_its_filters_show(client: TestClient, tmp_path: Path) -> None:
    page = client.get("/console/cases?district=东城区&status=verified")
    assert "导出当前筛选结果" in page.text
    csv_link = _link(page.text, "case-exports", "csv")
    assert "district=" in csv_link and "status=verified" in csv_link
    got = client.get(csv_link)
    assert got.status_code == 200 and got.headers["x-export-rows"] == "1"
    rows = list(csv.DictReader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert [r["案件编号"] for r in rows] == ["JZ-003"] and rows[0]["状态"] == "已核实"
    xlsx = client.get(_link(page.text, "case-exports", "xlsx"))
    target = tmp_path / "cases.xlsx"
    target.write_bytes(xlsx.content)
    assert load_workbook(target)["案件"]["A2"].value == "JZ-003"
    with Session(client.app.state.services.store.engine) as session:  # type: ignore[attr-defined]
        entries = recent(session, limit=2)
    assert [e.detail["format"] for e in entries] == ["xlsx", "csv"]
    assert all(
        e.actor == "民警甲" and e.detail["via"] == "console" and e.detail["rows"] == 1 for e in entries
    )


def test_the_groups_buttons_keep_the_order_and_the_two_cards_choice(client: TestClient) -> None:
    page = client.get("/console/groups?order=loss&two_cards=1")
    link = _link(page.text, "group-exports", "csv")
    assert "order=loss" in link and "two_cards=1" in link
    assert client.get(link).headers["x-export-rows"] == "0"  # no group runs through a listed account
    everything = client.get(_link(client.get("/console/groups").text, "group-exports", "csv"))
    rows = list(csv.DictReader(io.StringIO(everything.content.decode("utf-8-sig"))))
    assert len(rows) == 1 and rows[0]["案件数"] == "3"


def test_a_bad_filter_gets_a_chinese_page_and_other_roles_no_export(client: TestClient) -> None:
    bad = client.get("/console/cases/export?format=csv&since=2026-02-30")
    assert bad.status_code == 422 and "无法导出" in bad.text and "不是日期" in bad.text
    assert client.get("/console/cases/export?format=docx").status_code == 422
    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    client.cookies.set("fanzha_key", create_key(engine, role="bank", label="中国工商银行"))
    assert client.get("/console/cases/export?format=csv").status_code == 403
    client.cookies.clear()
    anonymous = client.get("/console/orders/export?format=csv", follow_redirects=False)
    assert anonymous.status_code in (303, 307) and "/console/login" in anonymous.headers["location"]
