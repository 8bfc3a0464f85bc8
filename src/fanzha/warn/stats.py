"""Figures of warnings per community — the contract other areas (scorecards, the desk) code against.

`WARN_IN_TIME` is how soon after its collision a warning counts as "in time": 24 hours, the working day
the seeds' 预警劝阻 practice expects a warning instruction to be carried out in (an outcome recorded later
is done, but not in time).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import Session

from fanzha.store.buckets import period_index
from fanzha.store.warn_tables import ResidentRow, WarningTaskRow
from fanzha.timezones import from_db, to_utc

WARN_IN_TIME = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class CommunityWarnFigures:
    community: str
    district: str
    registered: int  # active residents registered by `end`
    registered_in_period: int  # registered in [start, end)
    tasks: int  # warning tasks created in [start, end)
    done: int  # of those, with an outcome
    done_in_time: int  # outcome within WARN_IN_TIME
    prevented: int  # 劝阻成功
    deceived: int  # 已受骗


def community_figures(
    engine: Engine, *, start: datetime, end: datetime, district: str | None = None
) -> dict[str, CommunityWarnFigures]:
    """The figures of every community with a resident or a task, keyed by community (in `district` only
    when given). A community's district is its residents' (the most common one)."""
    start_utc, end_utc = to_utc(start), to_utc(end)
    figures: dict[str, dict[str, int]] = {}
    districts: dict[str, dict[str, int]] = {}
    residents = select(
        ResidentRow.community, ResidentRow.district, ResidentRow.created_at, ResidentRow.status,
        ResidentRow.withdrawn_at,
    ).where(ResidentRow.created_at < end_utc)  # fmt: skip
    tasks = select(
        WarningTaskRow.community, WarningTaskRow.district, WarningTaskRow.collided_at, WarningTaskRow.done_at,
        WarningTaskRow.outcome,
    ).where(WarningTaskRow.collided_at >= start_utc, WarningTaskRow.collided_at < end_utc)  # fmt: skip
    if district is not None:
        residents = residents.where(ResidentRow.district == district)
        tasks = tasks.where(WarningTaskRow.district == district)
    with Session(engine) as session:
        for community, where, created, status, withdrawn in session.execute(residents):
            counts = figures.setdefault(community, {})
            places = districts.setdefault(community, {})
            places[where] = places.get(where, 0) + 1
            gone = withdrawn is not None and from_db(withdrawn) < end_utc
            if status == "active" or (status == "withdrawn" and not gone):  # not one awaiting confirmation
                counts["registered"] = counts.get("registered", 0) + 1
            if from_db(created) >= start_utc:
                counts["registered_in_period"] = counts.get("registered_in_period", 0) + 1
        for community, where, collided, done_at, outcome in session.execute(tasks):
            counts = figures.setdefault(community, {})
            districts.setdefault(community, {}).setdefault(where, 0)
            counts["tasks"] = counts.get("tasks", 0) + 1
            if outcome:
                counts["done"] = counts.get("done", 0) + 1
                if done_at is not None and from_db(done_at) - from_db(collided) <= WARN_IN_TIME:
                    counts["done_in_time"] = counts.get("done_in_time", 0) + 1
                if outcome in ("prevented", "deceived"):
                    counts[outcome] = counts.get(outcome, 0) + 1
    return {
        name: CommunityWarnFigures(
            community=name,
            district=max(districts.get(name, {"": 0}).items(), key=lambda kv: kv[1])[0]
            if districts.get(name)
            else "",
            registered=c.get("registered", 0),
            registered_in_period=c.get("registered_in_period", 0),
            tasks=c.get("tasks", 0),
            done=c.get("done", 0),
            done_in_time=c.get("done_in_time", 0),
            prevented=c.get("prevented", 0),
            deceived=c.get("deceived", 0),
        )
        for name, c in sorted(figures.items())
    }


@dataclass(frozen=True, slots=True)
class PreventedLosses:
    """Warnings that ended 劝阻成功 in a period: how many, and the money they kept (yuan; a warning
    without a payment in progress counts with 0)."""

    count: int
    amount: float


def _prevented(start: datetime, end: datetime) -> list[ColumnElement[bool]]:
    """The warnings counted as prevented losses in [start, end): 劝阻成功 recorded then.

    No double counting with the desk's cases: a case's own 劝阻 (`cases.dissuaded`) counts through the
    case, and a warning counts here only when it ended 劝阻成功 and is linked to no desk case. A task that
    led to a case is one that ended 已受骗 (`record_outcome` links a case only then), so it counts once,
    as the case it opened — never again as a prevented warning, even if the case is later marked 劝阻.
    """
    return [
        WarningTaskRow.outcome == "prevented",
        WarningTaskRow.case_id.is_(None),
        WarningTaskRow.done_at >= to_utc(start),
        WarningTaskRow.done_at < to_utc(end),
    ]


def prevented_losses(engine: Engine, *, start: datetime, end: datetime) -> PreventedLosses:
    """劝阻成功 outcomes recorded in [start, end) — the desk's prevented losses (see `_prevented`)."""
    return prevented_per_period(engine, edges=[start, end])[0]


def prevented_per_period(engine: Engine, *, edges: Sequence[datetime]) -> list[PreventedLosses]:
    """The prevented losses of each consecutive period [edges[i], edges[i+1]) — one query."""
    if len(edges) < 2:
        return []
    bounds = [to_utc(e) for e in edges]
    bucket = period_index(WarningTaskRow.done_at, bounds)
    inner = (
        select(bucket.label("b"), WarningTaskRow.prevented_fen.label("f"))
        .where(*_prevented(bounds[0], bounds[-1]))
        .subquery()
    )
    out = [PreventedLosses(0, 0.0) for _ in bounds[1:]]
    with Session(engine) as session:
        stmt = select(inner.c.b, func.count(), func.coalesce(func.sum(inner.c.f), 0)).group_by(inner.c.b)
        for b, count, fen in session.execute(stmt):
            out[int(b)] = PreventedLosses(int(count or 0), int(fen or 0) / 100)
    return out
