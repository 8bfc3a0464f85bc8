"""What the returnee ledger holds and the words it uses: 涉诈回流人员 and their 双岗分包 pair, outbound
workers (外出务工人员) in or bound for risky regions, and the checks every recorded value goes through.

Phone numbers are kept in `fanzha.extract.canonical`'s form with the number as written and its flags
(号段未分配, 境外号码 …): a number that does not validate is kept, never dropped. ID numbers are kept upper
case without spaces. Text longer than its column is refused with the field's name, not cut.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from fanzha.extract.canonical import canonical, flags_of
from fanzha.extract.id_card import id_checksum_valid, mask_id
from fanzha.text.masking import mask_phone
from fanzha.timezones import BEIJING, DateOutOfRange, check_day

HOW = {"deported": "遣返", "self": "自行回流", "persuaded": "劝返回国", "other": "其他"}
RISK = {"high": "高", "medium": "中", "low": "低"}
STATUS = {"active": "在管", "lifted": "解除管控"}
SEX = {"男": "男", "女": "女", "": "未填"}
STATES = {"planned": "拟外出", "away": "在外务工", "returned": "已返乡", "closed": "已销号"}
METHODS = {"phone": "电话劝返", "visit": "上门做家属工作", "family": "家属劝返", "video": "视频劝返"}
OUTCOMES = {"agreed": "同意回国", "returned": "已回国", "refused": "拒绝", "lost": "失联"}
RISKY_REGIONS = ("缅甸", "缅北", "柬埔寨", "老挝", "菲律宾", "泰国", "越南", "马来西亚", "广西", "云南")
LIMITS = {"name": 64, "community": 64, "township": 64, "district": 64, "address": 200, "place": 200,
          "employer": 200, "region": 32, "from_country": 32, "from_region": 64, "from_city": 64,
          "cadre": 64, "officer": 64, "supervisor": 64, "family_contact": 64, "reporter": 64, "grp": 64,
          "household": 64, "location": 200, "note": 4000, "risk_notes": 4000, "findings": 4000,
          "next_steps": 4000, "reason": 2000}  # fmt: skip
WEEK_DAYS = 7  # a meeting is due every 7 days
ESCALATE_DAYS = 14  # more than 14 days without one: 逾期超过14天, the supervisor asked to see to it
_ID = re.compile(r"[0-9A-Z]{6,32}")


class ReturneeError(ValueError):
    """Bad input; the message names the field (Chinese)."""


class ReturneeNotFound(ReturneeError):
    """No such record, or not one the caller may see (same answer: a community sees only its own)."""


class ReturneeConflict(ReturneeError):
    """The action does not fit the record's state (control lifted already, a worker back already)."""


def now_utc() -> datetime:
    return datetime.now(UTC)


def beijing_day(at: datetime) -> date:
    """The Beijing calendar day of an instant (a naive instant is taken as UTC, as SQLite returns it)."""
    return (at if at.tzinfo is not None else at.replace(tzinfo=UTC)).astimezone(BEIJING).date()


def text(value: str | None, name: str, what: str, *, required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ReturneeError(f"请填写{what}")
    limit = LIMITS.get(name, 4000)
    if len(value) > limit:
        raise ReturneeError(f"{what}过长：{len(value)} 个字符，上限 {limit} 个")
    return value


def choice(value: str, names: dict[str, str], what: str) -> str:
    if value not in names:
        options = "、".join(f"{k}（{v}）" for k, v in names.items() if k)
        raise ReturneeError(f"{what}“{value[:20]}”不在可选范围内：{options}")
    return value


def day(value: date | None, what: str, *, today: date | None = None) -> date | None:
    """A calendar day in the accepted range and not after `today` (what happened cannot be tomorrow)."""
    if value is None:
        return None
    try:
        check_day(value, what)
    except DateOutOfRange as exc:
        raise ReturneeError(str(exc)) from None
    if today is not None and value > today:
        raise ReturneeError(f"{what}（{value}）晚于今天（{today}，北京时间）")
    return value


@dataclass(frozen=True, slots=True)
class Phone:
    value: str  # canonical, or the digits as written when it has no canonical form
    raw: str
    flags: list[str]


def phone_of(raw: str | None, what: str = "电话") -> Phone:
    """A phone number in canonical form with its flags; "" when none was given."""
    raw = (raw or "").strip()
    if not raw:
        return Phone("", "", [])
    if len(raw) > 128:
        raise ReturneeError(f"{what}过长：{len(raw)} 个字符")
    value = canonical("phone", raw)
    if value is None:
        digits = "".join(ch for ch in unicodedata.normalize("NFKC", raw) if ch.isdigit())
        if len(digits) < 3:
            raise ReturneeError(f"{what}“{raw[:20]}”不是电话号码")
        return Phone(digits[:64], raw, ["写法少见，按所写数字比对"])
    return Phone(value[:64], raw, list(flags_of("phone", value)))


def id_number_of(raw: str | None) -> str:
    """An ID number upper case without separators ("" when none was given)."""
    value = re.sub(r"[\s\-]+", "", unicodedata.normalize("NFKC", raw or "")).upper()
    if value and not _ID.fullmatch(value):
        raise ReturneeError(f"身份证号“{(raw or '')[:24]}”格式不符（应为 6–32 位数字或字母）")
    return value


def id_flags(value: str) -> list[str]:
    if not value:
        return []
    if len(value) != 18 or not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        return ["不是18位居民身份证号，按所写比对"]
    return [] if id_checksum_valid(value) else ["身份证号校验位不符"]


def mask_id_number(value: str) -> str:
    return mask_id(value) if len(value) == 18 else (value[:2] + "*" * max(0, len(value) - 4) + value[-2:])


def risky(region: str) -> bool:
    return any(name in region for name in RISKY_REGIONS)


@dataclass(slots=True)
class Assignment:
    id: int
    cadre: str
    cadre_phone: str
    officer: str
    officer_phone: str
    supervisor: str
    supervisor_phone: str
    assigned_at: datetime
    assigned_by: str
    reason: str
    ended_at: datetime | None


@dataclass(slots=True)
class Meeting:
    id: int
    met_on: date
    cadre: str
    officer: str
    place: str
    findings: str
    next_steps: str
    recorded_by: str
    recorded_at: datetime


@dataclass(slots=True)
class Returnee:
    id: int
    name: str
    id_number: str
    phone: str
    phone_raw: str
    phone_flags: list[str]
    sex: str
    age: int | None
    address: str
    community: str
    township: str
    district: str
    returned_on: date
    from_country: str
    from_region: str
    from_city: str
    how: str
    risk_level: str
    risk_notes: str
    status: str
    lifted_at: datetime | None
    lifted_by: str
    lift_reason: str
    outbound_id: int | None
    demo: bool
    created_by: str
    created_at: datetime
    assignment: Assignment | None = None
    assignments: list[Assignment] = field(default_factory=list)  # every one, oldest first
    meetings: list[Meeting] = field(default_factory=list)  # newest first
    key_person_id: int | None = None  # the desk's key-person ledger, matched by ID number

    @property
    def id_flags(self) -> list[str]:
        return id_flags(self.id_number)

    @property
    def last_met_on(self) -> date | None:
        return max((m.met_on for m in self.meetings), default=None)

    @property
    def from_where(self) -> str:
        return " ".join(p for p in (self.from_country, self.from_region, self.from_city) if p)

    def masked(self) -> Returnee:
        """The same record for a list: ID number and phone masked, address left out (the detail view,
        which is logged, shows them)."""
        return replace(self, id_number=mask_id_number(self.id_number), phone=mask_phone(self.phone),
                       phone_raw="", address="", assignments=[], meetings=self.meetings[:1])  # fmt: skip
