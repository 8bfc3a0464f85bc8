from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy import Engine

from fanzha.claims.office.model import NotFound
from fanzha.claims.office.report import build_report, mask_patient, render_html
from fanzha.claims.office.report_excel import render_xlsx
from fanzha.claims.office.report_pdf import render_pdf


def test_the_html_report_has_the_rules_the_trend_and_the_items_to_correct(stored: Engine) -> None:
    report = build_report(stored, institution_id="h-1")
    assert report.title == "城关镇卫生院医保基金使用自查自纠报告"
    assert "发现疑点 3 处，涉及金额 142.50元" in report.summary
    page = render_html(report)
    for text in (
        "重复收费",
        "床位费超住院天数",
        "超标准收费",
        "2026-03",
        "c-1",
        "入院日和出院日均收取床位费",
        "<svg",
    ):
        assert text in page
    assert "p-000001" not in page and "p-****01" in page  # patients masked
    assert "c-3" not in page  # a clean claim is not listed


def test_the_workbook_has_four_sheets_with_chinese_headers(stored: Engine) -> None:
    wb = load_workbook(io.BytesIO(render_xlsx(build_report(stored, institution_id="h-1"))))
    assert wb.sheetnames == ["汇总", "问题分类", "按月趋势", "整改清单"]
    items = list(wb["整改清单"].iter_rows(values_only=True))
    assert items[0][:3] == ("审核批次", "结算单号", "参保人(遮挡)")
    assert [row[1] for row in items[1:]] == ["c-1", "c-1", "c-2"]
    assert [row[9] for row in items[1:]] == [80.0, 50.0, 12.5]
    assert next(iter(wb["问题分类"].iter_rows(min_row=2, values_only=True))) == (
        "重复收费",
        "duplicate_charge",
        1,
        80.0,
    )


def test_the_pdf_is_written_for_institutions_with_and_without_findings(stored: Engine) -> None:
    for institution in ("h-1", "h-2"):
        data = render_pdf(build_report(stored, institution_id=institution))
        assert data.startswith(b"%PDF") and len(data) > 2000


def test_an_unknown_institution_has_no_report(stored: Engine) -> None:
    with pytest.raises(NotFound):
        build_report(stored, institution_id="nope")


@pytest.mark.parametrize(
    ("given", "shown"),
    [("p-000001", "p-****01"), ("110105194912310021", "1101************21"), ("abc", "***")],
)
def test_patient_ids_are_masked_in_the_report(given: str, shown: str) -> None:
    assert mask_patient(given) == shown
