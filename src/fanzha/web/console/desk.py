"""The dashboard's numbers, from `fanzha.reports`: today's and this week's 报警数, 劝阻数 and 涉案金额
(`desk_stats`), the trend and type charts (`charts`), the fraud types rising this week (`rising`) — and
举报线索数, the reports of identifiers that reached the intelligence store in the same period; warnings that
ended 劝阻成功 count in 劝阻数, with the losses they prevented (避免损失, `desk_stats`' totals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.reports import desk_stats, rising_in_period, trends
from fanzha.reports.charts import column_svg, hbar_svg, line_svg
from fanzha.reports.periods import Period, local_date, period_of
from fanzha.reports.trends import key_name
from fanzha.store.tables import ReportRow

TREND_WEEKS = 8
TREND_TYPES = 5  # lines in the trend chart


@dataclass(frozen=True, slots=True)
class DeskNumbers:
    calls: int  # 报警数
    dissuaded: int  # 劝阻数: cases recorded as dissuaded + warnings that ended 劝阻成功
    loss: float  # 涉案金额, yuan
    tips: int  # 举报线索数
    warned_prevented: int = 0  # of 劝阻数, warnings (预警劝阻) that ended 劝阻成功 (fanzha.warn)
    prevented_loss: float = 0.0  # 避免损失, yuan: the payments in progress those warnings stopped


@dataclass(slots=True)
class Trends:
    charts: list[tuple[str, str]] = field(default_factory=list)  # (title, SVG)
    rising: list[str] = field(default_factory=list)  # each flagged type, explained


def _tips(engine: Engine, period: Period) -> int:
    start, end = period.utc_range()
    with Session(engine) as session:
        query = select(func.count()).select_from(ReportRow)
        return session.scalar(query.where(ReportRow.created_at >= start, ReportRow.created_at < end)) or 0


def desk_numbers(engine: Engine, *, period: Period) -> DeskNumbers:
    totals = desk_stats(engine, period=period).totals  # the warnings' 劝阻 included, counted once
    return DeskNumbers(
        totals.cases, totals.dissuaded_total, totals.loss_yuan, _tips(engine, period),
        totals.warned, totals.prevented_yuan,
    )  # fmt: skip


def periods_now(now: datetime) -> tuple[Period, Period]:
    """Today and this week (Monday to Sunday), Beijing time."""
    today = local_date(now)
    return period_of(today, "day"), period_of(today, "week")


def desk_trends(engine: Engine, *, week: Period) -> Trends:
    out = Trends()
    table = trends(engine, by="week", last=TREND_WEEKS, until=week)
    labels = [f"{p.start.month}/{p.start.day}" for p in table.periods]
    series = {key_name("fraud_type", k): table.series(k) for k in table.keys[:TREND_TYPES]}
    out.charts.append(("近8周主要类型走势", line_svg(labels, series, title="近8周主要类型报警数（按周）")))
    this_week = table.column(len(table.periods) - 1)
    ranked = sorted(this_week.items(), key=lambda kv: (-kv[1].cases, kv[0]))
    out.charts.append(
        (
            "本周分类型报警数",
            hbar_svg(
                [(key_name("fraud_type", k), t.cases) for k, t in ranked[:8]],
                title="本周分类型报警数",
                width=520,
            ),
        )
    )
    by_day = desk_stats(engine, period=week).by_day
    out.charts.append(
        (
            "本周每日报警数",
            column_svg([(d.split("月")[-1], t.cases) for d, t in by_day], title="本周每日报警数"),
        )
    )
    out.rising = [r.explanation for r in rising_in_period(engine, week) if r.flagged]
    return out
