"""The weekly-meeting rule with a frozen clock: due on day 7, overdue from day 8 (the cadre, the officer and
their supervisor told from the first overdue day), marked 逾期超过14天 after 14 days, Beijing days (not UTC), a reassignment changes who is told but
not the clock, a returnee without a pair is flagged, a lifted one never."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from fanzha.returnees import Assignment, Meeting, Returnee, meeting_status, overdue

T0 = datetime(2026, 6, 1, 2, 0, tzinfo=UTC)  # 10:00 Beijing, 1 June


def pair(
    cadre: str = "李干部", officer: str = "王警官", at: datetime = T0, ended: datetime | None = None
) -> Assignment:
    return Assignment(1, cadre, "", officer, "", "赵所长", "", at, "admin", "", ended)


def meeting(on: date) -> Meeting:
    return Meeting(1, on, "李干部", "王警官", "村委会", "", "", "li", T0)


def returnee(*, meetings: list[date] = (), assigned: bool = True, status: str = "active") -> Returnee:  # type: ignore[assignment]
    current = pair() if assigned else None
    return Returnee(
        7,
        "【演示数据】张某",
        "",
        "",
        "",
        [],
        "男",
        30,
        "",
        "南湖村",
        "",
        "",
        date(2026, 5, 20),
        "缅甸",
        "",
        "",
        "deported",
        "high",
        "",
        status,
        T0 if status == "lifted" else None,
        "",
        "",
        None,
        False,
        "admin",
        T0,
        current,
        [current] if current else [],
        [meeting(d) for d in sorted(meetings, reverse=True)],
    )


@pytest.mark.parametrize(
    ("last", "now", "state", "late"),
    [
        (date(2026, 6, 3), datetime(2026, 6, 9, 4, tzinfo=UTC), "ok", 0),  # 6 days on
        (date(2026, 6, 3), datetime(2026, 6, 10, 4, tzinfo=UTC), "due", 0),  # exactly 7 days: due today
        (
            date(2026, 6, 3),
            datetime(2026, 6, 10, 15, 59, tzinfo=UTC),
            "due",
            0,
        ),  # 23:59 Beijing, still the 10th
        (
            date(2026, 6, 3),
            datetime(2026, 6, 10, 16, 0, tzinfo=UTC),
            "overdue",
            1,
        ),  # 00:00 Beijing on the 11th
        (date(2026, 6, 3), datetime(2026, 6, 17, 4, tzinfo=UTC), "overdue", 7),  # 14 days: not yet escalated
        (date(2026, 6, 3), datetime(2026, 6, 18, 4, tzinfo=UTC), "escalated", 8),  # 15 days
    ],
)
def test_a_meeting_is_due_within_seven_beijing_days(last: date, now: datetime, state: str, late: int) -> None:
    status = meeting_status(returnee(meetings=[date(2026, 5, 27), last]), now=now)
    assert (status.state, status.days_overdue, status.since) == (state, late, last)


def test_the_first_overdue_day_tells_the_cadre_the_officer_and_their_supervisor() -> None:
    r = returnee(meetings=[date(2026, 6, 3)])
    assert meeting_status(r, now=datetime(2026, 6, 10, 4, tzinfo=UTC)).told == [
        "包村干部 李干部",
        "民警 王警官",
    ]
    first = meeting_status(r, now=datetime(2026, 6, 10, 16, 0, tzinfo=UTC))  # 00:00 Beijing on the 11th
    assert (first.state, first.days_overdue) == ("overdue", 1)
    assert first.told == ["包村干部 李干部", "民警 王警官", "负责人 赵所长"] and "赵所长" in first.explanation
    late = meeting_status(r, now=datetime(2026, 6, 12, 4, tzinfo=UTC))
    assert late.told == ["包村干部 李干部", "民警 王警官", "负责人 赵所长"]
    assert (
        "2026-06-03" in late.explanation
        and "已逾期 2 天" in late.explanation
        and "李干部" in late.explanation
    )
    escalated = meeting_status(r, now=datetime(2026, 6, 20, 4, tzinfo=UTC))
    assert escalated.told[-1] == "负责人 赵所长" and "超过 14 天" in escalated.explanation


def test_before_any_meeting_the_clock_runs_from_the_first_assignment_in_beijing_time() -> None:
    late_evening = datetime(2026, 6, 1, 15, 30, tzinfo=UTC)  # 23:30 Beijing, 1 June
    r = returnee()
    r = replace(r, assignment=pair(at=late_evening), assignments=[pair(at=late_evening)])
    assert meeting_status(r, now=datetime(2026, 6, 8, 15, 59, tzinfo=UTC)).state == "due"  # 8 June Beijing
    status = meeting_status(r, now=datetime(2026, 6, 8, 16, 0, tzinfo=UTC))  # 9 June Beijing
    assert status.state == "overdue" and "分包以来（2026-06-01）尚未会面" in status.explanation


def test_a_reassignment_changes_who_is_told_but_not_the_last_meeting() -> None:
    r = returnee(meetings=[date(2026, 6, 3)])
    old = pair(ended=datetime(2026, 6, 11, tzinfo=UTC))
    new = pair(cadre="陈干部", officer="刘警官", at=datetime(2026, 6, 11, tzinfo=UTC))
    r = replace(r, assignment=new, assignments=[old, new])
    status = meeting_status(r, now=datetime(2026, 6, 12, 4, tzinfo=UTC))
    assert status.state == "overdue" and status.since == date(2026, 6, 3)
    assert status.told == ["包村干部 陈干部", "民警 刘警官", "负责人 赵所长"]


def test_lifted_returnees_are_never_overdue_and_unassigned_ones_are_flagged() -> None:
    far = datetime(2027, 1, 1, tzinfo=UTC)
    assert meeting_status(returnee(status="lifted"), now=far).state == "lifted"
    unassigned = meeting_status(returnee(assigned=False), now=far)
    assert unassigned.state == "unassigned" and unassigned.flagged and "双岗分包" in unassigned.explanation


def test_the_overdue_list_puts_the_longest_overdue_first() -> None:
    a = replace(returnee(meetings=[date(2026, 6, 3)]), id=1)
    b = replace(returnee(meetings=[date(2026, 6, 1)]), id=2)
    c = replace(returnee(meetings=[date(2026, 6, 15)]), id=3)
    d = replace(returnee(status="lifted"), id=4)
    found = overdue([a, b, c, d], now=datetime(2026, 6, 20, 4, tzinfo=UTC))
    assert [r.id for r, _ in found] == [2, 1]
