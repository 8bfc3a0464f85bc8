"""Request and response bodies of the bulletin's review and issue (`fanzha.reports.issue`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from fanzha.api.schemas import MAX_ID


class MaskedOut(BaseModel):
    kind: str = Field(description="姓名、地址、车牌、单位、出生日期、电话号码、银行卡号……")
    text: str = Field(description="原文")
    as_: str = Field(alias="as", description="刊登为")


class ReviewCaseOut(BaseModel):
    case_id: int
    ref: str
    fraud_type: str
    name: str = Field(description="诈骗类型名称（代码无效时为“未归类”）")
    day: str
    district: str
    dissuaded: bool
    loss_yuan: float
    narrative: str = Field(description="案情原文（仅民警可见）")
    text: str = Field(description="通报中刊登的文字（已脱敏）")
    masked: list[MaskedOut] = Field(description="被脱敏的内容")


class IssuedOut(BaseModel):
    period: str
    issuer: str
    issued_by: str
    issued_at: str = Field(description="发布时间（北京时间，ISO 8601）")
    audit_seq: int = Field(description="发布时审计日志最新记录的序号（印在通报中）")
    audit_hash: str = Field(description="该记录的哈希（印在通报中，可用 fanzha audit verify --anchor 核对）")
    cases: list[int] = Field(description="刊登的典型案例（案件编号）")
    sha256: str = Field(description="发布的HTML的SHA-256（亦记入审计日志）")


class BulletinReviewOut(BaseModel):
    period: str
    title: str
    status: str = Field(description="draft（草稿，待审核）或 issued（已发布）")
    status_name: str
    issued: IssuedOut | None
    cases: list[ReviewCaseOut]


CaseId = Annotated[int, Field(ge=1, le=MAX_ID)]
CaseText = Annotated[str, Field(min_length=1, max_length=2000)]


class BulletinIssueIn(BaseModel):
    period: str | None = Field(
        default=None, max_length=64, description="2026-W47 或 2026-11；默认上一个完整的周"
    )
    cases: list[CaseId] | None = Field(
        default=None, max_length=20, description="刊登的典型案例（案件编号，按顺序）；默认为草稿所选"
    )
    texts: dict[CaseId, CaseText] | None = Field(
        default=None, max_length=20, description="修改案例文字：案件编号 → 文字（刊登前仍会脱敏）"
    )
    issuer: str | None = Field(default=None, min_length=1, max_length=100, description="发布单位")
