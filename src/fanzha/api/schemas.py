"""Request and response bodies (pydantic). Field limits are part of the contract: bad input is a 422."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from fanzha.text.limits import MAX_CHARS
from fanzha.timezones import check_date

# The largest id a store column holds (a signed 64-bit integer): a larger id in a path, a query or a
# body is refused with 422 before it reaches the database driver (which raises OverflowError).
MAX_ID = 2**63 - 1

# A time that enters through the API: in `fanzha.timezones.date_bounds` (2000 to a year ahead by
# default), else 422 with a Chinese message. Use it for every datetime a client sends.
SaneDatetime = Annotated[datetime, AfterValidator(check_date)]


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
    flags: list[str] = Field(
        default_factory=list,
        description="未通过校验但照样收录的标识的提示：号段未分配、校验位不符、境外号码等",
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
