"""Tables of 断卡: the 惩戒 list of holders of bank accounts and phone cards confirmed sold or rented (两卡),
and the checks banks make against it when an account is opened or a non-counter service is added."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.tables import Base


class CardbanEntryRow(Base):
    """An account or phone number confirmed sold or rented, its holder, the term of the 惩戒 and the evidence
    (a case at the desk, or a bank's own review). Lifted early with a reason, never deleted."""

    __tablename__ = "cardban_entries"
    __table_args__ = (
        Index("ix_cardban_entries_value", "kind", "value"),
        Index("ix_cardban_entries_holder", "holder_id"),
        Index("ix_cardban_entries_recorded", "recorded_by", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # bank_card | phone
    value: Mapped[str] = mapped_column(String(64))  # canonical (fanzha.cardban.canonical)
    raw: Mapped[str] = mapped_column(String(128), default="")  # as written
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)  # what did not validate (kept, not dropped)
    issuer: Mapped[str] = mapped_column(String(64), default="")  # the bank or operator of the card
    holder_name: Mapped[str] = mapped_column(String(64))
    holder_id: Mapped[str] = mapped_column(String(32))  # ID number, canonical (upper case, no spaces)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)  # last day of the term
    evidence: Mapped[str] = mapped_column(String(16))  # case | bank_review
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), default=None)
    review_ref: Mapped[str] = mapped_column(String(200), default="")  # the bank review's reference
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))  # the bank (its key's label) or the officer
    recorded_role: Mapped[str] = mapped_column(String(16))  # officer | bank | admin
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lifted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    lifted_by: Mapped[str] = mapped_column(String(64), default="")
    lift_reason: Mapped[str] = mapped_column(Text, default="")


class OpeningCheckRow(Base):
    """A bank's check of an account opening or a new online service against the list and the key persons."""

    __tablename__ = "opening_checks"
    __table_args__ = (Index("ix_opening_checks_bank", "bank", "checked_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bank: Mapped[str] = mapped_column(String(64))
    staff: Mapped[str] = mapped_column(String(64), default="")
    service: Mapped[str] = mapped_column(String(24))  # open_account | online_service
    holder_name: Mapped[str] = mapped_column(String(64), default="")
    holder_id: Mapped[str] = mapped_column(String(32))
    account: Mapped[str] = mapped_column(String(64), default="")  # canonical, or ""
    phone: Mapped[str] = mapped_column(String(64), default="")  # canonical, or ""
    verdict: Mapped[str] = mapped_column(String(16))  # allow | counter_only | verify
    reasons: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
