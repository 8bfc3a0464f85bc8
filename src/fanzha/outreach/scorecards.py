"""Gathering a period's figures for the scorecards: activities and desk cases per community from the
store, warning figures from `fanzha.warn.stats`; the arithmetic is `fanzha.outreach.scoring`'s.

Cases are matched to a community when the case's 案发地点 (`place`) names it; cases of the district that
name no community are counted at district level (未归属社区) and said so in the report.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select

from fanzha.outreach.communities import list_communities
from fanzha.outreach.model import Community
from fanzha.outreach.scoring import PeriodFigures, Scorecard, WarnFigures, score_communities
from fanzha.reports.periods import Period
from fanzha.store.case_tables import CaseRow
from fanzha.store.outreach_tables import OutreachActivityRow

MATCHED = "按案件“案发地点”包含社区名称匹配；未写明社区的案件只计入区县合计"


@dataclass(slots=True)
class DistrictScores:
    district: str | None
    period: Period
    cards: list[Scorecard]
    unmatched_cases: int  # cases of the district whose place names no community
    unmatched_loss_fen: int
    warn_source: str  # where the warning figures came from, or why they are missing


def activity_figures(
    engine: Engine, *, names: Sequence[str], start: datetime, end: datetime
) -> dict[str, dict[str, int]]:
    cols = [func.count(), *(func.coalesce(func.sum(getattr(OutreachActivityRow, k)), 0) for k in _SUMS)]
    stmt = (
        select(OutreachActivityRow.community, *cols)
        .where(OutreachActivityRow.community.in_(list(names)))
        .where(OutreachActivityRow.started_at >= start, OutreachActivityRow.started_at < end)
        .group_by(OutreachActivityRow.community)
    )
    with engine.connect() as conn:
        return {
            r[0]: {"activities": int(r[1]), **{k: int(v) for k, v in zip(_SUMS, r[2:], strict=True)}}
            for r in conn.execute(stmt)
        }


_SUMS = ("reached", "posters", "leaflets", "banners", "screens")


def case_figures(
    engine: Engine, *, communities: Sequence[Community], start: datetime, end: datetime
) -> tuple[dict[str, tuple[int, int]], int, int]:
    """Per community (cases, loss_fen); and the district cases naming no community (count, loss)."""
    districts = {c.district for c in communities}
    stmt = select(CaseRow.place, CaseRow.district, CaseRow.loss_fen).where(
        CaseRow.received_at >= start, CaseRow.received_at < end, CaseRow.district.in_(districts)
    )
    per: dict[str, tuple[int, int]] = {}
    unmatched, unmatched_loss = 0, 0
    # Longest names first: 南湖村 before 南湖 if both were registered.
    ordered = sorted(communities, key=lambda c: -len(c.name))
    with engine.connect() as conn:
        for place, district, loss in conn.execute(stmt):
            hit = next((c for c in ordered if c.name in (place or "") and c.district == district), None)
            if hit is None:
                unmatched, unmatched_loss = unmatched + 1, unmatched_loss + int(loss or 0)
                continue
            n, fen = per.get(hit.name, (0, 0))
            per[hit.name] = (n + 1, fen + int(loss or 0))
    return per, unmatched, unmatched_loss


def period_figures(
    engine: Engine, *, communities: Sequence[Community], period: Period
) -> tuple[dict[str, PeriodFigures], int, int]:
    start, end = period.utc_range()
    acts = activity_figures(engine, names=[c.name for c in communities], start=start, end=end)
    cases, unmatched, unmatched_loss = case_figures(engine, communities=communities, start=start, end=end)
    out = {}
    for c in communities:
        n, fen = cases.get(c.name, (0, 0))
        out[c.name] = PeriodFigures(**acts.get(c.name, {}), cases=n, loss_fen=fen)
    return out, unmatched, unmatched_loss


def warn_figures(
    engine: Engine, *, period: Period, district: str | None
) -> tuple[Mapping[str, WarnFigures], str]:
    """The warning figures of the period from `fanzha.warn.stats` (imported here, lazily)."""
    try:
        stats = importlib.import_module("fanzha.warn.stats")
    except ImportError:
        return {}, "预警模块未安装，注册与预警数字按 0 计"
    start, end = period.utc_range()
    return stats.community_figures(
        engine, start=start, end=end, district=district
    ), "预警数字来自金钟罩预警任务台账"


def collect(
    engine: Engine, *, period: Period, district: str | None = None, community: str | None = None
) -> DistrictScores:
    """The scorecards of `district`'s communities (all, or one `community`) for `period`, ranked, with
    the trend against the previous period of the same length."""
    communities = list_communities(engine, district=district)
    before = period.shift(-1)
    figures, unmatched, unmatched_loss = period_figures(engine, communities=communities, period=period)
    previous, _, _ = period_figures(engine, communities=communities, period=before)
    warn, source = warn_figures(engine, period=period, district=district)
    warn_before, _ = warn_figures(engine, period=before, district=district)
    cards = score_communities(
        communities=communities, figures=figures, previous=previous, warn=warn, warn_previous=warn_before,
        period=period.label, days=period.days, matched=MATCHED,
    )  # fmt: skip
    if community is not None:
        cards = [c for c in cards if c.community == community]
    return DistrictScores(district, period, cards, unmatched, unmatched_loss, source)
