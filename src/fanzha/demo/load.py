"""Load synthetic cases through the case desk's bulk import (`CaseStore.add_many`: batched inserts,
one audit entry per batch, groups rebuilt at the end).

`load_demo` generates and loads a demo data set, refusing to load the same seed twice.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, func, select

from fanzha.cases.model import CaseIn
from fanzha.cases.repository import CaseStore
from fanzha.demo.cases import generate_cases
from fanzha.demo.draws import LOCAL_TZ
from fanzha.store.case_tables import CaseRow
from fanzha.timezones import to_utc

BATCH = 2_000
DEFAULT_DAYS = 91  # thirteen weeks: a quarter of history and a "this week" to compare with it


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

    return store.add_many(cases, actor="演示数据生成器", batch=batch, status=status)


def default_start(days: int, *, today: date | None = None) -> date:
    """The first day of a `days`-day window that ends with the last complete week (Monday–Sunday)
    before `today`, so that the weekly bulletin for that week shows the demo's trend."""
    today = today or datetime.now(LOCAL_TZ).date()
    last_sunday = today - timedelta(days=today.weekday() + 1)
    return last_sunday - timedelta(days=days - 1)


def demo_count(engine: Engine, *, seed: int) -> int:
    """How many demo cases of this seed the store holds."""
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).where(CaseRow.ref.like(f"DEMO-{seed}-%"))) or 0)


def load_demo(
    engine: Engine, n: int, *, seed: int = 0, start: date | None = None, days: int = DEFAULT_DAYS
) -> int:
    """Generate `n` synthetic cases (see `fanzha.demo.cases`) and insert them; returns how many.

    Refuses (DemoError) when the store already holds demo cases of this seed: their case numbers
    (`DEMO-<seed>-000001` …) would collide. The schema must be current (`fanzha.store.upgrade`).
    """
    if n < 1:
        raise DemoError("案件数至少为1")
    existing = demo_count(engine, seed=seed)
    if existing:
        raise DemoError(f"数据库中已有种子 {seed} 的演示案件 {existing} 起；如需更多，请换一个种子（--seed）")
    cases = generate_cases(n, seed=seed, start=start or default_start(days), days=days)
    return insert_cases(engine, cases)
