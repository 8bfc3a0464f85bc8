"""Tables of the police case desk: cases and their elements, linking (串并), key persons, stop-payment
and freeze orders, account inflows reported by banks, and the hash-chained audit log.

Money is stored in fen (integer), never as floats; the domain code speaks yuan.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.tables import Base


class CaseRow(Base):
    """One case (警情) with its 案情要素. Persons' names and phones live in `persons` (masked outside
    the officer role); the victim's age, sex and district are columns because statistics group by them."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_received", "received_at"),
        Index("ix_cases_group", "group_id"),
        Index("ix_cases_status", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)  # the desk's case number, or an import's id
    desk: Mapped[str] = mapped_column(String(64), default="")
    district: Mapped[str] = mapped_column(String(64), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    occurred_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    place: Mapped[str] = mapped_column(String(200), default="")
    contact_channel: Mapped[str] = mapped_column(String(32), default="")  # see fanzha.cases.model.CHANNELS
    fraud_type: Mapped[str] = mapped_column(String(32), default="")
    loss_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    dissuaded: Mapped[bool] = mapped_column(Boolean, default=False)  # 劝阻成功: stopped before paying
    victim_age: Mapped[int | None] = mapped_column(Integer, default=None)
    victim_sex: Mapped[str] = mapped_column(String(8), default="")  # 男 | 女 | ""
    persons: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)  # reporter, victim details
    narrative: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(24), default="received")
    officer: Mapped[str] = mapped_column(String(64), default="")
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)  # demo data, clearly labelled
    group_id: Mapped[int | None] = mapped_column(Integer, default=None)  # 串并 group (fanzha.cases.linking)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CasePaymentRow(Base):
    """One payment the victim made (time, amount, channel, from and to account, receiving bank)."""

    __tablename__ = "case_payments"
    __table_args__ = (Index("ix_case_payments_case", "case_id"), Index("ix_case_payments_to", "to_account"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    channel: Mapped[str] = mapped_column(String(32), default="")  # bank_transfer | alipay | wechat_pay | …
    from_account: Mapped[str] = mapped_column(String(64), default="")
    to_account: Mapped[str] = mapped_column(String(64), default="")
    to_bank: Mapped[str] = mapped_column(String(64), default="")


class CaseIdentifierRow(Base):
    """A scammer identifier named in a case, in canonical form (`value`) and as written (`raw`)."""

    __tablename__ = "case_identifiers"
    __table_args__ = (
        Index("ix_case_identifiers_value", "kind", "value"),
        Index("ix_case_identifiers_case", "case_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(
        String(16)
    )  # phone, bank_card, url, domain, ip, qq, wechat, alipay, app
    value: Mapped[str] = mapped_column(String(512))
    raw: Mapped[str] = mapped_column(String(512), default="")
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)  # entered the intelligence store


class LinkIdentifierRow(Base):
    """Incremental linking state: the group an identifier belongs to and how many cases name it.
    Official identifiers (allowlists) are never entered here, so they never link cases."""

    __tablename__ = "link_identifiers"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String(512), primary_key=True)
    group_id: Mapped[int] = mapped_column(Integer, index=True)
    n_cases: Mapped[int] = mapped_column(Integer, default=0)


class LinkGroupRow(Base):
    """A 串并 group: its id is the id of its first case; `size` counts its cases."""

    __tablename__ = "link_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    size: Mapped[int] = mapped_column(Integer, default=1)


class KeyPersonRow(Base):
    """重点管控人员: a suspect or a person under control, with the identifiers known to be theirs."""

    __tablename__ = "key_persons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    id_number: Mapped[str] = mapped_column(String(32), default="")  # shown masked
    category: Mapped[str] = mapped_column(String(24))  # suspect | controlled | returnee | mule
    district: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    identifiers: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # [{"kind", "value"}]
    officer: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OrderRow(Base):
    """A stop-payment (紧急止付) or freeze (冻结) order on one receiving account."""

    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_case", "case_id"),
        Index("ix_orders_state_expires", "state", "expires_at"),
        Index("ix_orders_account", "account"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), default=None)
    kind: Mapped[str] = mapped_column(String(16))  # stop_payment | freeze
    parent_id: Mapped[int | None] = mapped_column(Integer, default=None)  # the stop-payment a freeze follows
    account: Mapped[str] = mapped_column(String(64))
    bank: Mapped[str] = mapped_column(String(64), default="")
    amount_requested_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_stopped_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    amount_returned_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    officer: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(16))  # see fanzha.orders.machine
    renewals: Mapped[int] = mapped_column(Integer, default=0)
    covers: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)  # victims' money included
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    executed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class AccountInflowRow(Base):
    """A transfer into an account, as its bank reports it (for the "other victims in the same window" search)."""

    __tablename__ = "account_inflows"
    __table_args__ = (Index("ix_account_inflows_account_at", "account", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    from_account: Mapped[str] = mapped_column(String(64), default="")
    from_name: Mapped[str] = mapped_column(String(64), default="")
    reported_by: Mapped[str] = mapped_column(String(64), default="")
    order_id: Mapped[int | None] = mapped_column(Integer, default=None)


class AuditRow(Base):
    """Append-only, hash-chained: `hash` = SHA-256 over the previous hash and this entry's content."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48))
    subject: Mapped[str] = mapped_column(String(64), index=True)  # e.g. case:12, order:3
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
