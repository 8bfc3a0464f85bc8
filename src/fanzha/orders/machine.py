"""The life of a stop-payment (紧急止付) or freeze (冻结) order, as a pure state machine.

States (`STATES`, names in `STATE_NAMES`) and the steps between them (`TRANSITIONS`)::

    requested  → executed (the bank stopped the money) | refused (the bank declined, with a reason)
                 | released (the officer withdrew it)
    executed   → renewed | expired | released | superseded | returned
    renewed    → renewed | expired | released | superseded | returned
    refused, expired, released, superseded, returned: final

- `requested`: sent to the bank, not yet answered. No deadline runs yet.
- `executed` / `renewed` (`ACTIVE`): the bank holds the money; the deadline runs from execution.
  A stop-payment lasts `STOP_PAYMENT_HOURS` (48 h) and may be renewed at most `MAX_STOP_RENEWALS`
  (2) times, 48 h each, counted from the current deadline (not from the moment of renewal). A freeze
  lasts `FREEZE_MONTHS` (6 calendar months); each renewal (续冻) adds up to 6 months to the current
  deadline, as often as needed. A renewal must be made before the deadline passes.
- `superseded`: a stop-payment whose follow-up freeze the bank has executed; the freeze now holds
  the money (it references the stop-payment as `parent_id`). Only stop-payments are superseded.
- `refused` (the bank declined, with a reason), `expired` (the deadline passed with no renewal),
  `released` (the officer lifted the order, or withdrew it before execution) and `returned` (the
  money stopped has all been returned to the victims) are final.

Money returned to victims is recorded against an active order; partial returns leave it active, the
return that brings the total to the amount stopped closes it as `returned`.

Every function takes `now` (timezone-aware) and returns a new `Status`; an illegal step raises
`OrderError` with a message in Chinese. Nothing here touches the database.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

KINDS = ("stop_payment", "freeze")
KIND_NAMES = {"stop_payment": "紧急止付", "freeze": "冻结"}
STATES = ("requested", "executed", "renewed", "refused", "expired", "released", "superseded", "returned")
STATE_NAMES = {
    "requested": "待银行执行",
    "executed": "已执行",
    "renewed": "已续期",
    "refused": "银行拒绝",
    "expired": "已到期",
    "released": "已解除",
    "superseded": "已转冻结",
    "returned": "已返还",
}
ACTIVE = ("executed", "renewed")
OPEN = ("requested", *ACTIVE)  # not final: the order may still hold money
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "requested": ("executed", "refused", "released"),
    "executed": ("renewed", "expired", "released", "superseded", "returned"),
    "renewed": ("renewed", "expired", "released", "superseded", "returned"),
    "refused": (),
    "expired": (),
    "released": (),
    "superseded": (),
    "returned": (),
}

STOP_PAYMENT_HOURS = 48
MAX_STOP_RENEWALS = 2
FREEZE_MONTHS = 6  # the longest term of a freeze and of each renewal


class OrderError(ValueError):
    """An order cannot do this (illegal transition, bad amount, unknown order); message in Chinese."""


class OrderNotFound(OrderError):
    """No such order (or case), or not one the caller may see."""


class OrderConflict(OrderError):
    """The order's state does not allow this step (now, or any more)."""


@dataclass(frozen=True, slots=True)
class Status:
    """The part of an order the state machine rules over."""

    kind: str
    state: str = "requested"
    renewals: int = 0
    executed_at: datetime | None = None
    expires_at: datetime | None = None
    closed_at: datetime | None = None


def utc(moment: datetime) -> datetime:
    """In UTC; naive datetimes (SQLite gives them back) are taken as UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def add_months(moment: datetime, months: int) -> datetime:
    """Calendar months, the day clamped to the month's end (31 Aug + 6 months = 28/29 Feb)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def term_end(kind: str, start: datetime, *, months: int = FREEZE_MONTHS) -> datetime:
    """The deadline of a term of `kind` that begins at `start`."""
    if kind == "stop_payment":
        return start + timedelta(hours=STOP_PAYMENT_HOURS)
    if not 1 <= months <= FREEZE_MONTHS:
        raise OrderError(f"冻结（续冻）期限须为 1 至 {FREEZE_MONTHS} 个月")
    return add_months(start, months)


def _step(status: Status, to: str) -> None:
    if to not in TRANSITIONS.get(status.state, ()):
        raise OrderConflict(
            f"{KIND_NAMES.get(status.kind, '指令')}处于“{STATE_NAMES.get(status.state, status.state)}”状态，"
            f"不能{_VERBS[to]}"
        )


_VERBS = {
    "executed": "执行",
    "refused": "拒绝",
    "renewed": "续期",
    "expired": "置为到期",
    "released": "解除",
    "superseded": "转为冻结",
    "returned": "登记返还",
}


def is_due(status: Status, now: datetime) -> bool:
    """An active order whose deadline has passed (it should be marked expired)."""
    return status.state in ACTIVE and status.expires_at is not None and utc(status.expires_at) <= now


def is_expiring(status: Status, now: datetime, within: timedelta) -> bool:
    """An active order whose deadline falls within `within` from now (overdue ones included)."""
    return status.state in ACTIVE and status.expires_at is not None and utc(status.expires_at) <= now + within


def renewals_left(status: Status) -> int | None:
    """How many more renewals are allowed (None: no limit, as for a freeze)."""
    return max(0, MAX_STOP_RENEWALS - status.renewals) if status.kind == "stop_payment" else None


def execute(status: Status, *, now: datetime) -> Status:
    _step(status, "executed")
    return replace(status, state="executed", executed_at=now, expires_at=term_end(status.kind, now))


def refuse(status: Status, *, now: datetime) -> Status:
    _step(status, "refused")
    return replace(status, state="refused", closed_at=now)


def renew(status: Status, *, now: datetime, months: int = FREEZE_MONTHS) -> Status:
    """Extend from the current deadline; refused once it has passed or (stop-payment) after two."""
    _step(status, "renewed")
    if status.expires_at is None or utc(status.expires_at) <= now:
        raise OrderConflict("期限已过，不能再续期，请重新申请")
    if status.kind == "stop_payment" and status.renewals >= MAX_STOP_RENEWALS:
        raise OrderConflict(f"紧急止付最多续期 {MAX_STOP_RENEWALS} 次，请转为冻结")
    expires = term_end(status.kind, utc(status.expires_at), months=months)
    return replace(status, state="renewed", renewals=status.renewals + 1, expires_at=expires)


def expire(status: Status, *, now: datetime) -> Status:
    _step(status, "expired")
    if not is_due(status, now):
        raise OrderConflict("期限未到，不能置为到期")
    return replace(status, state="expired", closed_at=now)


def release(status: Status, *, now: datetime) -> Status:
    _step(status, "released")
    return replace(status, state="released", closed_at=now)


def supersede(status: Status, *, now: datetime) -> Status:
    if status.kind != "stop_payment":
        raise OrderConflict("只有紧急止付可以转为冻结")
    _step(status, "superseded")
    return replace(status, state="superseded", closed_at=now)


def record_return(
    status: Status, *, stopped_fen: int, returned_fen: int, amount_fen: int, now: datetime
) -> Status:
    """Check a return of `amount_fen` against what was stopped; the last one closes the order."""
    if status.state not in ACTIVE:
        _step(status, "returned")
    if amount_fen <= 0:
        raise OrderError("返还金额须大于零")
    if returned_fen + amount_fen > stopped_fen:
        left = (stopped_fen - returned_fen) / 100
        raise OrderError(f"返还金额超过尚未返还的止付（冻结）金额 {left:.2f} 元")
    if returned_fen + amount_fen == stopped_fen:
        return replace(status, state="returned", closed_at=now)
    return status


@dataclass(frozen=True, slots=True)
class Order:
    """A stored order, money in yuan. `covers`: other victims' money included (`fanzha.orders.sweep`)."""

    id: int
    case_id: int | None
    kind: str
    parent_id: int | None
    account: str
    bank: str
    amount_requested: float
    amount_stopped: float
    amount_returned: float
    legal_basis: str
    officer: str
    state: str
    renewals: int
    requested_at: datetime
    executed_at: datetime | None = None
    expires_at: datetime | None = None
    closed_at: datetime | None = None
    note: str = ""
    covers: list[dict[str, Any]] = field(default_factory=list)

    @property
    def status(self) -> Status:
        return Status(self.kind, self.state, self.renewals, self.executed_at, self.expires_at, self.closed_at)

    @property
    def renewals_left(self) -> int | None:
        return renewals_left(self.status)

    def overdue(self, now: datetime) -> bool:
        return is_due(self.status, utc(now))
