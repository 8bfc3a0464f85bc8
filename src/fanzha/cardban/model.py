"""断卡: what an entry on the 惩戒 list is, what a bank asks when it checks an opening, and the answers.

The law (《中华人民共和国反电信网络诈骗法》第三十一条) lets the authorities suspend the non-counter services of
those who sold, rented or lent out bank accounts or phone cards (两卡), suspend their new services and limit
their access to the network; the practice is five years. An entry names the account or number, its holder
(name and ID number), the term (from `starts_on` to `ends_on`, both days included, Beijing calendar;
five years by default and at most) and the evidence: a case at the desk, or the bank's own review.

A bank checks an account opening or a new non-counter service and gets one of three answers, the most
severe that applies (`VERDICTS`, in order):
- 可办理 (`allow`): nothing on file;
- 仅限柜面 (`counter_only`): the holder, the account or the phone number is on the list and its term runs:
  counter services only, no online banking, mobile banking, quick payments or other non-counter service;
- 需核实 (`verify`): the person matches the desk's key persons (by ID number, or by the account or phone
  number they use), or the ID number fails its check digit: hold, verify, call the anti-fraud centre.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from fanzha.text.masking import mask_name

KINDS = {"bank_card": "银行账户", "phone": "电话卡"}
EVIDENCE = {"case": "案件认定", "bank_review": "银行核查"}
SERVICES = {"open_account": "开立账户", "online_service": "开通非柜面业务（网银、手机银行、快捷支付等）"}
VERDICTS = {"allow": "可办理", "counter_only": "仅限柜面", "verify": "需核实"}  # least to most severe
STATUSES = {"pending": "未生效", "active": "惩戒期内", "expired": "已期满", "lifted": "已解除"}
TERM_YEARS = 5
LAW = "《反电信网络诈骗法》第三十一条"
LIMITS = {"holder_name": 64, "issuer": 64, "review_ref": 200, "note": 2000, "reason": 2000, "raw": 128}


class CardbanError(ValueError):
    """Bad input; the message is for the officer or the bank (Chinese)."""


class CardbanNotFound(CardbanError):
    pass


class CardbanConflict(CardbanError):
    """The account or number is on the list already, or the entry was lifted already."""


def mask_holder_id(number: str) -> str:
    """110101********1234 for an 18-character ID number; first and last two characters of another."""
    if len(number) == 18:
        return number[:6] + "*" * 8 + number[14:]
    if len(number) <= 4:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 4) + number[-2:]


@dataclass(frozen=True, slots=True)
class EntryIn:
    """A sold or rented account or number to put on the list. Dates default to today and five years on."""

    kind: str
    value: str
    holder_name: str
    holder_id: str
    evidence: str  # case | bank_review
    case_id: int | None = None
    review_ref: str = ""
    issuer: str = ""
    note: str = ""
    starts_on: date | None = None
    ends_on: date | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    kind: str
    value: str
    raw: str
    flags: list[str]
    issuer: str
    holder_name: str
    holder_id: str
    starts_on: date
    ends_on: date
    evidence: str
    case_id: int | None
    review_ref: str
    note: str
    recorded_by: str
    recorded_role: str
    created_at: datetime
    lifted_at: datetime | None = None
    lifted_by: str = ""
    lift_reason: str = ""

    def status(self, today: date) -> str:
        if self.lifted_at is not None:
            return "lifted"
        if today < self.starts_on:
            return "pending"
        return "active" if today <= self.ends_on else "expired"

    def masked(self) -> Entry:
        """The entry as anyone but an officer sees it: the holder's name and ID number masked, the case
        behind it left out."""
        return replace(
            self,
            holder_name=mask_name(self.holder_name),
            holder_id=mask_holder_id(self.holder_id),
            case_id=None,
        )


@dataclass(frozen=True, slots=True)
class CheckIn:
    """What a bank checks: the service, the person (name and ID number), and for a new online service on an
    existing account that account; the phone number the person gives, if any."""

    service: str  # open_account | online_service
    holder_name: str
    holder_id: str
    account: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # listed_holder | listed_account | listed_phone | key_person | id_check_digit | …
    verdict: str  # the answer this reason alone calls for
    text: str  # Chinese, for the teller

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "verdict": self.verdict, "text": self.text}


@dataclass(frozen=True, slots=True)
class CheckResult:
    id: int
    bank: str
    staff: str
    service: str
    holder_name: str  # masked
    holder_id: str  # masked
    account: str
    phone: str
    verdict: str
    reasons: list[Reason] = field(default_factory=list)
    checked_at: datetime | None = None

    @property
    def verdict_name(self) -> str:
        return VERDICTS[self.verdict]


def most_severe(reasons: list[Reason]) -> str:
    order = list(VERDICTS)
    return max((r.verdict for r in reasons), key=order.index, default="allow")
