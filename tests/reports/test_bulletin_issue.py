"""A bulletin is a draft until an officer has reviewed its typical cases and issued it: the issued one is
stored as published, audited, and prints the audit log's head. Narratives lose what the case record does
not list (names, addresses, plates), and fraud-type codes the taxonomy does not know are never printed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from fanzha.audit.anchor import current_head
from fanzha.audit.log import recent, verify
from fanzha.cases.model import CaseIn
from fanzha.demo import insert_cases
from fanzha.reports.bulletin import build_bulletin
from fanzha.reports.issue import BulletinError, issue, issued, review
from fanzha.reports.render import render_html, render_pdf
from fanzha.store import upgrade
from fanzha.store.case_tables import CaseRow

Make = Callable[..., CaseIn]
NARRATIVE = (
    "2026年11月17日10时许，事主张伟（男，35岁，住北京市朝阳区幸福路12号3单元401）接到自称“公安局民警”的电话，"
    "称其涉嫌洗钱，要求将存款转入“安全账户”。事主驾驶京A12345到银行转账5万元，其妻子李娜发现后报警。"
)
LEAKS = ("张伟", "幸福路12号", "3单元401", "京A12345", "李娜")


@pytest.fixture
def store(engine: Engine, make_case: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """Week 47 of 2026: four cases; the largest loss is the one with the issue's narrative."""
    monkeypatch.setenv("FANZHA_AUDIT_ANCHOR", str(tmp_path / "anchor.json"))
    upgrade(engine)
    cases = [
        make_case("2026-11-17 10:00", "impersonate_authority", loss=50_000),
        make_case("2026-11-18 11:00", "rebate_task", loss=3_000),
        make_case("2026-11-19 15:00", "rebate_task", loss=800),
        make_case("2026-11-20 09:00", "rebate_task", dissuaded=True),
    ]
    cases[0].narrative = NARRATIVE
    insert_cases(engine, cases)
    return engine


def _case_id(engine: Engine, loss_fen: int) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(CaseRow.id).where(CaseRow.loss_fen == loss_fen)) or 0)


def test_a_built_bulletin_is_a_draft_with_no_personal_data_from_the_narrative(store: Engine) -> None:
    bulletin = build_bulletin(store, "2026-W47")
    html = unescape(render_html(bulletin))
    assert bulletin.issue is None and "草稿" in html and "尚未发布" in html
    for leak in LEAKS:
        assert leak not in html, leak
    assert "张*（男，35岁，住北京市朝阳区某处）" in html and "京A*****" in html and "5万元" in html


def test_review_lists_the_chosen_typical_cases_with_what_was_masked(store: Engine) -> None:
    draft = review(store, "2026-W47")
    assert draft.status == "draft" and draft.issued is None
    assert len(draft.cases) == 3
    first = next(c for c in draft.cases if c.case_id == _case_id(store, 5_000_000))
    assert first.narrative == NARRATIVE and first.name == "冒充公检法及政府机关"
    assert "张*" in first.text and "张伟" not in first.text
    kinds = {m.kind for m in first.masked}
    assert {"姓名", "地址", "车牌"} <= kinds
    assert [c.dissuaded for c in draft.cases][-1] is True  # the dissuaded case closes the list


def test_issuing_stores_the_published_version_audits_it_and_prints_the_head(store: Engine) -> None:
    head = current_head(store)
    chosen = _case_id(store, 5_000_000)
    result = issue(store, "2026-W47", officer="民警王五", cases=[chosen])
    assert (result.period, result.issued_by, result.cases) == ("2026-W47", "民警王五", [chosen])
    assert (result.audit_seq, result.audit_hash) == (head.seq, head.hash)
    html = unescape(result.html)
    assert "草稿" not in html and "民警王五" in html and head.hash in html
    assert (
        result.pdf.startswith(b"%PDF") and result.digest == hashlib.sha256(result.html.encode()).hexdigest()
    )
    assert html.count("案例1：") == 1 and "案例2：" not in html  # only the case the officer chose
    with Session(store) as session:
        entry = recent(session, limit=1)[0]
    assert (entry.actor, entry.action, entry.subject) == ("民警王五", "bulletin.issue", "bulletin:2026-W47")
    assert entry.detail["cases"] == [chosen] and entry.detail["sha256"] == result.digest
    assert verify(store).ok
    again = issued(store, "2026-W47")
    assert again is not None and again.html == result.html and review(store, "2026-W47").status == "issued"
    with pytest.raises(BulletinError, match=r"已于.*发布"):
        issue(store, "2026-W47", officer="民警赵六")


def test_an_officer_edit_is_masked_again(store: Engine) -> None:
    chosen = _case_id(store, 5_000_000)
    text = "事主王建国（男，60岁）接到电话后被骗5万元，家住石门县城关镇李家村5组18号。"
    result = issue(store, "2026-W47", officer="民警王五", cases=[chosen], texts={chosen: text})
    html = unescape(result.html)
    assert "王建国" not in html and "李家村5组" not in html and "王**（男，60岁）" in html


@pytest.mark.parametrize(
    ("cases", "texts", "message"),
    [
        ([999_999], None, "不在"),
        (None, {999_999: "x"}, "不在"),
        (["1"], None, "编号"),
    ],
)
def test_cases_outside_the_period_are_refused(
    store: Engine, cases: list[int] | None, texts: dict[int, str] | None, message: str
) -> None:
    with pytest.raises(BulletinError, match=message):
        issue(store, "2026-W47", officer="民警王五", cases=cases, texts=texts)  # type: ignore[arg-type]
    assert issued(store, "2026-W47") is None


def test_a_stored_code_the_taxonomy_does_not_know_is_not_printed(store: Engine) -> None:
    with Session(store) as session:
        session.execute(
            update(CaseRow).where(CaseRow.fraud_type == "rebate_task").values(fraud_type="impersonate_police")
        )
        session.commit()
    bulletin = build_bulletin(store, "2026-W47")
    html = unescape(render_html(bulletin))
    assert "impersonate_police" not in html and "未归类" in html
    assert all(c.fraud_type != "impersonate_police" or c.name == "未归类" for c in bulletin.typical)
    assert "impersonate_police" not in str([line.name for line in bulletin.by_type])
    assert all("impersonate_police" not in r.explanation for r in bulletin.rising)
    assert render_pdf(bulletin).startswith(b"%PDF")
