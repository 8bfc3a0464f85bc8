"""Demo entries of the public case library (典型案例库): the library publishes only the typical cases an
officer chose for an issued bulletin (`fanzha.outreach.casebook`), so the demo issues the bulletins of two
earlier weeks with their drafts' typical cases, issued by 演示数据 — the last complete week stays a draft
for a newcomer to review and issue. A week already issued, or without demo cases, is left alone."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine, func, select

from fanzha.demo.communities import ACTOR
from fanzha.reports.issue import issue, issued
from fanzha.reports.periods import local_date, period_of
from fanzha.store.case_tables import CaseRow

WEEKS_BACK = (2, 3)


def publish_demo_bulletins(engine: Engine, *, now: datetime | None = None) -> list[str]:
    """Issue the demo weeks' bulletins; the periods issued."""
    this_week = period_of(local_date(now or datetime.now(UTC)), "week")
    done = []
    for back in WEEKS_BACK:
        period = this_week.shift(-back)
        if issued(engine, period) is not None:
            continue
        start, end = period.utc_range()
        with engine.connect() as conn:
            demo_cases = conn.scalar(
                select(func.count()).where(
                    CaseRow.synthetic.is_(True), CaseRow.received_at >= start, CaseRow.received_at < end
                )
            )
        if not demo_cases:
            continue
        issue(engine, period, officer=ACTOR, now=now)
        done.append(period.label)
    return done
