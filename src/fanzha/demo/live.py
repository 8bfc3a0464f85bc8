"""The whole demo as `fanzha serve --demo` loads it, alive on the day it runs.

`load_live_demo(engine)` loads, each part only once, and records the moment it loaded up to in the
audit log (action `demo.loaded`, subject `demo:<seed>`); a later start loads the time since then:
- cases (`fanzha.demo.load`): `CASES` over the `load.DEFAULT_DAYS` days up to now on the first start;
  on a later start the time since the last load is topped up at the same rate (`load.top_up`);
- stop-payment and freeze orders on the recent cases (`fanzha.demo.orders`);
- the demo bank's screened and held transfers, counter checks and alarms (`fanzha.demo.bank`);
- the 断卡 惩戒 list and the demo bank's opening checks (`fanzha.demo.cardban`, once);
- residents with warning tasks, prevention activities, returnees and the medical-insurance claims
  (their own loaders, which load nothing twice).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying, history
from fanzha.demo.bank import load_bank_demo
from fanzha.demo.cardban import load_cardban_demo
from fanzha.demo.load import ACTOR, demo_count, load_demo, top_up
from fanzha.demo.orders import load_orders_demo

CASES = 2_000


def load_live_demo(
    engine: Engine,
    *,
    seed: int = 0,
    now: datetime | None = None,
    cases: int = CASES,
    say: Callable[[str], object] = lambda _: None,
) -> dict[str, int]:
    """Load (or top up) every part of the demo (`cases` demo cases on a first load); `say` hears a line (Chinese) before each slow step.
    Returns how many cases, orders, transfers, held transfers, checks, alarms and listed accounts were
    added."""
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    since = last_loaded(engine, seed=seed)
    if since is not None and since >= now:
        since = now
    if demo_count(engine, seed=seed):
        added_cases = top_up(engine, seed=seed, now=now, since=since)
        if added_cases:
            say(f"补充自上次启动以来的演示案件 {added_cases} 起（合成数据，均标为【演示数据】）")
    else:
        say(f"正在导入{cases}起演示案件（合成数据，均标为【演示数据】）……")
        added_cases = load_demo(engine, cases, seed=seed, now=now)
    orders = load_orders_demo(engine, seed=seed, now=now)
    bank = load_bank_demo(engine, seed=seed, now=now, since=since)
    listed = load_cardban_demo(engine, seed=seed, now=now)
    from fanzha.demo.claims import load_claims_demo
    from fanzha.demo.outreach import load_outreach_demo
    from fanzha.demo.residents import load_residents_demo
    from fanzha.demo.returnees import load_returnees_demo

    for load in (load_outreach_demo, load_residents_demo, load_returnees_demo, load_claims_demo):
        load(engine, seed=seed)
    added = {"cases": added_cases, "orders": orders, **bank, "listed": listed}
    append_retrying(
        engine,
        lambda session: append(
            session, actor=ACTOR, action="demo.loaded", subject=f"demo:{seed}",
            detail={"until": now.isoformat(), **added},
        ),
    )  # fmt: skip
    return added


def last_loaded(engine: Engine, *, seed: int = 0) -> datetime | None:
    """The moment the last `load_live_demo` of `seed` loaded up to (UTC), if any."""
    with Session(engine) as session:
        entries = history(session, f"demo:{seed}")
    for entry in reversed(entries):
        if entry.action == "demo.loaded" and isinstance(entry.detail.get("until"), str):
            return datetime.fromisoformat(entry.detail["until"]).astimezone(UTC)
    return None
