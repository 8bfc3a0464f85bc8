"""Benchmark 12, warnings (金钟罩 collisions): 1,000,000 registered residents and 10,000,000 stored contact
events in a SQLite store (`--quick`: a tenth; suite/warnings_data.py), then

- a new confirmed identifier matched against them (`WarnService.flag`: the index lookup of its events, the
  residents behind them, the tasks written and committed) — typical identifiers (about five events) and
  planted hot ones (1,000 events each); target ≤ 1 s;
- incoming events checked (`WarnService.record_event`: stored, its other side looked up in the
  intelligence store and the warning flags, the residents behind it found, the task written; one commit
  each, WAL checkpoints off the write path as the server runs them) — 10 % of them with a flagged
  identifier; and the check alone (flag lookup and resident lookup); target ≤ 2 ms p99;
- `fanzha warn match` (`fanzha.warn.batch.match_files`) throughput on JSONL files.

There is no peer: no open-source system does 金钟罩 collisions."""

from __future__ import annotations

import gc
import os
import shutil
import time
from datetime import UTC, datetime
from typing import Any

import numpy as np

from suite.common import Section, log, table
from suite.context import Context
from suite.warnings_data import (
    HOT,
    HOT_EVENTS,
    batch_files,
    hot_phone,
    other_phone,
    pools,
    resident_phone,
    store_file,
)

FLAG_TRIALS = 30
FLAGGED_EVENTS = 100  # identifiers flagged before the event checks


def _ms(values: list[float]) -> dict[str, float]:
    ms = np.array(values) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 3), "p99_ms": round(float(np.percentile(ms, 99)), 3),
            "max_ms": round(float(ms.max()), 3)}  # fmt: skip


def _service(path: Any) -> Any:
    from fanzha.intel.cache import TTLCache
    from fanzha.intel.repository import IntelStore
    from fanzha.store import make_engine
    from fanzha.warn import WarnService

    engine = make_engine(f"sqlite:///{path}")
    return WarnService(engine, intel=IntelStore(engine, cache=TTLCache()))


def _flags(service: Any, n_residents: int) -> dict[str, Any]:
    rng = np.random.default_rng(7)
    phones, _ = pools(n_residents)
    typical, hot, tasks = [], [], []
    chosen = rng.choice(phones, FLAG_TRIALS + 3, replace=False).tolist()
    for j in chosen[:3]:  # warm-up: connections, statements, SQLite's page cache (not counted)
        service.flag(kind="phone", value=str(other_phone(j)), level="confirmed", source="intel")
    for j in chosen[3:]:
        started = time.perf_counter()
        made = service.flag(kind="phone", value=str(other_phone(j)), level="confirmed", source="intel")
        typical.append(time.perf_counter() - started)
        tasks.append(len(made))
    hot_tasks = []
    for h in range(HOT):
        started = time.perf_counter()
        made = service.flag(kind="phone", value=hot_phone(h), level="confirmed", source="intel")
        hot.append(time.perf_counter() - started)
        hot_tasks.append(len(made))
    return {"typical": _ms(typical), "typical_tasks": float(np.mean(tasks)), "hot": _ms(hot),
            "hot_tasks": float(np.mean(hot_tasks)), "hot_events": HOT_EVENTS}  # fmt: skip


def _events(service: Any, n_residents: int, n: int) -> dict[str, Any]:
    from sqlalchemy.orm import Session

    from fanzha.warn import EventIn
    from fanzha.warn.matches import residents_behind

    rng = np.random.default_rng(11)
    phones, _ = pools(n_residents)
    flagged = [str(other_phone(j)) for j in rng.choice(phones, FLAGGED_EVENTS, replace=False).tolist()]
    for value in flagged:
        service.flag(kind="phone", value=value, level="suspicious", source="import")
    at = datetime(2026, 11, 6, 2, tzinfo=UTC)
    events = []
    for k in range(n):
        other = flagged[k % FLAGGED_EVENTS] if k % 10 == 0 else str(other_phone(int(rng.integers(0, phones))))
        resident = str(resident_phone(int(rng.integers(0, n_residents))))
        events.append(EventIn(kind="call", resident=resident, other_kind="phone", other=other, at=at))
    for event in events[:50]:  # warm-up: connections, statements
        service.record_event(event)
    stored, plain, raising, checked, hits = [], [], [], [], 0
    for event in events:
        started = time.perf_counter()
        result = service.record_event(event)
        took = time.perf_counter() - started
        stored.append(took)
        (raising if result.tasks else plain).append(took)
        hits += bool(result.tasks)
    cold = [str(other_phone(int(rng.integers(0, phones)))) for _ in range(n)]
    with Session(service.engine) as session:
        for event, value in zip(events, cold, strict=True):
            started = time.perf_counter()
            flag = service.flags.flag_of("phone", value)
            if flag is not None or event.other in flagged:
                residents_behind(session, [("phone", event.resident)])
            checked.append(time.perf_counter() - started)
    return {"n": n, "with_task": hits, "record": _ms(stored), "record_plain": _ms(plain),
            "record_task": _ms(raising), "check_only": _ms(checked)}  # fmt: skip


def _match(n_residents: int, n_events: int) -> dict[str, Any]:
    from fanzha.warn.batch import match_files

    files = batch_files(n_residents, n_events, n_flagged=max(100, n_residents // 100))
    started = time.perf_counter()
    with open(os.devnull, "wb") as out:
        written, bad = match_files(residents=files[0], events=files[1], flagged=files[2], out=out, report=log)
    seconds = time.perf_counter() - started
    return {"residents": n_residents, "events": n_events, "tasks": written, "bad": bad, "seconds": round(seconds, 2),
            "events_per_s": round(n_events / seconds)}  # fmt: skip


def bench_warnings(ctx: Context) -> Section:
    scale = 10 if ctx.cfg.quick else 1
    n_residents, n_events = 1_000_000 // scale, 10_000_000 // scale
    log(f"warnings: {n_residents:,} residents, {n_events:,} events")
    path = store_file(n_residents, n_events)
    work = path.with_name(path.stem + "-run.sqlite3")  # the timed runs write tasks: on a copy
    shutil.copyfile(path, work)
    service = _service(work)
    from fanzha.store.checkpoints import WalCheckpointer

    checkpointer = WalCheckpointer(service.engine)  # as the server runs: checkpoints off the write path
    checkpointer.start()
    gc.collect()
    gc.freeze()  # as the app does at start (fanzha.api.app): a full collection no longer walks the set-up
    log("  flags (collision a)")
    flags = _flags(service, n_residents)
    log("  incoming events (collision b)")
    events = _events(service, n_residents, 500 if ctx.cfg.quick else 2_000)
    checkpointer.stop()
    service.engine.dispose()
    work.unlink()
    log("  batch match")
    batch = _match(n_residents // 10, n_events // 10)
    figures = {
        "residents": n_residents,
        "events": n_events,
        "flags": flags,
        "incoming": events,
        "match": batch,
    }
    markdown = [
        f"{n_residents:,} registered residents, {n_events:,} stored contact events, SQLite (WAL) on this machine.",
        "",
        *table(
            ["measure", "p50", "p99", "max", "target"],
            [
                [
                    f"new confirmed identifier → tasks (typical, {flags['typical_tasks']:.1f} tasks)",
                    f"{flags['typical']['p50_ms']} ms",
                    f"{flags['typical']['p99_ms']} ms",
                    f"{flags['typical']['max_ms']} ms",
                    "≤ 1 s",
                ],
                [
                    f"new confirmed identifier → tasks (hot: {HOT_EVENTS:,} events, {flags['hot_tasks']:.0f} tasks)",
                    f"{flags['hot']['p50_ms']} ms",
                    f"{flags['hot']['p99_ms']} ms",
                    f"{flags['hot']['max_ms']} ms",
                    "≤ 1 s",
                ],
                [
                    f"incoming event stored and checked ({events['with_task']} of {events['n']} raise a task)",
                    f"{events['record']['p50_ms']} ms",
                    f"{events['record']['p99_ms']} ms",
                    f"{events['record']['max_ms']} ms",
                    "≤ 2 ms p99",
                ],
                [
                    "… of them, events with no flagged identifier",
                    f"{events['record_plain']['p50_ms']} ms",
                    f"{events['record_plain']['p99_ms']} ms",
                    f"{events['record_plain']['max_ms']} ms",
                    "",
                ],
                [
                    "… of them, events that write a task",
                    f"{events['record_task']['p50_ms']} ms",
                    f"{events['record_task']['p99_ms']} ms",
                    f"{events['record_task']['max_ms']} ms",
                    "",
                ],
                [
                    "incoming event check only (flag lookup + residents)",
                    f"{events['check_only']['p50_ms']} ms",
                    f"{events['check_only']['p99_ms']} ms",
                    f"{events['check_only']['max_ms']} ms",
                    "",
                ],
            ],
        ),
        "",
        f"`fanzha warn match`: {batch['events']:,} events, {batch['residents']:,} residents → {batch['tasks']:,} tasks "
        f"in {batch['seconds']} s ({batch['events_per_s']:,} events/s, one process).",
    ]
    summary = [
        f"warnings: flag→tasks p99 {flags['typical']['p99_ms']} ms (hot {flags['hot']['p99_ms']} ms); "
        f"event p99 {events['record']['p99_ms']} ms; match {batch['events_per_s']:,} events/s"
    ]
    return Section("warnings", "12. Warnings (金钟罩 collisions)", markdown, summary, figures)
