"""What the store knows about one identifier, put as a citizen reads it: one status and the lines that
explain it (official owner; carrier and region; the brand a number or host imitates; report counts).

The status joins the store's risk level (`fanzha.intel.risk`) with what the reference lists say about
the identifier itself, so that nothing explained as fake is shown as “未达到风险标记”:

    official > confirmed > cleared > imitation > suspicious > unknown

`imitation` is a number dressed up as a service number (`0095588`) or a host that imitates a brand's
official site (`icbc-vip.cc`) or a government site: fake by its form, whether or not anyone reported it.
An officer's decision still wins over it (a holder whose appeal was upheld is cleared).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fanzha.intel.facts import owner_phrase
from fanzha.intel.reference import official_numbers
from fanzha.intel.repository import Lookup
from fanzha.intel.risk import LEVEL_NAMES
from fanzha.taxonomy.codes import fraud_type_name
from fanzha.timezones import BEIJING

STATUS_NAMES = {**LEVEL_NAMES, "imitation": "疑似仿冒"}
FLAGGED = frozenset({"confirmed", "suspicious", "imitation"})  # shown in red; the holder may appeal


@dataclass(frozen=True, slots=True)
class Known:
    kind: str
    value: str
    level: str  # the store's risk level
    status: str  # the level joined with the identifier's own form (see the module)
    status_name: str
    owner: str | None  # the organisation an official number or domain belongs to
    imitates: str | None  # the organisation a fake number or host pretends to be
    report_count: int
    lines: list[str] = field(default_factory=list)  # everything known, one sentence each

    @property
    def flagged(self) -> bool:
        return self.status in FLAGGED

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "status_name": self.status_name,
            "flagged": self.flagged,
            "owner": self.owner,
            "imitates": self.imitates,
            "report_count": self.report_count,
            "lines": self.lines,
        }


def known(found: Lookup) -> Known:
    """The citizen's view of a lookup."""
    facts = found.facts
    owner = _text(facts.get("organisation")) if found.level == "official" else None
    imitation = _text(facts.get("warning")) or _text(facts.get("lookalike"))
    imitated = _imitated(facts)
    status = found.level
    if imitation and status in ("unknown", "suspicious"):
        status = "imitation"
    lines = []
    if owner:
        lines.append(owner_phrase(found.kind, found.value, owner))
    if imitation:
        lines.append(imitation)
    lines += _number_lines(facts)
    lines += _report_lines(found)
    # The officer's notes on an odd value (号段未分配, 校验位不符 …), unless a line above says it already.
    lines += [
        f"提示：{flag}"
        for flag in found.flags
        if not any(flag in line for line in lines) and not (imitation and "仿冒" in flag)
    ]
    return Known(
        kind=found.kind,
        value=found.value,
        level=found.level,
        status=status,
        status_name=STATUS_NAMES[status],
        owner=owner,
        imitates=imitated,
        report_count=found.report_count,
        lines=lines,
    )


def official_notice(found: Known) -> str | None:
    """What a reporter of an official number or site is told: whose it is, and that the report is kept."""
    if not found.owner:
        return None
    phrase = owner_phrase(found.kind, found.value, found.owner)
    real = "是真号码，不是诈骗号码" if found.kind == "phone" else "不是诈骗网站"
    return f"{phrase}，{real}。举报已记录，留给民警查看，但官方号码和网站不会因举报被标记为涉诈。"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _imitated(facts: dict[str, object]) -> str | None:
    number = _text(facts.get("imitates"))
    if number is not None and number in official_numbers():
        return official_numbers()[number].organisation
    return _text(facts.get("imitated"))


def _number_lines(facts: dict[str, object]) -> list[str]:
    lines = []
    where = "，".join(
        part
        for part in (
            f"运营商：{facts['carrier']}" if facts.get("carrier") else "",
            f"归属地：{facts['region']}" if facts.get("region") else "",
        )
        if part
    )
    if where:
        lines.append(where)
    if facts.get("virtual_operator"):
        lines.append("虚拟运营商号段：实名登记较松，常被用于诈骗，接到来电要多加小心")
    if facts.get("foreign"):
        lines.append("境外号码：国内的银行、公检法和客服不会用境外号码联系你")
    return lines


def _report_lines(found: Lookup) -> list[str]:
    if found.level == "official":
        if found.report_count:
            return [f"收到过{found.report_count}次举报：举报记录留给民警查看，不改变它的官方身份"]
        return []
    lines = []
    if found.report_count:
        last = found.last_seen.astimezone(BEIJING) if found.last_seen is not None else None
        when = f"，最近一次在{last:%Y-%m-%d}" if last is not None else ""
        lines.append(f"共收到{found.report_count}次举报{when}")
        if found.fraud_types:
            named = "、".join(f"{fraud_type_name(code)}{n}次" for code, n in found.fraud_types.items())
            lines.append(f"举报的诈骗类型：{named}")
    if found.level != "unknown" or found.report_count:
        lines += [f"风险判断：{reason}" for reason in found.reasons]
    else:
        lines.append("没有举报记录")
    return lines
