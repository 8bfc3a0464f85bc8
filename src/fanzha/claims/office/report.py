"""The institution report (医保基金使用自查自纠报告): an institution's findings by rule with counts and
amounts, the monthly trend, and the claims to correct (each with its items and why) — gathered here and
rendered as HTML with SVG charts; `report_excel.py` and `report_pdf.py` give the same report as Excel and
PDF. Patient ids are masked: the report goes to the institution, which finds a claim by its number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from sqlalchemy import Engine

from fanzha.claims.office.institutions import FlaggedClaim, flagged_claims, get_institution, monthly_trend
from fanzha.claims.office.model import InstitutionSummary, Run, yuan
from fanzha.claims.office.runs import list_runs
from fanzha.reports.charts import hbar_svg, line_svg
from fanzha.timezones import BEIJING

MAX_ITEMS = 2_000  # claims listed in the report; the count says how many there are in all


def mask_patient(patient_id: str) -> str:
    """p-000123 → p-****23: enough for the institution to tell claims apart, not to name a patient."""
    text = patient_id.strip()
    if len(text) <= 4:
        return "*" * len(text)
    keep = 2 if len(text) < 10 else 4
    return text[:keep] + "*" * (len(text) - keep - 2) + text[-2:]


@dataclass(slots=True)
class InstitutionReport:
    title: str
    institution: InstitutionSummary
    runs: list[Run]
    trend: list[tuple[str, int, int]]  # (month, findings, fen)
    items: list[FlaggedClaim]
    items_total: int
    generated_at: datetime
    notes: list[str]

    @property
    def generated(self) -> str:
        return self.generated_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")

    @property
    def summary(self) -> str:
        i = self.institution
        top = "、".join(f"{r.name}（{r.findings}处）" for r in i.by_rule[:3])
        return (
            f"共审核结算单 {i.claims} 份，其中 {i.flagged_claims} 份存在问题，发现疑点 {i.findings} 处，"
            f"涉及金额 {yuan(i.at_stake_fen)}" + (f"；主要问题：{top}" if top else "") + "。"
        )


def build_report(
    engine: Engine, *, institution_id: str, run_id: int | None = None, now: datetime | None = None
) -> InstitutionReport:
    """Gather what the report shows (NotFound for an unknown institution)."""
    institution = get_institution(engine, institution_id=institution_id)
    items, total = flagged_claims(engine, institution_id=institution_id, run_id=run_id, limit=MAX_ITEMS)
    runs = list_runs(engine, institution_id=institution_id, limit=100)
    notes = [
        "疑点为系统按规则比对发现的问题线索，请对照《医疗保障基金使用监督管理条例》和检查手册逐项核实，"
        "属实的退回违规费用并整改，不属实的说明理由。",
        "规则：重复收费、超住院天数收取床位费、分解收费、超标准价格收费、超执业范围诊疗、使用未备案设备、"
        "药品进销存不符、同一参保人住院时间重叠等；每条疑点均写明所依据的规则和涉及的项目。",
        "参保人编号已部分遮挡；医保部门可凭结算单号调取原始记录。",
    ]
    if len(items) < total:
        notes.append(
            f"待整改结算单共 {total} 份，本报告列出涉及金额最大的 {len(items)} 份，完整清单见 Excel 版。"
        )
    if institution.demo:
        notes.append("标有【演示数据】的机构和结算单为系统演示用的合成数据，不是真实记录。")
    return InstitutionReport(
        f"{institution.shown_name}医保基金使用自查自纠报告", institution, runs,
        monthly_trend(engine, institution_id=institution_id), items, total, now or datetime.now(UTC), notes,
    )  # fmt: skip


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("fanzha.claims.office", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yuan"] = yuan
    env.filters["mask_patient"] = mask_patient
    env.filters["bj"] = lambda at: f"{at.astimezone(BEIJING):%Y-%m-%d %H:%M}"
    return env


def charts(report: InstitutionReport) -> dict[str, str]:
    """The SVG charts of the report, by name."""
    rules = report.institution.by_rule
    months = [m for m, _, _ in report.trend]
    return {
        "amount": hbar_svg(
            [(r.name, r.amount_fen / 100) for r in rules], title="各类问题涉及金额", unit="元"
        ),
        "count": hbar_svg([(r.name, float(r.findings)) for r in rules], title="各类问题疑点数", unit="处"),
        "trend": line_svg(
            months,
            {"疑点数": [float(n) for _, n, _ in report.trend]},
            title="疑点按月趋势（按入院日期）",
            unit="处",
        ),
    }


def render_html(report: InstitutionReport, *, standalone: bool = True) -> str:
    """The report as HTML: a whole page (`standalone`), or the body for the medical console."""
    return (
        environment()
        .get_template("report.html")
        .render(r=report, charts=charts(report), standalone=standalone)
    )
