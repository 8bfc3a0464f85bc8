"""The HTTP half of benchmark 9: `fanzha serve` on a copy of the screening store, a `bank` API key, and
`wrk` posting single transfers and batches of BATCH to `POST /v1/screen`, each with a unique id (a Lua
script), with 1 and 2 workers. Decisions and history are written to the store (group commit)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from suite.common import OUT, log, table
from suite.context import Context
from suite.http import CONNECTIONS, THREADS, _free_port, _wrk
from suite.screening_data import BATCH_LUA, SINGLE_LUA, lua_templates

BATCH = 100
TEMPLATES = 2_000


def _copy(store: Path) -> Path:
    target = OUT / "screening-http.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(store, target)
    return target


def _serve(store: Path, workers: int, seconds: int, scripts: dict[str, Path]) -> dict[str, dict[str, float]]:
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
        for name, script in scripts.items():
            log(f"  {workers} worker(s): wrk POST /v1/screen ({name}) ...")
            _wrk(base + "/v1/screen", 2, script)  # warm-up: caches, the flagged set, the detector
            out[name] = _wrk(base + "/v1/screen", seconds, script)
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
    templates = lua_templates(rows[:TEMPLATES])
    runs: dict[int, dict[str, dict[str, float]]] = {}
    for workers in (1, 2):
        copy = _copy(store)
        key = create_key(make_engine(f"sqlite:///{copy}"), role="bank", label="基准测试银行")
        scripts = {"single": OUT / "screen_single.lua", "batch": OUT / "screen_batch.lua"}
        scripts["single"].write_text(SINGLE_LUA % (templates, key), encoding="utf-8")
        scripts["batch"].write_text(BATCH_LUA % (templates, BATCH, key), encoding="utf-8")
        runs[workers] = _serve(copy, workers, seconds, scripts)
    rows_md = []
    for workers, run in runs.items():
        for name, size in (("single", 1), ("batch", BATCH)):
            r = run[name]
            what = "1 transfer per request" if size == 1 else f"batches of {BATCH}"
            rows_md.append(
                [f"{what}, {workers} worker{'s' if workers > 1 else ''}", f"{r['rps']:,.0f}",
                 f"**{r['rps'] * size:,.0f}**", r["p50_ms"], r["p99_ms"], int(r["non2xx"])]
            )  # fmt: skip
    md = [
        f"Over HTTP: `fanzha serve` on a copy of the same store, `wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s "
        "--latency` on loopback posting to `POST /v1/screen` with a `bank` key; every transfer has a unique id "
        f"(drawn from the first {TEMPLATES:,} simulated transfers), so every one is screened, its decision "
        "with all rule executions and its history stored in SQLite (group commit: the requests waiting while a "
        "batch is screened form the next batch, one transaction). After a 2-second warm-up. Load generator "
        "and server share the machine's 2 cores.",
        "",
        *table(["requests", "requests/s", "decisions/s", "p50 (ms)", "p99 (ms)", "non-2xx"], rows_md),
    ]
    best = max(
        ((w, n) for w in runs for n in runs[w]),
        key=lambda k: runs[k[0]][k[1]]["rps"] * (BATCH if k[1] == "batch" else 1),
    )
    b = runs[best[0]][best[1]]
    summary = [
        "HTTP: single transfers "
        + ", ".join(
            f"{runs[w]['single']['rps']:,.0f}/s p99 {runs[w]['single']['p99_ms']:.0f} ms ({w}w)" for w in runs
        )
        + f"; batches of {BATCH}: "
        + ", ".join(
            f"{runs[w]['batch']['rps'] * BATCH:,.0f} decisions/s p99 {runs[w]['batch']['p99_ms']:.0f} ms ({w}w)"
            for w in runs
        )
    ]
    figures = {"runs": {str(w): v for w, v in runs.items()}, "batch": BATCH, "best": [*best, b]}
    return {"markdown": md, "summary": summary, "figures": figures}
