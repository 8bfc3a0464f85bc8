"""Shared by the streamed-screening tests (test_stream.py, test_stream_restart.py): what the store holds,
a way to hold the decision writers back, the transfers they publish and what they read back from NATS."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine, func, select, text

from fanzha.screen.stream import DELIVERY_HEADER, DURABLE, StreamNames, connect, publish_transfers
from fanzha.store.screen_tables import ScreenDecisionRow

BANK = "中国工商银行"


def stored(engine: Engine, bank: str = BANK) -> Counter[str]:
    """How many decisions the store holds per transfer of `bank`."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(ScreenDecisionRow.transfer_id, func.count())
            .where(ScreenDecisionRow.bank == bank)
            .group_by(ScreenDecisionRow.transfer_id)
        )
        return Counter({ident: count for ident, count in rows})


@contextmanager
def writes_held(engine: Engine) -> Iterator[None]:
    """No one writes screening decisions in the block (SQLite: an exclusive transaction; PostgreSQL: the
    decisions table locked), so a worker that fetched a batch is caught holding it."""
    if engine.dialect.name == "sqlite":
        conn = sqlite3.connect(str(engine.url.database), isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    with engine.connect() as held, held.begin() as transaction:
        held.execute(text("LOCK TABLE screen_decisions IN EXCLUSIVE MODE"))
        yield
        transaction.rollback()


@pytest.fixture
def decisions() -> SimpleNamespace:
    """`decisions.stored(engine)` and `decisions.writes_held(engine)`."""
    return SimpleNamespace(stored=stored, writes_held=writes_held)


def transfer(i: int, *, prefix: str = "t") -> dict[str, Any]:
    """Varied transfers: most allowed, every seventh an elderly customer on a call paying a new payee."""
    risky = i % 7 == 0
    return {
        "id": f"{prefix}-{i}",
        "time": f"2026-11-06T{8 + i % 12:02d}:{i % 60:02d}:00+08:00",
        "amount": 48000 if risky else 100 + i % 900,
        "channel": "counter" if risky else "mobile",
        "payer": {"account": f"6222021234{i % 50:06d}", "age": 72 if risky else 35},
        "payee": {"account": f"6226090000{i:06d}"},
        "purpose": "转到安全账户" if risky else "货款",
        "payer_on_call": risky,
    }


def lines(items: list[dict[str, Any]]) -> list[bytes]:
    return [orjson.dumps(item) for item in items]


def wait(condition: Any, *, seconds: float, what: str, log: Path | None = None) -> None:
    """Poll `condition` every 0.1 s; fail after `seconds`, showing the workers' `log` when given."""
    deadline = time.monotonic() + seconds
    while not condition():
        shown = log.read_text() if log is not None and log.exists() else ""
        assert time.monotonic() < deadline, f"timed out waiting for {what}\n{shown}"
        time.sleep(0.1)


async def publish(url: str, names: StreamNames, raws: list[bytes], *, bank: str = BANK) -> int:
    """Publish transfer lines as `fanzha screen publish` does; how many the stream acknowledged."""
    nc = await connect(url, reconnect=False)
    try:
        return (await publish_transfers(nc.jetstream(), names, bank=bank, lines=raws)).published
    finally:
        await nc.close()


async def consumer_state(url: str, names: StreamNames) -> tuple[int, int]:
    """(messages not yet delivered, delivered but not acked) of the workers' consumer."""
    nc = await connect(url, reconnect=False)
    try:
        info = await nc.jetstream().consumer_info(names.stream, DURABLE)
        return info.num_pending or 0, info.num_ack_pending or 0
    finally:
        await nc.close()


async def decision_records(url: str, names: StreamNames) -> list[dict[str, Any]]:
    """Every record on the decisions subject, read back from the stream, with `_delivery`: which delivery
    of its transfer message it answered."""
    from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy

    nc = await connect(url, reconnect=False)
    try:
        js = nc.jetstream()
        info = await js.stream_info(names.stream, subjects_filter=names.decisions)
        wanted = (info.state.subjects or {}).get(names.decisions, 0)
        config = ConsumerConfig(deliver_policy=DeliverPolicy.ALL, ack_policy=AckPolicy.NONE)
        sub = await js.pull_subscribe(names.decisions, stream=names.stream, config=config)
        out: list[dict[str, Any]] = []
        while len(out) < wanted:
            for m in await sub.fetch(500, timeout=2):
                out.append({**orjson.loads(m.data), "_delivery": int((m.headers or {})[DELIVERY_HEADER])})
        return out
    finally:
        await nc.close()
