"""What a counter or ATM check of a held transfer is: the outcomes a teller records, the completed checklist
as the teller sends it (`CheckIn`), the stored check (`CounterCheck`) and the error a teller sees.

`fanzha.counter.held` merges a `CheckIn` with the transfer's screening decision and `fanzha.counter.checks`
records it; both stand on this module, which imports neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

OUTCOMES = {"dissuaded": "劝阻成功", "insisted": "客户坚持", "police": "报警"}

__all__ = ["OUTCOMES", "CheckIn", "CounterCheck", "CounterError"]


class CounterError(ValueError):
    """A check that cannot be recorded; the message is for the teller (Chinese)."""


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A completed checklist. The transfer's details come from its screening decision when there is one;
    the fields here fill what the decision lacks (or everything, for a transfer typed in)."""

    transfer_id: str
    checklist: str  # counter | atm
    answers: Mapping[str, object]
    outcome: str  # dissuaded | insisted | police
    notice_signed: bool = False
    signed_by: str = ""
    amount: float | None = None
    payer: Mapping[str, object] = field(default_factory=dict)  # name, age, district, account
    payee_account: str = ""
    payee_bank: str = ""
    fraud_type: str = ""
    suspect_phone: str = ""  # the number that called the customer, if the teller saw it
    lost: float = 0.0  # what the customer had already paid the scammer
    note: str = ""


@dataclass(frozen=True, slots=True)
class CounterCheck:
    id: int
    bank: str
    transfer_id: str
    decision_id: int | None
    checklist: str
    answers: dict[str, str]
    risks: list[dict[str, str]]
    notice_signed: bool
    signed_by: str
    outcome: str
    amount: float
    payer: dict[str, Any]
    payee_account: str
    payee_bank: str
    staff: str
    note: str
    case_id: int | None
    created_at: datetime

    @property
    def outcome_name(self) -> str:
        return OUTCOMES[self.outcome]
