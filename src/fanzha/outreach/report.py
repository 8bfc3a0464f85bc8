"""The 督导考评 report of a district for a period: the communities ranked by score, each scorecard, the
activities held, and the charts; rendered as HTML here, as Excel by `excel.py` and as PDF by `report_pdf.py`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from sqlalchemy import Engine

from fanzha.outreach.activities import list_activities
from fanzha.outreach.model import Activity
from fanzha.outreach.scorecards import DistrictScores, collect
from fanzha.reports.charts import hbar_svg
from fanzha.reports.formats import money
from fanzha.reports.periods import Period
from fanzha.timezones import BEIJING


@dataclass(slots=True)
class DistrictReport:
    title: str
    district: str | None
    period: Period
    scores: DistrictScores
    activities: list[Activity]
    generated_at: datetime
    notes: list[str]

    @property
    def area(self) -> str:
        return self.district or "全部辖区"

    def chart_items(self, key: str) -> list[tuple[str, float]]:
        """(community, value) of one figure, in ranking order (None counted as 0)."""
        return [(c.community, float(c.figure(key).value or 0)) for c in self.scores.cards]

    def score_items(self) -> list[tuple[str, float]]:
        return [(c.community, c.score) for c in self.scores.cards]

    @property
    def synthetic(self) -> bool:
        return any(a.synthetic for a in self.activities)


def build_report(
    engine: Engine, *, period: Period, district: str | None = None, now: datetime | None = None
) -> DistrictReport:
    """Gather everything the report shows (see the module)."""
    scores = collect(engine, period=period, district=district)
    start, end = period.utc_range()
    names = [c.community for c in scores.cards]
    activities = list_activities(engine, communities=names, start=start, end=end, limit=5000)
    area = district or "全部辖区"
    notes = [
        "综合得分满分100：注册完成30、宣传活动20、预警处置20、按时处置15、发案控制15；每项说明见各社区考评表。",
        "案件归属：按案件“案发地点”包含社区名称匹配；"
        f"本期另有 {scores.unmatched_cases} 起案件（损失 {money(scores.unmatched_loss_fen)}）未写明社区，只计入区县合计。",
        f"注册与预警：{scores.warn_source}。",
    ]
    if any(a.synthetic for a in activities):
        notes.append("标有【演示数据】的活动为系统演示用的合成数据，不是真实工作记录。")
    return DistrictReport(
        f"{area}反诈宣传防范工作督导考评（{period.title}）", district, period, scores, activities,
        now or datetime.now(UTC), notes,
    )  # fmt: skip


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("fanzha.outreach", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["money"] = money
    env.filters["bj_day"] = lambda at: f"{at.astimezone(BEIJING):%Y-%m-%d}"
    return env


def charts(report: DistrictReport) -> dict[str, str]:
    """The SVG charts of the report, by name."""
    return {
        "score": hbar_svg(report.score_items(), title="综合得分排名", unit="分"),
        "coverage": hbar_svg(
            [(n, round(v * 100, 1)) for n, v in report.chart_items("coverage")], title="注册完成率", unit="%"
        ),
        "activities": hbar_svg(report.chart_items("activities"), title="宣传活动场次", unit="场"),
        "cases": hbar_svg(report.chart_items("cases_per_10k"), title="万人发案率", unit=""),
    }


def render_html(report: DistrictReport, *, standalone: bool = True) -> str:
    """The report as HTML: a whole page (`standalone`), or the body for the officer console."""
    return environment().get_template("report.html").render(
        r=report, charts=charts(report), standalone=standalone,
        generated=report.generated_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M"),
    )  # fmt: skip
