"""`fanzha.demo.residents`: labelled residents in the six demo communities, tasks in every state, a desk case
for the deceived, and nothing loaded the second time."""

from __future__ import annotations

from sqlalchemy import Engine

from fanzha.cases.repository import CaseStore
from fanzha.demo.communities import PLACES
from fanzha.demo.residents import load_residents_demo
from fanzha.store import upgrade
from fanzha.warn import WarnService


def test_the_demo_fills_every_state_and_loads_once(engine: Engine) -> None:
    upgrade(engine)
    loaded = load_residents_demo(engine, seed=0)
    assert loaded == 300
    warn = WarnService(engine)
    residents, total = warn.residents.list(limit=1000)
    assert total == 300 and {r.community for r in residents} == {c[0] for c in PLACES}
    assert all("【演示数据】" in r.address and r.synthetic for r in residents)
    tasks, _ = warn.tasks.queue(state=None, limit=1000)
    assert {t.outcome for t in tasks} == {"", "prevented", "deceived", "unreachable", "false_alarm"}
    assert all(t.synthetic for t in tasks)
    deceived = next(t for t in tasks if t.outcome == "deceived")
    case = CaseStore(engine).get(deceived.case_id or 0)
    assert case is not None and case.synthetic
    assert load_residents_demo(engine, seed=0) == 0
    assert warn.residents.list(limit=1)[1] == 300


def test_the_demo_tasks_span_several_days_each_after_its_contacts(engine: Engine) -> None:
    from datetime import UTC, datetime, timedelta

    upgrade(engine)
    load_residents_demo(engine, seed=0)
    warn = WarnService(engine)
    tasks, _ = warn.tasks.queue(state=None, limit=1000)
    assert all(t.last_event_at is not None and t.last_event_at <= t.collided_at for t in tasks)
    now = datetime.now(UTC)
    counts = warn.tasks.counts(start=now - timedelta(days=7), end=now + timedelta(minutes=1))
    assert len([d for d in counts["days"] if d["created"]]) >= 4
    assert sum(d["created"] for d in counts["days"]) == len(tasks)
