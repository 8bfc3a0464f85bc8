"""Tables of warnings (金钟罩): residents registered for warnings with their consent, their family and the
identifiers to watch for them, contact events from telecom and bank feeds, the identifiers flagged for
warnings, and the warning tasks with their outcomes (`fanzha.warn`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

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


class ResidentRow(Base):
    """A resident registered for warnings: who, where, the local police station, how and with whose
    consent; withdrawn residents are kept (status `withdrawn`) and no longer matched."""

    __tablename__ = "residents"
    __table_args__ = (
        Index("ix_residents_community", "community", "status"),
        Index("ix_residents_station", "police_station", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(64))  # canonical (fanzha.extract.canonical)
    phone_raw: Mapped[str] = mapped_column(String(64))
    phone_flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    age: Mapped[int | None] = mapped_column(Integer, default=None)
    community: Mapped[str] = mapped_column(String(64))
    township: Mapped[str] = mapped_column(String(64), default="")
    district: Mapped[str] = mapped_column(String(64), default="")
    police_station: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    registered_via: Mapped[str] = mapped_column(String(16))  # self | worker | officer | import
    registered_by: Mapped[str] = mapped_column(String(64))
    consent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    consent_by: Mapped[str] = mapped_column(String(64))
    consent_text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | withdrawn
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ResidentFamilyRow(Base):
    """A family member of a resident (at most 8): told when the resident is warned if `notify`."""

    __tablename__ = "resident_family"
    __table_args__ = (Index("ix_resident_family_resident", "resident_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    relation: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    phone_raw: Mapped[str] = mapped_column(String(64), default="")
    phone_flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    age: Mapped[int | None] = mapped_column(Integer, default=None)
    notify: Mapped[bool] = mapped_column(Boolean, default=True)


class ResidentIdentifierRow(Base):
    """One identifier to match for a resident: the own phone (`self`), a protected account (`account`) or
    a family member's phone (`family`), canonical, with the raw form and the flags of an odd value."""

    __tablename__ = "resident_identifiers"
    __table_args__ = (
        Index("ix_resident_identifiers_value", "kind", "value"),
        Index("ix_resident_identifiers_resident", "resident_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(128))
    raw: Mapped[str] = mapped_column(String(200), default="")
    flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    whose: Mapped[str] = mapped_column(String(16))  # self | account | family
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("resident_family.id", ondelete="CASCADE"), default=None
    )


class ContactEventRow(Base):
    """A call, SMS or payment between a resident-side identifier and another one, from a feed."""

    __tablename__ = "contact_events"
    __table_args__ = (
        Index("ix_contact_events_other", "other_kind", "other_value"),
        Index("ix_contact_events_resident", "resident_value"),  # a resident registered later: its past events
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # call | sms | payment
    resident_kind: Mapped[str] = mapped_column(String(16))
    resident_value: Mapped[str] = mapped_column(String(128))
    other_kind: Mapped[str] = mapped_column(String(16))
    other_value: Mapped[str] = mapped_column(String(128))
    other_raw: Mapped[str] = mapped_column(String(200), default="")
    other_flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    amount_fen: Mapped[int | None] = mapped_column(BigInteger, default=None)
    in_progress: Mapped[bool] = mapped_column(Boolean, default=False)  # a payment not yet settled
    source: Mapped[str] = mapped_column(String(64), default="")


class WarnFlagRow(Base):
    """An identifier flagged for warnings, with where the flag came from (intel, case_group,
    held_transfer, import): what incoming events are checked against besides the intelligence store."""

    __tablename__ = "warn_flags"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_warn_flags_kind_value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(128))
    level: Mapped[str] = mapped_column(String(16))  # confirmed | suspicious
    fraud_type: Mapped[str | None] = mapped_column(String(32), default=None)
    source: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    flagged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class WarningTaskRow(Base):
    """One warning task per resident and flagged identifier: the evidence (events, the largest payment),
    the priority and its reasons, where it is assigned, and the outcome once warned."""

    __tablename__ = "warning_tasks"
    __table_args__ = (
        UniqueConstraint("resident_id", "identifier_kind", "identifier_value", name="uq_warning_tasks_pair"),
        Index("ix_warning_tasks_community", "community", "state", "priority"),
        Index("ix_warning_tasks_station", "police_station", "state", "priority"),
        Index("ix_warning_tasks_identifier", "identifier_kind", "identifier_value"),
        Index("ix_warning_tasks_collided", "collided_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id", ondelete="CASCADE"))
    identifier_kind: Mapped[str] = mapped_column(String(16))
    identifier_value: Mapped[str] = mapped_column(String(128))
    identifier_flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    matched: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the resident-side identifier
    level: Mapped[str] = mapped_column(String(16))
    fraud_type: Mapped[str | None] = mapped_column(String(32), default=None)
    source: Mapped[str] = mapped_column(String(16))  # intel | case_group | held_transfer | event | import
    priority: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    calls: Mapped[int] = mapped_column(Integer, default=0)
    messages: Mapped[int] = mapped_column(Integer, default=0)
    payments: Mapped[int] = mapped_column(Integer, default=0)
    first_event_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    last_event_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    largest_payment_fen: Mapped[int | None] = mapped_column(BigInteger, default=None)
    in_progress: Mapped[bool] = mapped_column(Boolean, default=False)
    community: Mapped[str] = mapped_column(String(64))
    district: Mapped[str] = mapped_column(String(64), default="")
    police_station: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(8), default="open")  # open | done
    collided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[str] = mapped_column(String(16), default="")  # prevented|deceived|unreachable|false_alarm
    method: Mapped[str] = mapped_column(String(8), default="")  # call | sms | visit
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    done_by: Mapped[str] = mapped_column(String(64), default="")
    minutes_to_warning: Mapped[int | None] = mapped_column(Integer, default=None)
    family_notified: Mapped[list[Any]] = mapped_column(JSON, default=list)
    prevented_fen: Mapped[int | None] = mapped_column(BigInteger, default=None)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), default=None)
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
