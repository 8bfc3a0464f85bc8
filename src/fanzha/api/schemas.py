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
    fraud_type: str | None = Field(
        default=None,
        max_length=32,
        description="诈骗类型代码（分类表中的代码，如 impersonate_service），可不填",
    )
    text: str | None = Field(
        default=None, max_length=2000, description="补充说明；其中的身份证号、电话、银行卡号和姓名隐去后保存"
    )


class ReportOut(BaseModel):
    id: int


class KnownOut(BaseModel):
    """What the store knows about an identifier, as the public page shows it (`fanzha.intel.known`)."""

    status: str = Field(description="official | confirmed | cleared | imitation | suspicious | unknown")
    status_name: str = Field(
        description="状态的中文名：官方、已确认涉诈、已解除、疑似仿冒、有多人举报、未达到风险标记"
    )
    flagged: bool = Field(description="已确认、疑似仿冒或多人举报：持有人可以申诉")
    owner: str | None = Field(default=None, description="官方号码或官方网站的所属机构")
    imitates: str | None = Field(default=None, description="仿冒号码或仿冒网站冒充的机构")
    report_count: int
    lines: list[str] = Field(
        default_factory=list, description="逐句说明：所属机构、运营商和归属地、仿冒、举报"
    )


class ReportReceipt(ReportOut):
    """A stored report and what the store now knows of its identifier: a report of an official number
    is kept, and answered with whose number it is (`notice`)."""

    known: KnownOut
    notice: str | None = Field(default=None, description="举报的是官方号码或官方网站时的说明")


class LookupOut(BaseModel):
    """An identifier's lookup. `verdict` is what the public page shows (`fanzha.intel.known`): the store's
    risk level joined with what the identifier is by its form — an official number, a spoofed one
    (`0095588`), a lookalike site. `level` and `reasons` are the store's risk level from reports and
    officers' decisions only."""

    kind: str
    value: str
    verdict: str = Field(
        description="结论（与公众页面一致）：official 官方、confirmed 已确认涉诈、cleared 已解除、"
        "imitation 疑似仿冒（号码前加0或+号冒充服务号码、仿冒官方网站）、suspicious 有多人举报、"
        "unknown 未达到风险标记"
    )
    verdict_name: str = Field(
        description="结论的中文名：官方、已确认涉诈、已解除、疑似仿冒、有多人举报、未达到风险标记"
    )
    level: str = Field(
        description="情报库的风险等级，只看举报和民警的决定：official, confirmed, suspicious, unknown, cleared；"
        "号码或网址本身是否仿冒见 verdict"
    )
    reasons: list[str] = Field(description="风险等级的依据")
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
    fraud_types: dict[str, int] = Field(default_factory=dict, description="举报中填写的诈骗类型及次数")
    known: KnownOut | None = Field(default=None, description="公众页面显示的状态和说明")


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
