"""Drills (演练) and real alerts counted apart: how many were raised, acknowledged and closed, how long the
desk took to acknowledge them (median, mean, longest), their outcomes, and the same per bank — so that a
bank's "演练总结" can say how its drill went and the desk's figures are not swelled by drills."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.counter.alert_model import AlertError
from fanzha.intel.banks import bank_name
from fanzha.store.counter_tables import CounterAlertRow
from fanzha.timezones import DateOutOfRange, check_date, from_db, to_utc


@dataclass(frozen=True, slots=True)
class Tally:
    raised: int = 0
    acknowledged: int = 0
    closed: int = 0
    waiting: int = 0  # still open (not acknowledged)
    median_seconds: float | None = None  # raised → acknowledged
    mean_seconds: float | None = None
    max_seconds: float | None = None
    outcomes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BankTally:
    bank: str
    drills: int
    real: int


@dataclass(frozen=True, slots=True)
class AlertReport:
    since: datetime | None
    until: datetime | None
    bank: str | None
    drills: Tally
    real: Tally
    banks: list[BankTally]

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key in ("since", "until"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


def _tally(rows: list[tuple[datetime, datetime | None, str, str]]) -> Tally:
    waits = [
        max(0.0, (from_db(ack) - from_db(raised)).total_seconds())
        for raised, ack, _, _ in rows
        if ack is not None
    ]
    states = Counter(state for _, _, state, _ in rows)
    outcomes = Counter(outcome for _, _, state, outcome in rows if state == "closed")
    return Tally(
        raised=len(rows),
        acknowledged=len(waits),
        closed=states["closed"],
        waiting=states["open"],
        median_seconds=round(statistics.median(waits), 1) if waits else None,
        mean_seconds=round(statistics.fmean(waits), 1) if waits else None,
        max_seconds=round(max(waits), 1) if waits else None,
        outcomes=dict(outcomes.most_common()),
    )


def _bound(at: datetime | None, what: str) -> datetime | None:
    if at is None:
        return None
    try:
        return to_utc(check_date(at, what))
    except DateOutOfRange as exc:
        raise AlertError(str(exc)) from None


def alert_report(
    engine: Engine, *, since: datetime | None = None, until: datetime | None = None, bank: str | None = None
) -> AlertReport:
    """Alerts raised in [since, until) (naive times are Beijing time), of `bank` or of every bank."""
    start, end = _bound(since, "起始时间"), _bound(until, "截止时间")
    if start is not None and end is not None and start >= end:
        raise AlertError("起始时间应早于截止时间")
    columns = (
        CounterAlertRow.drill,
        CounterAlertRow.bank,
        CounterAlertRow.raised_at,
        CounterAlertRow.acknowledged_at,
        CounterAlertRow.state,
        CounterAlertRow.outcome,
    )
    query = select(*columns)
    if start is not None:
        query = query.where(CounterAlertRow.raised_at >= start)
    if end is not None:
        query = query.where(CounterAlertRow.raised_at < end)
    name = bank_name(bank) if bank is not None else None
    if name is not None:
        query = query.where(CounterAlertRow.bank == name)
    with Session(engine) as session:
        rows = session.execute(query).all()
    per_bank: dict[str, list[int]] = {}
    for row in rows:
        per_bank.setdefault(row.bank, [0, 0])[0 if row.drill else 1] += 1
    picked = [(r.drill, (r.raised_at, r.acknowledged_at, r.state, r.outcome)) for r in rows]
    return AlertReport(
        since=start,
        until=end,
        bank=name,
        drills=_tally([fields for drill, fields in picked if drill]),
        real=_tally([fields for drill, fields in picked if not drill]),
        banks=[BankTally(b, d, n) for b, (d, n) in sorted(per_bank.items(), key=lambda kv: -sum(kv[1]))],
    )
