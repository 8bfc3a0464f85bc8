"""When a returnee's weekly meeting is overdue, and who is told.

The rule (Beijing calendar days, computed against an injectable clock `now`):
- the clock starts at the day of the last meeting, or, before any meeting, at the day the returnee was
  first assigned a pair (双岗分包); a reassignment does not restart it (the new pair inherits the gap);
- a meeting is due within 7 days: with the last one on day D, the next is due by D + 7 (the same weekday a
  week later). On D + 7 it is "due today"; from D + 8 on it is overdue, and the cadre and the officer of
  the current pair and their supervisor are told ("overdue meetings flagged to both and to their
  supervisor"), from the first overdue day;
- more than 14 days without a meeting (from D + 15 on) it is escalated (逾期超过14天): the supervisor is
  asked to see to it (督办);
- a returnee without a pair is flagged "未落实双岗分包" (nobody can be told but the ledger's keepers);
- a returnee whose control was lifted is never overdue.

Days are Beijing days: a meeting on 3 June at 23:30 Beijing time (15:30 UTC) is a meeting of 3 June, and
"now" at 00:30 Beijing time on 11 June (16:30 UTC on 10 June) is already 11 June, eight days on: overdue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from fanzha.returnees.model import ESCALATE_DAYS, WEEK_DAYS, Returnee, beijing_day

STATES = {
    "ok": "按期会面",
    "due": "今日应会面",
    "overdue": "会面逾期",
    "escalated": "逾期超过14天",
    "unassigned": "未落实双岗分包",
    "lifted": "已解除管控",
}


@dataclass(frozen=True, slots=True)
class MeetingStatus:
    returnee_id: int
    state: str  # one of STATES
    since: date | None  # the day the clock runs from (last meeting, or first assignment)
    days: int  # days since then
    due_on: date | None
    days_overdue: int
    told: list[str] = field(default_factory=list)  # "包村干部 张三" …
    explanation: str = ""

    @property
    def state_name(self) -> str:
        return STATES[self.state]

    @property
    def flagged(self) -> bool:
        return self.state in ("overdue", "escalated", "unassigned")


def meeting_status(returnee: Returnee, *, now: datetime) -> MeetingStatus:
    """Where `returnee` stands on the weekly meeting at `now` (the rule in the module's docstring)."""
    if returnee.status != "active":
        why = f"已于 {_day(returnee.lifted_at)} 解除管控，无需会面"
        return MeetingStatus(returnee.id, "lifted", None, 0, None, 0, [], why)
    pair = returnee.assignment
    if pair is None or not returnee.assignments:
        return MeetingStatus(returnee.id, "unassigned", None, 0, None, 0, [],
                             "尚未落实双岗分包（一名包村干部、一名民警），请社区负责人和派出所尽快分包")  # fmt: skip
    today = beijing_day(now)
    last = returnee.last_met_on
    since = last if last is not None else beijing_day(returnee.assignments[0].assigned_at)
    days = (today - since).days
    due_on = since + timedelta(days=WEEK_DAYS)
    basis = f"最近一次会面为 {since}" if last is not None else f"分包以来（{since}）尚未会面"
    pair_names = [f"包村干部 {pair.cadre}", f"民警 {pair.officer}"]
    if days < WEEK_DAYS:
        return MeetingStatus(
            returnee.id, "ok", since, days, due_on, 0, [], f"{basis}，下次应于 {due_on} 前会面"
        )
    if days == WEEK_DAYS:
        return MeetingStatus(returnee.id, "due", since, days, due_on, 0, pair_names,
                             f"{basis}，今天（{today}）是每周会面的最后一天")  # fmt: skip
    late = days - WEEK_DAYS
    boss = pair.supervisor or "（未指定负责人，请指定）"
    told = [*pair_names, f"负责人 {boss}"]
    why = (
        f"{basis}（{days} 天前），超过每周会面一次的要求，应于 {due_on} 前会面，已逾期 {late} 天；"
        f"已提醒{'、'.join(pair_names)}及负责人 {boss}"
    )
    state = "overdue"
    if days > ESCALATE_DAYS:
        state = "escalated"
        why += f"；超过 {ESCALATE_DAYS} 天未会面，请负责人 {boss} 督办"
    return MeetingStatus(returnee.id, state, since, days, due_on, late, told, why)


def overdue(returnees: list[Returnee], *, now: datetime) -> list[tuple[Returnee, MeetingStatus]]:
    """The flagged ones (overdue, escalated, unassigned), the longest overdue first."""
    flagged = [(r, s) for r in returnees if (s := meeting_status(r, now=now)).flagged]
    return sorted(flagged, key=lambda rs: (rs[1].state == "unassigned", -rs[1].days_overdue, rs[0].id))


def _day(at: datetime | None) -> str:
    return beijing_day(at).isoformat() if at is not None else "—"
