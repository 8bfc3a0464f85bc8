"""Request and response bodies (pydantic). Field limits are part of the contract: bad input is a 422."""

from __future__ import annotations

from pydantic import BaseModel, Field

from fanzha.text.limits import MAX_CHARS


class AssessIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CHARS, description="短信、聊天记录或通话内容")


class ReportIn(BaseModel):
    kind: str = Field(description="phone, bank_card, url, domain, ip, qq, wechat, alipay")
    value: str = Field(min_length=1, max_length=512)
    fraud_type: str | None = Field(default=None, max_length=32)
    text: str | None = Field(default=None, max_length=2000)


class ReportOut(BaseModel):
    id: int


class LookupOut(BaseModel):
    kind: str
    value: str
    level: str
    reasons: list[str]
    report_count: int
    first_seen: str | None
    last_seen: str | None
    facts: dict[str, object] = Field(
        default_factory=dict, description="号码归属：运营商、地区、虚拟号段、境外、冒充服务号码"
    )


class IdentifierIn(BaseModel):
    kind: str = Field(description="phone, bank_card, url, domain, ip, qq, wechat, alipay")
    value: str = Field(min_length=1, max_length=512)


class AppealIn(IdentifierIn):
    reason: str = Field(min_length=1, max_length=2000)
    contact: str | None = Field(default=None, max_length=100)


class DecisionIn(IdentifierIn):
    decision: str = Field(pattern="^(confirmed|cleared)$")
    reason: str = Field(min_length=1, max_length=2000)


class ReviewIn(BaseModel):
    upheld: bool
    note: str = Field(min_length=1, max_length=2000)
