"""The 督导考评 report as an Excel workbook (openpyxl): 汇总 (ranking), 社区考评 (every figure of every
community with its explanation), 图表 (the figures the PDF charts — 综合得分, 注册完成率, 宣传活动场次 — as
a table and three Excel bar charts drawn from it, so they stay live when a cell is corrected) and 活动明细
(the activities). Chinese headers, column widths, number formats and a frozen header row on every sheet."""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from fanzha.outreach.report import DistrictReport
from fanzha.reports.xlsx import TOP_WRAPPED, append, formats, new_workbook, sheet, to_bytes
from fanzha.timezones import BEIJING

FORMATS = {"ratio": "0.0%", "rate": "0.00", "money": "#,##0.00", "count": "#,##0"}


def _summary(ws: Worksheet, r: DistrictReport) -> None:
    header = ["名次", "社区", "区县", "综合得分", "注册人数", "注册完成率", "人口覆盖率", "宣传活动(场)",
              "覆盖人次", "预警完成率", "按时完成率", "发案数", "万人发案率", "损失金额(元)"]  # fmt: skip
    sheet(ws, "汇总", header, [6, 14, 10, 10, 10, 11, 11, 12, 10, 11, 11, 8, 11, 14])
    for c in r.scores.cards:
        v = {f.key: f.value for f in c.figures}
        append(ws, [
            c.rank, c.community, c.district, c.score, v["registered"], v["coverage"], v["population_share"],
            v["activities"], v["reached"], v["completion"], v["in_time"], v["cases"], v["cases_per_10k"],
            (v["loss"] or 0) / 100,
        ])  # fmt: skip
    formats(ws, {4: "0.0", 5: "#,##0", 6: "0.0%", 7: "0.0%", 8: "#,##0", 9: "#,##0", 10: "0.0%", 11: "0.0%",
                  12: "#,##0", 13: "0.00", 14: "#,##0.00"})  # fmt: skip
    append(ws, [])
    for note in [r.title, f"统计时段：{r.period.span}（北京时间）", *r.notes]:
        append(ws, [note])


def _communities(ws: Worksheet, r: DistrictReport) -> None:
    sheet(ws, "社区考评", ["社区", "名次", "指标", "数值", "显示", "说明"], [14, 6, 16, 12, 14, 70])
    for c in r.scores.cards:
        for f in c.figures:
            value = f.value / 100 if f.kind == "money" and f.value is not None else f.value
            append(ws, [c.community, c.rank, f.label, value, f.shown, f.explanation])
            ws.cell(row=ws.max_row, column=4).number_format = FORMATS[f.kind]
        append(ws, [c.community, c.rank, "综合得分", c.score, f"{c.score}", c.score_explanation])
        ws.cell(row=ws.max_row, column=4).number_format = "0.0"
        for t in c.trend:
            append(ws, [c.community, c.rank, "与上期比较", None, "", t])
    for row in ws.iter_rows(min_row=2, min_col=6, max_col=6):
        row[0].alignment = TOP_WRAPPED


Items = Callable[[DistrictReport], list[tuple[str, float]]]
# (column title, chart title, number format, the figures) — the PDF's charts (`report_pdf.story`)
CHARTS: tuple[tuple[str, str, str, Items], ...] = (
    ("综合得分", "综合得分排名", "0.0", DistrictReport.score_items),
    ("注册完成率", "注册完成率（%）", "0.0%", lambda r: r.chart_items("coverage")),
    ("宣传活动(场)", "宣传活动场次", "#,##0", lambda r: r.chart_items("activities")),
)


def _charts(ws: Worksheet, r: DistrictReport) -> None:
    sheet(ws, "图表", ["社区", *(c[0] for c in CHARTS)], [14, 10, 11, 12])
    columns = [dict(items(r)) for _, _, _, items in CHARTS]
    for name, _ in r.score_items():  # the ranking's order
        append(ws, [name, *(column.get(name, 0.0) for column in columns)])
    formats(ws, {i: fmt for i, (_, _, fmt, _) in enumerate(CHARTS, start=2)})
    rows = len(r.scores.cards)
    if not rows:
        return
    for i, (_, title, fmt, _) in enumerate(CHARTS):
        chart = BarChart()
        chart.type, chart.style, chart.title, chart.legend = "bar", 10, title, None
        chart.y_axis.numFmt = fmt
        chart.height, chart.width = max(6.0, 1.0 + 0.6 * rows), 14.0
        chart.add_data(Reference(ws, min_col=i + 2, min_row=1, max_row=rows + 1), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=rows + 1))
        chart.x_axis.scaling.orientation = "maxMin"  # the first in the ranking on top, as in the PDF
        ws.add_chart(chart, f"F{2 + i * (int(chart.height * 2) + 2)}")


def _activities(ws: Worksheet, r: DistrictReport) -> None:
    header = ["日期", "社区", "类型", "活动名称", "地点", "负责人", "单位", "海报", "宣传单", "横幅", "LED屏",
              "覆盖人数", "演示数据"]  # fmt: skip
    sheet(ws, "活动明细", header, [17, 12, 10, 30, 20, 10, 16, 8, 8, 8, 8, 10, 9])
    for a in r.activities:
        append(ws, [
            a.started_at.astimezone(BEIJING).replace(tzinfo=None), a.community, a.kind, a.shown_title, a.place,
            a.organizer, a.unit, a.posters, a.leaflets, a.banners, a.screens, a.reached, "是" if a.synthetic else "",
        ])  # fmt: skip
    formats(ws, {1: "yyyy-mm-dd hh:mm", **{i: "#,##0" for i in range(8, 13)}})


def render_xlsx(report: DistrictReport) -> bytes:
    """The workbook's bytes (see the module)."""
    wb, first = new_workbook()
    _summary(first, report)
    _communities(wb.create_sheet(), report)
    _charts(wb.create_sheet(), report)
    _activities(wb.create_sheet(), report)
    return to_bytes(wb, report.title)
