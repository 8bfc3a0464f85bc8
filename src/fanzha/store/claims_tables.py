"""Tables of the medical-insurance office (`fanzha.claims.office`): the audit runs (who uploaded which
claims file, when, with its counts), every audited claim and its findings (indexed by institution and
run), the institutions seen in the runs, and the citizens' 骗保 reports with the office's handling."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.tables import Base


class ClaimRunRow(Base):
    """One audit of a claims file: who uploaded it and when, and what it found (amounts in fen)."""

    __tablename__ = "claim_runs"
    __table_args__ = (Index("ix_claim_runs_uploaded", "uploaded_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uploaded_by: Mapped[str] = mapped_column(String(100))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    file_name: Mapped[str] = mapped_column(String(200), default="")
    claims: Mapped[int] = mapped_column(Integer, default=0)  # claims read (bad lines included)
    bad_lines: Mapped[int] = mapped_column(Integer, default=0)
    findings: Mapped[int] = mapped_column(Integer, default=0)
    flagged_claims: Mapped[int] = mapped_column(Integer, default=0)
    total_fen: Mapped[int] = mapped_column(BigInteger, default=0)  # charged by the claims
    at_stake_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    institutions: Mapped[list[Any]] = mapped_column(JSON, default=list)  # institution ids, sorted
    state: Mapped[str] = mapped_column(String(16), default="done")  # running | done
    demo: Mapped[bool] = mapped_column(Boolean, default=False)


class ClaimInstitutionRow(Base):
    """A medical institution (定点医药机构) as its claims name it, kept from the runs that saw it."""

    __tablename__ = "claim_institutions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    first_run_id: Mapped[int | None] = mapped_column(Integer, default=None)
    last_run_id: Mapped[int | None] = mapped_column(Integer, default=None)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)


class ClaimResultRow(Base):
    """One audited claim of a run (`seq`: its line in the file); the patient id as given (masked outside
    the office); `error` when the line could not be read."""

    __tablename__ = "claim_results"
    __table_args__ = (
        Index("ix_claim_results_run", "run_id", "seq", unique=True),
        Index("ix_claim_results_institution", "institution_id", "admitted"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("claim_runs.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    claim_id: Mapped[str] = mapped_column(String(64), default="")
    institution_id: Mapped[str] = mapped_column(String(64), default="")
    institution_name: Mapped[str] = mapped_column(String(200), default="")
    patient_id: Mapped[str] = mapped_column(String(64), default="")
    admitted: Mapped[date | None] = mapped_column(Date, default=None)
    discharged: Mapped[date | None] = mapped_column(Date, default=None)
    total_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    at_stake_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    findings: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")


class ClaimFindingRow(Base):
    """One finding on a claim: the rule, the claim's items, the amount at stake and why (Chinese); `day`
    is the claim's admission (else discharge) day, for the monthly trend."""

    __tablename__ = "claim_findings"
    __table_args__ = (
        Index("ix_claim_findings_institution", "institution_id", "rule"),
        Index("ix_claim_findings_run", "run_id", "seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("claim_runs.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # the claim's seq in the run
    claim_id: Mapped[str] = mapped_column(String(64), default="")
    institution_id: Mapped[str] = mapped_column(String(64), default="")
    rule: Mapped[str] = mapped_column(String(48))
    item_refs: Mapped[list[Any]] = mapped_column(JSON, default=list)
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    explanation: Mapped[str] = mapped_column(Text, default="")
    day: Mapped[date | None] = mapped_column(Date, default=None)


class ClaimReportRow(Base):
    """A citizen's 骗保 report (举报): what happened, where (as typed, and the institution it matched),
    when, an optional contact (the raw form, its canonical phone and flags), and the office's handling."""

    __tablename__ = "claim_reports"
    __table_args__ = (
        Index("ix_claim_reports_status", "status", "created_at"),
        Index("ix_claim_reports_institution", "institution_id", "status"),
        Index("ix_claim_reports_reference", "reference", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(24))
    what: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(String(200))
    institution_id: Mapped[str | None] = mapped_column(String(64), default=None)
    happened_on: Mapped[date | None] = mapped_column(Date, default=None)
    contact_raw: Mapped[str] = mapped_column(String(100), default="")
    contact: Mapped[str] = mapped_column(String(64), default="")  # canonical phone when it reads as one
    contact_flags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | checking | closed
    reply: Mapped[str] = mapped_column(Text, default="")
    handled_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
