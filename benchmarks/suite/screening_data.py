"""Inputs of the screening benchmark: a SQLite store with N identifiers of intelligence (phones and bank
cards; one citizen report on every 100th, a police report on every 1,000th), and labelled transfers from
the project's simulator (`fanzha.demo.transfers`), or plain generated ones when it is missing."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from suite.common import OUT, SEED, log

CARD_SHARE = 0.3  # of the identifiers: bank cards; the rest phone numbers


def store_path(n: int) -> Path:
    """The benchmark store with `n` identifiers, built once and reused (a marker file holds `n`)."""
    path = OUT / "screening.sqlite3"
    marker = path.with_suffix(".n")
    if path.exists() and marker.exists() and marker.read_text() == str(n):
        return path
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    from fanzha.store import make_engine, upgrade

    OUT.mkdir(parents=True, exist_ok=True)
    upgrade(make_engine(f"sqlite:///{path}"))
    now = datetime.now(UTC).isoformat()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    chunk = 200_000
    cards = int(n * CARD_SHARE)
    for start in range(0, n, chunk):
        ids = range(start, min(n, start + chunk))
        rows = [
            ("bank_card", f"6230{i:012d}", 0, now)
            if i < cards
            else ("phone", f"1{7_000_000_000 + i:010d}", 0, now)
            for i in ids
        ]
        con.executemany(
            "INSERT INTO identifiers (kind, value, official, created_at) VALUES (?, ?, ?, ?)", rows
        )
        con.executemany(
            "INSERT INTO reports (identifier_id, source, created_at) VALUES (?, ?, ?)",
            [(i + 1, "police" if i % 1000 == 0 else "citizen", now) for i in ids if i % 100 == 0],
        )
        con.commit()
        log(f"  populated {min(n, start + chunk):,}/{n:,}")
    con.close()
    marker.write_text(str(n))
    return path


def simulated(n: int) -> tuple[list[dict[str, Any]], str]:
    """`n` labelled transfers in time order, and where they come from."""
    try:
        from fanzha.demo.transfers import simulate_transfers
    except ImportError:
        return _plain(n), "plain generated transfers (the simulator `fanzha.demo.transfers` is missing)"
    return list(simulate_transfers(n, seed=SEED)), "`fanzha.demo.transfers.simulate_transfers(n, seed)`"


def _plain(n: int) -> list[dict[str, Any]]:
    """Everyday transfers between 20,000 customers and 5,000 payees; 1% scripted safe-account frauds."""
    rng = random.Random(SEED)
    start = datetime(2026, 11, 2, tzinfo=UTC)
    purposes = ("生活费", "货款", "房租", "还款", "红包", None)
    rows = []
    for i in range(n):
        fraud = rng.random() < 0.01
        rows.append(
            {
                "id": f"p-{i}",
                "time": (start + timedelta(seconds=i * 20)).isoformat(),
                "amount": float(rng.choice((50000, 80000)))
                if fraud
                else round(rng.lognormvariate(6, 1.2), 2),
                "channel": rng.choice(("mobile", "online", "counter", "atm")),
                "payer": {"account": f"6222{rng.randrange(20_000):012d}", "age": rng.randint(18, 85)},
                "payee": {"account": f"6217{rng.randrange(5_000):012d}"},
                "purpose": "转入安全账户" if fraud else rng.choice(purposes),
                "label": "fraud" if fraud else "normal",
            }
        )
    return rows


# Every transfer gets a unique id; every pass over the templates gets new payer accounts (the template's
# account + the thread's prefix + the pass), so a payer's history stays as long as a customer's — the
# same customers paying the same payees hundreds of times a minute would measure something else.
# Each thread's prefix: the start time and the thread's number (math.random repeats itself from one wrk
# run to the next, which would replay the warm-up's ids as already-decided transfers).
SETUP_LUA = """local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("prefix", tostring(os.time()) .. threads)
end
"""

FILL_LUA = """local function fill(counter)
  local pass = math.floor(counter / #templates)
  local body = templates[(counter %% #templates) + 1]:gsub("__ID__", prefix .. "-" .. counter)
  return (body:gsub("__PASS__", prefix .. pass))
end
"""

SINGLE_LUA = (
    """local templates = {%s}
local counter = 0
"""
    + SETUP_LUA
    + FILL_LUA
    + """request = function()
  counter = counter + 1
  local body = fill(counter)
  return wrk.format("POST", "/v1/screen", {["Content-Type"] = "application/json", ["X-API-Key"] = "%s"}, body)
end
"""
)

BATCH_LUA = (
    """local templates = {%s}
local counter = 0
"""
    + SETUP_LUA
    + FILL_LUA
    + """request = function()
  local parts = {}
  for i = 1, %d do
    counter = counter + 1
    parts[i] = fill(counter)
  end
  local body = '{"transfers": [' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", "/v1/screen", {["Content-Type"] = "application/json", ["X-API-Key"] = "%s"}, body)
end
"""
)


def lua_templates(rows: list[dict[str, Any]]) -> str:
    """Transfers as Lua string literals with `__ID__` for the id and `__PASS__` after the payer account
    (see FILL_LUA)."""
    import json

    out = []
    for row in rows:
        body = {k: v for k, v in row.items() if k not in ("label", "scenario", "synthetic")}
        body["id"] = "__ID__"
        if isinstance(body.get("payer"), dict) and body["payer"].get("account"):
            body["payer"] = {**body["payer"], "account": body["payer"]["account"] + "__PASS__"}
        text = json.dumps(body, ensure_ascii=False)
        out.append("[==[" + text + "]==]")
    return ",".join(out)
