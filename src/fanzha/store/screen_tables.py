"""Tables of transfer screening: every decision with its rule executions and the shadow candidate's outcome,
the rule sets that made them, and the history the velocity and first-payee features read.

Money is stored in fen (integer), never as floats; the domain code speaks yuan.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.tables import Base


class ScreenDecisionRow(Base):
    """One screened transfer: the live rule set's decision, every rule execution, the shadow candidate's
    outcome, the transfer as received, and the bank's review (confirmed fraud or cleared as a false alarm).
    A transfer id is unique per bank, which makes screening idempotent."""

    __tablename__ = "screen_decisions"
    __table_args__ = (
        UniqueConstraint("bank", "transfer_id", name="uq_screen_decisions_bank_transfer"),
        Index("ix_screen_decisions_pending", "bank", "review", "outcome", "decided_at"),
        Index("ix_screen_decisions_payee", "payee_account"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bank: Mapped[str] = mapped_column(String(64))
    transfer_id: Mapped[str] = mapped_column(String(128))
    transfer_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[str] = mapped_column(String(8))  # allow | warn | hold | block
    score: Mapped[int] = mapped_column(Integer, default=0)
    amount_fen: Mapped[int | None] = mapped_column(BigInteger, default=None)
    channel: Mapped[str] = mapped_column(String(16), default="")
    payer_account: Mapped[str] = mapped_column(String(64), default="")
    payee_account: Mapped[str] = mapped_column(String(64), default="")
    rules_version: Mapped[str] = mapped_column(String(80))
    reasons: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)  # [{"rule", "clause"}]
    actions: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # [{"code", "text"}]
    # Every rule evaluated: one character per rule of the version (h hit, . no_hit, ? unknown), expanded
    # by fanzha.screen.decisions; rows written before that hold the list of {"rule", "result", "score"}.
    executions: Mapped[str | list[dict[str, object]]] = mapped_column(JSON, default="")
    shadow: Mapped[dict[str, object] | None] = mapped_column(JSON, default=None)  # candidate's outcome
    transfer: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    review: Mapped[str] = mapped_column(String(16), default="")  # "" | confirmed | cleared | released
    reviewed_by: Mapped[str] = mapped_column(String(64), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    review_note: Mapped[str] = mapped_column(Text, default="")


class ScreenRuleSetRow(Base):
    """A rule set as it was loaded (its YAML source), so every stored decision can be explained later."""

    __tablename__ = "screen_rule_sets"

    version: Mapped[str] = mapped_column(String(80), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the source
    source: Mapped[str] = mapped_column(Text)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ScreenPairRow(Base):
    """What a payer has paid a payee before: the first-payee feature, and fan-in into a payee (its distinct
    payers' latest payments, through ix_screen_pairs_payee_last)."""

    __tablename__ = "screen_pairs"
    __table_args__ = (Index("ix_screen_pairs_payee_last", "payee_account", "last_at"),)

    payer_account: Mapped[str] = mapped_column(String(64), primary_key=True)
    payee_account: Mapped[str] = mapped_column(String(64), primary_key=True)
    first_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    count: Mapped[int] = mapped_column(Integer, default=0)
    last_amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)


class ScreenTransferSeenRow(Base):
    """A screened transfer's parties, time and amount: a payer's recent payments (velocity, rising amounts)."""

    __tablename__ = "screen_transfers_seen"
    __table_args__ = (
        # a payer's newest payments, read from the index alone
        Index("ix_screen_seen_payer_recent", "payer_account", "at", "payee_account", "amount_fen"),
        Index("ix_screen_seen_at", "at"),  # pruning expired rows
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payer_account: Mapped[str] = mapped_column(String(64))
    payee_account: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
