"""The history interface behaves the same in memory, in the SQL store (SQLite and PostgreSQL) and in Redis:
a session sees what earlier sessions committed and what earlier movements of its own batch added."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import SimpleNamespace

import pytest
from sqlalchemy import Engine, func, select

from fanzha.screen import state_store
from fanzha.screen.state import FAN_IN_PAYERS, MAX_PER_ACCOUNT, MemoryState, Movement, ScreenState
from fanzha.screen.state_redis import RedisState
from fanzha.screen.state_store import StoreState
from fanzha.store import upgrade
from fanzha.store.screen_tables import ScreenTransferSeenRow

T0 = 1_794_000_000.0
H = 3600.0


@pytest.fixture(params=["memory", "store", "redis"])
def make_state(request: pytest.FixtureRequest, engine: Engine) -> Iterator[Callable[[], ScreenState]]:
    if request.param == "memory":
        shared = MemoryState()
        yield lambda: shared
    elif request.param == "store":
        upgrade(engine)
        yield lambda: StoreState(engine)
    else:
        state = request.getfixturevalue("redis_state")
        yield lambda: state


def run(state: ScreenState, movements: list[Movement]) -> list[tuple[int, int, int]]:
    """(paid_before, len(payer_recent), len(payee_recent)) before each movement, in one session."""
    session = state.session(movements)
    seen = []
    for m in movements:
        h = session.history(m)
        seen.append((h.paid_before, len(h.payer_recent), len(h.payee_recent)))
        session.add(m)
    session.commit()
    return seen


def test_a_batch_sees_its_own_earlier_movements(make_state: Callable[[], ScreenState]) -> None:
    moves = [Movement("A", "P", T0, 100), Movement("A", "P", T0 + 60, 200), Movement("B", "P", T0 + 120, 300)]
    assert run(make_state(), moves) == [(0, 0, 0), (1, 1, 1), (0, 0, 2)]


def test_a_later_session_sees_what_earlier_ones_committed(make_state: Callable[[], ScreenState]) -> None:
    run(make_state(), [Movement("A", "P", T0, 100), Movement("C", "P", T0 + 1, 100)])
    session = make_state().session([Movement("A", "P", T0 + H, 500)])
    history = session.history(Movement("A", "P", T0 + H, 500))
    assert (history.paid_before, history.first_paid_at) == (1, T0)
    assert [(payee, fen) for _, payee, fen in history.payer_recent] == [("P", 100)]
    assert sorted(payer for _, payer, _ in history.payee_recent) == ["A", "C"]


def test_history_older_than_the_retention_window_is_not_seen(make_state: Callable[[], ScreenState]) -> None:
    state = make_state()
    run(state, [Movement("A", "P", T0, 100)])
    late = Movement("A", "P", T0 + (state.retention_hours + 1) * H, 100)
    history = make_state().session([late]).history(late)
    assert (history.paid_before, len(history.payer_recent), len(history.payee_recent)) == (1, 0, 0)


def test_memory_keeps_at_most_max_per_account() -> None:
    state = MemoryState()
    for i in range(MAX_PER_ACCOUNT + 5):
        state.add(Movement(f"X{i}", "P", T0 + i, 1))
    assert len(state.history(Movement("Y", "P", T0 + 10_000, 1)).payee_recent) == MAX_PER_ACCOUNT


def test_the_store_prunes_expired_seen_transfers_in_small_steps(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgrade(engine)
    monkeypatch.setattr(state_store, "PRUNE_CHUNK", 2)
    state = StoreState(engine, retention_hours=1)
    old = [Movement("A", f"P{i}", T0 + i, 100) for i in range(5)]
    run(state, [*old, Movement("A", "P", T0 + 2 * H, 100)])
    assert state.prune(now=T0 + 2.5 * H) == 5  # three transactions: 2, 2, 1
    assert run(state, [Movement("A", "P", T0 + 2.6 * H, 1)]) == [(1, 1, 1)]


def test_pruning_runs_on_a_thread_of_its_own_now_and_then(engine: Engine) -> None:
    upgrade(engine)
    state = StoreState(engine, retention_hours=1)
    run(state, [Movement("A", "P", 1_000.0, 100)])  # long expired
    state._next_prune = 0.0  # due now
    state.maybe_prune()
    assert state._pruning.acquire(timeout=10)  # released when the thread is done
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ScreenTransferSeenRow)).scalar() == 0


def test_fan_in_into_a_busy_payee_reads_its_newest_distinct_payers(
    make_state: Callable[[], ScreenState],
) -> None:
    """A merchant paid by many (and by some payers again and again) costs a store no more than
    FAN_IN_PAYERS rows, and the newest distinct payers are among them."""
    payers = FAN_IN_PAYERS + 30
    moves = [Movement(f"X{i}", "SHOP", T0 + i, 1) for i in range(payers)]
    moves += [Movement("X0", "SHOP", T0 + payers + k, 1) for k in range(50)]  # a regular, paying again
    run(make_state(), moves)
    late = Movement("NEW", "SHOP", T0 + 2 * payers, 1)
    recent = make_state().session([late]).history(late).payee_recent
    newest = {p for _, p, _ in recent if p in {"X0", f"X{payers - 1}", f"X{payers - 2}"}}
    assert newest == {"X0", f"X{payers - 1}", f"X{payers - 2}"}
    assert len({p for _, p, _ in recent}) >= FAN_IN_PAYERS


def test_first_and_latest_payment_survive_transfers_out_of_time_order(
    make_state: Callable[[], ScreenState],
) -> None:
    run(make_state(), [Movement("A", "P", T0 + 2 * H, 100)])
    run(make_state(), [Movement("A", "P", T0, 100)])  # an earlier transfer screened later
    later = Movement("B", "P", T0 + 3 * H, 1)
    session = make_state().session([Movement("A", "P", T0 + 3 * H, 1), later])
    assert session.history(Movement("A", "P", T0 + 3 * H, 1)).first_paid_at == T0
    assert max(at for at, payer, _ in session.history(later).payee_recent if payer == "A") == T0 + 2 * H


def test_a_busy_payer_brings_at_most_its_newest_max_per_account_payments(
    make_state: Callable[[], ScreenState],
) -> None:
    run(make_state(), [Movement("PAYROLL", f"E{i}", T0 + i, 100 + i) for i in range(MAX_PER_ACCOUNT + 20)])
    late = Movement("PAYROLL", "E0", T0 + 2 * H, 1)
    recent = make_state().session([late]).history(late).payer_recent
    assert len(recent) == MAX_PER_ACCOUNT
    assert recent[-1] == (T0 + MAX_PER_ACCOUNT + 19, f"E{MAX_PER_ACCOUNT + 19}", 100 + MAX_PER_ACCOUNT + 19)


def test_a_payee_s_recent_payers_come_with_when_each_first_paid_it(
    make_state: Callable[[], ScreenState],
) -> None:
    """A merchant's regulars are told from newcomers (a mule's payers are all new): each payment into a
    payee carries when its payer first paid that payee, from earlier sessions and from the batch."""
    day = 24 * H
    run(make_state(), [Movement("OLD", "SHOP", T0, 100), Movement("OLDER", "SHOP", T0 - 3 * day, 100)])
    later = T0 + 40 * day
    run(make_state(), [Movement("OLD", "SHOP", later, 100), Movement("NEW", "SHOP", later + 60, 100)])
    moves = [Movement("OLDER", "SHOP", later + 120, 100), Movement("LAST", "SHOP", later + 180, 100)]
    session = make_state().session(moves)
    session.add(moves[0])
    recent = session.history(moves[1]).payee_recent
    firsts = {payer: first for _, payer, first in recent}
    assert firsts == {"OLD": T0, "NEW": later + 60, "OLDER": T0 - 3 * day}


def test_a_transfer_whose_decision_was_not_stored_leaves_no_history_in_redis(
    engine: Engine, store_faults: SimpleNamespace, redis_state: RedisState
) -> None:
    """Redis history is written after the decision is stored: a save that fails (the store read-only
    here) adds no payment, so the bank's retry is counted once, not twice."""
    from fanzha.intel.repository import IntelStore
    from fanzha.screen.service import build_service

    upgrade(engine)
    state = redis_state
    service = build_service(engine=engine, intel=IntelStore(engine))
    service.state = state
    raw = {"id": "retry-1", "time": "2026-11-06T12:00:00+08:00", "amount": 500, "channel": "mobile",
           "payer": {"account": "6222021234000001"}, "payee": {"account": "6226090000000002"}}  # fmt: skip
    with store_faults.read_only(engine), pytest.raises(Exception, match="read"):
        service.screen(bank="中国工商银行", raws=[raw])
    assert service.screen(bank="中国工商银行", raws=[raw])[0]["id"] == "retry-1"
    pairs = state.client.hget(f"{state.prefix}pair:6222021234000001", "6226090000000002")
    assert int(pairs) == 1


def test_a_batch_paying_more_payees_than_lua_can_unpack_reads_its_history_in_redis(
    redis_state: RedisState,
) -> None:
    """One payer paying 9,000 payees in one batch (a payroll): the prefetch asks Redis for the pairs in
    chunks (Lua's unpack takes about 8,000 values), and a payee paid before is known as such."""
    run(redis_state, [Movement("PAYROLL", "P0", T0, 100)])
    movements = [Movement("PAYROLL", f"P{i}", T0 + 60 + i, 100) for i in range(9_000)]
    session = redis_state.session(movements)
    assert session.history(movements[0]).paid_before == 1
    assert session.history(movements[8_999]).paid_before == 0
