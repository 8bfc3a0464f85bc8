"""Benchmark 6, intelligence lookups: `IntelStore.risk_of` with N identifiers in the store (10 million
in a full run), from the hot in-process cache and from the database, next to plain Redis GETs of the
same keys on the machine's Redis (the peer), measured in the same run on one core."""

from __future__ import annotations

import random
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from suite.common import OUT, SEED, Section, log, table
from suite.context import Context

HOT = 20_000
TIMED = 500_000
COLD = 2_000


def _populate(path: Path, n: int) -> None:
    """A store with `n` phone identifiers, one report on every hundredth; reused when it exists."""
    marker = path.with_suffix(".n")
    if path.exists() and marker.exists() and marker.read_text() == str(n):
        return
    path.unlink(missing_ok=True)
    from fanzha.store import make_engine, upgrade

    upgrade(make_engine(f"sqlite:///{path}"))
    now = datetime.now(UTC).isoformat()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    chunk = 200_000
    for start in range(0, n, chunk):
        rows = [("phone", f"1{7_000_000_000 + i:010d}", 0, now) for i in range(start, min(n, start + chunk))]
        con.executemany(
            "INSERT INTO identifiers (kind, value, official, created_at) VALUES (?, ?, ?, ?)", rows
        )
        con.executemany(
            "INSERT INTO reports (identifier_id, source, created_at) VALUES (?, 'citizen', ?)",
            [(i + 1, now) for i in range(start, min(n, start + chunk)) if i % 100 == 0],
        )
        con.commit()
        log(f"  populated {min(n, start + chunk):,}/{n:,}")
    con.close()
    marker.write_text(str(n))


def identifiers_in_store(ctx: Context) -> int:
    return 200_000 if ctx.cfg.quick else 10_000_000


def populate_store(n: int) -> Path:
    """The benchmark store with `n` identifiers (built once, reused by benchmark 7)."""
    path = OUT / "lookups.sqlite3"
    _populate(path, n)
    return path


def bench_lookups(ctx: Context) -> Section:
    import redis

    from fanzha.intel.cache import TTLCache
    from fanzha.intel.repository import IntelStore
    from fanzha.store import make_engine

    n = identifiers_in_store(ctx)
    started = time.perf_counter()
    path = populate_store(n)
    populate_s = time.perf_counter() - started
    rng = random.Random(SEED)
    hot = [f"1{7_000_000_000 + rng.randrange(n):010d}" for _ in range(HOT)]
    timed = [hot[rng.randrange(HOT)] for _ in range(TIMED)]

    store = IntelStore(make_engine(f"sqlite:///{path}"), cache=TTLCache(size=2 * HOT, ttl=3600))
    for value in hot:
        store.risk_of("phone", value)
    t0 = time.perf_counter()
    for value in timed:
        store.risk_of("phone", value)
    hot_rate = TIMED / (time.perf_counter() - t0)

    cold_store = IntelStore(store.engine)
    cold = [f"1{7_000_000_000 + rng.randrange(n):010d}" for _ in range(COLD)]
    t0 = time.perf_counter()
    for value in cold:
        cold_store.risk_of("phone", value)
    cold_rate = COLD / (time.perf_counter() - t0)

    client = redis.Redis(host="127.0.0.1", port=6379)
    pipe = client.pipeline(transaction=False)
    for value in hot:
        pipe.set(f"fzbench:phone:{value}", "unknown")
    pipe.execute()
    t0 = time.perf_counter()
    for value in timed[:100_000]:
        client.get(f"fzbench:phone:{value}")
    redis_rate = 100_000 / (time.perf_counter() - t0)
    for start in range(0, HOT, 10_000):
        client.delete(*[f"fzbench:phone:{v}" for v in hot[start : start + 10_000]])

    figures = {
        "identifiers": n,
        "populate_s": round(populate_s, 1),
        "hot_per_s": round(hot_rate),
        "cold_per_s": round(cold_rate),
        "redis_get_per_s": round(redis_rate),
        "db_mb": round(path.stat().st_size / 1e6),
    }
    md = [
        f"{n:,} phone identifiers in a SQLite store ({figures['db_mb']:,} MB; one report on every hundredth), "
        f"{HOT:,} of them hot. `IntelStore.risk_of` one call at a time on one core: {TIMED:,} calls from the "
        f"in-process TTL cache after one warming call each, and {COLD:,} calls straight from the database. "
        "Peer: `redis.Redis().get(key)` on the machine's Redis over loopback for the same hot keys, one "
        "call at a time (100,000 calls). The same store over HTTP, under a load generator: benchmark 7.",
        "",
        *table(
            ["lookup", "per second"],
            [
                ("**fanzha** `risk_of`, hot cache", f"{hot_rate:,.0f}"),
                ("fanzha `risk_of`, database (no cache)", f"{cold_rate:,.0f}"),
                ("peer: Redis GET over loopback", f"{redis_rate:,.0f}"),
            ],
        ),
    ]
    summary = [
        f"{n:,} identifiers: risk_of {hot_rate:,.0f}/s from the hot cache, {cold_rate:,.0f}/s from the "
        f"database; Redis GET {redis_rate:,.0f}/s"
    ]
    return Section("lookups", "6. Intelligence lookups", md, summary, figures)
