"""The elements of a case (案情要素), as the desk records them, and the case's life cycle.

Plain dataclasses: the repository stores them, the API and the console fill them, the demo generator
and the reports read them. Money is in yuan here (the store keeps fen).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from fanzha.extract.canonical import FORM, flags_of
from fanzha.extract.canonical import canonical as canonical_value

# Status: received → verified → investigating → closed (solved / unsolved). Every change is audited.
STATUSES = ("received", "verified", "investigating", "closed_solved", "closed_unsolved")
STATUS_NAMES = {
    "received": "已受理",
    "verified": "已核实",
    "investigating": "侦查中",
    "closed_solved": "已结案（破案）",
    "closed_unsolved": "已结案（未破）",
}
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("verified", "closed_unsolved"),  # a report found not to be fraud is closed at once
    "verified": ("investigating", "closed_solved", "closed_unsolved"),
    "investigating": ("closed_solved", "closed_unsolved"),
    "closed_solved": (),
    "closed_unsolved": ("investigating",),  # reopened when a later case links to it
}

# How the scammer first made contact.
CHANNELS = {
    "phone_call": "电话",
    "sms": "短信",
    "wechat": "微信",
    "qq": "QQ",
    "app": "APP",
    "website": "网站",
    "social_media": "社交平台",
    "dating": "婚恋交友平台",
    "game": "游戏平台",
    "in_person": "当面",
    "other": "其他",
}

# The limits of a record, whatever way it enters (API, console, CLI, bulk import): an id a store column
# holds (a signed 64-bit integer, as fanzha.api.schemas.MAX_ID), an amount in yuan (a hundred billion,
# as the API's bodies), an age in years.
MAX_ID = 2**63 - 1
MAX_AMOUNT = 1e11
MAX_AGE = 130

# The identifier kinds that link cases (those of fanzha.extract, plus apps named in the narrative).
LINK_KINDS = ("phone", "bank_card", "url", "domain", "ip", "qq", "wechat", "alipay", "app")

PAYMENT_CHANNELS = {
    "bank_transfer": "银行转账",
    "alipay": "支付宝",
    "wechat_pay": "微信支付",
    "cash": "现金",
    "crypto": "虚拟货币",
    "gift_card": "购物卡/游戏点卡",
    "other": "其他",
}


@dataclass(slots=True)
class Person:
    name: str = ""
    age: int | None = None
    sex: str = ""  # 男 | 女 | ""
    phone: str = ""
    district: str = ""
    relation: str = ""  # the reporter's relation to the victim (本人, 子女, …)


@dataclass(slots=True)
class Payment:
    amount: float  # yuan
    paid_at: datetime | None = None
    channel: str = ""  # PAYMENT_CHANNELS
    from_account: str = ""
    to_account: str = ""
    to_bank: str = ""


@dataclass(slots=True)
class CaseIdentifier:
    kind: str  # LINK_KINDS
    value: str  # canonical (fanzha.cases.identity.canonical)
    raw: str = ""  # as the officer or caller wrote it
    confirmed: bool = False

    @property
    def flags(self) -> list[str]:
        """Notes for the officer on an odd identifier, kept rather than refused (号段未分配, 校验位不符,
        境外号码 …: fanzha.extract.canonical; 格式不符 for a value kept as written). Read from the
        canonical value, so always current."""
        if self.kind != "app" and canonical_value(self.kind, self.value) is None:
            return [FORM]
        return list(flags_of(self.kind, self.value))


@dataclass(slots=True)
class FedIdentifier(CaseIdentifier):
    """An identifier from a feed nobody can ask again (a warning task): a value with no reading as its
    kind is kept as written (compacted, lower case) and flagged 格式不符 instead of refused — the desk
    refuses such a value only to a person who can retype it."""


@dataclass(slots=True)
class CaseIn:
    """What the desk records for a new case. `ref` is the desk's case number (made up if empty)."""

    received_at: datetime
    ref: str = ""
    desk: str = ""
    district: str = ""
    occurred_at: datetime | None = None
    place: str = ""
    contact_channel: str = ""
    fraud_type: str = ""
    dissuaded: bool = False
    reporter: Person = field(default_factory=Person)
    victim: Person = field(default_factory=Person)
    payments: list[Payment] = field(default_factory=list)
    identifiers: list[CaseIdentifier] = field(default_factory=list)
    narrative: str = ""
    officer: str = ""
    synthetic: bool = False
    loss: float | None = None  # yuan; the sum of the payments when None

    def total_loss(self) -> float:
        return self.loss if self.loss is not None else round(sum(p.amount for p in self.payments), 2)


@dataclass(slots=True)
class Case(CaseIn):
    """A stored case."""

    id: int = 0
    status: str = "received"
    group_id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


def fits_id(some_id: int) -> bool:
    """Whether `some_id` could be a stored row's id (anything else is simply not found)."""
    return 0 < some_id <= MAX_ID


def to_fen(yuan: float) -> int:
    return round(yuan * 100)


def to_yuan(fen: int) -> float:
    return fen / 100
