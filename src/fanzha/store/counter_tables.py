"""Tables of the counter alarm: alerts a teller raises to the police desk (假存单, a customer withdrawing for
someone on the phone, a suspect the police know), drills marked apart, and what the desk did with each."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fanzha.store.tables import Base


class CounterAlertRow(Base):
    """One alert from a bank's counter: who raised it where, what the customer presented and looked like,
    drill or real; then the desk's acknowledgement, the case it went to and the outcome."""

    __tablename__ = "counter_alerts"
    __table_args__ = (
        Index("ix_counter_alerts_state", "state", "raised_at"),
        Index("ix_counter_alerts_bank", "bank", "raised_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bank: Mapped[str] = mapped_column(String(64))  # fanzha.intel.banks.bank_name of the raising key's label
    branch: Mapped[str] = mapped_column(String(200))  # 网点
    counter: Mapped[str] = mapped_column(String(32), default="")  # 窗口, e.g. 2号窗口
    kind: Mapped[str] = mapped_column(String(24))  # see fanzha.counter.alert_model.KINDS
    drill: Mapped[bool] = mapped_column(Boolean, default=False)  # 演练
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # when it happened at the counter
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # when the desk received it
    presented: Mapped[str] = mapped_column(Text, default="")  # what the customer presented
    customer: Mapped[str] = mapped_column(Text, default="")  # the customer's description
    note: Mapped[str] = mapped_column(Text, default="")  # the teller's note
    teller: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | acknowledged | closed
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    acknowledged_by: Mapped[str] = mapped_column(String(64), default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), default=None)
    case_link: Mapped[str] = mapped_column(String(16), default="")  # "" | attached | opened
    outcome: Mapped[str] = mapped_column(String(24), default="")
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    closed_by: Mapped[str] = mapped_column(String(64), default="")
