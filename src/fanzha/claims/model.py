"""What a claims audit takes and gives: the claim as submitted (`Claim`, its `Item`s and `Institution`),
an institution's drug stock for a period (`StockRecord`), and per claim the findings (`ClaimResult`,
`Finding`) — each finding names its rule, the claim's items, the amount at stake and why, in Chinese.

The findings and results are msgspec `Struct`s (frozen, compared and hashed like the frozen dataclasses
they replace): an audit makes one of each per claim and finding, and a Struct is made in a fraction of the
time a frozen dataclass takes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from msgspec import Struct

CATEGORIES = {
    "bed": "床位",
    "drug": "药品",
    "exam": "检查",
    "treatment": "治疗",
    "material": "材料",
    "service": "服务",
}


class ClaimError(ValueError):
    """A claim (or stock record) that cannot be audited; the message is for the user (Chinese)."""


@dataclass(frozen=True, slots=True)
class Institution:
    id: str
    name: str = ""
    level: str = ""  # 一级 | 二级 | 三级 …
    licensed_services: tuple[str, ...] = ()  # the services in its 执业许可 (内科, 外科 …)
    equipment: tuple[str, ...] = ()  # the equipment it is approved to use (CT …)


@dataclass(frozen=True, slots=True)
class Item:
    ref: str
    code: str
    name: str
    category: str  # one of CATEGORIES
    day: date
    qty: float
    unit_price: float
    standard_price: float | None = None
    service: str = ""
    equipment: str = ""

    @property
    def amount(self) -> float:
        return self.qty * self.unit_price


@dataclass(frozen=True, slots=True)
class Claim:
    claim_id: str
    institution: Institution
    patient_id: str
    admitted: date | None
    discharged: date | None
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class StockRecord:
    """An institution's stock of one drug over a period: what it had, bought and has left (进销存)."""

    institution_id: str
    code: str
    period_start: date
    period_end: date  # inclusive
    opening: float = 0.0
    purchased: float = 0.0
    closing: float | None = None  # counted at the end of the period, when known
    name: str = ""


class Finding(Struct, frozen=True, gc=False):
    rule: str  # a rule id of fanzha.claims.rules
    item_refs: tuple[str, ...]
    amount: float  # yuan at stake
    explanation: str  # Chinese, for the office and the institution


class ClaimResult(Struct, frozen=True, gc=False):
    """The audit of one claim: its findings, or `error` when the claim could not be read."""

    claim_id: str
    institution_id: str = ""
    institution_name: str = ""
    patient_id: str = ""
    admitted: date | None = None
    discharged: date | None = None
    total: float = 0.0  # the claim's charged amount
    findings: tuple[Finding, ...] = ()
    error: str = ""

    @property
    def at_stake(self) -> float:
        return sum(f.amount for f in self.findings)
