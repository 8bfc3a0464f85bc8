"""The HTTP half of benchmark 9: `fanzha serve` on a copy of the screening store, a `bank` API key, and
`wrk` posting single transfers and batches to `POST /v1/screen`, each transfer with a unique id (a Lua
script), with 1 and 2 workers. Decisions and history are written to the store (group commit)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from suite.common import OUT, log, table
from suite.context import Context
from suite.http import THREADS, _free_port, wrk
from suite.screening_data import BATCH_LUA, SINGLE_LUA, lua_templates

TEMPLATES = 2_000
# (name, transfers per request, connections). Little's law: latency ≈ transfers in flight (batch ×
# connections) / throughput, so the second shape keeps about 100 transfers in flight.
RUNS = (("single", 1, 16), ("batch10", 10, 4), ("batch50", 50, 2), ("batch100", 100, 16))


def _as_of_now(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The transfers moved in time so that the last one is now: the server prunes history older than a
    week by the wall clock, and a simulated month in the past would be pruned wholesale mid-run."""
    times = [datetime.fromisoformat(r["time"]) for r in rows if r.get("time")]
    if not times:
        return rows
    shift = datetime.now(UTC) - max(times)
    return [{**r, "time": (datetime.fromisoformat(r["time"]) + shift).isoformat()} if r.get("time") else r
            for r in rows]  # fmt: skip


def _copy(store: Path) -> Path:
    target = OUT / "screening-http.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(store, target)
    return target


def _serve(store: Path, workers: int, seconds: int, scripts: dict[str, tuple[Path, int]]) -> dict[str, Any]:
    port = _free_port()
    env = {**os.environ, "FANZHA_DATABASE_URL": f"sqlite:///{store}"}
    env.pop("FANZHA_REDIS_URL", None)
    command = [sys.executable, "-m", "fanzha.cli", "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    out = {}
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        for name, (script, connections) in scripts.items():
            log(f"  {workers} worker(s): wrk -c{connections} POST /v1/screen ({name}) ...")
            wrk(
                base + "/v1/screen", 2, script, connections=connections
            )  # warm-up: caches, flagged set, detector
            out[name] = wrk(base + "/v1/screen", seconds, script, connections=connections)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return out


def bench_screening_http(ctx: Context, store: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    if shutil.which("wrk") is None:
        return {"markdown": ["HTTP: skipped (`wrk` is not installed)."], "summary": [], "figures": {}}
    from fanzha.intel.keys import create_key
    from fanzha.store import make_engine

    seconds = 5 if ctx.cfg.quick else 15
    templates = lua_templates(_as_of_now(rows[:TEMPLATES]))
    runs: dict[int, dict[str, Any]] = {}
    for workers in (1, 2):
        copy = _copy(store)
        key = create_key(make_engine(f"sqlite:///{copy}"), role="bank", label="基准测试银行")
        scripts: dict[str, tuple[Path, int]] = {}
        for name, size, connections in RUNS:
            path = OUT / f"screen_{name}.lua"
            lua = SINGLE_LUA % (templates, key) if size == 1 else BATCH_LUA % (templates, size, key)
            path.write_text(lua, encoding="utf-8")
            scripts[name] = (path, connections)
        runs[workers] = _serve(copy, workers, seconds, scripts)
    rows_md = []
    for workers, run in runs.items():
        for name, size, connections in RUNS:
            r = run[name]
            what = "1 transfer per request" if size == 1 else f"batches of {size}"
            rows_md.append(
                [f"{what}, {connections} connections, {workers} worker{'s' if workers > 1 else ''}",
                 f"{r['rps']:,.0f}", f"**{r['rps'] * size:,.0f}**", r["p50_ms"], r["p99_ms"], int(r["non2xx"])]
            )  # fmt: skip
    md = [
        f"Over HTTP: `fanzha serve` on a copy of the same store, `wrk -t{THREADS} -c<connections> -d{seconds}s "
        "--latency` on loopback posting to `POST /v1/screen` with a `bank` key; every transfer has a unique id "
        f"(drawn from the first {TEMPLATES:,} simulated transfers), so every one is screened, its decision "
        "with all rule executions and its history stored in SQLite (group commit: the requests waiting while a "
        "batch is screened form the next batch, one transaction). After a 2-second warm-up. Load generator "
        "and server share the machine's 2 cores. Latency follows Little's law: transfers in flight "
        "(batch × connections) divided by throughput.",
        "",
        *table(["requests", "requests/s", "decisions/s", "p50 (ms)", "p99 (ms)", "non-2xx"], rows_md),
    ]
    summary = [
        "HTTP "
        + "; ".join(
            f"{name} ({size}×{conn}): "
            + ", ".join(
                f"{runs[w][name]['rps'] * size:,.0f}/s p99 {runs[w][name]['p99_ms']:.0f} ms ({w}w)"
                for w in runs
            )
            for name, size, conn in RUNS
        )
    ]
    figures = {"runs": {str(w): v for w, v in runs.items()}, "shapes": RUNS}
    return {"markdown": md, "summary": summary, "figures": figures}
