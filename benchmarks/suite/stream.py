"""Benchmark: streamed screening over NATS JetStream (`fanzha screen publish` → `fanzha screen-worker`):
20,000 simulated transfers (`--quick`: 5,000) published to a stream of the run's own, screened by two
worker processes sharing the durable consumer, each decision stored (SQLite in WAL mode) and published
to the decisions subject. Two runs on fresh stores:

- steady: both workers throughout;
- fault: one worker killed with SIGKILL once a third is decided (it holds a fetched batch, not acked)
  and restarted at once; its batch comes back after the consumer's ack wait.

Figures: end-to-end throughput (first publish to the last decision stored and acknowledged), the
publisher's own rate, and the counts that must be zero — transfers without a stored decision (lost),
transfers stored twice, transfers answered with two different decisions — and how many were answered
again after redelivery (from the store: idempotent by transfer id). The consumer is created with a 5 s
ack wait (production: 30 s, `fanzha.screen.stream.ACK_WAIT`) so the fault run does not sit idle for
half a minute; that wait is inside the fault run's time.

Needs the NATS server with JetStream at FANZHA_NATS_URL (default nats://127.0.0.1:4222). There is no
open-source peer for anti-fraud transfer screening over a message stream."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from suite.common import OUT, Section, log, table
from suite.context import Context
from suite.screening_data import simulated

ACK_WAIT = 5.0
BATCH = 100


def _url() -> str:
    from fanzha.screen.stream import DEFAULT_URL

    return os.environ.get("FANZHA_NATS_URL") or DEFAULT_URL


async def _nats(names: Any, action: str, payload: list[bytes] | None = None) -> Any:
    from fanzha.screen.stream import DURABLE, connect, ensure_stream, publish_transfers

    nc = await connect(_url(), reconnect=False)
    js = nc.jetstream()
    try:
        if action == "create":
            await ensure_stream(js, names, ack_wait=ACK_WAIT)
        elif action == "delete":
            await js.delete_stream(names.stream)
        elif action == "publish":
            return await publish_transfers(js, names, bank="基准银行", lines=payload or [])
        elif action == "state":
            info = await js.consumer_info(names.stream, DURABLE)
            return info.num_pending or 0, info.num_ack_pending or 0
        elif action == "decisions":
            return await _read_decisions(js, names)
        return None
    finally:
        await nc.close()


async def _read_decisions(js: Any, names: Any) -> list[tuple[str, str, int]]:
    """(id, outcome, delivery) of every record on the decisions subject."""
    import orjson
    from nats.js.api import AckPolicy, ConsumerConfig

    from fanzha.screen.stream import DELIVERY_HEADER

    info = await js.stream_info(names.stream, subjects_filter=names.decisions)
    wanted = (info.state.subjects or {}).get(names.decisions, 0)
    sub = await js.pull_subscribe(
        names.decisions, stream=names.stream, config=ConsumerConfig(ack_policy=AckPolicy.NONE)
    )
    out: list[tuple[str, str, int]] = []
    while len(out) < wanted:
        for msg in await sub.fetch(1000, timeout=5):
            record = orjson.loads(msg.data)
            out.append(
                (
                    str(record.get("id")),
                    str(record.get("outcome", "error")),
                    int(msg.headers[DELIVERY_HEADER]),
                )
            )
    return out


def _stored(url: str) -> tuple[int, int]:
    """(rows, distinct transfer ids) of stored decisions."""
    from sqlalchemy import func, select

    from fanzha.store import make_engine
    from fanzha.store.screen_tables import ScreenDecisionRow

    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.scalar(select(func.count()).select_from(ScreenDecisionRow)) or 0
        distinct = conn.scalar(select(func.count(func.distinct(ScreenDecisionRow.transfer_id)))) or 0
    engine.dispose()
    return rows, distinct


def _worker(env: dict[str, str], err: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "fanzha.cli", "screen-worker", "--batch", str(BATCH)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err.open("ab"))


def _wait_started(err: Path, count: int, deadline: float) -> None:
    while err.read_text(encoding="utf-8").count("已启动") < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"screen workers did not start: {err.read_text(encoding='utf-8')[-2000:]}")
        time.sleep(0.05)


def _run(payload: list[bytes], *, kill: bool) -> dict[str, Any]:
    from fanzha.screen.stream import stream_names
    from fanzha.store import make_engine, upgrade

    n = len(payload)
    work = OUT / "stream"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    url = f"sqlite:///{work / 'fanzha.sqlite3'}"
    upgrade(make_engine(url))
    names = stream_names(f"BENCH{uuid.uuid4().hex[:10]}")
    asyncio.run(_nats(names, "create"))
    env = {**os.environ, "FANZHA_DATABASE_URL": url, "FANZHA_DATA_DIR": str(work), "FANZHA_NATS_URL": _url(),
           "FANZHA_NATS_STREAM": names.stream}  # fmt: skip
    err = work / "workers.log"
    procs = [_worker(env, err), _worker(env, err)]
    restarts = 0
    try:
        _wait_started(err, 2, time.monotonic() + 60)
        start = time.perf_counter()
        report = asyncio.run(_nats(names, "publish", payload))
        published_s = time.perf_counter() - start
        killed_at = None
        deadline = time.monotonic() + 600
        while True:
            rows, _ = _stored(url)
            if kill and killed_at is None and rows >= n // 3:
                procs[0].send_signal(signal.SIGKILL)  # busy: it holds a fetched batch, not acked
                procs[0].wait()
                killed_at = rows
                procs.append(_worker(env, err))
                restarts += 1
            if rows >= n and asyncio.run(_nats(names, "state")) == (0, 0):
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"streamed screening did not finish: {rows} of {n} decided")
            time.sleep(0.05)
        seconds = time.perf_counter() - start
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            proc.wait(timeout=60)
    rows, distinct = _stored(url)
    records = asyncio.run(_nats(names, "decisions"))
    asyncio.run(_nats(names, "delete"))
    outcomes: dict[str, set[str]] = {}
    for ident, outcome, _ in records:
        outcomes.setdefault(ident, set()).add(outcome)
    answered = Counter(ident for ident, _, _ in records)
    shutil.rmtree(work, ignore_errors=True)
    return {
        "n": n,
        "seconds": round(seconds, 2),
        "decisions_per_s": round(n / seconds),
        "publish_per_s": round(n / published_s),
        "published": report.published,
        "lost": n - distinct,
        "stored_twice": rows - distinct,
        "conflicting": sum(len(found) > 1 for found in outcomes.values()),
        "not_answered": n - len(answered),
        "redelivered_answers": sum(delivery > 1 for _, _, delivery in records),
        "killed_after": killed_at,
        "restarts": restarts,
        "outcomes": dict(Counter(next(iter(found)) for found in outcomes.values())),
    }


def bench_stream(ctx: Context) -> Section:
    import orjson

    n = 5_000 if ctx.cfg.quick else 20_000
    rows, source = simulated(n)
    payload = [orjson.dumps(row) for row in rows]
    log(f"stream: {n:,} transfers, 2 workers, steady run")
    steady = _run(payload, kill=False)
    log(f"stream: {n:,} transfers, 2 workers, one killed with SIGKILL and restarted")
    fault = _run(payload, kill=True)
    figures = {"source": source, "ack_wait_s": ACK_WAIT, "batch": BATCH, "steady": steady, "fault": fault}
    runs = [("2 workers", steady), ("2 workers, one SIGKILLed at a third and restarted", fault)]
    markdown = [
        f"{n:,} transfers from {source}, published with `fanzha screen publish`'s library call to a stream of "
        f"the run's own; two `fanzha screen-worker` processes (batches of ≤ {BATCH}) on one SQLite store (WAL), "
        f"NATS JetStream on loopback, consumer ack wait {ACK_WAIT:.0f} s. Throughput is end to end: from the "
        "first publish to the last decision stored, published and acknowledged.",
        "",
        *table(
            [
                "run",
                "decisions/s",
                "seconds",
                "publish/s",
                "lost",
                "stored twice",
                "conflicting",
                "unanswered",
                "answered again (redelivery)",
            ],
            [
                [
                    name,
                    f"{r['decisions_per_s']:,}",
                    r["seconds"],
                    f"{r['publish_per_s']:,}",
                    r["lost"],
                    r["stored_twice"],
                    r["conflicting"],
                    r["not_answered"],
                    r["redelivered_answers"],
                ]
                for name, r in runs
            ],
        ),
        "",
        "Lost, stored twice, conflicting (one transfer answered with two outcomes) and unanswered must be 0. "
        "A transfer redelivered after the kill is answered again from the store — the same decision, not "
        "decided twice. The fault run's time includes the worker's restart and the ack wait before its "
        f"batch came back. Outcomes: {fault['outcomes']}.",
    ]
    summary = [
        f"stream: {steady['decisions_per_s']:,} decisions/s steady, {fault['decisions_per_s']:,} with a worker "
        f"SIGKILLed; lost {fault['lost']}, stored twice {fault['stored_twice']}, conflicting {fault['conflicting']}, "
        f"re-answered {fault['redelivered_answers']}"
    ]
    return Section("stream", "Streamed screening (NATS JetStream)", markdown, summary, figures)
