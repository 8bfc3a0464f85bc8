from __future__ import annotations

import io
from datetime import datetime

from openpyxl import load_workbook
from sqlalchemy import Engine

from fanzha.outreach.activities import record_activity
from fanzha.outreach.excel import render_xlsx
from fanzha.outreach.report import build_report, render_html
from fanzha.outreach.report_pdf import render_pdf
from fanzha.reports.periods import parse_period
from fanzha.timezones import BEIJING


def _report(engine: Engine):  # type: ignore[no-untyped-def]
    for community, reached in (("幸福里社区", 120), ("东风社区", 40)):
        record_activity(
            engine, kind="讲座", title=f"{community}讲座", community=community, started_at=datetime(2026, 11, 12, 15),
            recorded_by="x", reached=reached, posters=5, synthetic=community == "东风社区",
            now=datetime(2026, 12, 1, tzinfo=BEIJING),
        )  # fmt: skip
    return build_report(engine, period=parse_period("2026-11"), district="城关区")


def test_the_html_report_ranks_the_district_and_labels_demo_data(registered: Engine) -> None:
    html = render_html(_report(registered))
    assert "城关区反诈宣传防范工作督导考评（2026年11月）" in html
    assert "幸福里社区" in html and "新城社区" not in html
    assert html.count("<svg") == 4
    assert "【演示数据】东风社区讲座" in html
    assert "案件归属：按案件“案发地点”包含社区名称匹配" in html


def test_the_workbook_has_three_sheets_with_formats_and_frozen_headers(registered: Engine) -> None:
    wb = load_workbook(io.BytesIO(render_xlsx(_report(registered))))
    assert wb.sheetnames == ["汇总", "社区考评", "图表", "活动明细"]
    summary = wb["汇总"]
    assert summary["A1"].value == "名次" and summary.freeze_panes == "A2"
    assert {summary.cell(row=r, column=2).value for r in (2, 3)} == {"幸福里社区", "东风社区"}
    assert summary["F2"].number_format == "0.0%"
    acts = wb["活动明细"]
    assert acts.freeze_panes == "A2" and acts["A2"].number_format == "yyyy-mm-dd hh:mm"
    assert {acts.cell(row=r, column=12).value for r in (2, 3)} == {120, 40}
    assert wb["社区考评"].column_dimensions["F"].width == 70


def test_the_workbook_charts_the_figures_the_pdf_charts(registered: Engine) -> None:
    report = _report(registered)
    charts = load_workbook(io.BytesIO(render_xlsx(report)))["图表"]
    assert [c.value for c in charts[1]] == ["社区", "综合得分", "注册完成率", "宣传活动(场)"]
    rows = {row[0]: row[1:] for row in charts.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"幸福里社区", "东风社区"}
    assert [rows[name][0] for name, _ in report.score_items()] == [score for _, score in report.score_items()]
    assert dict((n, rows[n][1]) for n in rows) == dict(report.chart_items("coverage"))
    assert [type(c).__name__ for c in charts._charts] == ["BarChart"] * 3


def test_the_pdf_is_a_pdf(registered: Engine) -> None:
    pdf = render_pdf(_report(registered))
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5_000
