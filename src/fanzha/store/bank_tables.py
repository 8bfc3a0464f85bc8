"""Tables of the bank and payment side: the payment order guard (merchants with their registered domains and
IP ranges, orders, and every step with its timestamp and checks) and the counter and ATM checklists
(三问二看一核对, 一问二看三提醒) completed for held transfers.

Money is stored in fen (integer), never as floats; the domain code speaks yuan.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.tables import Base


class GuardMerchantRow(Base):
    """A merchant registered with a payment firm: where its payment requests may come from, and its time
    limits (时间戳: the longest allowed interval between two steps and for the whole order; the shortest
    interval a person needs between two steps)."""

    __tablename__ = "guard_merchants"
    __table_args__ = (UniqueConstraint("provider", "code", name="uq_guard_merchants_provider_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    provider: Mapped[str] = mapped_column(String(64))  # the payment firm (its API key's label)
    code: Mapped[str] = mapped_column(String(64))  # the merchant's number at the payment firm
    name: Mapped[str] = mapped_column(String(200))
    domains: Mapped[list[str]] = mapped_column(JSON, default=list)
    ip_ranges: Mapped[list[str]] = mapped_column(JSON, default=list)  # CIDR, IPv4 or IPv6
    max_step_seconds: Mapped[int] = mapped_column(Integer)
    max_order_seconds: Mapped[int] = mapped_column(Integer)
    min_human_ms: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GuardOrderRow(Base):
    """A payment order: open until confirmed, or invalid (expired: must be created again) or blocked."""

    __tablename__ = "guard_orders"
    __table_args__ = (Index("ix_guard_orders_merchant", "merchant_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    merchant_id: Mapped[int] = mapped_column(ForeignKey("guard_merchants.id", ondelete="CASCADE"))
    ref: Mapped[str] = mapped_column(String(128), default="")  # the merchant's order number
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | confirmed | invalid | blocked
    last_step: Mapped[str] = mapped_column(String(16), default="created")
    last_step_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closed_reason: Mapped[str] = mapped_column(Text, default="")


class GuardStepRow(Base):
    """One step request on an order, accepted or not, with what it came with and every check's verdict."""

    __tablename__ = "guard_steps"
    __table_args__ = (Index("ix_guard_steps_order", "order_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("guard_orders.id", ondelete="CASCADE"))
    step: Mapped[str] = mapped_column(String(16))  # shown | entered | confirmed
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    origin: Mapped[str] = mapped_column(String(512), default="")
    referer: Mapped[str] = mapped_column(String(2048), default="")
    source_ip: Mapped[str] = mapped_column(String(64), default="")
    amount_fen: Mapped[int | None] = mapped_column(BigInteger, default=None)
    human_verified: Mapped[bool] = mapped_column(Boolean, default=False)  # captcha / second confirmation
    action: Mapped[str] = mapped_column(String(8))  # proceed | captcha | reject
    checks: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)


class CounterCheckRow(Base):
    """A completed counter or ATM checklist for a transfer: the answers, the signed 《防范电信诈骗告知书》,
    the outcome (劝阻成功 / 客户坚持 / 报警) and what it fed (the case at the desk)."""

    __tablename__ = "counter_checks"
    __table_args__ = (
        Index("ix_counter_checks_bank", "bank", "created_at"),
        Index("uq_counter_checks_transfer", "bank", "transfer_id", unique=True),  # one check per transfer
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bank: Mapped[str] = mapped_column(String(64))
    transfer_id: Mapped[str] = mapped_column(String(128))
    decision_id: Mapped[int | None] = mapped_column(Integer, default=None)  # screen_decisions.id
    checklist: Mapped[str] = mapped_column(String(16))  # counter | atm
    answers: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    notice_signed: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_by: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(16))  # dissuaded | insisted | police
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    payer: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    payee_account: Mapped[str] = mapped_column(String(64), default="")
    payee_bank: Mapped[str] = mapped_column(String(64), default="")
    staff: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    case_id: Mapped[int | None] = mapped_column(Integer, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
