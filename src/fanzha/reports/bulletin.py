"""The desk's bulletin (警情通报) for a week or a month: the numbers, the rising fraud types, the trend,
who was defrauded and how, typical cases with personal data masked, and the advice to give.

`build_bulletin(engine, "2026-W47")` reads the store (a handful of GROUP BY queries over the period and
the weeks before it) and returns a `Bulletin`, a plain data object; `render_html` and `render_pdf` turn
it into a standalone HTML document or a PDF with the same sections.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select

from fanzha.reports.periods import CN_TZ, Period, local_date, parse_period, periods_back
from fanzha.reports.redact import redact
from fanzha.reports.rising import ALPHA, METHOD, MIN_COUNT, MIN_RATIO, Rising, rising_in
from fanzha.reports.trends import AGE_BANDS, Totals, aggregate, desk_stats, key_name, trend_table
from fanzha.store.case_tables import CaseRow
from fanzha.taxonomy import load_taxonomy

GENERIC_ISSUER = "XX市公安局反诈中心"
PREVIOUS = {"week": "上周", "month": "上月", "day": "前一日"}
T = TypeVar("T")


@dataclass(slots=True)
class TypeLine:
    code: str
    name: str
    totals: Totals
    previous: int  # cases in the period before
    share: float  # of all cases this period


@dataclass(slots=True)
class TypicalCase:
    case_id: int  # for the console's link; never printed in the bulletin
    fraud_type: str
    name: str
    day: str  # 11月17日
    district: str
    loss_yuan: float
    dissuaded: bool
    text: str  # the narrative, personal data masked
    advice: str


@dataclass(slots=True)
class Bulletin:
    issuer: str
    period: Period
    generated_at: datetime
    totals: Totals
    previous: Totals
    by_type: list[TypeLine]
    by_day: list[tuple[str, Totals]]
    by_desk: list[tuple[str, Totals]]
    by_district: list[tuple[str, Totals]]
    by_age: list[tuple[str, Totals]]
    by_sex: list[tuple[str, Totals]]
    by_channel: list[tuple[str, Totals]]
    trend_labels: list[str]
    trend_series: dict[str, list[int]]
    rising: list[Rising]
    typical: list[TypicalCase]
    advice: list[tuple[str, str]]
    synthetic_cases: int
    method: str
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"{self.issuer} 警情通报 {self.period.title}"

    @property
    def flagged(self) -> list[Rising]:
        return [r for r in self.rising if r.flagged]

    @property
    def synthetic_note(self) -> str:
        """Empty for real data; otherwise what share of the cases is synthetic demo data."""
        if not self.synthetic_cases:
            return ""
        if self.synthetic_cases >= self.totals.cases:
            return "本通报基于系统生成的演示数据（合成案例），不反映真实警情。"
        return f"本期 {self.totals.cases} 起案件中有 {self.synthetic_cases} 起为演示数据（合成案例）。"

    def change(self, current: float, before: float) -> str:
        """较上周增加12.5% / 较上周减少3.0% / 与上周持平 / 上周无数据."""
        word = PREVIOUS[self.period.kind]
        if before == 0:
            return f"{word}无发案" if current else f"与{word}持平"
        ratio = (current - before) / before * 100
        if abs(ratio) < 0.05:
            return f"与{word}持平"
        return f"较{word}{'增加' if ratio > 0 else '减少'}{abs(ratio):.1f}%"


def money(fen: int | float) -> str:
    """涉案金额 as the desk writes it: 1,234元 or 56.78万元 (亿元 from a hundred million)."""
    yuan = fen / 100
    if yuan >= 1e8:
        return f"{yuan / 1e8:,.2f}亿元"
    if yuan >= 1e4:
        return f"{yuan / 1e4:,.2f}万元"
    return f"{yuan:,.0f}元"


def _timed(timings: dict[str, float], what: str, fn: Callable[[], T]) -> T:
    start = time.perf_counter()
    try:
        return fn()
    finally:
        timings[what] = timings.get(what, 0.0) + time.perf_counter() - start


def _typical_rows(engine: Engine, period: Period, codes: list[str], limit: int) -> list[Any]:
    start, end = period.utc_range()
    columns = (
        CaseRow.id,
        CaseRow.fraud_type,
        CaseRow.received_at,
        CaseRow.district,
        CaseRow.loss_fen,
        CaseRow.dissuaded,
        CaseRow.narrative,
        CaseRow.persons,
    )
    in_period = (CaseRow.received_at >= start, CaseRow.received_at < end)
    rows: list[Any] = []
    with engine.connect() as conn:
        for code in codes[:limit]:
            stmt = select(*columns).where(
                *in_period, CaseRow.fraud_type == code, CaseRow.dissuaded.is_(False)
            )
            row = conn.execute(stmt.order_by(CaseRow.loss_fen.desc(), CaseRow.id).limit(1)).first()
            if row is not None:
                rows.append(row)
        stopped = select(*columns).where(
            *in_period, CaseRow.dissuaded.is_(True), CaseRow.fraud_type.in_(codes)
        )
        row = conn.execute(stopped.order_by(CaseRow.id).limit(1)).first()
        if row is not None:
            rows.append(row)
    return rows


def _typical(row: Any) -> TypicalCase:
    persons = row.persons or {}
    names = [str((persons.get(who) or {}).get("name") or "") for who in ("victim", "reporter")]
    fraud_type = load_taxonomy().get(row.fraud_type) if row.fraud_type in load_taxonomy().codes else None
    local = local_date(row.received_at)
    return TypicalCase(
        row.id,
        row.fraud_type,
        fraud_type.name if fraud_type else key_name("fraud_type", row.fraud_type),
        f"{local.month}月{local.day}日",
        row.district or "未填写",
        row.loss_fen / 100,
        bool(row.dissuaded),
        redact(row.narrative, names=names),
        fraud_type.advice if fraud_type else "",
    )


def build_bulletin(
    engine: Engine,
    period: str | Period,
    *,
    issuer: str | None = None,
    k: int = 4,
    history: int = 12,
    typical: int = 4,
    now: datetime | None = None,
) -> Bulletin:
    """The bulletin for a week ("2026-W47") or a month ("2026-11"); ValueError (Chinese) for a bad period.

    `k`: periods the rising test compares with; `history`: periods in the trend chart; `typical`: how
    many typical cases (the largest loss of each rising or most frequent type, plus one dissuaded case).
    """
    p = parse_period(period) if isinstance(period, str) else period
    timings: dict[str, float] = {}
    periods = periods_back(p, max(history, k + 1))
    table = _timed(timings, "query", lambda: trend_table(engine, periods=periods, dimension="fraud_type"))
    stats = _timed(timings, "query", lambda: desk_stats(engine, period=p))
    ages, sexes, channels = _timed(
        timings,
        "query",
        lambda: [aggregate(engine, periods=[p], by=d) for d in ("age_band", "victim_sex", "contact_channel")],
    )
    start, end = p.utc_range()
    synthetic_stmt = select(func.count()).where(
        CaseRow.received_at >= start, CaseRow.received_at < end, CaseRow.synthetic.is_(True)
    )
    with engine.connect() as conn:
        synthetic = int(_timed(timings, "query", lambda: conn.scalar(synthetic_stmt)) or 0)

    started = time.perf_counter()
    last = len(periods) - 1
    current, before = table.column(last), table.column(last - 1)
    by_type = [
        TypeLine(
            code,
            key_name("fraud_type", code),
            t,
            before.get(code, Totals()).cases,
            t.cases / max(1, stats.totals.cases),
        )
        for code, t in sorted(current.items(), key=lambda kv: (-kv[1].cases, kv[0]))
    ]
    rising = rising_in(table, k=k, unit=p.unit)
    flagged = [r.fraud_type for r in rising if r.flagged]
    top = [line.code for line in by_type]
    codes = list(dict.fromkeys(flagged + top))
    shown = list(dict.fromkeys(flagged + top[:5]))[:6]
    age_totals = {c.key: Totals(c.cases, c.dissuaded, c.loss_fen) for c in ages}
    timings["aggregate"] = time.perf_counter() - started

    rows = _timed(timings, "query", lambda: _typical_rows(engine, p, codes, typical))
    started = time.perf_counter()
    taxonomy = load_taxonomy()
    advice_codes = [c for c in dict.fromkeys(flagged + top[:3]) if c in taxonomy.codes]
    bulletin = Bulletin(
        issuer=issuer
        or os.environ.get("FANZHA_BULLETIN_ISSUER")
        or _default_issuer(synthetic, stats.totals.cases),
        period=p,
        generated_at=now or datetime.now(CN_TZ),
        totals=stats.totals,
        previous=table.totals[last - 1],
        by_type=by_type,
        by_day=stats.by_day,
        by_desk=stats.by_desk,
        by_district=stats.by_district,
        by_age=[(band, age_totals.get(band, Totals())) for band in AGE_BANDS],
        by_sex=[
            (c.key or "未填写", Totals(c.cases, c.dissuaded, c.loss_fen))
            for c in sorted(sexes, key=lambda c: -c.cases)
        ],
        by_channel=[
            (key_name("contact_channel", c.key), Totals(c.cases, c.dissuaded, c.loss_fen))
            for c in sorted(channels, key=lambda c: (-c.cases, c.key))
        ],
        trend_labels=[q.label for q in periods],
        trend_series={key_name("fraud_type", c): table.series(c) for c in shown},
        rising=rising,
        typical=[_typical(r) for r in rows],
        advice=[(taxonomy.get(c).name, taxonomy.get(c).advice) for c in advice_codes],
        synthetic_cases=synthetic,
        method=METHOD.format(k=k, alpha=ALPHA, min_count=MIN_COUNT, min_ratio=MIN_RATIO),
        timings=timings,
    )
    timings["aggregate"] += time.perf_counter() - started
    return bulletin


def _default_issuer(synthetic: int, cases: int) -> str:
    if synthetic and synthetic >= cases:
        from fanzha.demo.profiles import ISSUER

        return ISSUER
    return GENERIC_ISSUER


def render_html(bulletin: Bulletin) -> str:
    """A complete standalone HTML document (inline CSS and SVG charts), for screen and print."""
    from fanzha.reports.html import render

    return render(bulletin)


def render_pdf(bulletin: Bulletin) -> bytes:
    """The same bulletin as a PDF (reportlab, the built-in Chinese font STSong-Light)."""
    from fanzha.reports.pdf import render

    return render(bulletin)
