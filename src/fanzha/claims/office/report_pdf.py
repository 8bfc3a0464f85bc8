"""The institution report as PDF, in the bulletin's styles and Chinese font (`fanzha.reports.pdf`), with
its charts drawn by reportlab. Lists up to `MAX_PDF_CLAIMS` claims to correct; the Excel version has all."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Spacer  # type: ignore[import-untyped]

from fanzha.claims.office.model import yuan
from fanzha.claims.office.report import InstitutionReport, mask_patient
from fanzha.reports.pdf import WIDTH, build_pdf, hbar_drawing, line_drawing
from fanzha.reports.pdf import paragraph as _p
from fanzha.reports.pdf import wrapped_table as _table

MAX_PDF_CLAIMS = 300


def story(r: InstitutionReport) -> list[Any]:
    rules = r.institution.by_rule
    out: list[Any] = [
        _p(r.title, "title"),
        _p(f"机构编号：{r.institution.id}　生成：{r.generated}（北京时间）", "center"),
        _p(r.summary),
        _p("一、问题分类汇总", "h2"),
        _table(
            ["问题类型", "规则编号", "疑点数", "涉及金额"],
            [[x.name, x.rule, str(x.findings), yuan(x.amount_fen)] for x in rules] or [["未发现问题", "", "", ""]],
            [w * WIDTH for w in (0.36, 0.24, 0.16, 0.24)],
        ),
        Spacer(1, 6),
        hbar_drawing([(x.name, x.amount_fen / 100) for x in rules], "各类问题涉及金额（元）"),
        _p("二、按月趋势", "h2"),
    ]  # fmt: skip
    if r.trend:
        out.append(
            line_drawing([m for m, _, _ in r.trend], {"疑点数": [n for _, n, _ in r.trend]}, "疑点按月趋势")
        )
    out.append(
        _table(
            ["月份", "疑点数", "涉及金额"],
            [[m, str(n), yuan(a)] for m, n, a in r.trend] or [["—", "暂无数据", ""]],
            [w * WIDTH for w in (0.3, 0.3, 0.4)],
        )
    )
    out.append(_p(f"三、需整改的结算单（{r.items_total} 份）", "h2"))
    rows = [
        [
            c.claim_id,
            mask_patient(c.patient_id),
            f.rule_name,
            "、".join(f.item_refs),
            yuan(f.amount_fen),
            f.explanation,
        ]
        for c in r.items[:MAX_PDF_CLAIMS]
        for f in c.findings
    ]
    out.append(
        _table(
            ["结算单号", "参保人", "问题", "项目", "金额", "说明"],
            rows or [["—", "", "", "", "", "没有需要整改的结算单"]],
            [w * WIDTH for w in (0.14, 0.12, 0.14, 0.1, 0.12, 0.38)],
        )
    )
    if len(r.items) > MAX_PDF_CLAIMS:
        out.append(_p(f"此处列出前 {MAX_PDF_CLAIMS} 份，完整清单见 Excel 版。", "note"))
    out.append(_p("说明", "h2"))
    out += [_p(n, "note") for n in r.notes]
    return out


def render_pdf(report: InstitutionReport) -> bytes:
    return build_pdf(story(report), title=report.title, subject="自查自纠报告")
