"""What a counter alert is: its kinds, its life cycle and outcomes, and the checks of what a teller sends.

The life cycle: `open` (待接警: the desk has not answered) → `acknowledged` (已接警: an officer took it; a
case can be attached or opened now) → `closed` (已处置: the outcome recorded). Each step once, in this
order; a step out of order is an `AlertConflict`.

A drill (演练) goes through the same steps so that a bank can rehearse the whole chain, and is counted
apart (`fanzha.counter.drills`); it never reaches a case (a drill's case would count in the desk's
statistics), and only a drill may close as 演练结束.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fanzha.timezones import DateOutOfRange, check_date, to_utc

KINDS = {
    "forged_document": "伪造凭证或证件（假存单、假身份证等）",
    "remote_withdrawal": "客户边打电话边取款或转账（疑受人遥控）",
    "known_suspect": "疑似公安在控嫌疑人",
}
KIND_SHORT = {
    "forged_document": "伪造凭证/证件",
    "remote_withdrawal": "受遥控取款",
    "known_suspect": "在控嫌疑人",
}
STATES = {"open": "待接警", "acknowledged": "已接警", "closed": "已处置"}
OUTCOMES = {
    "arrested": "嫌疑人当场抓获",
    "tracked": "嫌疑人离开，已掌握去向",
    "escaped": "嫌疑人离开，去向不明",
    "dissuaded": "客户已劝阻，资金未转出",
    "false_alarm": "经核实无异常（误报）",
    "drill_completed": "演练结束",
    "other": "其他（见说明）",
}
CASE_LINKS = {"attached": "并入已有案件", "opened": "据此立案"}
CLOCK_SKEW = timedelta(minutes=10)  # a branch's clock may run ahead of the server's by this much
# The longest text each field holds (the store's columns).
LIMITS = {"branch": 200, "counter": 32, "teller": 64, "presented": 2000, "customer": 2000, "note": 2000}


class AlertError(ValueError):
    """Bad input; the message is for the teller or the officer (Chinese)."""


class AlertNotFound(AlertError):
    pass


class AlertConflict(AlertError):
    """A step the alert's state does not allow (acknowledge twice, close before acknowledging, …)."""


@dataclass(frozen=True, slots=True)
class AlertIn:
    """What the teller sends. `occurred_at` defaults to the moment the alert is raised."""

    kind: str
    branch: str
    counter: str = ""
    occurred_at: datetime | None = None
    presented: str = ""
    customer: str = ""
    note: str = ""
    drill: bool = False
    teller: str = ""


@dataclass(frozen=True, slots=True)
class Alert:
    id: int
    bank: str
    branch: str
    counter: str
    kind: str
    drill: bool
    occurred_at: datetime
    raised_at: datetime
    presented: str
    customer: str
    note: str
    teller: str
    state: str
    acknowledged_at: datetime | None
    acknowledged_by: str
    case_id: int | None
    case_link: str
    outcome: str
    outcome_note: str
    closed_at: datetime | None
    closed_by: str

    @property
    def kind_name(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def state_name(self) -> str:
        return STATES.get(self.state, self.state)

    @property
    def outcome_name(self) -> str:
        return OUTCOMES.get(self.outcome, self.outcome)

    @property
    def seconds_to_acknowledge(self) -> float | None:
        """From raised to acknowledged (None while open)."""
        if self.acknowledged_at is None:
            return None
        return max(0.0, (self.acknowledged_at - self.raised_at).total_seconds())

    def waiting_seconds(self, now: datetime) -> float:
        """How long the alert has waited for the desk (until now while open)."""
        end = self.acknowledged_at or now
        return max(0.0, (end - self.raised_at).total_seconds())


def clean_text(value: str, field: str, what: str, *, required: bool = False) -> str:
    """`value` stripped, within its column's length, else AlertError naming the field."""
    text = value.strip()
    if required and not text:
        raise AlertError(f"请填写{what}")
    limit = LIMITS.get(field, 2000)
    if len(text) > limit:
        raise AlertError(f"{what}不能超过 {limit} 个字符（现有 {len(text)} 个）")
    if "\x00" in text:
        raise AlertError(f"{what}含有无法保存的空字符")
    return text


def checked(alert: AlertIn, *, now: datetime) -> dict[str, object]:
    """The columns of a new alert, or AlertError naming the first field to correct."""
    if alert.kind not in KINDS:
        raise AlertError(f"不支持的报警类型：{alert.kind}（可选：{', '.join(KINDS)}）")
    occurred = alert.occurred_at or now
    try:
        check_date(occurred, "发生时间", now=now)
    except DateOutOfRange as exc:
        raise AlertError(str(exc)) from None
    occurred = to_utc(occurred)
    if occurred > now.astimezone(UTC) + CLOCK_SKEW:
        raise AlertError("发生时间不能晚于现在")
    return {
        "kind": alert.kind,
        "branch": clean_text(alert.branch, "branch", "网点", required=True),
        "counter": clean_text(alert.counter, "counter", "窗口"),
        "teller": clean_text(alert.teller, "teller", "柜员"),
        "presented": clean_text(alert.presented, "presented", "出示的材料"),
        "customer": clean_text(alert.customer, "customer", "客户特征"),
        "note": clean_text(alert.note, "note", "柜员说明"),
        "drill": bool(alert.drill),
        "occurred_at": occurred,
    }
