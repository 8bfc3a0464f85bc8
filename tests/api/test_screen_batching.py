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


def test_answers_go_out_before_the_redis_history_is_written_and_the_next_group_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The history of a group answered is written by the screening thread before it screens the next
    group (no transfer is screened without the history before it), but no answer waits for it."""
    import threading
    import uuid

    import redis

    from fanzha.screen.engine import Screener
    from fanzha.screen.state_redis import RedisSession, RedisState

    client = redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.3)
    try:
        client.ping()
    except (redis.RedisError, OSError):
        pytest.skip("no Redis on 127.0.0.1:6379")
    engine = make_engine(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    upgrade(engine)
    service = build_service(engine=engine, intel=IntelStore(engine))
    state = RedisState(client=client, prefix=f"fanzha:test:{uuid.uuid4().hex}:")
    service.state = state
    events: list[str] = []
    release = threading.Event()
    commit, screen_open = RedisSession.commit, Screener.screen_open

    def held_back_commit(self: RedisSession) -> None:
        assert release.wait(5)
        commit(self)
        events.append("history written")

    def recorded_screen_open(self: Screener, *args: Any, **kwargs: Any) -> Any:
        events.append("screened")
        return screen_open(self, *args, **kwargs)

    monkeypatch.setattr(RedisSession, "commit", held_back_commit)
    monkeypatch.setattr(Screener, "screen_open", recorded_screen_open)
    batcher = ScreenBatcher(service)

    async def run() -> list[dict[str, Any]]:
        await asyncio.wait_for(batcher.screen(bank="b", raws=[transfer("t1", 1)]), 5)
        events.append("answered")
        second = asyncio.ensure_future(batcher.screen(bank="b", raws=[transfer("t2", 1)]))
        await asyncio.sleep(0.2)
        events.append("released")
        release.set()
        return await asyncio.wait_for(second, 5)

    try:
        [answer] = asyncio.run(run())
        batcher.close()
        assert answer["id"] == "t2"
        assert events == [
            "screened",
            "answered",
            "released",
            "history written",
            "screened",
            "history written",
        ]
        assert len(client.keys(state.prefix + "out:*")) == 1  # both payments of payer A1, written
        assert client.zcard(state.prefix + "out:A1") == 2
    finally:
        state.clear()
