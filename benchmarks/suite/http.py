"""Benchmark 7, over HTTP: `fanzha serve` (one uvicorn worker) under `wrk` (Debian's package) with 16
connections on loopback — `POST /v1/assess` and `GET /v1/lookup` — next to `redis-benchmark` GETs
with 16 clients on the machine's Redis (the peer), in the same run. Load generator and server share
the machine's 2 cores."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from suite.common import OUT, Section, log, table
from suite.context import Context

CONNECTIONS = 16
THREADS = 2

ASSESS_LUA = """wrk.method = "POST"
wrk.body = '{"text": "您涉嫌洗钱，请将资金转入安全账户，联系17012345678"}'
wrk.headers["Content-Type"] = "application/json"
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wrk(url: str, seconds: int, script: str | None = None) -> dict[str, float]:
    cmd = ["wrk", "-t", str(THREADS), "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--latency"]
    if script:
        cmd += ["-s", script]
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


def _redis_benchmark() -> float:
    out = subprocess.run(
        ["redis-benchmark", "-t", "get", "-c", str(CONNECTIONS), "-n", "200000", "-q"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return float(re.search(r"GET:\s+([\d.]+) requests per second", out).group(1))  # type: ignore[union-attr]


def bench_http(ctx: Context) -> Section:
    if shutil.which("wrk") is None or shutil.which("redis-benchmark") is None:
        return Section(
            "http", "7. Over HTTP", ["Skipped: `wrk` or `redis-benchmark` is not installed."], ["skipped"], {}
        )
    seconds = 5 if ctx.cfg.quick else 15
    port = _free_port()
    data_dir = OUT / "http-data"
    env = {**os.environ, "FANZHA_DATABASE_URL": ""}
    command = [sys.executable, "-m", "fanzha.cli", "serve", "--port", str(port), "--data-dir", str(data_dir),
               "--rate-limit", "100000000"]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        script = OUT / "assess.lua"
        script.write_text(ASSESS_LUA, encoding="utf-8")
        log("  wrk POST /v1/assess ...")
        assess = _wrk(base + "/v1/assess", seconds, str(script))
        log("  wrk GET /v1/lookup ...")
        lookup = _wrk(base + "/v1/lookup?kind=phone&value=17012345678", seconds)
    finally:
        server.terminate()
        server.wait(timeout=10)
    log("  redis-benchmark GET ...")
    redis_rps = _redis_benchmark()
    figures = {"assess": assess, "lookup": lookup, "redis_get_rps": redis_rps, "connections": CONNECTIONS}
    md = [
        f"`fanzha serve` (one uvicorn worker, SQLite, hot cache on) under `wrk -t{THREADS} -c{CONNECTIONS} "
        f"-d{seconds}s --latency` on loopback; peer `redis-benchmark -t get -c {CONNECTIONS} -n 200000` on "
        "the machine's Redis. The load generator runs on the same 2 cores as the server.",
        "",
        *table(
            ["call", "requests/s", "p50 (ms)", "p99 (ms)", "non-2xx"],
            [
                (
                    "**fanzha** `POST /v1/assess`",
                    f"{assess['rps']:,.0f}",
                    assess["p50_ms"],
                    assess["p99_ms"],
                    int(assess["non2xx"]),
                ),
                (
                    "**fanzha** `GET /v1/lookup`",
                    f"{lookup['rps']:,.0f}",
                    lookup["p50_ms"],
                    lookup["p99_ms"],
                    int(lookup["non2xx"]),
                ),
                ("peer: Redis GET", f"{redis_rps:,.0f}", "", "", ""),
            ],
        ),
    ]
    summary = [
        f"POST /v1/assess {assess['rps']:,.0f} req/s (p50 {assess['p50_ms']:.1f} ms, p99 {assess['p99_ms']:.1f} ms); "
        f"GET /v1/lookup {lookup['rps']:,.0f} req/s (p99 {lookup['p99_ms']:.1f} ms); Redis GET {redis_rps:,.0f} req/s"
    ]
    return Section("http", "7. Over HTTP", md, summary, figures)
