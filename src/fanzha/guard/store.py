"""The payment order guard in the store: merchants registered with a payment firm, their orders, and every
step of an order with its timestamp and the checks of `fanzha.guard.checks`.

`GuardStore(engine)` is what the API calls. A payment firm (its key's label is the `provider`) registers a
merchant with its domains, IP ranges (CIDR) and time limits, creates an order when a customer starts to pay,
and records each step (page shown, details entered, confirmed) as it happens; the guard answers proceed,
captcha (a person must prove it is one) or reject, with every check's verdict. An order whose interval ran
out becomes `invalid` (it must be created again); one reached from a foreign or lookalike site, from an
address outside the merchant's ranges or with a changed amount becomes `blocked`; the confirmed step
closes it as `confirmed`. Steps are stamped with the guard's clock, never the caller's.

Provider scope: with `provider` given, only that firm's merchants and orders exist (others are "not
found"); `provider=None` (admin) sees all. Money is yuan in and out, fen in the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fanzha.audit.log import append
from fanzha.guard.checks import OrderNow, StepRequest, judge
from fanzha.guard.model import (
    BLOCKING,
    GuardConflict,
    GuardError,
    GuardNotFound,
    Merchant,
    Order,
    StepResult,
    checked_domains,
    checked_ranges,
    merchant_of,
    now_utc,
    order_of,
    to_fen,
)
from fanzha.store.bank_tables import GuardMerchantRow, GuardOrderRow, GuardStepRow
from fanzha.timezones import from_db

__all__ = ["GuardConflict", "GuardError", "GuardNotFound", "GuardStore", "Merchant", "Order", "StepResult"]


class GuardStore:
    """Merchants, orders and steps of the payment order guard on the database behind `engine`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add_merchant(
        self,
        *,
        provider: str,
        code: str,
        name: str,
        domains: Sequence[str],
        ip_ranges: Sequence[str] = (),
        max_step_seconds: int = 600,
        max_order_seconds: int = 1800,
        min_human_ms: int = 1000,
        now: datetime | None = None,
    ) -> Merchant:
        if not code.strip() or not name.strip():
            raise GuardError("请填写商户编号和商户名称")
        if not 10 <= max_step_seconds <= max_order_seconds <= 86_400:
            raise GuardError("时间设定须满足：10秒 ≤ 步骤最长间隔 ≤ 订单最长时长 ≤ 86400秒")
        if not 0 <= min_human_ms <= 60_000:
            raise GuardError("人工操作最短间隔须在0到60000毫秒之间")
        row = GuardMerchantRow(
            provider=provider,
            code=code.strip(),
            name=name.strip(),
            domains=checked_domains(domains),
            ip_ranges=checked_ranges(ip_ranges),
            max_step_seconds=max_step_seconds,
            max_order_seconds=max_order_seconds,
            min_human_ms=min_human_ms,
            created_at=now_utc(now),
        )
        try:
            with Session(self.engine) as session, session.begin():
                session.add(row)
                session.flush()
                append(session, actor=provider, action="guard.merchant", subject=f"merchant:{row.id}",
                       detail={"code": row.code, "name": row.name, "domains": row.domains,
                               "ip_ranges": row.ip_ranges}, at=row.created_at)  # fmt: skip
                return merchant_of(row)
        except IntegrityError:
            raise GuardConflict(f"商户编号“{code.strip()}”已登记") from None

    def merchant(self, *, merchant_id: int, provider: str | None) -> Merchant:
        with Session(self.engine) as session:
            return merchant_of(self._merchant_row(session, merchant_id, provider))

    def create_order(
        self,
        *,
        provider: str | None,
        merchant_id: int,
        amount: float,
        ref: str = "",
        now: datetime | None = None,
    ) -> Order:
        fen, moment = to_fen(amount), now_utc(now)
        with Session(self.engine) as session, session.begin():
            self._merchant_row(session, merchant_id, provider)
            row = GuardOrderRow(
                merchant_id=merchant_id,
                ref=ref.strip()[:128],
                amount_fen=fen,
                state="open",
                last_step="created",
                last_step_at=moment,
                created_at=moment,
                closed_reason="",
            )
            session.add(row)
            session.flush()
            return order_of(row)

    def get_order(self, *, order_id: int, provider: str | None) -> Order:
        with Session(self.engine) as session:
            row, _merchant_row = self._order_row(session, order_id, provider)
            steps = session.scalars(
                select(GuardStepRow).where(GuardStepRow.order_id == order_id).order_by(GuardStepRow.id)
            ).all()
            return order_of(row, steps)

    def record_step(self, *, order_id: int, provider: str | None, request: StepRequest) -> StepResult:
        """Check one step (stamped `request.at`), store it with its verdicts, and move the order on."""
        with Session(self.engine) as session, session.begin():
            # Take the row's write lock before reading it, so two steps of one order take turns.
            session.execute(
                update(GuardOrderRow).where(GuardOrderRow.id == order_id).values(state=GuardOrderRow.state),
                execution_options={"synchronize_session": False},
            )
            row, merchant_row = self._order_row(session, order_id, provider)
            now = OrderNow(
                row.amount_fen / 100,
                row.state,
                row.last_step,
                from_db(row.last_step_at),
                from_db(row.created_at),
            )
            try:
                action, verdicts = judge(merchant_of(merchant_row).registration(), now, request)
            except ValueError as exc:
                raise GuardError(str(exc)) from None
            checks = [v.as_json() for v in verdicts]
            session.add(
                GuardStepRow(
                    order_id=order_id,
                    step=request.step,
                    at=request.at,
                    origin=request.origin[:512],
                    referer=request.referer[:2048],
                    source_ip=request.source_ip[:64],
                    amount_fen=None if request.amount is None else round(request.amount * 100),
                    human_verified=request.human_verified,
                    action=action,
                    checks=checks,
                )
            )
            failed = [v for v in verdicts if not v.ok and v.action == "reject"]
            if row.state == "open" and action == "proceed":
                row.last_step, row.last_step_at = request.step, request.at
                if request.step == "confirmed":
                    row.state = "confirmed"
            elif row.state == "open" and any(v.check == "expired" for v in failed):
                row.state, row.closed_reason = (
                    "invalid",
                    next(v.clause for v in failed if v.check == "expired"),
                )
            elif row.state == "open" and any(v.check in BLOCKING for v in failed):
                row.state, row.closed_reason = (
                    "blocked",
                    next(v.clause for v in failed if v.check in BLOCKING),
                )
            session.flush()
            return StepResult(action, checks, order_of(row))

    def _merchant_row(self, session: Session, merchant_id: int, provider: str | None) -> GuardMerchantRow:
        row = session.get(GuardMerchantRow, merchant_id)
        if row is None or (provider is not None and row.provider != provider):
            raise GuardNotFound(f"商户 #{merchant_id} 不存在")
        return row

    def _order_row(
        self, session: Session, order_id: int, provider: str | None
    ) -> tuple[GuardOrderRow, GuardMerchantRow]:
        row = session.get(GuardOrderRow, order_id)
        merchant = None if row is None else session.get(GuardMerchantRow, row.merchant_id)
        if row is None or merchant is None or (provider is not None and merchant.provider != provider):
            raise GuardNotFound(f"订单 #{order_id} 不存在")
        return row, merchant
