"""Inputs of the `scaling` benchmark: a fresh PostgreSQL database with N identifiers of intelligence (the
screening store's mix: 30% bank cards, the rest phones; a citizen report on every 100th, a police report on
every 1,000th), a `bank` and a `public` API key, a Redis database of its own, and the `wrk` Lua scripts.
The screening scripts count what the server acknowledged (2xx answers, less the `{"id", "error"}` items of
a batch) so that the run can be checked against the decisions stored."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from suite.common import OUT, log
from suite.screening_data import CARD_SHARE, FILL_LUA

PG_SERVER = os.environ.get("FANZHA_BENCH_PG", "postgresql://postgres@127.0.0.1:5432")
DATABASE = "fanzha_bench_scaling"
REDIS_URL = os.environ.get("FANZHA_BENCH_REDIS", "redis://127.0.0.1:6379/11")  # a database of its own
PG_URL = f"postgresql+psycopg://{PG_SERVER.split('://', 1)[1]}/{DATABASE}"
# The audit log's head for the recreated database: a file of the benchmark's own, removed with the
# database (the default file in the data directory would hold the head of the dropped one).
AUDIT_ANCHOR = OUT / "scaling.audit-head"


def reachable() -> str | None:
    """None when PostgreSQL and Redis answer, else why not."""
    import psycopg
    import redis

    try:
        psycopg.connect(f"{PG_SERVER}/postgres", connect_timeout=3).close()
    except psycopg.Error as exc:
        return f"PostgreSQL at {PG_SERVER} does not answer ({exc})"
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        return f"Redis at {REDIS_URL} does not answer ({exc})"
    return None


def flush_redis() -> None:
    """Empty the benchmark's own Redis database (history and rate-limit buckets), nothing else."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def fresh_database(n: int) -> dict[str, str]:
    """Drop and recreate DATABASE, create the schema, load `n` identifiers with their reports; the keys
    {"bank": …, "public": …}."""
    import psycopg

    from fanzha.intel.keys import create_key
    from fanzha.store import make_engine, upgrade

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        con.execute(f"CREATE DATABASE {DATABASE}")
    for path in (AUDIT_ANCHOR, AUDIT_ANCHOR.with_name(AUDIT_ANCHOR.name + ".lock")):
        path.unlink(missing_ok=True)
    os.environ["FANZHA_AUDIT_ANCHOR"] = str(
        AUDIT_ANCHOR
    )  # this process (a child of the runner) and the servers
    engine = make_engine(PG_URL)
    upgrade(engine)
    now = datetime.now(UTC)
    cards = int(n * CARD_SHARE)
    with psycopg.connect(f"{PG_SERVER}/{DATABASE}") as con:
        with (
            con.cursor() as cur,
            cur.copy("COPY identifiers (kind, value, official, created_at) FROM STDIN") as copy,
        ):
            for i in range(n):  # ids 1..n in this order: identifier i has id i + 1
                row = ("bank_card", f"6230{i:012d}") if i < cards else ("phone", f"1{7_000_000_000 + i:010d}")
                copy.write_row((*row, False, now))
        con.execute(
            "INSERT INTO reports (identifier_id, source, created_at) "
            "SELECT id, CASE WHEN (id - 1) %% 1000 = 0 THEN 'police' ELSE 'citizen' END, %s "
            "FROM identifiers WHERE (id - 1) %% 100 = 0",
            (now,),
        )
        con.commit()
        con.execute("ANALYZE")
    log(f"  PostgreSQL {DATABASE}: {n:,} identifiers, {n // 100:,} reports")
    keys = {
        "bank": create_key(engine, role="bank", label="基准测试银行"),
        "public": create_key(engine, role="public", label="基准测试公众应用"),
    }
    engine.dispose()
    return keys


def hot_phones(n: int, count: int, seed: int) -> list[str]:
    """`count` phone numbers of the store drawn with `seed`."""
    import random

    rng = random.Random(seed)
    cards = int(n * CARD_SHARE)
    return [f"1{7_000_000_000 + rng.randrange(cards, n):010d}" for _ in range(count)]


def stored_decisions() -> int:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/{DATABASE}") as con:
        row = con.execute("SELECT count(*) FROM screen_decisions").fetchone()
    return int(row[0]) if row else 0


def backend_pids() -> list[int]:
    """The PostgreSQL backends connected to DATABASE (the server's pools), this connection excluded."""
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/{DATABASE}") as con:
        rows = con.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (DATABASE,)
        ).fetchall()
    return [int(r[0]) for r in rows]


def redis_pid() -> int | None:
    import redis

    info: dict[str, Any] = redis.Redis.from_url(REDIS_URL).info("server")
    pid = info.get("process_id")
    return int(pid) if pid else None


ASSESS_LUA = """wrk.method = "POST"
wrk.body = '{"text": "您涉嫌洗钱，请将资金转入安全账户，联系17012345678"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "%s"
"""

LOOKUP_LUA = """local values = {%s}
math.randomseed(%d)
request = function()
  return wrk.format("GET", "/v1/lookup?kind=phone&value=" .. values[math.random(#values)], {["X-API-Key"] = "%s"})
end
"""

# Each thread's prefix: the start time, a tag of the run and the thread's number, so that no two runs
# (warm-up included) share a transfer id. `ok` counts the transfers of 2xx answers and `errs` the
# `{"id", "error"}` items among them; `done` prints the sums over the threads.
SCREEN_LUA = (
    """local templates = {%s}
local counter = 0
local threads = {}
ok = 0
errs = 0
setup = function(thread)
  table.insert(threads, thread)
  thread:set("prefix", tostring(os.time()) .. "%s" .. #threads)
end
"""
    + FILL_LUA
    + """request = function()
  local parts = {}
  for i = 1, %d do
    counter = counter + 1
    parts[i] = fill(counter)
  end
  local body = parts[1]
  if #parts > 1 then body = '{"transfers": [' .. table.concat(parts, ",") .. ']}' end
  return wrk.format("POST", "/v1/screen", {["Content-Type"] = "application/json", ["X-API-Key"] = "%s"}, body)
end
response = function(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + %d
    local _, n = string.gsub(body, '"error":', "")
    errs = errs + n
  end
end
done = function(summary, latency, requests)
  local total_ok, total_errs = 0, 0
  for _, thread in ipairs(threads) do
    total_ok = total_ok + thread:get("ok")
    total_errs = total_errs + thread:get("errs")
  end
  io.write(string.format("ACKED %%d %%d\\n", total_ok, total_errs))
end
"""
)


def screen_lua(templates: str, tag: str, size: int, key: str) -> str:
    """The script posting `size` transfers per request (1: a bare transfer; else {"transfers": […]})."""
    return SCREEN_LUA % (templates, tag, size, key, size)
