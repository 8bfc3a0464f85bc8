"""Tables of the intelligence store (SQLAlchemy 2 declarative). Changes go through Alembic migrations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class IdentifierRow(Base):
    """One identifier (kind + normalised value, as `fanzha.extract` produces them)."""

    __tablename__ = "identifiers"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_identifiers_kind_value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(512))
    official: Mapped[bool] = mapped_column(Boolean, default=False)
    official_note: Mapped[str | None] = mapped_column(String(200), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReportRow(Base):
    """Evidence that an identifier was used in a scam: from a citizen, a police case or a bank."""

    __tablename__ = "reports"
    __table_args__ = (Index("ix_reports_identifier", "identifier_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifiers.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(16))  # citizen | police | bank
    fraud_type: Mapped[str | None] = mapped_column(String(32), default=None)
    text: Mapped[str | None] = mapped_column(Text, default=None)
    reporter_hash: Mapped[str | None] = mapped_column(String(64), default=None)  # salted, never the identity
    idempotency_key: Mapped[str | None] = mapped_column(String(128), unique=True, default=None)
    # The hash of the request an API idempotency key was first sent with (`fanzha.intel.idempotency`).
    request_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class FeedbackRow(Base):
    """ "Not a scam" feedback on an identifier."""

    __tablename__ = "feedback"
    __table_args__ = (Index("ix_feedback_identifier", "identifier_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifiers.id", ondelete="CASCADE"))
    reporter_hash: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DecisionRow(Base):
    """An officer's decision on an identifier: confirmed as fraudulent, or cleared (kept for the record)."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_identifier", "identifier_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifiers.id", ondelete="CASCADE"))
    decision: Mapped[str] = mapped_column(String(16))  # confirmed | cleared
    officer: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ApiKeyRow(Base):
    """An API key, stored only as a SHA-256 hash, with its role."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # public | officer | bank | community | medical | admin
    label: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class AppealRow(Base):
    """The holder of a flagged identifier asks for review (反电信网络诈骗法 art. 32)."""

    __tablename__ = "appeals"
    __table_args__ = (Index("ix_appeals_status", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifier_id: Mapped[int] = mapped_column(ForeignKey("identifiers.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(100), default=None)
    status: Mapped[str] = mapped_column(String(16))  # open | upheld | rejected
    reviewed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    review_note: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
