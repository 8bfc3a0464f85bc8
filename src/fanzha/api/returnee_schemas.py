"""Request and response bodies of the returnee ledger, outbound workers and the survey
(`fanzha.api.routers.returnees`). Lists carry ID numbers and phones masked; the detail views (logged) carry
them in full. Every status carries its explanation in Chinese."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from fanzha.api.times import ApiTime
from fanzha.returnees import HOW, METHODS, OUTCOMES, RISK, STATES


def choice(names: dict[str, str]) -> str:
    return "^(" + "|".join(k for k in names if k) + ")$"


def names(d: dict[str, str]) -> str:
    return " | ".join(f"{k}（{v}）" for k, v in d.items() if k)


class ReturneeCreate(BaseModel):
    name: str = Field(min_length=1, max_length=64, description="姓名")
    community: str = Field(default="", max_length=64, description="所在村（社区）；社区密钥默认本社区")
    returned_on: date = Field(description="回流日期（北京时间）")
    how: str = Field(default="self", pattern=choice(HOW), description=names(HOW))
    risk_level: str = Field(default="medium", pattern=choice(RISK), description=names(RISK))
    id_number: str = Field(default="", max_length=64, description="身份证号")
    phone: str = Field(default="", max_length=128, description="电话，写法不限")
    sex: str = Field(default="", pattern="^(男|女|)$")
    age: int | None = Field(default=None, ge=0, le=130)
    address: str = Field(default="", max_length=200)
    township: str = Field(default="", max_length=64, description="乡镇（街道）")
    district: str = Field(default="", max_length=64, description="区县")
    from_country: str = Field(default="", max_length=32, description="从哪个国家回流，例如 缅甸")
    from_region: str = Field(default="", max_length=64, description="地区，例如 缅北")
    from_city: str = Field(default="", max_length=64, description="城市，例如 妙瓦底")
    risk_notes: str = Field(default="", max_length=4000, description="风险说明")


class PairCreate(BaseModel):
    cadre: str = Field(min_length=1, max_length=64, description="包村干部")
    officer: str = Field(min_length=1, max_length=64, description="包案民警")
    cadre_phone: str = Field(default="", max_length=128)
    officer_phone: str = Field(default="", max_length=128)
    supervisor: str = Field(default="", max_length=64, description="负责人（会面逾期时与干部、民警一同提醒）")
    supervisor_phone: str = Field(default="", max_length=128)
    reason: str = Field(default="", max_length=2000, description="调整原因（重新分包时）")


class MeetingCreate(BaseModel):
    met_on: date = Field(description="会面日期（北京时间），不晚于今天")
    cadre: str = Field(default="", max_length=64, description="到场的包村干部")
    officer: str = Field(default="", max_length=64, description="到场的民警")
    place: str = Field(default="", max_length=200)
    findings: str = Field(default="", max_length=4000, description="了解到的生活、工作情况")
    next_steps: str = Field(default="", max_length=4000, description="下一步措施")


class LiftIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="解除管控理由")


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class AssignmentOut(_Out):
    cadre: str
    cadre_phone: str
    officer: str
    officer_phone: str
    supervisor: str
    supervisor_phone: str
    assigned_at: ApiTime
    assigned_by: str
    reason: str
    ended_at: ApiTime | None


class MeetingOut(_Out):
    id: int
    met_on: date
    cadre: str
    officer: str
    place: str
    findings: str
    next_steps: str
    recorded_by: str
    recorded_at: ApiTime


class MeetingStatusOut(_Out):
    state: str = Field(description="ok | due | overdue | escalated | unassigned | lifted")
    state_name: str
    since: date | None = Field(description="计算起点：最近一次会面日，或首次分包日")
    days: int
    due_on: date | None
    days_overdue: int
    told: list[str] = Field(description="已提醒的人")
    explanation: str


class ReturneeOut(_Out):
    id: int
    name: str
    id_number: str = Field(description="列表中打码；详情（记入访问日志）中完整")
    id_flags: list[str]
    phone: str
    phone_flags: list[str]
    sex: str
    age: int | None
    address: str
    community: str
    township: str
    district: str
    returned_on: date
    from_where: str
    how: str
    risk_level: str
    risk_notes: str
    status: str
    lift_reason: str
    outbound_id: int | None
    key_person_id: int | None = Field(description="民警端重点人员库中同身份证号的人员编号")
    demo: bool
    assignment: AssignmentOut | None
    last_met_on: date | None
    meeting: MeetingStatusOut


class ReturneeDetailOut(ReturneeOut):
    phone_raw: str
    assignments: list[AssignmentOut]
    meetings: list[MeetingOut]


class WorkerCreate(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    community: str = Field(default="", max_length=64, description="所在村（社区）；社区密钥默认本社区")
    region: str = Field(min_length=1, max_length=32, description="务工省份或国家：广西、云南、缅甸…")
    state: str = Field(
        default="away", pattern="^(planned|away)$", description="planned（拟外出）| away（在外务工）"
    )
    place: str = Field(default="", max_length=200, description="具体地点")
    employer: str = Field(default="", max_length=200)
    since: date | None = Field(default=None, description="外出日期（拟外出时为计划日期）")
    id_number: str = Field(default="", max_length=64)
    phone: str = Field(default="", max_length=128)
    family_contact: str = Field(default="", max_length=64)
    family_phone: str = Field(default="", max_length=128)
    reporter: str = Field(default="", max_length=64, description="负责每日报告的人")
    township: str = Field(default="", max_length=64)
    district: str = Field(default="", max_length=64)


class ReportCreate(BaseModel):
    day: date = Field(description="报告日期（北京时间），不晚于今天")
    location: str = Field(default="", max_length=200, description="当前所在地")
    safe: bool = Field(default=True, description="是否安全")
    in_contact: bool = Field(default=True, description="能否联系上")
    note: str = Field(default="", max_length=4000)


class PersuasionCreate(BaseModel):
    day: date
    method: str = Field(pattern=choice(METHODS), description=names(METHODS))
    outcome: str = Field(pattern=choice(OUTCOMES), description=names(OUTCOMES))
    note: str = Field(default="", max_length=4000)


class CameBackIn(BaseModel):
    returned_on: date = Field(description="回国（返乡）日期")
    how: str = Field(default="persuaded", pattern=choice(HOW), description=names(HOW))
    risk_level: str = Field(default="medium", pattern=choice(RISK), description=names(RISK))
    risk_notes: str = Field(default="", max_length=4000)


class ReportOut(_Out):
    id: int
    day: date
    location: str
    safe: bool
    in_contact: bool
    note: str
    reported_by: str


class PersuasionOut(_Out):
    id: int
    day: date
    method: str
    outcome: str
    note: str
    recorded_by: str


class WorkerOut(_Out):
    id: int
    name: str
    id_number: str
    phone: str
    phone_flags: list[str]
    community: str
    region: str
    place: str
    employer: str
    since: date | None
    state: str = Field(description=names(STATES))
    state_name: str
    family_contact: str
    family_phone: str
    reporter: str
    closed_on: date | None
    returnee_id: int | None
    demo: bool
    reports: list[ReportOut]
    persuasions: list[PersuasionOut]


class MissingOut(BaseModel):
    worker_id: int
    name: str
    community: str
    region: str
    reporter: str
    day: date
    last_reported: date | None
    days_missing: int
    explanation: str


class MemberCreate(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    relation: str = Field(default="", max_length=64)
    age: int | None = Field(default=None, ge=0, le=130)
    away: bool = False
    region: str = Field(default="", max_length=32, description="外出务工的省份或国家")
    place: str = Field(default="", max_length=200)
    work: str = Field(default="", max_length=200)
    phone: str = Field(default="", max_length=128)


class HouseholdCreate(BaseModel):
    community: str = Field(default="", max_length=64, description="村（社区）；社区密钥默认本社区")
    grp: str = Field(min_length=1, max_length=64, description="组（楼栋）")
    household: str = Field(min_length=1, max_length=64, description="户：门牌号或户主")
    address: str = Field(default="", max_length=200)
    registered_members: int = Field(default=0, ge=0, le=99, description="户籍人数")
    members: list[MemberCreate] = Field(default_factory=list, max_length=30)
    surveyed_on: date | None = Field(default=None, description="走访日期；不填为仅登记在册")
    surveyed_by: str = Field(default="", max_length=64)
    note: str = Field(default="", max_length=4000)


class HouseholdOut(_Out):
    id: int
    community: str
    grp: str
    household: str
    address: str
    registered_members: int
    members: list[dict[str, object]]
    surveyed_on: date | None
    surveyed_by: str


class CoverageOut(_Out):
    community: str
    groups: int
    groups_reached: int
    groups_complete: int
    households: int
    households_surveyed: int
    members_registered: int
    members_recorded: int
    away: int
    risky: int
    missing_groups: list[str]
    explanation: str


class AccessOut(_Out):
    at: ApiTime
    actor: str
    role: str
    record_id: int | None
    view: str
    view_name: str
