"""Benchmark 7, over HTTP: `fanzha serve` on the 10-million-identifier store of benchmark 6, under `wrk`
(Debian's package) with 16 connections on loopback — `GET /v1/lookup` of hot identifiers and
`POST /v1/assess` — with one and with two worker processes; next to `redis-benchmark` GETs of the same
hot set with 16 clients on the machine's Redis (the peer), in the same run. Also the server's memory
with that store open. Load generator and server share the machine's 2 cores."""

from __future__ import annotations

import os
import random
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from suite.common import OUT, SEED, Section, log, table
from suite.context import Context
from suite.lookups import identifiers_in_store, populate_store

CONNECTIONS = 16
THREADS = 2
HOT = 2_000

ASSESS_LUA = """wrk.method = "POST"
wrk.body = '{"text": "您涉嫌洗钱，请将资金转入安全账户，联系17012345678"}'
wrk.headers["Content-Type"] = "application/json"
"""

LOOKUP_LUA = """local values = {%s}
math.randomseed(%d)
request = function()
  return wrk.format("GET", "/v1/lookup?kind=phone&value=" .. values[math.random(#values)])
end
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


WARM_UP_S = 3


def wrk(url: str, seconds: int, script: Path, *, connections: int = CONNECTIONS) -> dict[str, float]:
    """Requests/s, p50 and p99 (ms) and non-2xx responses of `wrk --latency` with the Lua `script`."""
    cmd = [
        "wrk",
        "-t",
        str(min(THREADS, connections)),
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--latency",
        "-s",
        str(script),
    ]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]

    def pct(p: str) -> float:
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        if m is None:
            return float("nan")
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {
        "rps": rate,
        "p50_ms": pct("50"),
        "p99_ms": pct("99"),
        "non2xx": float(non2xx.group(1)) if non2xx else 0.0,
    }


def _tree_memory(pid: int) -> list[tuple[int, int]]:
    """(VmRSS, VmHWM) in kB of the server and every process under it."""
    pids, out = [pid], []
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if "VmRSS" in fields:
            out.append((int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])))
        pids += [int(c) for c in children]
    return out


def _serve(store: Path, workers: int, seconds: int, lookup_lua: Path, assess_lua: Path) -> dict[str, object]:
    port = _free_port()
    env = {**os.environ, "FANZHA_DATABASE_URL": f"sqlite:///{store}"}
    command = [sys.executable, "-m", "fanzha.cli", "serve", "--port", str(port), "--workers", str(workers),
               "--rate-limit", "100000000"]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        idle = _tree_memory(server.pid)
        log(f"  {workers} worker(s): wrk GET /v1/lookup ...")
        wrk(base + "/v1/lookup", WARM_UP_S, lookup_lua)  # first reads of the hot set from disk, not counted
        lookup = wrk(base + "/v1/lookup", seconds, lookup_lua)
        log(f"  {workers} worker(s): wrk POST /v1/assess ...")
        assess = wrk(base + "/v1/assess", seconds, assess_lua)
        busy = _tree_memory(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"lookup": lookup, "assess": assess, "idle": idle, "busy": busy}


def _redis_benchmark(values: list[str]) -> float:
    """GETs of the hot set in Redis: key `fzhttp:<index>` holds the JSON answer for hot value <index>
    (redis-benchmark draws `__rand_int__` keys, zero-padded to 12 digits)."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379)
    pipe = client.pipeline(transaction=False)
    for i, value in enumerate(values):
        pipe.set(
            f"fzhttp:{i:012d}", f'{{"kind":"phone","value":"{value}","level":"unknown","report_count":0}}'
        )
    pipe.execute()
    try:
        out = subprocess.run(
            ["redis-benchmark", "-c", str(CONNECTIONS), "-n", "200000", "-r", str(len(values)), "-q",
             "GET", "fzhttp:__rand_int__"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        client.delete(*[f"fzhttp:{i:012d}" for i in range(len(values))])
    return float(re.search(r"([\d.]+) requests per second", out).group(1))  # type: ignore[union-attr]


def _mb(kb: int) -> str:
    return f"{kb / 1024:,.0f}"


def bench_http(ctx: Context) -> Section:
    if shutil.which("wrk") is None or shutil.which("redis-benchmark") is None:
        return Section(
            "http",
            "7. Over HTTP",
            ["Skipped: `wrk` or `redis-benchmark` is not installed."],
            ["skipped"],
            {},
            skipped=True,
        )
    seconds = 5 if ctx.cfg.quick else 15
    n = identifiers_in_store(ctx)
    store = populate_store(n)
    rng = random.Random(SEED + 7)
    hot = [f"1{7_000_000_000 + rng.randrange(n):010d}" for _ in range(HOT)]
    lookup_lua, assess_lua = OUT / "lookup.lua", OUT / "assess.lua"
    lookup_lua.write_text(LOOKUP_LUA % (",".join(f'"{v}"' for v in hot), SEED), encoding="utf-8")
    assess_lua.write_text(ASSESS_LUA, encoding="utf-8")
    runs = {workers: _serve(store, workers, seconds, lookup_lua, assess_lua) for workers in (1, 2)}
    log("  redis-benchmark GET ...")
    redis_rps = _redis_benchmark(hot)

    rows = []
    for workers, run in runs.items():
        for call, name in (("lookup", "`GET /v1/lookup`"), ("assess", "`POST /v1/assess`")):
            r = run[call]
            assert isinstance(r, dict)
            rows.append(
                (f"**fanzha** {name}, {workers} worker{'s' if workers > 1 else ''}", f"{r['rps']:,.0f}",
                 r["p50_ms"], r["p99_ms"], int(r["non2xx"]))
            )  # fmt: skip
    rows.append(("peer: Redis GET (`redis-benchmark`)", f"{redis_rps:,.0f}", "", "", ""))
    mem_rows = []
    for workers, run in runs.items():
        idle, busy = run["idle"], run["busy"]
        assert isinstance(idle, list) and isinstance(busy, list)
        mem_rows.append(
            (f"{workers} worker{'s' if workers > 1 else ''}", len(busy), _mb(sum(r for r, _ in idle)),
             _mb(sum(r for r, _ in busy)), _mb(max(h for _, h in busy)))
        )  # fmt: skip
    figures = {
        "identifiers": n,
        "hot": HOT,
        "runs": {str(k): v for k, v in runs.items()},
        "redis_get_rps": redis_rps,
        "connections": CONNECTIONS,
        "store_mb": round(store.stat().st_size / 1e6),
    }
    md = [
        f"`fanzha serve` on the SQLite store of benchmark 6 ({n:,} identifiers, {figures['store_mb']:,} MB) "
        f"under `wrk -t{THREADS} -c{CONNECTIONS} -d{seconds}s --latency` on loopback, after a {WARM_UP_S}-second warm-up run that is not counted (the first reads of the hot set come from disk). Lookups draw at random "
        f"from {HOT:,} hot phone numbers (a Lua script), so the service answers from its 5-second cache and "
        "goes to the database when an entry expires; `POST /v1/assess` sends one scam text with a number "
        "in it. The same runs with `--workers 2`. Peer: `redis-benchmark -c 16 -n 200000 -r "
        f"{HOT} GET fzhttp:__rand_int__` on the machine's Redis, each key holding the lookup answer of one "
        "hot number. The load generator runs on the same 2 cores as the server.",
        "",
        *table(["call", "requests/s", "p50 (ms)", "p99 (ms)", "non-2xx"], rows),
        "",
        "Memory of the server with the 10-million-identifier store open (VmRSS of every process of the "
        "server — the uvicorn supervisor and its workers — summed; peak is the largest single VmHWM). The "
        "store itself stays on disk; the per-worker caches hold the hot identifiers only.",
        "",
        *table(
            ["server", "processes", "RSS at start (MB)", "RSS after load (MB)", "peak of one process (MB)"],
            mem_rows,
        ),
    ]
    one, two = runs[1], runs[2]
    assert isinstance(one["lookup"], dict) and isinstance(two["lookup"], dict)
    assert isinstance(one["assess"], dict) and isinstance(two["assess"], dict)
    summary = [
        f"GET /v1/lookup {one['lookup']['rps']:,.0f} req/s with 1 worker, {two['lookup']['rps']:,.0f} with 2 "
        f"(p99 {two['lookup']['p99_ms']:.1f} ms); POST /v1/assess {one['assess']['rps']:,.0f} / "
        f"{two['assess']['rps']:,.0f} req/s (p50 {two['assess']['p50_ms']:.1f} ms, p99 "
        f"{two['assess']['p99_ms']:.1f} ms with 2); Redis GET {redis_rps:,.0f} req/s; server RSS "
        f"{mem_rows[0][3]} MB (1 worker), {mem_rows[1][3]} MB (2 workers) with {n:,} identifiers"
    ]
    return Section("http", "7. Over HTTP", md, summary, figures)
