"""Group commit: concurrent requests are screened together, each gets its own answers in its own order,
banks stay apart, and every decision is stored before its answer is sent."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from fanzha.api.screen_batching import ScreenBatcher
from fanzha.intel.repository import IntelStore
from fanzha.screen import decisions
from fanzha.screen.service import build_service
from fanzha.screen.transfer import Transfer
from fanzha.store import make_engine, upgrade
from fanzha.store.screen_tables import ScreenDecisionRow


def test_concurrent_requests_are_answered_separately_and_all_stored(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    upgrade(engine)
    batcher = ScreenBatcher(build_service(engine=engine, intel=IntelStore(engine)), max_merged=7)

    def request(i: int) -> list[dict[str, object]]:
        return [{"id": f"r{i}-{j}", "amount": 100 * (j + 1), "payer": {"account": f"A{i}"},
                 "payee": {"account": "P"}} for j in range(i % 3 + 1)]  # fmt: skip

    async def run() -> list[list[dict[str, object]]]:
        calls = [batcher.screen(bank=f"bank-{i % 2}", raws=request(i)) for i in range(20)]
        return await asyncio.gather(*calls)

    answers = asyncio.run(run())
    batcher.close()
    for i, answer in enumerate(answers):
        assert [a["id"] for a in answer] == [f"r{i}-{j}" for j in range(i % 3 + 1)]
    with Session(engine) as session:
        stored = session.scalar(select(func.count()).select_from(ScreenDecisionRow))
        banks = set(session.scalars(select(ScreenDecisionRow.bank)))
    assert stored == sum(i % 3 + 1 for i in range(20)) and banks == {"bank-0", "bank-1"}


def batcher_on(tmp_path: Path) -> tuple[ScreenBatcher, Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    upgrade(engine)
    return ScreenBatcher(build_service(engine=engine, intel=IntelStore(engine))), engine


def poison_row(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    """Storing a transfer whose id starts with "poison" raises `error` (as a year-1 time once did: valid
    to the parser, fatal to the store), every other transfer is stored as usual."""
    row = decisions._row

    def poisoned(bank: str, raw: dict[str, Any], transfer: Transfer, *rest: Any) -> dict[str, Any]:
        if transfer.id.startswith("poison"):
            raise error
        return row(bank, raw, transfer, *rest)

    monkeypatch.setattr(decisions, "_row", poisoned)


def transfer(ident: str, i: int) -> dict[str, Any]:
    return {"id": ident, "amount": 100 + i, "payer": {"account": f"A{i % 7}"}, "payee": {"account": "P"}}


def test_a_transfer_that_breaks_the_group_commit_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batcher, engine = batcher_on(tmp_path)
    poison_row(monkeypatch, OverflowError("date value out of range"))
    requests = []
    for i in range(120):
        if i % 10 == 0:  # a lone poisoned transfer
            requests.append([transfer(f"poison-{i}", i)])
        elif i % 10 == 5:  # a poisoned transfer among valid ones in one request
            requests.append([transfer(f"r{i}-{j}", i) for j in range(3)] + [transfer(f"poison-{i}", i)])
        else:
            requests.append([transfer(f"r{i}-0", i)])

    async def run() -> list[list[dict[str, Any]]]:
        return await asyncio.gather(*(batcher.screen(bank="bank-0", raws=raws) for raws in requests))

    answers = asyncio.run(run())
    batcher.close()
    valid = 0
    for raws, answer in zip(requests, answers, strict=True):
        assert [a["id"] for a in answer] == [r["id"] for r in raws]
        for raw, result in zip(raws, answer, strict=True):
            if raw["id"].startswith("poison"):
                assert set(result) == {"id", "error"} and "无法筛查" in result["error"]
            else:
                assert result["outcome"] in ("allow", "warn", "hold", "block")
                valid += 1
    with Session(engine) as session:
        stored = set(session.scalars(select(ScreenDecisionRow.transfer_id)))
    assert len(stored) == valid and not any(t.startswith("poison") for t in stored)


def test_a_store_that_is_down_fails_every_request_without_retrying_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batcher, _ = batcher_on(tmp_path)
    poison_row(monkeypatch, OperationalError("INSERT", {}, Exception("database is locked")))
    calls = 0
    screen = batcher.service.screen

    def counted(**kwargs: Any) -> list[dict[str, Any]]:
        nonlocal calls
        calls += 1
        return screen(**kwargs)

    monkeypatch.setattr(batcher.service, "screen", counted)

    async def run() -> list[list[dict[str, Any]] | BaseException]:
        jobs = [batcher.screen(bank="bank-0", raws=[transfer(f"poison-{i}", i)]) for i in range(30)]
        return await asyncio.gather(*jobs, return_exceptions=True)

    answers = asyncio.run(run())
    batcher.close()
    assert all(isinstance(a, OperationalError) for a in answers) and calls < 30


HELD = {
    "id": "held-1", "time": "2026-11-06T12:05:00+08:00", "amount": 50000.0, "currency": "CNY", "channel": "counter",
    "payer": {"account": "6222021234567890128", "age": 72}, "payee": {"account": "6226090000000048"},
    "purpose": "转到安全账户", "payer_on_call": True,
}  # fmt: skip


def test_the_history_is_written_before_the_answer_and_the_listeners_are_told_after_it(
    tmp_path: Path, redis_state: Any
) -> None:
    """A bank's next transfer, sent after this answer to any worker, is screened with this one in its
    history; the warnings' queries on a held payee no longer hold the answer back."""
    import threading

    engine = make_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    upgrade(engine)
    service = build_service(engine=engine, intel=IntelStore(engine))
    service.state = state = redis_state
    release, told = threading.Event(), []

    def listener(bank: str, raw: dict[str, Any]) -> None:
        assert release.wait(5)
        told.append((bank, raw["id"]))

    service.add_listener(listener)
    batcher = ScreenBatcher(service)

    async def run() -> dict[str, Any]:
        [answer] = await asyncio.wait_for(batcher.screen(bank="b", raws=[HELD]), 5)
        assert state.client.zcard(state.prefix + "out:6222021234567890128") == 1  # the history, already
        assert told == []  # the listener, not yet
        release.set()
        return answer

    answer = asyncio.run(run())
    batcher.close()
    assert answer["outcome"] in ("hold", "block") and told == [("b", "held-1")]


def test_a_slow_group_does_not_hold_up_the_next_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two threads screen groups side by side (most of a group's time is spent waiting on the stores)."""
    import threading

    from fanzha.screen.engine import Screener

    batcher, _ = batcher_on(tmp_path)
    batcher.threads = 2  # as on PostgreSQL (on SQLite one thread by default: the file has one writer)
    release = threading.Event()
    screen_open = Screener.screen_open

    def slow_for_some(self: Screener, transfers: Any, *args: Any, **kwargs: Any) -> Any:
        if any(t.id.startswith("slow") for t in transfers):
            assert release.wait(5)
        return screen_open(self, transfers, *args, **kwargs)

    monkeypatch.setattr(Screener, "screen_open", slow_for_some)

    async def run() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        slow = asyncio.ensure_future(batcher.screen(bank="b", raws=[transfer("slow-1", 1)]))
        await asyncio.sleep(0.05)  # the slow group is being screened
        fast = await asyncio.wait_for(batcher.screen(bank="b", raws=[transfer("fast-1", 2)]), 5)
        release.set()
        return fast, await asyncio.wait_for(slow, 5)

    fast, slow = asyncio.run(run())
    batcher.close()
    assert fast[0]["id"] == "fast-1" and slow[0]["id"] == "slow-1"


def test_a_request_arriving_as_the_last_drainer_finds_the_queue_empty_is_answered(tmp_path: Path) -> None:
    """Once a request queued just as the drainer finished could wait forever (the drainer was still
    counted until a done-callback ran): a server that never stopped, as uvicorn waits for every open
    request. Here a request arrives at exactly that moment."""
    engine = make_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    upgrade(engine)

    class LateArrival(ScreenBatcher):
        late: asyncio.Future[list[dict[str, Any]]] | None = None

        async def _drain(self) -> None:
            await super()._drain()
            if self.late is None:  # the queue was found empty; this task has not finished yet
                self.late = asyncio.ensure_future(self.screen(bank="b", raws=[transfer("late", 2)]))

    batcher = LateArrival(build_service(engine=engine, intel=IntelStore(engine)), threads=1)

    async def run() -> list[dict[str, Any]]:
        await asyncio.wait_for(batcher.screen(bank="b", raws=[transfer("first", 1)]), 5)
        while batcher.late is None:
            await asyncio.sleep(0.01)
        return await asyncio.wait_for(batcher.late, 5)

    [late] = asyncio.run(run())
    batcher.close()
    assert late["id"] == "late"
