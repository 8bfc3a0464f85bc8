"""群众举报与申诉 on the officer console: the citizens' reports with filters and paging (free text masked
in the list, whole on the report's page, whose every view is audited), and the appeals (反电信网络诈骗法
第三十二条) with the decision and its reason: 申诉成立 clears the identifier, 驳回 keeps it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from fanzha.api.app import create_app
from fanzha.intel.keys import create_key
from fanzha.store.case_tables import AuditRow
from fanzha.store.tables import ReportRow

SCAMMER = "17012345678"
NOTE = "对方自称快递客服，让我加微信退款，我的手机号13912345678，身份证110101195001011234"


@pytest.fixture
def client(tmp_path: Path, web_client: Callable[[Any], TestClient]) -> TestClient:
    client = web_client(create_app(url=f"sqlite:///{tmp_path / 'reports.sqlite3'}"))
    key = create_key(client.app.state.services.store.engine, role="officer", label="民警张三")  # type: ignore[attr-defined]
    assert client.post("/console/login", data={"key": key}, follow_redirects=False).status_code == 303
    return client


def store(client: TestClient) -> Any:
    return client.app.state.services.store  # type: ignore[attr-defined]


def audit_actions(client: TestClient) -> list[tuple[str, str, str]]:
    with Session(store(client).engine) as session:
        return [
            (r.actor, r.action, r.subject) for r in session.scalars(select(AuditRow).order_by(AuditRow.seq))
        ]


def legacy_report(client: TestClient, value: str, text: str) -> int:
    """A report stored as typed (before the store masked free text on arrival)."""
    ident = store(client).add_report(kind="phone", value=value, fraud_type="impersonate_service")
    with Session(store(client).engine) as session:
        row = session.get(ReportRow, ident)
        assert row is not None
        row.text = text
        session.commit()
    return ident


def test_the_list_shows_citizens_reports_with_personal_data_masked(client: TestClient) -> None:
    report_id = legacy_report(client, SCAMMER, NOTE)
    store(client).add_report(kind="phone", value="17099998888", source="police", text="案件 1")
    html = client.get("/console/reports").text
    assert SCAMMER in html and "冒充电商物流客服、银行客服" in html
    assert "139****5678" in html and "13912345678" not in html and "110101195001011234" not in html
    assert "17099998888" not in html  # the police's reports are under their own filter
    assert "17099998888" in client.get("/console/reports?source=police").text
    assert "17099998888" in client.get("/console/reports?source=all").text
    assert 'href="/console/reports"' in html  # in the console's menu
    page = client.get(f"/console/reports/{report_id}").text
    assert NOTE in page  # whole, for the police
    assert ("民警张三", "report.view", f"report:{report_id}") in audit_actions(client)


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("kind=url", "fake-bank.example", SCAMMER),
        ("fraud_type=investment", "17011112222", SCAMMER),
        ("q=1701111", "17011112222", SCAMMER),
    ],
)
def test_reports_are_filtered(client: TestClient, query: str, shown: str, hidden: str) -> None:
    store(client).add_report(kind="phone", value=SCAMMER, fraud_type="impersonate_service")
    store(client).add_report(kind="phone", value="17011112222", fraud_type="investment")
    store(client).add_report(kind="url", value="http://fake-bank.example/login")
    html = client.get(f"/console/reports?{query}").text
    assert shown in html and hidden not in html


def test_reports_are_paged(client: TestClient) -> None:
    for n in range(35):
        store(client).add_report(kind="phone", value=f"170{n:08d}")
    first = client.get("/console/reports").text
    assert "第 1 / 2 页" in first and len(re.findall(r'href="/console/reports/\d+"', first)) == 30
    second = client.get("/console/reports?page=2").text
    assert len(re.findall(r'href="/console/reports/\d+"', second)) == 5
    assert "17000000000" in second  # newest first: the first report is on the last page


def test_an_appeal_is_upheld_with_a_reason_and_clears_the_identifier(client: TestClient) -> None:
    for n in range(3):
        store(client).add_report(
            kind="phone", value=SCAMMER, fraud_type="impersonate_service", reporter=f"r{n}"
        )
    assert store(client).lookup(kind="phone", value=SCAMMER).level == "suspicious"
    appeal_id = store(client).add_appeal(
        kind="phone", value=SCAMMER, reason="这是我家的座机转移号码，从未诈骗", contact="13912345678"
    )
    listed = client.get("/console/appeals").text
    assert SCAMMER in listed and "139****5678" in listed and "13912345678" not in listed
    page = client.get(f"/console/appeals/{appeal_id}").text
    assert "13912345678" in page and "这是我家的座机转移号码" in page  # whole, for the police
    assert ("民警张三", "appeal.view", f"appeal:{appeal_id}") in audit_actions(client)
    refused = client.post(f"/console/appeals/{appeal_id}/review", data={"decision": "upheld", "note": " "})
    assert refused.status_code == 422 and "请写明审核意见" in refused.text
    done = client.post(
        f"/console/appeals/{appeal_id}/review",
        data={"decision": "upheld", "note": "经核实为机主本人使用"},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "审核结果已保存" in client.get(done.headers["location"]).text
    assert ("民警张三", "appeal.upheld", f"appeal:{appeal_id}") in audit_actions(client)
    assert store(client).lookup(kind="phone", value=SCAMMER).level == "cleared"
    page = client.get(f"/console/appeals/{appeal_id}").text
    assert "申诉成立" in page and "经核实为机主本人使用" in page and 'name="decision"' not in page
    again = client.post(f"/console/appeals/{appeal_id}/review", data={"decision": "rejected", "note": "再审"})
    assert again.status_code == 422 and "已由民警张三审核" in again.text


def test_an_appeal_is_rejected_and_the_lists_filter_by_status(client: TestClient) -> None:
    first = store(client).add_appeal(kind="phone", value=SCAMMER, reason="不是我")
    second = store(client).add_appeal(kind="phone", value="17011112222", reason="号码是新办的")
    response = client.post(
        f"/console/appeals/{first}/review", data={"decision": "rejected", "note": "多名群众举报属实"}
    )
    assert response.status_code == 200  # followed to the list of rejected appeals
    assert f'href="/console/appeals/{first}"' in response.text
    assert f'href="/console/appeals/{second}"' not in response.text
    still_open = client.get("/console/appeals").text
    assert (
        f'href="/console/appeals/{second}"' in still_open
        and f'href="/console/appeals/{first}"' not in still_open
    )
    assert f'href="/console/appeals/{first}"' in client.get("/console/appeals?status=all").text
    assert store(client).lookup(kind="phone", value=SCAMMER).level != "cleared"  # the flag stands


@pytest.mark.parametrize("decision", ["", "delete", "upheld; drop table"])
def test_a_review_without_a_known_decision_is_refused(client: TestClient, decision: str) -> None:
    appeal_id = store(client).add_appeal(kind="phone", value=SCAMMER, reason="不是我")
    response = client.post(f"/console/appeals/{appeal_id}/review", data={"decision": decision, "note": "x"})
    assert response.status_code == 422 and "请选择" in response.text


@pytest.mark.parametrize(
    "path",
    ["/console/reports/999", "/console/appeals/999", "/console/reports?page=0", "/console/appeals?status=x"],
)
def test_missing_or_bad_requests_are_answered_in_chinese(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert (
        "没有" in response.text or "请" in response.text or "无效" in response.text or "不" in response.text
    )
    assert "Field required" not in response.text and "Not Found" not in response.text
