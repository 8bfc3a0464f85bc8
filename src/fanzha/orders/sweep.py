"""同时间段其他受害者资金: other victims' money that reached the same account in the same window.

The window. The case's own payments into the account anchor it: from the first of them minus
`margin` to the last plus `margin` (`DEFAULT_MARGIN`, 72 hours: a mule account (卡农) is typically
used for a few days and then dropped). When the case has no dated payment into the account, the
window is centred on the case's time of occurrence (else its time of receipt). A stored time outside the
accepted range (`fanzha.timezones.check_date`, e.g. a year-1 date entered before the range was
enforced) anchors nothing: it is a typo, and the margin would overflow it.

Three rules, tried in this order; each piece of money counts once:

1. A reported inflow (`AccountInflowRow`, from the account's bank) in the window whose `from_account`
   is the account another case's victim paid from (`CasePaymentRow.from_account`).
2. A reported inflow in the window with exactly the amount of another case's payment into this same
   account, at most `TIME_TOLERANCE` (1 hour) from the time the victim gave.
3. Another case's payment into this account that its victim reported, dated in the window (or with no
   date given: it cannot be placed outside it), not already matched by an inflow.

Inflows that match the order's own case (its victim's money) are left out: the order covers them
already. Accounts are compared without spaces and hyphens (`compact`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from fanzha.cases.model import to_fen
from fanzha.orders.machine import OPEN, OrderError, utc
from fanzha.store.case_tables import AccountInflowRow, CasePaymentRow, CaseRow, OrderRow
from fanzha.timezones import BEIJING, DateOutOfRange, check_date

DEFAULT_MARGIN = timedelta(hours=72)
TIME_TOLERANCE = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Cover:
    """Another victim's money in the account: which case, how much (yuan), when, from where, and why."""

    case_id: int
    amount: float
    at: datetime | None
    from_account: str
    why: str
    source: str  # inflow (reported by the bank) | case (reported by the victim)

    def as_json(self) -> dict[str, object]:
        at = (
            utc(self.at).astimezone(BEIJING).isoformat() if self.at is not None else None
        )  # +08:00 as every API time
        return {
            "case_id": self.case_id,
            "amount": self.amount,
            "at": at,
            "from_account": self.from_account,
            "why": self.why,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Inflow:
    """A transfer into an account, as its bank reports it (amount in yuan)."""

    at: datetime
    amount: float
    from_account: str = ""
    from_name: str = ""


def compact(account: str) -> str:
    return "".join(ch for ch in account if not ch.isspace() and ch != "-")


def _forms(accounts: Iterable[str]) -> set[str]:
    """The values to look for in columns that may hold an account as written or compacted."""
    return {form for a in accounts if a for form in (a, compact(a))}


def _sane(at: datetime) -> bool:
    try:
        check_date(utc(at))
    except DateOutOfRange:
        return False
    return True


def window_for(
    session: Session, *, case_id: int | None, account: str, margin: timedelta = DEFAULT_MARGIN
) -> tuple[datetime, datetime] | None:
    """The same-period window of a case's money into `account` (None: no time to anchor it on)."""
    anchors: list[datetime] = []
    if case_id is not None:
        paid = session.scalars(
            select(CasePaymentRow.paid_at).where(
                CasePaymentRow.case_id == case_id, CasePaymentRow.to_account.in_(_forms([account]))
            )
        )
        anchors = [utc(at) for at in paid if at is not None and _sane(at)]
        if not anchors:
            case = session.get(CaseRow, case_id)
            if case is not None:
                times = (case.occurred_at, case.received_at)
                anchors = [utc(at) for at in times if at is not None and _sane(at)][:1]
    if not anchors:
        return None
    return min(anchors) - margin, max(anchors) + margin


def other_victims(
    session: Session, *, account: str, start: datetime, end: datetime, exclude_case_id: int | None
) -> list[Cover]:
    """Other cases' money that reached `account` between `start` and `end` (see the module's rules)."""
    forms, account = _forms([account]), compact(account)
    start, end = utc(start), utc(end)
    inflows = session.scalars(
        select(AccountInflowRow)
        .where(AccountInflowRow.account == account, AccountInflowRow.at >= start, AccountInflowRow.at <= end)
        .order_by(AccountInflowRow.at, AccountInflowRow.id)
    ).all()
    senders = _forms(i.from_account for i in inflows)
    clauses = [CasePaymentRow.to_account.in_(forms)]
    if senders:
        clauses.append(CasePaymentRow.from_account.in_(senders))
    payments = session.scalars(select(CasePaymentRow).where(or_(*clauses)).order_by(CasePaymentRow.id)).all()
    query = select(CaseRow.id, CaseRow.ref).where(CaseRow.id.in_({p.case_id for p in payments}))
    refs = {case_id: ref for case_id, ref in session.execute(query)}
    into = [p for p in payments if compact(p.to_account) == account]
    used: set[int] = set()
    covers: list[Cover] = []
    for inflow in inflows:
        found = _by_sender(inflow, payments, used) or _by_amount_and_time(inflow, into, used)
        if found is None:
            continue
        payment, why = found
        if compact(payment.to_account) == account:
            used.add(payment.id)
        if payment.case_id == exclude_case_id:
            continue
        covers.append(
            Cover(
                case_id=payment.case_id,
                amount=inflow.amount_fen / 100,
                at=utc(inflow.at),
                from_account=inflow.from_account,
                why=f"案件 {refs.get(payment.case_id, payment.case_id)}：{why}",
                source="inflow",
            )
        )
    for payment in into:
        if payment.id in used or payment.case_id == exclude_case_id:
            continue
        if payment.paid_at is not None and not start <= utc(payment.paid_at) <= end:
            continue
        when = "在此时间段" if payment.paid_at is not None else "（未记录时间）"
        covers.append(
            Cover(
                case_id=payment.case_id,
                amount=payment.amount_fen / 100,
                at=utc(payment.paid_at) if payment.paid_at is not None else None,
                from_account=payment.from_account,
                why=f"案件 {refs.get(payment.case_id, payment.case_id)}：受害人报称{when}向该账户转账",
                source="case",
            )
        )
    return covers


def _by_sender(
    inflow: AccountInflowRow, payments: Sequence[CasePaymentRow], used: set[int]
) -> tuple[CasePaymentRow, str] | None:
    sender = compact(inflow.from_account)
    if not sender:
        return None
    same = [p for p in payments if compact(p.from_account) == sender]
    if not same:
        return None
    at = utc(inflow.at)
    best = min(
        same,
        key=lambda p: (
            p.id in used,
            compact(p.to_account) != compact(inflow.account),
            abs(p.amount_fen - inflow.amount_fen),
            abs(utc(p.paid_at) - at) if p.paid_at is not None else timedelta.max,
        ),
    )
    return best, "转出账户与该案受害人的付款账户相同"


def _by_amount_and_time(
    inflow: AccountInflowRow, into: list[CasePaymentRow], used: set[int]
) -> tuple[CasePaymentRow, str] | None:
    at = utc(inflow.at)
    close = [
        p
        for p in into
        if p.id not in used
        and p.amount_fen == inflow.amount_fen
        and p.paid_at is not None
        and abs(utc(p.paid_at) - at) <= TIME_TOLERANCE
    ]
    if not close:
        return None
    best = min(close, key=lambda p: abs(utc(p.paid_at or at) - at))
    minutes = round(abs(utc(best.paid_at or at) - at).total_seconds() / 60)
    return (
        best,
        f"金额 {inflow.amount_fen / 100:.2f} 元相同、时间相差 {minutes} 分钟，与该案受害人报称的转账一致",
    )


def covers_for(
    session: Session, *, case_id: int | None, account: str, margin: timedelta = DEFAULT_MARGIN
) -> list[dict[str, object]]:
    """The `covers` of an order of `case_id` on `account`: other victims' money in its window."""
    window = window_for(session, case_id=case_id, account=account, margin=margin)
    if window is None:
        return []
    found = other_victims(session, account=account, start=window[0], end=window[1], exclude_case_id=case_id)
    return [cover.as_json() for cover in found]


def paid_into(session: Session, *, case_id: int, account: str) -> tuple[str, int]:
    """The receiving bank the case names for `account`, and the total (fen) its victim paid into it."""
    paid = session.scalars(select(CasePaymentRow).where(CasePaymentRow.case_id == case_id)).all()
    mine = [p for p in paid if compact(p.to_account) == compact(account)]
    return next((p.to_bank for p in mine if p.to_bank), ""), sum(p.amount_fen for p in mine)


def store_inflows(
    session: Session, *, account: str, inflows: Sequence[Inflow], reported_by: str, order_id: int | None
) -> tuple[int, int]:
    """Add the inflows not stored yet (a bank may send the same statement twice: same time, amount
    and sender are the same inflow). Returns (stored, skipped)."""
    rows = []
    for n, inflow in enumerate(inflows, 1):
        if not math.isfinite(inflow.amount) or not 0 < inflow.amount <= 1e12:
            raise OrderError(f"第 {n} 笔入账的金额须大于零")
        try:
            check_date(inflow.at, f"第 {n} 笔入账的时间")
        except DateOutOfRange as exc:
            raise OrderError(str(exc)) from None
        sender = compact(inflow.from_account)
        if len(sender) > 64 or len(inflow.from_name.strip()) > 64:
            raise OrderError(f"第 {n} 笔入账的转出账户或户名过长")
        rows.append((utc(inflow.at), to_fen(inflow.amount), sender, inflow.from_name.strip()))
    if not rows:
        return 0, 0
    seen = {
        (utc(r.at), r.amount_fen, compact(r.from_account))
        for r in session.scalars(
            select(AccountInflowRow).where(
                AccountInflowRow.account == account,
                AccountInflowRow.at >= min(r[0] for r in rows),
                AccountInflowRow.at <= max(r[0] for r in rows),
            )
        )
    }
    stored = 0
    for at, fen, sender, name in rows:
        if (at, fen, sender) in seen:
            continue
        seen.add((at, fen, sender))
        session.add(
            AccountInflowRow(
                account=account,
                at=at,
                amount_fen=fen,
                from_account=sender,
                from_name=name,
                reported_by=reported_by[:64],
                order_id=order_id,
            )
        )
        stored += 1
    session.flush()
    return stored, len(rows) - stored


def refresh_covers(session: Session, *, account: str) -> list[OrderRow]:
    """Recompute the covers of the open orders on `account`; the orders whose covers changed."""
    changed = []
    orders = session.scalars(select(OrderRow).where(OrderRow.account == account, OrderRow.state.in_(OPEN)))
    for row in orders:
        covers = covers_for(session, case_id=row.case_id, account=account)
        if covers != (row.covers or []):
            row.covers = covers
            changed.append(row)
    return changed
