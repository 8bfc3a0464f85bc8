"""The desk's bulletin (警情通报) for a week or a month: the numbers, the rising fraud types, the trend,
who was defrauded and how, typical cases with personal data masked, and the advice to give.

`build_bulletin(engine, "2026-W47")` reads the store (a handful of GROUP BY queries over the period and
the weeks before it) and returns a `Bulletin`, a plain data object; `render_html` and `render_pdf` turn
it into a standalone HTML document or a PDF with the same sections.

A built bulletin is a draft (it says so in print): an officer reviews its typical cases and issues it
(`fanzha.reports.issue`), which stores it as published and prints the audit log's head in it. Fraud-type
codes the taxonomy does not know (stored before codes were checked) are counted as 未归类, never printed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Engine, func, select

from fanzha.reports.formats import money
from fanzha.reports.periods import CN_TZ, Period, parse_period, periods_back
from fanzha.reports.rising import ALPHA, METHOD, MIN_COUNT, MIN_RATIO, Rising, rising_in
from fanzha.reports.trends import (
    AGE_BANDS,
    Totals,
    TrendTable,
    aggregate,
    desk_stats,
    key_name,
    trend_table,
)
from fanzha.reports.typical import (
    BulletinCasesError,
    TypicalCase,
    chosen_rows,
    typical_case,
    typical_rows,
)
from fanzha.store.case_tables import CaseRow
from fanzha.taxonomy import load_taxonomy
from fanzha.taxonomy.codes import UNCLASSIFIED, fraud_type_name, is_fraud_type

__all__ = [
    "GENERIC_ISSUER",
    "Bulletin",
    "BulletinCasesError",
    "IssueInfo",
    "TypeLine",
    "TypicalCase",
    "build_bulletin",
    "money",
]

GENERIC_ISSUER = "XX市公安局反诈中心"
PREVIOUS = {"week": "上周", "month": "上月", "day": "前一日"}
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class IssueInfo:
    """Who issued the bulletin and when, and the audit log's head at that moment (printed in it)."""

    officer: str
    at: datetime  # Beijing time
    audit_seq: int
    audit_hash: str


@dataclass(slots=True)
class TypeLine:
    code: str
    name: str
    totals: Totals
    previous: int  # cases in the period before
    share: float  # of all cases this period


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
    issue: IssueInfo | None = None  # None: a draft, its typical cases not yet reviewed

    @property
    def title(self) -> str:
        return f"{self.issuer} 警情通报 {self.period.title}"

    @property
    def draft_note(self) -> str:
        """Empty once issued; otherwise what a draft must say in print."""
        if self.issue is not None:
            return ""
        return "草稿：本通报尚未发布，典型案例须经民警审核后发布（fanzha bulletin issue），发布前请勿外传。"

    @property
    def issue_note(self) -> str:
        """Who issued it, and the audit log's head when it was issued (for anyone to check it against)."""
        if self.issue is None:
            return ""
        i = self.issue
        head = (
            f"发布时审计日志最新为第 {i.audit_seq} 条记录，哈希 {i.audit_hash}"
            f"（可用 fanzha audit verify --anchor {i.audit_seq}:{i.audit_hash} 核对）"
            if i.audit_seq
            else "发布时审计日志尚无记录"
        )
        return f"本通报由{i.officer}于{i.at:%Y年%m月%d日 %H:%M}（北京时间）审核发布。{head}。"

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


def _timed(timings: dict[str, float], what: str, fn: Callable[[], T]) -> T:
    start = time.perf_counter()
    try:
        return fn()
    finally:
        timings[what] = timings.get(what, 0.0) + time.perf_counter() - start


def _fold_unclassified(table: TrendTable) -> TrendTable:
    """Codes the taxonomy does not know, counted together as one 未归类 key (never printed raw)."""
    unknown = [k for k in table.keys if k and not is_fraud_type(k)]
    if not unknown:
        return table
    cells: dict[tuple[int, str], Totals] = {}
    for (bucket, key), totals in table.cells.items():
        folded = UNCLASSIFIED if key in unknown else key
        cells.setdefault((bucket, folded), Totals()).add(totals.cases, totals.dissuaded, totals.loss_fen)
    table.cells = cells
    by_key: dict[str, int] = {}
    for (_, key), totals in cells.items():
        by_key[key] = by_key.get(key, 0) + totals.cases
    table.keys = sorted(by_key, key=lambda k: (-by_key[k], k))
    return table


def build_bulletin(
    engine: Engine,
    period: str | Period,
    *,
    issuer: str | None = None,
    k: int = 4,
    history: int = 12,
    typical: int = 4,
    cases: Sequence[int] | None = None,
    texts: Mapping[int, str] | None = None,
    now: datetime | None = None,
) -> Bulletin:
    """The bulletin for a week ("2026-W47") or a month ("2026-11"); ValueError (Chinese) for a bad period.

    `k`: periods the rising test compares with; `history`: periods in the trend chart; `typical`: how
    many typical cases (the largest loss of each rising or most frequent type, plus one dissuaded case).
    `cases`: the typical cases an officer chose instead, by id; `texts`: an officer's wording of some of
    them, by id (masked like the narratives). BulletinCasesError for a case not in the period.
    """
    p = parse_period(period) if isinstance(period, str) else period
    timings: dict[str, float] = {}
    periods = periods_back(p, max(history, k + 1))
    table = _timed(timings, "query", lambda: trend_table(engine, periods=periods, dimension="fraud_type"))
    table = _fold_unclassified(table)
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
            fraud_type_name(code),
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

    if cases is not None or texts:
        chosen = list(cases) if cases is not None else [r.id for r in typical_rows(engine, p, codes, typical)]
        extra = [i for i in (texts or {}) if i not in chosen]
        if extra:
            raise BulletinCasesError(f"案件 {', '.join(map(str, extra))} 不在所选的典型案例中")
        rows = _timed(timings, "query", lambda: chosen_rows(engine, p, chosen))
    else:
        rows = _timed(timings, "query", lambda: typical_rows(engine, p, codes, typical))
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
        trend_series={fraud_type_name(c): table.series(c) for c in shown},
        rising=rising,
        typical=[typical_case(r, (texts or {}).get(r.id)) for r in rows],
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
