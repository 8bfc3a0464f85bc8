"""The order state machine on a frozen clock: deadlines, renewal limits, expiry, illegal steps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from fanzha.orders import machine
from fanzha.orders.machine import OrderConflict, OrderError, Status

T0 = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
H = timedelta(hours=1)


def executed(kind: str, at: datetime = T0) -> Status:
    return machine.execute(Status(kind), now=at)


def test_a_stop_payment_runs_48_hours_from_execution() -> None:
    status = executed("stop_payment", T0 + 5 * H)
    assert status.state == "executed"
    assert status.executed_at == T0 + 5 * H
    assert status.expires_at == T0 + 53 * H


def test_no_deadline_runs_before_the_bank_executes() -> None:
    status = Status("stop_payment")
    assert status.expires_at is None
    assert not machine.is_due(status, T0 + 1000 * H)
    assert not machine.is_expiring(status, T0, 1000 * H)


def test_a_stop_payment_renews_twice_from_its_deadline_then_must_become_a_freeze() -> None:
    status = executed("stop_payment")
    status = machine.renew(status, now=T0 + 47 * H)
    assert (status.state, status.renewals, status.expires_at) == ("renewed", 1, T0 + 96 * H)
    status = machine.renew(status, now=T0 + 50 * H)
    assert (status.renewals, status.expires_at) == (2, T0 + 144 * H)
    assert machine.renewals_left(status) == 0
    with pytest.raises(OrderConflict, match="最多续期 2 次"):
        machine.renew(status, now=T0 + 100 * H)


def test_a_renewal_after_the_deadline_is_refused() -> None:
    status = executed("stop_payment")
    with pytest.raises(OrderConflict, match="期限已过"):
        machine.renew(status, now=T0 + 48 * H)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (datetime(2025, 3, 1, 9, 30, tzinfo=UTC), 6, datetime(2025, 9, 1, 9, 30, tzinfo=UTC)),
        (datetime(2025, 8, 31, tzinfo=UTC), 6, datetime(2026, 2, 28, tzinfo=UTC)),  # clamped to month end
        (datetime(2023, 8, 31, tzinfo=UTC), 6, datetime(2024, 2, 29, tzinfo=UTC)),  # leap year
        (datetime(2025, 10, 15, tzinfo=UTC), 3, datetime(2026, 1, 15, tzinfo=UTC)),  # across the year
        (datetime(2025, 1, 31, tzinfo=UTC), 1, datetime(2025, 2, 28, tzinfo=UTC)),
    ],
)
def test_freeze_terms_are_calendar_months(start: datetime, months: int, end: datetime) -> None:
    assert machine.term_end("freeze", start, months=months) == end


def test_a_freeze_runs_six_months_and_renews_without_limit() -> None:
    status = executed("freeze")
    assert status.expires_at == datetime(2025, 9, 1, 9, 30, tzinfo=UTC)
    assert machine.renewals_left(status) is None
    for _ in range(4):
        status = machine.renew(status, now=status.expires_at - H)  # type: ignore[operator]
    assert status.renewals == 4
    assert status.expires_at == datetime(2027, 9, 1, 9, 30, tzinfo=UTC)
    shorter = machine.renew(executed("freeze"), now=T0, months=2)
    assert shorter.expires_at == datetime(2025, 11, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("months", [0, 7, -1])
def test_a_freeze_term_longer_than_six_months_is_refused(months: int) -> None:
    with pytest.raises(OrderError, match="1 至 6 个月"):
        machine.renew(executed("freeze"), now=T0, months=months)


def test_expiry_at_the_deadline_not_before() -> None:
    status = executed("stop_payment")
    assert not machine.is_due(status, T0 + 48 * H - timedelta(seconds=1))
    with pytest.raises(OrderConflict, match="期限未到"):
        machine.expire(status, now=T0 + 47 * H)
    assert machine.is_due(status, T0 + 48 * H)
    expired = machine.expire(status, now=T0 + 50 * H)
    assert (expired.state, expired.closed_at) == ("expired", T0 + 50 * H)


def test_expiring_includes_the_overdue_and_those_due_within_the_window() -> None:
    status = executed("stop_payment")  # due at T0 + 48 h
    assert machine.is_expiring(status, T0 + 40 * H, 12 * H)
    assert not machine.is_expiring(status, T0 + 30 * H, 12 * H)
    assert machine.is_expiring(status, T0 + 60 * H, 1 * H)  # overdue, not yet swept


def test_returns_close_the_order_only_when_everything_stopped_is_returned() -> None:
    status = executed("freeze")
    partial = machine.record_return(status, stopped_fen=10_000, returned_fen=0, amount_fen=4_000, now=T0)
    assert partial.state == "executed"
    full = machine.record_return(status, stopped_fen=10_000, returned_fen=4_000, amount_fen=6_000, now=T0)
    assert (full.state, full.closed_at) == ("returned", T0)
    with pytest.raises(OrderError, match="超过尚未返还"):
        machine.record_return(status, stopped_fen=10_000, returned_fen=4_000, amount_fen=6_001, now=T0)
    with pytest.raises(OrderError, match="大于零"):
        machine.record_return(status, stopped_fen=10_000, returned_fen=0, amount_fen=0, now=T0)


def test_only_an_active_stop_payment_is_superseded() -> None:
    assert machine.supersede(executed("stop_payment"), now=T0).state == "superseded"
    with pytest.raises(OrderConflict, match="只有紧急止付"):
        machine.supersede(executed("freeze"), now=T0)
    with pytest.raises(OrderConflict, match="待银行执行"):
        machine.supersede(Status("stop_payment"), now=T0)


def _final(state: str) -> Status:
    return Status("stop_payment", state, executed_at=T0, expires_at=T0 + 48 * H, closed_at=T0)


STEPS: dict[str, Callable[[Status], Status]] = {
    "execute": lambda s: machine.execute(s, now=T0 + H),
    "refuse": lambda s: machine.refuse(s, now=T0 + H),
    "renew": lambda s: machine.renew(s, now=T0 + H),
    "release": lambda s: machine.release(s, now=T0 + H),
    "supersede": lambda s: machine.supersede(s, now=T0 + H),
    "return": lambda s: machine.record_return(s, stopped_fen=100, returned_fen=0, amount_fen=100, now=T0 + H),
    "expire": lambda s: machine.expire(s, now=T0 + 100 * H),
}


@pytest.mark.parametrize("state", ["refused", "expired", "released", "superseded", "returned"])
@pytest.mark.parametrize("step", sorted(STEPS))
def test_final_states_refuse_every_step(state: str, step: str) -> None:
    with pytest.raises(OrderConflict, match=machine.STATE_NAMES[state]):
        STEPS[step](_final(state))


@pytest.mark.parametrize(
    ("step", "allowed"),
    [
        ("execute", True),
        ("refuse", True),
        ("release", True),
        ("renew", False),
        ("supersede", False),
        ("return", False),
        ("expire", False),
    ],
)
def test_a_requested_order_can_only_be_executed_refused_or_withdrawn(step: str, allowed: bool) -> None:
    if allowed:
        assert STEPS[step](Status("stop_payment")).state != "requested"
    else:
        with pytest.raises(OrderConflict):
            STEPS[step](Status("stop_payment"))


@pytest.mark.parametrize("step", ["execute", "refuse"])
def test_an_executed_order_cannot_be_executed_or_refused_again(step: str) -> None:
    with pytest.raises(OrderConflict, match="已执行"):
        STEPS[step](executed("stop_payment"))


def test_the_transition_table_names_every_state() -> None:
    assert set(machine.TRANSITIONS) == set(machine.STATES) == set(machine.STATE_NAMES)
    assert all(set(targets) <= set(machine.STATES) for targets in machine.TRANSITIONS.values())
