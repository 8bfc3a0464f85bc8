"""`scaling`: `fanzha serve --workers N` (N = 1, 2, 4) on PostgreSQL + Redis under `wrk` on loopback —
`POST /v1/assess`, `GET /v1/lookup` of hot identifiers, `POST /v1/screen` with single transfers and
batches of 10 — with the CPU time of the load generator, the server, the database and Redis measured
over each run, and a check after every screening run that the decisions stored in PostgreSQL match the
transfers the server acknowledged. Load generator, server, database and Redis share the machine's cores."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from suite.common import OUT, SEED, Section, log, table
from suite.context import Context
from suite.http import _free_port
from suite.scaling_data import (
    ASSESS_LUA,
    DATABASE,
    LOOKUP_LUA,
    PG_URL,
    REDIS_URL,
    backend_pids,
    flush_redis,
    fresh_database,
    hot_phones,
    reachable,
    redis_pid,
    screen_lua,
    stored_decisions,
)

WORKERS = (1, 2, 4)
THREADS = 2
HOT = 2_000
TEMPLATES = 2_000
# (name, path, transfers per request or 0 for not a screening call, connections)
ENDPOINTS = (
    ("assess", "/v1/assess", 0, 16),
    ("lookup", "/v1/lookup", 0, 16),
    ("screen single", "/v1/screen", 1, 16),
    ("screen batch10", "/v1/screen", 10, 4),
)
TARGET = ("screen batch10", 2, 3_000.0, 35.0)  # endpoint, workers, decisions/s at least, p99 ms at most
DETAIL_HEADER = ["run", "requests/s", "decisions/s", "p50 (ms)", "p99 (ms)", "non-2xx", "socket errors",
                 "wrk CPU", "server CPU", "postgres CPU", "redis CPU", "machine CPU", "server CPU ms/item", "postgres CPU ms/item"]  # fmt: skip
TICK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 1


def _ticks(pid: int) -> int:
    """utime + stime of `pid` in clock ticks (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def _tree(pid: int) -> list[int]:
    pids, out = [pid], []
    while pids:
        current = pids.pop()
        out.append(current)
        try:
            pids += [int(c) for c in Path(f"/proc/{current}/task/{current}/children").read_text().split()]
        except OSError:
            continue
    return out


def _machine_busy() -> int:
    """Busy clock ticks of the whole machine (every core) so far, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return sum(values) - values[3] - values[4]  # less idle and iowait


class _Meter:
    """CPU seconds of the server tree, the database's backends, Redis and the whole machine over a run."""

    def __init__(self, server: int) -> None:
        self.server = server
        self.redis = redis_pid()

    def groups(self) -> dict[str, list[int]]:
        return {"server": _tree(self.server), "postgres": backend_pids(),
                "redis": [self.redis] if self.redis else []}  # fmt: skip

    def start(self) -> None:
        self.before = {name: {p: _ticks(p) for p in pids} for name, pids in self.groups().items()}
        self.busy = _machine_busy()

    def stop(self) -> dict[str, float]:
        out = {}
        for name, pids in self.groups().items():
            old = self.before.get(name, {})
            out[name] = sum(max(0, _ticks(p) - old.get(p, 0)) for p in pids) / TICK
        out["machine"] = (_machine_busy() - self.busy) / TICK
        return out


def _unit_ms(value: str, unit: str) -> float:
    return float(value) / 1000 if unit == "us" else float(value) * 1000 if unit == "s" else float(value)


def wrk(url: str, seconds: int, script: Path, connections: int) -> dict[str, Any]:
    """One `wrk --latency` run: requests/s, p50/p99 (ms), non-2xx, socket errors, the acknowledged count
    the screening scripts print, and wrk's own CPU seconds (its rusage, from wait4)."""
    cmd = ["wrk", "-t", str(min(THREADS, connections)), "-c", str(connections), "-d", f"{seconds}s",
           "--latency", "-s", str(script), url]  # fmt: skip
    with tempfile.TemporaryFile("w+") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read()
    if proc.returncode != 0:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {text[-500:]}")
    pct = {p: re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)\b", text) for p in ("50", "99")}
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    acked = re.search(r"ACKED (\d+) (\d+)", text)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),  # type: ignore[union-attr]
        "requests": int(re.search(r"(\d+) requests in", text).group(1)),  # type: ignore[union-attr]
        "p50_ms": _unit_ms(*pct["50"].groups()) if pct["50"] else float("nan"),
        "p99_ms": _unit_ms(*pct["99"].groups()) if pct["99"] else float("nan"),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(g) for g in sock.groups()) if sock else 0,
        "acked": int(acked.group(1)) if acked else None,
        "error_items": int(acked.group(2)) if acked else None,
        "wall_s": wall,
        "wrk_cpu_s": usage.ru_utime + usage.ru_stime,
    }


def _scripts(keys: dict[str, str], n: int, workers: int) -> dict[str, tuple[Path, Path]]:
    """(warm-up script, timed script) per endpoint; the screening ones tagged so no id repeats."""
    from suite.screening_data import lua_templates, simulated
    from suite.screening_http import _as_of_now

    templates = lua_templates(_as_of_now(simulated(TEMPLATES)[0][:TEMPLATES]))
    hot = ",".join(f'"{v}"' for v in hot_phones(n, HOT, SEED + 7))
    out = {}
    for index, (name, _, size, _) in enumerate(ENDPOINTS):
        paths = []
        for phase in ("w", "t"):
            path = OUT / f"scaling_{name.replace(' ', '_')}_{phase}.lua"
            if size:
                tag = f"{workers}{index}{0 if phase == 'w' else 1}"
                path.write_text(screen_lua(templates, tag, size, keys["bank"]), encoding="utf-8")
            elif name == "lookup":
                path.write_text(LOOKUP_LUA % (hot, SEED, keys["public"]), encoding="utf-8")
            else:
                path.write_text(ASSESS_LUA % keys["public"], encoding="utf-8")
            paths.append(path)
        out[name] = (paths[0], paths[1])
    return out


def _wait_healthy(base: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise RuntimeError(f"fanzha serve exited with {server.returncode}")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("fanzha serve did not come up")


def _settled() -> int:
    """The stored decisions once the count stops moving (the server finishes what was in flight)."""
    count = stored_decisions()
    for _ in range(50):
        time.sleep(0.3)
        again = stored_decisions()
        if again == count:
            break
        count = again
    return count


def _serve(workers: int, seconds: int, warm_up: int, keys: dict[str, str], n: int) -> dict[str, Any]:
    scripts = _scripts(keys, n, workers)
    flush_redis()
    port = _free_port()
    env = {**os.environ, "FANZHA_DATABASE_URL": PG_URL, "FANZHA_REDIS_URL": REDIS_URL}
    for name in ("FANZHA_SCREEN_RULES", "FANZHA_SCREEN_SHADOW_RULES"):
        env.pop(name, None)
    command = [sys.executable, "-m", "fanzha.cli", "serve", "--port", str(port), "--workers", str(workers),
               "--rate-limit", "100000000", "--public-rate-limit", "100000000"]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {}
    try:
        _wait_healthy(base, server)
        time.sleep(1.0 * workers)  # the other workers finish loading the detector
        meter = _Meter(server.pid)
        for name, path, size, connections in ENDPOINTS:
            log(f"  {workers} worker(s): wrk -c{connections} {path} ({name}) ...")
            warm, timed = scripts[name]
            wrk(base + path, warm_up, warm, connections)
            before = _settled() if size else 0  # the warm-up's last requests are stored
            meter.start()
            run = wrk(base + path, seconds, timed, connections)
            cpu = meter.stop()
            run["cpu_s"] = {**cpu, "wrk": run["wrk_cpu_s"]}
            if size:
                run["stored"] = _settled() - before  # with the requests in flight when wrk stopped
                run["in_flight_max"] = size * connections
                run["decisions_per_s"] = run["rps"] * size
            out[name] = run
    finally:
        server.terminate()
        server.wait(timeout=60)
    return out


def _share(run: dict[str, Any], who: str) -> float:
    """`who`'s CPU seconds over the run as a share of the machine's capacity (wall × cores)."""
    return float(run["cpu_s"][who]) / (float(run["wall_s"]) * CORES)


def _per_item(run: dict[str, Any], who: str, size: int) -> float:
    """`who`'s CPU milliseconds per answered request (per decision for screening): a figure that depends
    less on what else the machine runs than throughput does."""
    items = int(run["requests"]) * max(1, size)
    return round(1000 * float(run["cpu_s"][who]) / items, 3) if items else float("nan")


def _loss(run: dict[str, Any]) -> tuple[int, int, str]:
    """(acknowledged decisions, stored, verdict). Stored may exceed acknowledged by at most the transfers
    in flight when wrk stopped (answered after wrk closed the connection, so not counted by it)."""
    acked = int(run["acked"]) - int(run["error_items"])
    gap = int(run["stored"]) - acked
    ok = 0 <= gap <= int(run["in_flight_max"])
    return acked, int(run["stored"]), "ok" if ok else "**MISMATCH**"


def bench_scaling(ctx: Context) -> Section:
    title = "Scaling over workers: PostgreSQL + Redis"
    missing = "`wrk` is not installed" if shutil.which("wrk") is None else reachable()
    if missing:
        return Section("scaling", title, [f"Skipped: {missing}."], ["skipped"], {}, skipped=True)
    n = 100_000 if ctx.cfg.quick else 1_000_000
    seconds, warm_up = (3, 2) if ctx.cfg.quick else (10, 3)
    OUT.mkdir(parents=True, exist_ok=True)
    keys = fresh_database(n)
    runs = {w: _serve(w, seconds, warm_up, keys, n) for w in WORKERS}
    return _section(title, runs, n, seconds, warm_up)


def _section(title: str, runs: dict[int, dict[str, Any]], n: int, seconds: int, warm_up: int) -> Section:
    def rate(name: str, run: dict[str, Any]) -> float:
        return float(run.get("decisions_per_s", run["rps"]))

    scale_rows = []
    for name, _, size, conn in ENDPOINTS:
        one = rate(name, runs[1][name])
        cells: list[object] = [f"{name} ({'req' if not size else 'decisions'}/s, -c{conn})"]
        for w in WORKERS:
            cells += [f"{rate(name, runs[w][name]):,.0f}", runs[w][name]["p99_ms"]]
        cells += [f"{rate(name, runs[2][name]) / one:.2f}×", f"{rate(name, runs[4][name]) / one:.2f}×"]
        scale_rows.append(cells)
    detail_rows, loss_rows = [], []
    for w in WORKERS:
        for name, _, size, _ in ENDPOINTS:
            r = runs[w][name]
            detail_rows.append(
                [f"{name}, {w}w", f"{r['rps']:,.0f}", f"{r.get('decisions_per_s', r['rps']):,.0f}", r["p50_ms"],
                 r["p99_ms"], r["non2xx"], r["socket_errors"], f"{_share(r, 'wrk'):.0%}",
                 f"{_share(r, 'server'):.0%}", f"{_share(r, 'postgres'):.0%}", f"{_share(r, 'redis'):.0%}",
                 f"{_share(r, 'machine'):.0%}", _per_item(r, "server", size), _per_item(r, "postgres", size)]
            )  # fmt: skip
            if size:
                acked, stored, verdict = _loss(r)
                loss_rows.append([f"{name}, {w}w", f"{acked:,}", f"{stored:,}", stored - acked,
                                  r["in_flight_max"], verdict])  # fmt: skip
    target_name, target_w, target_rate, target_p99 = TARGET
    t = runs[target_w][target_name]
    met = t["decisions_per_s"] >= target_rate and t["p99_ms"] <= target_p99
    target_line = (
        f"Target: {target_name} with {target_w} workers ≥ {target_rate:,.0f} decisions/s with p99 ≤ "
        f"{target_p99:.0f} ms — measured {t['decisions_per_s']:,.0f} decisions/s, p99 {t['p99_ms']:.1f} ms: "
        + ("**met**." if met else "**not met**.")
    )
    per = {who: _per_item(t, who, 10) for who in ("server", "postgres", "redis", "wrk")}
    ceiling = CORES * 1000 / sum(per.values())
    target_line += (
        f" CPU per decision in that run: server {per['server']:.2f} ms, PostgreSQL {per['postgres']:.2f} ms, "
        f"Redis {per['redis']:.2f} ms, `wrk` {per['wrk']:.2f} ms: at that cost the {CORES} cores, with nothing "
        f"else running, would give at most about {ceiling:,.0f} decisions/s."
    )
    wrk_shares = [_share(runs[w][name], "wrk") for w in WORKERS for name, *_ in ENDPOINTS]
    gen_line = (
        f"Load generator: `wrk` used {min(wrk_shares):.0%}–{max(wrk_shares):.0%} of the machine's {CORES} "
        "cores over the timed runs (its own CPU time from `wait4` ÷ (wall time × cores)); the server, "
        "PostgreSQL and Redis had the rest, less what other processes on the machine took (the `machine` "
        "column is every process's CPU)."
    )
    lost = [row for row in loss_rows if row[-1] != "ok"]
    md = [
        f"`fanzha serve --workers N` on PostgreSQL (database `{DATABASE}`, dropped and recreated: {n:,} "
        f"identifiers, 30% bank cards, a report on every 100th) with Redis (`{REDIS_URL}`, flushed before "
        f"each server) for screening history and rate limits, under `wrk -t{THREADS} -c<connections> "
        f"-d{seconds}s --latency` on loopback after a {warm_up}-second warm-up per endpoint. `/v1/assess` posts "
        f"one scam text and `/v1/lookup` draws from {HOT:,} hot phone numbers, both with a `public` key; "
        f"`/v1/screen` posts the first {TEMPLATES:,} simulated transfers with a `bank` key, every transfer "
        "with a unique id (so every one is screened and stored: decision in PostgreSQL, history in Redis, "
        "both written before the answer is sent: group commit). Decisions/s = requests/s × batch size.",
        "",
        *table(
            ["endpoint", "1w", "p99 1w (ms)", "2w", "p99 2w (ms)", "4w", "p99 4w (ms)", "2w/1w", "4w/1w"],
            scale_rows,
        ),
        "",
        target_line,
        "",
        gen_line,
        "",
        "CPU over each timed run as a share of the machine (wall × cores): `wrk`, the server's processes "
        "(uvicorn supervisor and workers, from /proc), the PostgreSQL backends of the benchmark database, "
        "Redis, and the whole machine (other people's processes included); and the server's and PostgreSQL's "
        "CPU milliseconds per item (a request; for screening a decision), which depend less on the load of "
        "the machine than throughput: on 2 cores, 3,000 decisions/s leave at most 0.67 CPU ms per decision "
        "for everything (server, PostgreSQL, Redis, `wrk`).",
        "",
        *table(DETAIL_HEADER, detail_rows),
        "",
        "Nothing lost: after each screening run, the decisions stored in PostgreSQL during the run against "
        'the transfers `wrk` saw acknowledged (2xx answers, less `{"id", "error"}` items, counted by '
        "the Lua script). The server stores before it answers, so stored ≥ acknowledged; stored may exceed "
        "acknowledged by at most the transfers in flight when `wrk` stopped (batch × connections).",
        "",
        *table(
            ["run", "acknowledged", "stored", "stored − acknowledged", "in flight at most", "check"],
            loss_rows,
        ),
    ]
    s2 = runs[2]
    summary = [
        f"2w: assess {s2['assess']['rps']:,.0f} req/s, lookup {s2['lookup']['rps']:,.0f} req/s, screen single "
        f"{s2['screen single']['decisions_per_s']:,.0f}/s, batch10 {t['decisions_per_s']:,.0f} decisions/s "
        f"p99 {t['p99_ms']:.1f} ms (target {'met' if met else 'not met'}); "
        f"{'no decision lost' if not lost else f'{len(lost)} runs mismatched'}"
    ]
    figures = {"identifiers": n, "seconds": seconds, "warm_up": warm_up, "cores": CORES,
               "runs": {str(w): r for w, r in runs.items()}, "target_met": met,
               "loss_check": loss_rows, "cpu_ms_per_decision_target": per, "ceiling": ceiling}  # fmt: skip
    return Section("scaling", title, md, summary, figures)
