"""Tables of published reports: issued bulletins (警情通报), kept exactly as they were published."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.tables import Base


class BulletinRow(Base):
    """A bulletin an officer reviewed and issued: one per period, with the typical cases as published,
    the audit log's head when it was issued (printed in it), and the HTML and PDF themselves."""

    __tablename__ = "bulletins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(16), unique=True)  # 2026-W47, 2026-11
    issuer: Mapped[str] = mapped_column(String(100))
    typical: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)  # [{"case_id", "text"}]
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    audit_seq: Mapped[int] = mapped_column(BigInteger)
    audit_hash: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the HTML, also in the audit entry
    html: Mapped[str] = mapped_column(Text)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
