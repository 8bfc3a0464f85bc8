"""Bodies of the warning routes (`/v1/warn/…`): residents with family and accounts, contact events,
tasks with their script and SMS, outcomes. Field limits are part of the contract (bad input is a 422)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from fanzha.api.schemas import SaneDatetime
from fanzha.api.times import ApiTime
from fanzha.taxonomy import fraud_type_name
from fanzha.text.masking import mask_phone
from fanzha.warn import AccountIn, FamilyIn, Resident, ResidentIn, Task
from fanzha.warn.model import CONSENT_TEXT, FLAG_LEVELS, MAX_FAMILY, OUTCOMES, SOURCES

AccountKind = Literal["bank_card", "alipay", "wechat", "qq", "phone"]


class FamilyBody(BaseModel):
    name: str = Field(min_length=1, max_length=64, description="家属姓名")
    phone: str = Field(default="", max_length=64, description="家属手机号，写法不限")
    relation: str = Field(default="", max_length=32, description="关系，例如 母亲、儿子")
    age: int | None = Field(default=None, ge=0, le=130)
    notify: bool = Field(default=True, description="居民被预警时是否同时告知该家属")


class AccountBody(BaseModel):
    value: str = Field(min_length=1, max_length=200, description="要保护的银行卡号、支付宝或微信账号")
    kind: AccountKind | None = Field(default=None, description="不填则按写法判断")


class ResidentCreate(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    phone: str = Field(min_length=1, max_length=64, description="手机号，+86、空格、横线、全角数字均可")
    community: str = Field(default="", max_length=64, description="所在社区/村；社区密钥可不填（即本社区）")
    age: int | None = Field(default=None, ge=0, le=130)
    township: str = Field(default="", max_length=64)
    district: str = Field(default="", max_length=64)
    police_station: str = Field(default="", max_length=64, description="辖区派出所")
    address: str = Field(default="", max_length=200)
    accounts: list[AccountBody] = Field(default_factory=list, max_length=20)
    family: list[FamilyBody] = Field(default_factory=list, max_length=MAX_FAMILY, description="最多8位家属")
    registered_via: Literal["self", "worker", "officer", "import"] = "worker"
    consent_by: str = Field(default="", max_length=64, description="同意人（默认本人）")
    consent_text: str = Field(default="", max_length=2000, description="同意书文本（默认标准文本）")
    consent_at: SaneDatetime | None = None

    def to_record(self, community: str) -> ResidentIn:
        return ResidentIn(
            name=self.name, phone=self.phone, community=community, age=self.age, township=self.township,
            district=self.district, police_station=self.police_station, address=self.address,
            accounts=[AccountIn(a.value, a.kind or "") for a in self.accounts],
            family=[FamilyIn(f.name, f.phone, f.relation, f.age, f.notify) for f in self.family],
            registered_via=self.registered_via, consent_by=self.consent_by, consent_text=self.consent_text,
            consent_at=self.consent_at,
        )  # fmt: skip


class SelfRegistration(BaseModel):
    """A resident registering themselves (金钟罩 自助登记); it waits for the community worker's confirmation."""

    name: str = Field(min_length=1, max_length=64)
    phone: str = Field(min_length=1, max_length=64, description="本人手机号，+86、空格、横线、全角数字均可")
    community: str = Field(min_length=1, max_length=64, description="所在社区/村")
    age: int | None = Field(default=None, ge=0, le=130)
    township: str = Field(default="", max_length=64)
    district: str = Field(default="", max_length=64)
    police_station: str = Field(default="", max_length=64, description="辖区派出所")
    accounts: list[AccountBody] = Field(default_factory=list, max_length=20)
    family: list[FamilyBody] = Field(default_factory=list, max_length=MAX_FAMILY, description="最多8位家属")
    consent: bool = Field(description=f"本人已阅读并同意：{CONSENT_TEXT}")

    def to_record(self) -> ResidentIn:
        return ResidentIn(
            name=self.name, phone=self.phone, community=self.community, age=self.age, township=self.township,
            district=self.district, police_station=self.police_station,
            accounts=[AccountIn(a.value, a.kind or "") for a in self.accounts],
            family=[FamilyIn(f.name, f.phone, f.relation, f.age, f.notify) for f in self.family],
            registered_via="self", consent_by=self.name, consent_text=CONSENT_TEXT,
        )  # fmt: skip


class SelfRegistered(BaseModel):
    id: int
    status: str
    status_name: str
    message: str


class IdentifierOut(BaseModel):
    kind: str
    value: str
    raw: str = ""
    flags: list[str] = Field(default_factory=list, description="号段未分配、境外号码、格式不符等提示")


class FamilyOut(BaseModel):
    id: int
    name: str
    relation: str
    phone: IdentifierOut | None
    age: int | None
    notify: bool


class ResidentSummary(BaseModel):
    id: int
    name: str
    phone: str = Field(description="打码的手机号")
    age: int | None
    community: str
    district: str
    police_station: str
    status: str
    registered_via: str
    created_at: ApiTime


class ResidentOut(ResidentSummary):
    phone_full: IdentifierOut
    township: str
    address: str
    accounts: list[IdentifierOut]
    family: list[FamilyOut]
    registered_by: str
    consent_at: ApiTime
    consent_by: str
    consent_text: str


class ResidentPage(BaseModel):
    total: int
    items: list[ResidentSummary]


def _ident(kind: str, value: str, raw: str, flags: tuple[str, ...]) -> IdentifierOut:
    return IdentifierOut(kind=kind, value=value, raw=raw, flags=list(flags))


def resident_summary(r: Resident) -> ResidentSummary:
    return ResidentSummary(
        id=r.id, name=r.name, phone=mask_phone(r.phone.value), age=r.age, community=r.community,
        district=r.district, police_station=r.police_station, status=r.status,
        registered_via=r.registered_via, created_at=r.created_at,
    )  # fmt: skip


def resident_out(r: Resident) -> ResidentOut:
    return ResidentOut(
        **resident_summary(r).model_dump(),
        phone_full=_ident("phone", r.phone.value, r.phone.raw, r.phone.flags),
        township=r.township, address=r.address,
        accounts=[_ident(a.kind, a.value, a.raw, a.flags) for a in r.accounts],
        family=[FamilyOut(id=f.id, name=f.name, relation=f.relation, age=f.age, notify=f.notify,
                          phone=_ident("phone", f.phone.value, f.phone.raw, f.phone.flags) if f.phone else None)
                for f in r.family],
        registered_by=r.registered_by, consent_at=r.consent_at, consent_by=r.consent_by,
        consent_text=r.consent_text,
    )  # fmt: skip


class OtherBody(BaseModel):
    kind: Literal["phone", "bank_card", "alipay", "wechat", "qq", "url", "domain"]
    value: str = Field(min_length=1, max_length=200)


class EventCreate(BaseModel):
    kind: Literal["call", "sms", "payment"]
    resident_identifier: str = Field(min_length=1, max_length=200, description="居民一方的号码或账户")
    resident_kind: AccountKind | None = None
    other: OtherBody
    at: SaneDatetime
    amount: float | None = Field(default=None, ge=0, le=1e11, description="付款金额（元）")
    in_progress: bool = Field(default=False, description="付款尚未到账（正在进行）")
    source: str = Field(default="", max_length=64, description="数据来源，例如 运营商、银行名")


class EventBatch(BaseModel):
    events: list[dict[str, Any]] = Field(min_length=1, max_length=1000, description="每项格式同单条")


class EventResultOut(BaseModel):
    index: int = 0
    event_id: int | None = None
    flagged: bool = False
    level: str | None = None
    fraud_type: str | None = None
    tasks: list[int] = Field(default_factory=list, description="触发或更新的预警任务")
    error: str | None = None


class TaskOut(BaseModel):
    id: int
    resident_id: int
    resident_name: str
    resident_phone: str = Field(description="任务队列中打码；任务详情中为完整号码，便于拨打")
    resident_age: int | None
    identifier: IdentifierOut
    matched: dict[str, Any]
    level: str
    level_name: str
    fraud_type: str | None
    fraud_type_name: str
    source: str
    source_name: str
    priority: int
    reasons: list[str]
    calls: int
    messages: int
    payments: int
    first_event_at: ApiTime | None
    last_event_at: ApiTime | None
    largest_payment: float | None
    in_progress: bool
    community: str
    district: str
    police_station: str
    state: str
    collided_at: ApiTime
    outcome: str
    outcome_name: str
    method: str
    outcome_note: str
    done_at: ApiTime | None
    done_by: str
    minutes_to_warning: int | None
    family_notified: list[str]
    prevented: float | None
    case_id: int | None
    synthetic: bool = Field(description="演示数据（fanzha serve --demo 生成的合成任务）")


class TaskDetail(TaskOut):
    call_script: list[str] = Field(description="96110式劝阻电话话术（逐句）")
    sms: str = Field(description="12381式预警短信")
    family_notice: str = Field(description="告知家属的提醒")


class TaskPage(BaseModel):
    total: int
    items: list[TaskOut]


def task_out(t: Task, *, full_phone: bool = False) -> dict[str, Any]:
    return {
        "id": t.id, "resident_id": t.resident_id, "resident_name": t.resident_name,
        "resident_phone": t.resident_phone if full_phone else mask_phone(t.resident_phone),
        "resident_age": t.resident_age,
        "identifier": _ident(t.identifier.kind, t.identifier.value, t.identifier.raw, t.identifier.flags),
        "matched": t.matched, "level": t.level, "level_name": FLAG_LEVELS.get(t.level, t.level),
        "fraud_type": t.fraud_type, "fraud_type_name": fraud_type_name(t.fraud_type), "source": t.source,
        "source_name": SOURCES.get(t.source, t.source), "priority": t.priority, "reasons": list(t.reasons),
        "calls": t.calls, "messages": t.messages, "payments": t.payments, "first_event_at": t.first_event_at,
        "last_event_at": t.last_event_at, "largest_payment": t.largest_payment, "in_progress": t.in_progress,
        "community": t.community, "district": t.district, "police_station": t.police_station, "state": t.state,
        "collided_at": t.collided_at, "outcome": t.outcome, "outcome_name": OUTCOMES.get(t.outcome, ""),
        "method": t.method, "outcome_note": t.outcome_note, "done_at": t.done_at, "done_by": t.done_by,
        "minutes_to_warning": t.minutes_to_warning, "family_notified": list(t.family_notified),
        "prevented": t.prevented, "case_id": t.case_id, "synthetic": t.synthetic,
    }  # fmt: skip


class OutcomeIn(BaseModel):
    outcome: Literal["prevented", "deceived", "unreachable", "false_alarm"] = Field(
        description="prevented 劝阻成功 / deceived 已受骗（自动立案） / unreachable 无法联系 / false_alarm 误报"
    )
    method: Literal["call", "sms", "visit"] = Field(description="call 电话 / sms 短信 / visit 上门")
    note: str = Field(default="", max_length=2000)
    at: SaneDatetime | None = Field(default=None, description="预警时间（默认现在）")
    prevented_amount: float | None = Field(default=None, ge=0, le=1e11, description="避免的损失（元）")
    loss: float | None = Field(
        default=None, ge=0, le=1e11, description="已受骗的损失（元，默认最大一笔付款）"
    )


class CommunityCounts(BaseModel):
    tasks: int
    open: int
    done: int
    prevented: int
    deceived: int
    unreachable: int
    false_alarm: int


class DayCounts(BaseModel):
    day: str
    created: int
    done: int


class CountsOut(BaseModel):
    communities: dict[str, CommunityCounts]
    days: list[DayCounts]
