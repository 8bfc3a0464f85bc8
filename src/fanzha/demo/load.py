"""Load synthetic cases through the case desk's bulk import (`CaseStore.add_many`: batched inserts,
one audit entry per batch, groups rebuilt at the end).

The demo is alive: `load_demo` generates a window of `days` days that ends *now* (Beijing time), so
today's and this week's figures and the trend line to today have cases in them; the day in progress
has the cases its hours so far carry (at least `draws.TODAY_FLOOR` of a day's, so a start in the small
hours still shows a few). `top_up` adds the cases of the time since the newest demo case of a seed
(a restart on a later day: at the same rate, numbered after the last, from a stream of their own), so
today is never empty and nothing is loaded twice.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, func, select

from fanzha.cases.model import CaseIn
from fanzha.cases.repository import CaseStore
from fanzha.demo.cases import generate_cases
from fanzha.demo.draws import LOCAL_TZ, window_days
from fanzha.store.case_tables import CaseRow
from fanzha.timezones import from_db, to_utc

BATCH = 2_000
DEFAULT_DAYS = 91  # thirteen weeks: a quarter of history and a "this week" to compare with it
TOP_UP_GAP = timedelta(hours=1)  # a restart sooner than this after the newest demo case adds nothing
ACTOR = "演示数据生成器"


class DemoError(ValueError):
    """The demo data cannot be loaded as asked; the message is for the user (Chinese)."""


def _status(received: datetime, now: datetime, rng: random.Random) -> str:
    """Older cases have moved further through the life cycle."""
    age_days = (now - received).days
    if age_days < 3:
        return "received"
    if age_days < 14:
        return rng.choice(("received", "verified", "verified", "investigating"))
    return rng.choices(("verified", "investigating", "closed_solved", "closed_unsolved"), (1, 3, 2, 2))[0]


def insert_cases(engine: Engine, cases: Iterable[CaseIn], *, batch: int = BATCH) -> int:
    """Store `cases` through the case desk's bulk import (older cases further along their life cycle)
    and link them; returns how many."""
    now = datetime.now(UTC)
    rng = random.Random(0)
    store = CaseStore(engine)

    def status(case: CaseIn) -> str:
        if not case.ref:
            raise DemoError("批量导入的每起案件都需要案件编号（ref）")
        return _status(to_utc(case.received_at), now, rng)

    return store.add_many(cases, actor=ACTOR, batch=batch, status=status)


def window_start(days: int, *, now: datetime | None = None) -> date:
    """The first day (Beijing) of a `days`-day window whose last day is today."""
    today = (now or datetime.now(UTC)).astimezone(LOCAL_TZ).date()
    return today - timedelta(days=days - 1)


def demo_count(engine: Engine, *, seed: int) -> int:
    """How many demo cases of this seed the store holds."""
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).where(CaseRow.ref.like(f"DEMO-{seed}-%"))) or 0)


def load_demo(
    engine: Engine,
    n: int,
    *,
    seed: int = 0,
    start: date | None = None,
    days: int = DEFAULT_DAYS,
    now: datetime | None = None,
) -> int:
    """Generate `n` synthetic cases (see `fanzha.demo.cases`) and insert them; returns how many.

    Without `start`, the window is the `days` days up to `now` (default: the current time); with it,
    `days` whole days from `start`. Refuses (DemoError) when the store already holds demo cases of this
    seed: their case numbers (`DEMO-<seed>-000001` …) would collide (`top_up` adds to them). The schema
    must be current (`fanzha.store.upgrade`).
    """
    if n < 1:
        raise DemoError("案件数至少为1")
    existing = demo_count(engine, seed=seed)
    if existing:
        raise DemoError(f"数据库中已有种子 {seed} 的演示案件 {existing} 起；如需更多，请换一个种子（--seed）")
    if start is not None:
        cases = generate_cases(n, seed=seed, start=start, days=days)
    else:
        until = (now or datetime.now(UTC)).astimezone(LOCAL_TZ).replace(microsecond=0)
        cases = generate_cases(n, seed=seed, start=window_start(days, now=until), days=days, until=until)
    return insert_cases(engine, cases)


def top_up(
    engine: Engine, *, seed: int = 0, now: datetime | None = None, since: datetime | None = None
) -> int:
    """Cases for the time since the last load (`since`, else the seed's newest demo case) at the rate of
    the demo so far; returns how many (0 when the store has no demo of this seed, or the time since is
    shorter than `TOP_UP_GAP`)."""
    pattern = f"DEMO-{seed}-%"
    with engine.connect() as conn:
        count, first, last, last_ref = conn.execute(
            select(
                func.count(),
                func.min(CaseRow.received_at),
                func.max(CaseRow.received_at),
                func.max(CaseRow.ref),
            ).where(CaseRow.ref.like(pattern))
        ).one()
    if not count:
        return 0
    until = (now or datetime.now(UTC)).astimezone(LOCAL_TZ).replace(microsecond=0)
    begin = from_db(last).astimezone(LOCAL_TZ) + timedelta(seconds=1)
    if since is not None:
        begin = max(begin, since.astimezone(LOCAL_TZ))
    if until - begin < TOP_UP_GAP:
        return 0
    per_day = count / max(1.0, (begin - from_db(first)).total_seconds() / 86_400)
    start = begin.date()
    days = (until.date() - start).days + 1
    n = max(1, round(per_day * window_days(start, days, begin=begin, until=until)))
    try:
        numbered = int(str(last_ref).rsplit("-", 1)[1])
    except (IndexError, ValueError):
        numbered = count
    cases = generate_cases(
        n, seed=seed, start=start, days=days, begin=begin, until=until, first_index=numbered,
        salt=begin.isoformat(),
    )  # fmt: skip
    return insert_cases(engine, cases)
