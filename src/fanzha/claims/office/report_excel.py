"""The institution report as an Excel workbook (openpyxl): 汇总 (the summary and the runs), 问题分类
(findings by rule), 按月趋势 and 整改清单 (one row per finding: claim, items, amount, why). Chinese
headers, column widths, number formats and a frozen header row on every sheet."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

from fanzha.claims.office.report import InstitutionReport, mask_patient
from fanzha.reports.xlsx import MONEY, TOP_WRAPPED, append, new_workbook, sheet, to_bytes
from fanzha.timezones import BEIJING


def _summary(ws: Worksheet, r: InstitutionReport) -> None:
    i = r.institution
    sheet(ws, "汇总", ["项目", "内容"], [18, 80])
    for label, value in [
        ("报告", r.title), ("机构编号", i.id), ("机构名称", i.shown_name), ("生成时间", f"{r.generated}（北京时间）"),
        ("审核结算单(份)", i.claims), ("有问题的结算单(份)", i.flagged_claims), ("疑点(处)", i.findings),
        ("涉及金额(元)", i.at_stake_fen / 100), ("市民举报(件)", i.tips), ("未办结举报(件)", i.open_tips),
        ("结论", r.summary),
    ]:  # fmt: skip
        append(ws, [label, value])
    ws.cell(row=9, column=2).number_format = MONEY
    append(ws, [])
    append(ws, ["审核批次", "上传时间（北京时间）", "上传人", "文件", "结算单", "疑点", "涉及金额(元)"])
    for run in r.runs:
        append(ws, [
            run.id, run.uploaded_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M"), run.uploaded_by, run.file_name,
            run.claims, run.findings, run.at_stake_fen / 100,
        ])  # fmt: skip
    for note in r.notes:
        append(ws, ["说明", note])


def _rules(ws: Worksheet, r: InstitutionReport) -> None:
    sheet(ws, "问题分类", ["问题类型", "规则编号", "疑点数", "涉及金额(元)"], [26, 18, 10, 16])
    for x in r.institution.by_rule:
        append(ws, [x.name, x.rule, x.findings, x.amount_fen / 100])
        ws.cell(row=ws.max_row, column=4).number_format = MONEY


def _trend(ws: Worksheet, r: InstitutionReport) -> None:
    sheet(ws, "按月趋势", ["月份", "疑点数", "涉及金额(元)"], [12, 10, 16])
    for month, n, amount in r.trend:
        append(ws, [month, n, amount / 100])
        ws.cell(row=ws.max_row, column=3).number_format = MONEY


def _items(ws: Worksheet, r: InstitutionReport) -> None:
    header = ["审核批次", "结算单号", "参保人(遮挡)", "入院日期", "出院日期", "结算金额(元)", "问题类型", "规则编号",
              "涉及项目", "涉及金额(元)", "说明", "整改情况"]  # fmt: skip
    sheet(ws, "整改清单", header, [9, 16, 14, 12, 12, 13, 20, 16, 14, 13, 70, 20])
    for c in r.items:
        for f in c.findings:
            row = append(ws, [
                c.run_id, c.claim_id, mask_patient(c.patient_id), c.admitted, c.discharged, c.total_fen / 100,
                f.rule_name, f.rule, "、".join(f.item_refs), f.amount_fen / 100, f.explanation, "",
            ])  # fmt: skip
            for col in (6, 10):
                ws.cell(row=row, column=col).number_format = MONEY
            for col in (4, 5):
                ws.cell(row=row, column=col).number_format = "yyyy-mm-dd"
            ws.cell(row=row, column=11).alignment = TOP_WRAPPED


def render_xlsx(report: InstitutionReport) -> bytes:
    """The workbook's bytes (see the module)."""
    wb, first = new_workbook()
    _summary(first, report)
    _rules(wb.create_sheet(), report)
    _trend(wb.create_sheet(), report)
    _items(wb.create_sheet(), report)
    return to_bytes(wb, report.title)
