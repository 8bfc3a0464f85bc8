"""Request and response bodies of 断卡 (`fanzha.api.routers.cardban`): entries on the 惩戒 list (the holder
in full for officers, masked for banks), opening checks and their answers, groups through listed accounts."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from fanzha.api.schemas import MAX_ID
from fanzha.api.times import ApiTime
from fanzha.cardban import (
    EVIDENCE,
    KINDS,
    SERVICES,
    STATUSES,
    VERDICTS,
    CheckResult,
    Entry,
    EntryIn,
    today_in_beijing,
)


def choice(names: dict[str, str]) -> str:
    return "^(" + "|".join(names) + ")$"


class BankEntryCreate(BaseModel):
    kind: str = Field(pattern=choice(KINDS), description="bank_card（银行账户）| phone（电话卡）")
    value: str = Field(min_length=1, max_length=128, description="账户（卡号）或手机号码，写法不限")
    holder_name: str = Field(min_length=1, max_length=64, description="持有人姓名")
    holder_id: str = Field(min_length=1, max_length=64, description="持有人身份证号")
    review_ref: str = Field(min_length=1, max_length=200, description="本行核查编号或说明")
    issuer: str = Field(default="", max_length=64, description="开户行或运营商")
    note: str = Field(default="", max_length=2000)
    starts_on: date | None = Field(default=None, description="惩戒起始日（北京时间），默认今天")
    ends_on: date | None = Field(default=None, description="惩戒截止日（含），默认并最长为起始日起五年")


class EntryCreate(BankEntryCreate):
    evidence: str = Field(pattern=choice(EVIDENCE), description="case（案件认定）| bank_review（银行核查）")
    case_id: int | None = Field(default=None, ge=1, le=MAX_ID, description="依据为案件时的案件编号")
    review_ref: str = Field(default="", max_length=200, description="依据为银行核查时的核查编号或说明")


class LiftIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="解除理由")


class EntryOut(BaseModel):
    id: int
    kind: str
    kind_name: str
    value: str
    raw: str
    flags: list[str] = Field(description="未通过校验之处（照样登记、按所写比对）")
    issuer: str
    holder_name: str = Field(description="持有人姓名（民警以外打码）")
    holder_id: str = Field(description="持有人身份证号（民警以外打码）")
    starts_on: date
    ends_on: date
    status: str = Field(
        description="pending（未生效）| active（惩戒期内）| expired（已期满）| lifted（已解除）"
    )
    status_name: str
    evidence: str
    evidence_name: str
    case_id: int | None
    review_ref: str
    note: str
    recorded_by: str
    created_at: ApiTime
    lifted_at: ApiTime | None
    lift_reason: str


class CheckCreate(BaseModel):
    service: str = Field(
        pattern=choice(SERVICES), description="open_account（开立账户）| online_service（开通非柜面业务）"
    )
    holder_name: str = Field(min_length=1, max_length=64, description="客户姓名")
    holder_id: str = Field(min_length=1, max_length=64, description="客户身份证号")
    account: str = Field(default="", max_length=128, description="账户（开通非柜面业务时必填）")
    phone: str = Field(default="", max_length=128, description="客户预留手机号")


class ReasonOut(BaseModel):
    code: str
    verdict: str
    text: str


class CheckOut(BaseModel):
    id: int
    verdict: str = Field(description="allow（可办理）| counter_only（仅限柜面）| verify（需核实）")
    verdict_name: str
    reasons: list[ReasonOut]
    service: str
    holder_name: str
    holder_id: str
    account: str
    phone: str
    bank: str
    staff: str
    checked_at: ApiTime | None


class ListedOut(BaseModel):
    entry_id: int
    kind: str
    value: str
    holder_name: str
    via: str = Field(description="identifier（案件提到）| payment（受害人转入）")


class ListedGroupOut(BaseModel):
    id: int
    size: int
    total_loss: float
    first_received: ApiTime | None
    last_received: ApiTime | None
    two_cards: list[ListedOut]


def entry_out(entry: Entry, *, officer: bool) -> EntryOut:
    shown = entry if officer else entry.masked()
    return EntryOut(
        id=shown.id, kind=shown.kind, kind_name=KINDS[shown.kind], value=shown.value, raw=shown.raw,
        flags=shown.flags, issuer=shown.issuer, holder_name=shown.holder_name, holder_id=shown.holder_id,
        starts_on=shown.starts_on, ends_on=shown.ends_on, status=(status := shown.status(today_in_beijing())),
        status_name=STATUSES[status], evidence=shown.evidence, evidence_name=EVIDENCE[shown.evidence],
        case_id=shown.case_id, review_ref=shown.review_ref, note=shown.note, recorded_by=shown.recorded_by,
        created_at=shown.created_at, lifted_at=shown.lifted_at, lift_reason=shown.lift_reason,
    )  # fmt: skip


def check_out(result: CheckResult) -> CheckOut:
    return CheckOut(
        id=result.id, verdict=result.verdict, verdict_name=VERDICTS[result.verdict],
        reasons=[ReasonOut(**r.as_json()) for r in result.reasons], service=result.service,
        holder_name=result.holder_name, holder_id=result.holder_id, account=result.account, phone=result.phone,
        bank=result.bank, staff=result.staff, checked_at=result.checked_at,
    )  # fmt: skip


def entry_in(body: BankEntryCreate, evidence: str, case_id: int | None) -> EntryIn:
    return EntryIn(
        kind=body.kind, value=body.value, holder_name=body.holder_name, holder_id=body.holder_id,
        evidence=evidence, case_id=case_id, review_ref=body.review_ref, issuer=body.issuer, note=body.note,
        starts_on=body.starts_on, ends_on=body.ends_on,
    )  # fmt: skip
