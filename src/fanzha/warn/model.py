"""The records of warnings (金钟罩) as plain dataclasses, and the vocabularies the desk and communities use.

A resident registers (themselves, through a community worker or an officer, or in an import) with a phone,
the accounts they want protected, their community and police station and up to `MAX_FAMILY` family members,
with recorded consent. Contact events (call, SMS, payment) arrive from feeds; a collision with a flagged
identifier becomes a `Task` for the resident's community and police station. Money is in yuan here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

MAX_FAMILY = 8
MAX_ACCOUNTS = 20
MAX_AGE = 130
MAX_AMOUNT = 1e11  # yuan, as the case desk
ELDERLY_AGE = 60

VIA = {"self": "本人注册", "worker": "社区工作人员代为登记", "officer": "民警登记", "import": "批量导入"}
# pending: registered by the resident themselves (a public route), not matched until the community worker
# confirms it (the phone is theirs, the community right)
STATUSES = {"active": "在册", "pending": "待社区确认", "withdrawn": "已退出"}
EVENT_KINDS = {"call": "通话", "sms": "短信", "payment": "付款"}
ACCOUNT_KINDS = ("bank_card", "alipay", "wechat", "qq")
OTHER_KINDS = ("phone", "bank_card", "alipay", "wechat", "qq", "url", "domain")
# The kinds as the desk's narratives and the pages name them.
KIND_NAMES = {"phone": "电话", "bank_card": "账户", "alipay": "支付宝账户", "wechat": "微信账号", "qq": "QQ号",
              "url": "网址", "domain": "网站"}  # fmt: skip
FLAG_LEVELS = {"confirmed": "已确认涉诈", "suspicious": "有多人举报"}
SOURCES = {
    "intel": "情报库确认或多人举报",
    "case_group": "串并案组",
    "held_transfer": "银行延迟结算的转账",
    "event": "新的联系记录",
    "import": "批量导入",
}
OUTCOMES = {"prevented": "劝阻成功", "deceived": "已受骗", "unreachable": "无法联系", "false_alarm": "误报"}
# The outcomes in which the resident was actually warned — only these notify the family ("family members are
# notified when the resident is"): not 无法联系 (nobody was reached) nor 误报 (there was nothing to warn of).
RESIDENT_WARNED = ("prevented", "deceived")
METHODS = {"call": "电话劝阻（96110）", "sms": "预警短信（12381）", "visit": "上门劝阻"}
TASK_STATES = {"open": "待预警", "done": "已处置"}
CONSENT_TEXT = (
    "本人同意将手机号码、登记的账户及家属联系方式用于反诈预警：当本人或家属与涉诈号码、账户发生联系时，"
    "由社区和派出所民警通过电话、短信或上门进行提醒劝阻。可随时申请退出。"
)


class WarnError(ValueError):
    """Bad input to warnings (the message is Chinese and names the field)."""


class WarnNotFound(WarnError):
    """No such resident or task (or not visible to the caller's community)."""


@dataclass(slots=True)
class FamilyIn:
    name: str
    phone: str = ""
    relation: str = ""
    age: int | None = None
    notify: bool = True


@dataclass(slots=True)
class AccountIn:
    value: str
    kind: str = ""  # bank_card | alipay | wechat | qq | phone; guessed from the value when empty


@dataclass(slots=True)
class ResidentIn:
    """What a registration records. `consent_by` is who gave consent (the resident, or a relative for an
    elderly resident); `consent_text` defaults to CONSENT_TEXT."""

    name: str
    phone: str
    community: str
    age: int | None = None
    township: str = ""
    district: str = ""
    police_station: str = ""
    address: str = ""
    accounts: list[AccountIn] = field(default_factory=list)
    family: list[FamilyIn] = field(default_factory=list)
    registered_via: str = "worker"
    consent_by: str = ""
    consent_text: str = ""
    consent_at: datetime | None = None
    synthetic: bool = False


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: str
    value: str  # canonical
    raw: str = ""
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Family:
    id: int
    name: str
    relation: str
    phone: Identifier | None
    age: int | None
    notify: bool


@dataclass(frozen=True, slots=True)
class Resident:
    id: int
    name: str
    phone: Identifier
    age: int | None
    community: str
    township: str
    district: str
    police_station: str
    address: str
    accounts: tuple[Identifier, ...]
    family: tuple[Family, ...]
    registered_via: str
    registered_by: str
    consent_at: datetime
    consent_by: str
    consent_text: str
    status: str
    synthetic: bool
    created_at: datetime


@dataclass(slots=True)
class EventIn:
    """A contact event as a feed sends it: `resident` is the resident-side identifier as written
    (a phone for calls and SMS, an account or phone for payments; `resident_kind` when the feed knows it),
    `other_kind`/`other` the other side. `amount` in yuan for payments; `in_progress`: not yet settled."""

    kind: str
    resident: str
    other_kind: str
    other: str
    at: datetime
    amount: float | None = None
    in_progress: bool = False
    resident_kind: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Task:
    """A warning task. `reasons` explain the priority (Chinese); `matched` is the resident-side
    identifier the collision went through (`{"kind", "value", "whose", "name", "relation"}`)."""

    id: int
    resident_id: int
    resident_name: str
    resident_phone: str
    resident_age: int | None
    identifier: Identifier
    matched: dict[str, object]
    level: str
    fraud_type: str | None
    source: str
    priority: int
    reasons: tuple[str, ...]
    calls: int
    messages: int
    payments: int
    first_event_at: datetime | None
    last_event_at: datetime | None
    largest_payment: float | None
    in_progress: bool
    community: str
    district: str
    police_station: str
    state: str
    collided_at: datetime
    outcome: str
    method: str
    outcome_note: str
    done_at: datetime | None
    done_by: str
    minutes_to_warning: int | None
    family_notified: tuple[str, ...]
    prevented: float | None
    case_id: int | None
    synthetic: bool

    def outcome_name(self) -> str:
        return OUTCOMES.get(self.outcome, "")
