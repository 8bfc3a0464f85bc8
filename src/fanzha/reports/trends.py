"""Case statistics (发案走势): cases, dissuaded cases and losses by week, month or day, and by fraud
type, district, desk, victim age band, sex or contact channel.

One GROUP BY query per table. A period bucket is a CASE over the stored UTC times and the periods'
bounds (see `fanzha.reports.periods`), so the SQL is the same on SQLite and PostgreSQL and the database
reads only the rows of the periods asked for (index on `received_at`).

A case whose stored time is outside the accepted range (`fanzha.timezones.date_bounds`) — stored before
dates were checked where they enter, or by tampering — falls in no period anyone can ask for; `trends`
leaves it out, counts it (`TrendTable.skipped`) and says so in a note, instead of failing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Engine, case, func, literal, or_, select

from fanzha.cases.model import CHANNELS
from fanzha.reports.periods import Kind, Period, local_date, period_of, periods_back, to_utc
from fanzha.store.buckets import period_index
from fanzha.store.case_tables import CaseRow
from fanzha.taxonomy.codes import fraud_type_name
from fanzha.timezones import date_bounds

if TYPE_CHECKING:
    from fanzha.warn.stats import PreventedLosses

AGE_BANDS = ("<18", "18–29", "30–44", "45–59", "60+", "未知")
DIMENSIONS = {
    "fraud_type": "诈骗类型",
    "district": "地区",
    "desk": "接警台",
    "contact_channel": "联系渠道",
    "age_band": "年龄段",
    "victim_sex": "性别",
}
UNKNOWN = "未填写"
MAX_PERIODS = 520


@dataclass(slots=True)
class Totals:
    """报警数, 劝阻数 and 涉案金额 (fen) of a set of cases; for a whole period (not per key) also the
    warnings (预警劝阻, `fanzha.warn`) that ended 劝阻成功 then and the losses they prevented (避免损失, fen).
    `dissuaded` counts cases only (the 劝阻率 is of cases); `dissuaded_total` adds the warnings, which
    `fanzha.warn.stats` counts only when linked to no case, so nothing is counted twice."""

    cases: int = 0
    dissuaded: int = 0
    loss_fen: int = 0
    warned: int = 0
    prevented_fen: int = 0

    def add(self, cases: int, dissuaded: int, loss_fen: int) -> None:
        self.cases += cases
        self.dissuaded += dissuaded
        self.loss_fen += loss_fen

    def add_warned(self, prevented: PreventedLosses) -> None:
        self.warned += prevented.count
        self.prevented_fen += round(prevented.amount * 100)

    @property
    def loss_yuan(self) -> float:
        return self.loss_fen / 100

    @property
    def dissuaded_total(self) -> int:
        """劝阻数: cases recorded as dissuaded and warnings that ended 劝阻成功."""
        return self.dissuaded + self.warned

    @property
    def prevented_yuan(self) -> float:
        return self.prevented_fen / 100

    @property
    def dissuade_rate(self) -> float:
        return self.dissuaded / self.cases if self.cases else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases, "dissuaded": self.dissuaded, "loss_yuan": self.loss_yuan,
            "warned_prevented": self.warned, "dissuaded_total": self.dissuaded_total,
            "prevented_loss_yuan": self.prevented_yuan,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cell:
    bucket: int  # index into the periods asked for
    key: str
    cases: int
    dissuaded: int
    loss_fen: int


def key_name(dimension: str, key: str) -> str:
    """The Chinese name of a key: 刷单返利 for rebate_task, 电话 for phone_call, 未填写 for ""."""
    if not key:
        return UNKNOWN
    if dimension == "fraud_type":
        return fraud_type_name(key)  # never a raw code the taxonomy does not know
    if dimension == "contact_channel":
        return CHANNELS.get(key, key)
    return key


def _key_column(dimension: str | None) -> ColumnElement[Any]:
    if dimension is None:
        return literal("")
    if dimension == "age_band":
        age = CaseRow.victim_age
        return case(
            (age.is_(None), AGE_BANDS[5]),
            (age < 18, AGE_BANDS[0]),
            (age < 30, AGE_BANDS[1]),
            (age < 45, AGE_BANDS[2]),
            (age < 60, AGE_BANDS[3]),
            else_=AGE_BANDS[4],
        )
    if dimension not in DIMENSIONS:
        raise ValueError(f"不支持的统计维度：{dimension}（可选：{'、'.join(DIMENSIONS)}）")
    column: ColumnElement[Any] = getattr(CaseRow, dimension)
    return column


def aggregate(engine: Engine, *, periods: Sequence[Period], by: str | None = None) -> list[Cell]:
    """Cases, dissuaded cases and loss per (period, key) for consecutive `periods`."""
    if not periods:
        return []
    edges = [to_utc(p.start) for p in periods] + [to_utc(periods[-1].end)]
    received = CaseRow.received_at
    bucket = period_index(received, edges)
    inner = (
        select(
            bucket.label("b"),
            _key_column(by).label("k"),
            case((CaseRow.dissuaded, 1), else_=0).label("d"),
            CaseRow.loss_fen.label("f"),
        )
        .where(received >= edges[0], received < edges[-1])
        .subquery()
    )
    stmt = select(inner.c.b, inner.c.k, func.count(), func.sum(inner.c.d), func.sum(inner.c.f)).group_by(
        inner.c.b, inner.c.k
    )
    with engine.connect() as conn:
        return [
            Cell(int(b), str(k or ""), int(n), int(d or 0), int(f or 0))
            for b, k, n, d, f in conn.execute(stmt)
        ]


@dataclass(slots=True)
class TrendTable:
    """Per period and key: cases, dissuaded, loss. Keys are sorted by their total cases, largest first."""

    dimension: str
    periods: list[Period]
    keys: list[str] = field(default_factory=list)
    cells: dict[tuple[int, str], Totals] = field(default_factory=dict)
    totals: list[Totals] = field(default_factory=list)
    skipped: int = 0  # cases left out: their received time is outside the accepted range

    @property
    def note(self) -> str:
        """Why cases are missing from the table, for the officer ("" when none are)."""
        return f"{self.skipped} 起案件的受理时间超出可接受的范围，未计入统计" if self.skipped else ""

    def series(self, key: str) -> list[int]:
        return [self.cells.get((i, key), Totals()).cases for i in range(len(self.periods))]

    def column(self, bucket: int) -> dict[str, Totals]:
        return {k: t for (b, k), t in self.cells.items() if b == bucket}

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "periods": [p.label for p in self.periods],
            "totals": [t.to_dict() for t in self.totals],
            "skipped": self.skipped,
            "note": self.note,
            "keys": [
                {
                    "key": k,
                    "name": key_name(self.dimension, k),
                    "cases": self.series(k),
                    "loss_yuan": [
                        self.cells.get((i, k), Totals()).loss_yuan for i in range(len(self.periods))
                    ],
                }
                for k in self.keys
            ],
        }


def _warned(engine: Engine, periods: Sequence[Period]) -> list[PreventedLosses]:
    """The warnings that ended 劝阻成功 in each of `periods` (consecutive), with their prevented losses."""
    from fanzha.warn.stats import prevented_per_period  # the warning package only when counted

    if not periods:
        return []
    return prevented_per_period(engine, edges=[to_utc(p.start) for p in periods] + [to_utc(periods[-1].end)])


def trend_table(engine: Engine, *, periods: Sequence[Period], dimension: str = "fraud_type") -> TrendTable:
    table = TrendTable(dimension, list(periods), totals=[Totals() for _ in periods])
    by_key: dict[str, int] = {}
    for cell in aggregate(engine, periods=periods, by=dimension):
        table.cells[(cell.bucket, cell.key)] = Totals(cell.cases, cell.dissuaded, cell.loss_fen)
        table.totals[cell.bucket].add(cell.cases, cell.dissuaded, cell.loss_fen)
        by_key[cell.key] = by_key.get(cell.key, 0) + cell.cases
    for totals, warned in zip(table.totals, _warned(engine, periods), strict=True):
        totals.add_warned(warned)
    table.keys = sorted(by_key, key=lambda k: (-by_key[k], k))
    return table


def latest_period(engine: Engine, kind: Kind) -> Period | None:
    """The period holding the most recent case received in the accepted range of dates, or None when
    there is none."""
    lowest, highest = date_bounds()
    received = CaseRow.received_at
    with engine.connect() as conn:
        latest = conn.scalar(select(func.max(received)).where(received >= lowest, received <= highest))
    return None if latest is None else period_of(local_date(latest), kind)


def out_of_range(engine: Engine) -> int:
    """How many stored cases were received outside the accepted range of dates (none, unless stored
    before the range was checked, or by tampering)."""
    lowest, highest = date_bounds()
    received = CaseRow.received_at
    with engine.connect() as conn:
        found = conn.scalar(select(func.count()).where(or_(received < lowest, received > highest)))
    return int(found or 0)


def trends(
    engine: Engine,
    *,
    by: Kind = "week",
    dimension: str = "fraud_type",
    last: int = 12,
    until: Period | None = None,
) -> TrendTable:
    """The `last` weeks, months or days up to `until` (default: the period of the most recent case);
    an `until` of another kind stands for the `by` period holding its last day (2026-W47 by month is
    2026-11). Cases received outside the accepted range of dates are left out and counted."""
    if by not in ("week", "month", "day"):
        raise ValueError(f"不支持的时间粒度：{by}（可选：week、month、day）")
    if not 1 <= last <= MAX_PERIODS:
        raise ValueError(f"期数应在 1 至 {MAX_PERIODS} 之间")
    if until is not None and until.kind != by:
        until = period_of(until.end - timedelta(days=1), by)
    end = until or latest_period(engine, by)
    skipped = out_of_range(engine)
    if end is None:
        return TrendTable(dimension, [], skipped=skipped)
    table = trend_table(engine, periods=periods_back(end, last), dimension=dimension)
    table.skipped = skipped
    return table


@dataclass(slots=True)
class DeskStats:
    """The desk's figures for one period, as the seed reports them: 报警数, 劝阻数, 涉案金额 — in all,
    per day, per desk and per district; in all and per day also the warnings that ended 劝阻成功 and the
    losses they prevented (避免损失)."""

    period: Period
    totals: Totals
    by_day: list[tuple[str, Totals]]
    by_desk: list[tuple[str, Totals]]
    by_district: list[tuple[str, Totals]]

    def to_dict(self) -> dict[str, Any]:
        def rows(pairs: list[tuple[str, Totals]]) -> list[dict[str, Any]]:
            return [{"key": key, **totals.to_dict()} for key, totals in pairs]

        return {
            "period": self.period.label,
            "title": self.period.title,
            "totals": self.totals.to_dict(),
            "by_day": rows(self.by_day),
            "by_desk": rows(self.by_desk),
            "by_district": rows(self.by_district),
        }


def _ranked(cells: list[Cell]) -> list[tuple[str, Totals]]:
    rows = [(c.key or UNKNOWN, Totals(c.cases, c.dissuaded, c.loss_fen)) for c in cells]
    return sorted(rows, key=lambda r: (-r[1].cases, r[0]))


def desk_stats(engine: Engine, *, period: Period) -> DeskStats:
    days = [period_of(d, "day") for d in period.dates()]
    by_day = [(f"{p.start.month}月{p.start.day}日", Totals()) for p in days]
    totals = Totals()
    for cell in aggregate(engine, periods=days):
        by_day[cell.bucket][1].add(cell.cases, cell.dissuaded, cell.loss_fen)
        totals.add(cell.cases, cell.dissuaded, cell.loss_fen)
    for (_, day), warned in zip(by_day, _warned(engine, days), strict=True):
        day.add_warned(warned)
        totals.add_warned(warned)
    return DeskStats(
        period,
        totals,
        by_day,
        _ranked(aggregate(engine, periods=[period], by="desk")),
        _ranked(aggregate(engine, periods=[period], by="district")),
    )
