"""Stop-payment and freeze orders in the store, each change audited in the same transaction.

`OrderStore(engine)` is what the API and the CLI call. The officer requests a stop-payment on an
account a case's victim paid into, renews it, turns it into a freeze, releases it and records money
returned; the bank executes (with the amount actually stopped) or refuses, and reports the
account's inflows, from which the order's `covers` (other victims' money in the same window,
`fanzha.orders.sweep`) are recomputed. The rules of states and deadlines are in
`fanzha.orders.machine`.

Bank scope: the methods a bank calls take `bank`; when it is given, only orders addressed to that
bank exist for the caller — any other is "not found", so a bank learns nothing of other banks' orders.
Banks are compared by `fanzha.intel.banks.bank_name` (an order is stored with it): an order to 工行 reaches
the key labelled 中国工商银行 or 工商银行. `bank=None` (officers, admins) sees every order.

Every change appends an audit entry (`fanzha.audit.log`, subject `order:<id>`, action `order.<verb>`)
in the transaction that makes it, and the transaction is retried when another writer took the same
audit sequence number first. Money is yuan in and out, fen in the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from fanzha.audit.log import AuditEntry, append, append_retrying, history
from fanzha.intel.banks import bank_name
from fanzha.orders import machine
from fanzha.orders.machine import ACTIVE, OPEN, Order, OrderConflict, OrderError, OrderNotFound
from fanzha.orders.rows import (
    InflowReport,
    apply_status,
    audit_step,
    checked_fen,
    checked_text,
    lock_audit,
    new_order,
    now_or,
    refuse_duplicate,
    status_of,
    to_order,
)
from fanzha.orders.sweep import (
    DEFAULT_MARGIN,
    Cover,
    Inflow,
    compact,
    other_victims,
    paid_into,
    refresh_covers,
    store_inflows,
    window_for,
)
from fanzha.store.case_tables import CaseRow, OrderRow

__all__ = [
    "Cover",
    "Inflow",
    "InflowReport",
    "Order",
    "OrderConflict",
    "OrderError",
    "OrderNotFound",
    "OrderStore",
]


class OrderStore:
    """Stop-payment and freeze orders on the database behind `engine`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- officer ---------------------------------------------------------------------------------

    def proposal(self, *, case_id: int, account: str) -> tuple[str, float]:
        """The receiving bank and the total (yuan) the case's victim paid into `account`."""
        with Session(self.engine) as session:
            if session.get(CaseRow, case_id) is None:
                raise OrderNotFound(f"案件 #{case_id} 不存在")
            bank, fen = paid_into(session, case_id=case_id, account=account)
            return bank, fen / 100

    def request_stop_payment(
        self,
        *,
        case_id: int,
        account: str,
        bank: str,
        amount: float,
        legal_basis: str,
        officer: str,
        now: datetime | None = None,
    ) -> Order:
        """A new stop-payment in state `requested`, with the other victims' money it covers."""
        account, bank = (
            checked_text(compact(account), "收款账户", limit=64),
            bank_name(checked_text(bank, "收款银行", limit=64)),
        )
        fields = {
            "account": account,
            "bank": bank,
            "amount_requested_fen": checked_fen(amount, "申请止付金额"),
        }
        basis = checked_text(legal_basis, "法律依据", limit=2000)

        def work(session: Session) -> Order:
            lock_audit(session, CaseRow.status, CaseRow.id == case_id)  # one request per case at a time
            if session.get(CaseRow, case_id) is None:
                raise OrderNotFound(f"案件 #{case_id} 不存在")
            refuse_duplicate(session, case_id, account)
            row = new_order(session, case_id, "stop_payment", basis, officer, now_or(now), **fields)
            return to_order(row)

        return append_retrying(self.engine, work)

    def renew(
        self, *, order_id: int, officer: str, months: int = machine.FREEZE_MONTHS, now: datetime | None = None
    ) -> Order:
        """Extend an active order (stop-payment: 48 h, at most twice; freeze: `months`, up to 6)."""

        def work(session: Session, row: OrderRow, now: datetime) -> None:
            apply_status(row, machine.renew(status_of(row), now=now, months=months))
            audit_step(
                session, row, officer, "renewed", now, renewals=row.renewals, expires_at=row.expires_at
            )

        return self._change(order_id, work, now=now)

    def freeze(
        self,
        *,
        order_id: int,
        legal_basis: str,
        officer: str,
        amount: float | None = None,
        now: datetime | None = None,
    ) -> Order:
        """A freeze following the active stop-payment `order_id` (its `parent_id`). The stop-payment
        stays in force until the bank executes the freeze, which then supersedes it."""
        moment, basis = now_or(now), checked_text(legal_basis, "法律依据", limit=2000)
        fen = None if amount is None else checked_fen(amount, "申请冻结金额")

        def work(session: Session) -> Order:
            parent = self._load(session, order_id, None)
            if parent.kind != "stop_payment" or parent.state not in ACTIVE:
                raise OrderConflict("只有已执行（或已续期）的紧急止付才能转为冻结")
            pending = session.scalar(
                select(OrderRow.id).where(OrderRow.parent_id == parent.id, OrderRow.state.in_(OPEN))
            )
            if pending is not None:
                raise OrderConflict(f"该紧急止付已有转冻结指令 #{pending}")
            requested = fen if fen is not None else (parent.amount_stopped_fen or parent.amount_requested_fen)
            fields = {"account": parent.account, "bank": parent.bank, "amount_requested_fen": requested}
            row = new_order(
                session, parent.case_id, "freeze", basis, officer, moment, parent_id=parent.id, **fields
            )
            audit_step(session, parent, officer, "freeze_requested", moment, freeze_id=row.id)
            return to_order(row)

        return append_retrying(self.engine, work)

    def release(self, *, order_id: int, reason: str, officer: str, now: datetime | None = None) -> Order:
        """Lift an order (or withdraw one the bank has not executed yet)."""
        reason = checked_text(reason, "解除理由", limit=2000)

        def work(session: Session, row: OrderRow, now: datetime) -> None:
            apply_status(row, machine.release(status_of(row), now=now))
            row.note = reason
            audit_step(session, row, officer, "released", now, reason=reason)

        return self._change(order_id, work, now=now)

    def record_return(
        self,
        *,
        order_id: int,
        amount: float,
        officer: str,
        victim_case_id: int | None = None,
        now: datetime | None = None,
    ) -> Order:
        """Money returned to a victim out of what the order holds; the last return closes it."""
        fen = checked_fen(amount, "返还金额")

        def work(session: Session, row: OrderRow, now: datetime) -> None:
            status = machine.record_return(
                status_of(row),
                stopped_fen=row.amount_stopped_fen,
                returned_fen=row.amount_returned_fen,
                amount_fen=fen,
                now=now,
            )
            apply_status(row, status)
            row.amount_returned_fen += fen
            total = row.amount_returned_fen
            audit_step(
                session, row, officer, "returned", now, amount_fen=fen, total_fen=total, case=victim_case_id
            )

        return self._change(order_id, work, now=now)

    def expire_due(self, *, now: datetime | None = None, actor: str = "system") -> list[Order]:
        """Mark every active order whose deadline has passed as expired; the orders changed."""
        now = now_or(now)

        def work(session: Session) -> list[Order]:
            due = (OrderRow.state.in_(ACTIVE), OrderRow.expires_at <= now)
            lock_audit(session, OrderRow.state, *due)
            rows = session.scalars(
                select(OrderRow).where(*due).order_by(OrderRow.expires_at, OrderRow.id)
            ).all()
            for row in rows:
                apply_status(row, machine.expire(status_of(row), now=now))
                audit_step(session, row, actor, "expired", now, expires_at=row.expires_at)
            return [to_order(r) for r in rows]

        return append_retrying(self.engine, work)

    # -- bank ------------------------------------------------------------------------------------

    def execute(
        self,
        *,
        order_id: int,
        amount_stopped: float,
        bank_actor: str,
        bank: str | None = None,
        note: str = "",
        now: datetime | None = None,
    ) -> Order:
        """The bank carried the order out and holds `amount_stopped` (yuan); the deadline starts now.
        Executing a freeze supersedes the stop-payment it follows, if that is still in force."""
        fen = checked_fen(amount_stopped, "实际止付（冻结）金额", zero_ok=True)

        def work(session: Session, row: OrderRow, now: datetime) -> None:
            parent = self._load(session, row.parent_id, None) if row.parent_id is not None else None
            apply_status(row, machine.execute(status_of(row), now=now))
            row.amount_stopped_fen, row.note = fen, note.strip()[:2000]
            audit_step(
                session, row, bank_actor, "executed", now, amount_stopped_fen=fen, expires_at=row.expires_at
            )
            if parent is not None and parent.state in ACTIVE:
                apply_status(parent, machine.supersede(status_of(parent), now=now))
                audit_step(session, parent, bank_actor, "superseded", now, freeze_id=row.id)

        return self._change(order_id, work, bank=bank, now=now)

    def refuse(
        self,
        *,
        order_id: int,
        reason: str,
        bank_actor: str,
        bank: str | None = None,
        now: datetime | None = None,
    ) -> Order:
        """The bank cannot carry the order out (account closed, not theirs, …), with its reason."""
        reason = checked_text(reason, "拒绝理由", limit=2000)

        def work(session: Session, row: OrderRow, now: datetime) -> None:
            apply_status(row, machine.refuse(status_of(row), now=now))
            row.note = reason
            audit_step(session, row, bank_actor, "refused", now, reason=reason)

        return self._change(order_id, work, bank=bank, now=now)

    def report_inflows(
        self,
        *,
        account: str,
        inflows: Sequence[Inflow],
        reported_by: str,
        bank: str | None = None,
        now: datetime | None = None,
    ) -> InflowReport:
        """Store the inflows a bank reports for `account` and recompute the covers of the open orders
        on it. With `bank`, the account must have an order addressed to that bank."""
        now, account = now_or(now), checked_text(compact(account), "账户", limit=64)

        def work(session: Session) -> InflowReport:
            lock_audit(
                session, OrderRow.state, OrderRow.account == account
            )  # one report per account at a time
            query = select(OrderRow).where(OrderRow.account == account).order_by(OrderRow.id.desc())
            orders = session.scalars(
                query if bank is None else query.where(OrderRow.bank == bank_name(bank))
            ).all()
            if bank is not None and not orders:
                raise OrderNotFound("没有发往本行的该账户止付或冻结指令")
            target = next((o for o in orders if o.state in OPEN), orders[0] if orders else None)
            order_id = target.id if target is not None else None
            stored, skipped = store_inflows(
                session, account=account, inflows=inflows, reported_by=reported_by, order_id=order_id
            )
            changed = refresh_covers(session, account=account)
            counts = {"account": account, "stored": stored, "skipped": skipped}
            if target is not None:
                audit_step(session, target, reported_by, "inflows_reported", now, **counts)
            else:
                subject, action = f"account:{account}", "account.inflows_reported"
                append(session, actor=reported_by, action=action, subject=subject, detail=counts, at=now)
            for row in changed:
                audit_step(session, row, reported_by, "covers_updated", now, covers=len(row.covers))
            return InflowReport(stored, skipped, tuple(row.id for row in changed))

        return append_retrying(self.engine, work)

    # -- reading ---------------------------------------------------------------------------------

    def get(self, *, order_id: int, bank: str | None = None) -> Order:
        with Session(self.engine) as session:
            return to_order(self._load(session, order_id, bank, lock=False))

    def list_orders(
        self,
        *,
        state: str | None = None,
        case_id: int | None = None,
        account: str | None = None,
        bank: str | None = None,
        expiring_within: timedelta | None = None,
        now: datetime | None = None,
        limit: int = 200,
    ) -> list[Order]:
        """Orders, newest first; with `expiring_within`, the active ones whose deadline falls within
        it (overdue ones too), soonest first."""
        query = select(OrderRow)
        if state is not None:
            query = query.where(OrderRow.state == state)
        if case_id is not None:
            query = query.where(OrderRow.case_id == case_id)
        if account is not None:
            query = query.where(OrderRow.account == compact(account))
        if bank is not None:
            query = query.where(OrderRow.bank == bank_name(bank))
        if expiring_within is not None:
            until = now_or(now) + expiring_within
            query = query.where(OrderRow.state.in_(ACTIVE), OrderRow.expires_at <= until)
            query = query.order_by(OrderRow.expires_at, OrderRow.id)
        else:
            query = query.order_by(OrderRow.id.desc())
        with Session(self.engine) as session:
            return [to_order(r) for r in session.scalars(query.limit(limit))]

    def expiring(self, *, within: timedelta, now: datetime | None = None) -> list[Order]:
        """Active orders whose deadline falls within `within` from now (overdue ones first)."""
        return self.list_orders(expiring_within=within, now=now, limit=10_000)

    def history(self, *, order_id: int) -> list[AuditEntry]:
        with Session(self.engine) as session:
            return history(session, f"order:{order_id}")

    def other_victims(
        self,
        *,
        order_id: int | None = None,
        account: str | None = None,
        case_id: int | None = None,
        margin: timedelta = DEFAULT_MARGIN,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[Cover]:
        """Other victims' money in an order's account (or `account`, for `case_id`) in the window
        of `fanzha.orders.sweep`, or between `start` and `end`. Reads only."""
        with Session(self.engine) as session:
            if order_id is not None:
                row = self._load(session, order_id, None, lock=False)
                account, case_id = row.account, row.case_id
            if not account:
                raise OrderError("请给出指令编号或账户")
            window = (
                (start, end)
                if start and end
                else window_for(session, case_id=case_id, account=account, margin=margin)
            )
            if window is None:
                raise OrderError("无法确定时间段，请给出起止时间")
            return other_victims(
                session, account=account, start=window[0], end=window[1], exclude_case_id=case_id
            )

    # -- helpers ---------------------------------------------------------------------------------

    def _load(self, session: Session, order_id: int, bank: str | None, *, lock: bool = True) -> OrderRow:
        if lock:
            lock_audit(session, OrderRow.state, OrderRow.id == order_id)
        row = session.scalar(select(OrderRow).where(OrderRow.id == order_id))
        if row is None or (bank is not None and row.bank != bank_name(bank)):
            raise OrderNotFound(f"指令 #{order_id} 不存在")
        return row

    def _change(
        self,
        order_id: int,
        work: Callable[[Session, OrderRow, datetime], None],
        *,
        bank: str | None = None,
        now: datetime | None = None,
    ) -> Order:
        moment = now_or(now)

        def run(session: Session) -> Order:
            row = self._load(session, order_id, bank)
            work(session, row, moment)
            session.flush()
            return to_order(row)

        return append_retrying(self.engine, run)
