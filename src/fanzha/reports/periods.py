"""Reporting periods: ISO weeks ("2026-W47"), months ("2026-11") and days, in Beijing time.

A period is a half-open range of local dates [start, end). Case times are stored in UTC; `utc_range`
gives the period's bounds as UTC instants, so a query compares stored times with them directly — the
same SQL on SQLite and PostgreSQL, no date functions of either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Literal

from fanzha.timezones import check_day

CN_TZ = timezone(timedelta(hours=8), "CST")  # China has one time zone and no daylight saving
Kind = Literal["week", "month", "day"]

_WEEK = re.compile(r"^\s*(\d{4})\s*(?:-?\s*[wW]\s*|年\s*第\s*)(\d{1,2})\s*周?\s*$")
_MONTH = re.compile(r"^\s*(\d{4})\s*(?:-|/|年)\s*(\d{1,2})\s*月?\s*$")
_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_HELP = "请写成 2026-W47（2026年第47周）或 2026-11（2026年11月）"


@dataclass(frozen=True, slots=True)
class Period:
    kind: Kind
    start: date  # first day
    end: date  # the day after the last

    @property
    def label(self) -> str:
        """2026-W47, 2026-11 or 2026-11-17."""
        if self.kind == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        return self.start.isoformat()

    @property
    def title(self) -> str:
        """2026年第47周, 2026年11月 or 2026年11月17日."""
        if self.kind == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}年第{week}周"
        if self.kind == "month":
            return f"{self.start.year}年{self.start.month}月"
        return f"{self.start.year}年{self.start.month}月{self.start.day}日"

    @property
    def span(self) -> str:
        """11月16日至11月22日."""
        last = self.end - timedelta(days=1)
        return f"{self.start.month}月{self.start.day}日至{last.month}月{last.day}日"

    @property
    def unit(self) -> str:
        """How the period is named in a sentence: 本周, 本月, 当日."""
        return {"week": "本周", "month": "本月", "day": "当日"}[self.kind]

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def shift(self, k: int) -> Period:
        """The period `k` periods later (earlier when negative)."""
        if self.kind == "week":
            return period_of(self.start + timedelta(weeks=k), "week")
        if self.kind == "day":
            return period_of(self.start + timedelta(days=k), "day")
        months = self.start.year * 12 + self.start.month - 1 + k
        return period_of(date(months // 12, months % 12 + 1, 1), "month")

    def utc_range(self) -> tuple[datetime, datetime]:
        return to_utc(self.start), to_utc(self.end)

    def dates(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]


def to_utc(day: date) -> datetime:
    """Local midnight at the start of `day`, as a UTC instant."""
    return datetime.combine(day, time(0), CN_TZ).astimezone(UTC)


def local_date(at: datetime) -> date:
    """The Beijing date of a stored time (naive times, as SQLite returns them, are UTC)."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return aware.astimezone(CN_TZ).date()


def period_of(day: date, kind: Kind) -> Period:
    """The week, month or day that contains `day`."""
    if kind == "week":
        start = day - timedelta(days=day.weekday())
        return Period("week", start, start + timedelta(days=7))
    if kind == "month":
        start = day.replace(day=1)
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return Period("month", start, following)
    return Period("day", day, day + timedelta(days=1))


def parse_period(text: str) -> Period:
    """ "2026-W47" (also 2026W47, 2026年第47周), "2026-11" (2026年11月) or "2026-11-17" → Period;
    ValueError with a Chinese message for anything else, and for a period whose first day is outside
    the accepted range of dates (`fanzha.timezones.check_day`: 2000 to a year ahead by default), which
    is checked before any date arithmetic can overflow (9999-W52 once answered 500)."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"请给出通报期间，{_HELP}")
    shown = text.strip()[:40]
    if m := _WEEK.match(text):
        year, week = int(m.group(1)), int(m.group(2))
        try:
            first = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValueError(f"“{shown}”不是有效的周：{year}年没有第{week}周") from None
        return period_of(check_day(first, f"期间“{shown}”"), "week")
    if m := _MONTH.match(text):
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12 or year < 1:
            raise ValueError(f"“{shown}”不是有效的月份，{_HELP}")
        return period_of(check_day(date(year, month, 1), f"期间“{shown}”"), "month")
    if m := _DAY.match(text):
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise ValueError(f"“{shown}”不是有效的日期") from None
        return period_of(check_day(day, f"期间“{shown}”"), "day")
    raise ValueError(f"无法识别的期间“{shown}”，{_HELP}")


def last_complete(kind: Kind, *, today: date | None = None) -> Period:
    """The latest week or month that has ended before `today` (Beijing time)."""
    today = today or datetime.now(CN_TZ).date()
    return period_of(today, kind).shift(-1)


def periods_back(last: Period, count: int) -> list[Period]:
    """`count` consecutive periods ending with `last`, oldest first."""
    return [last.shift(k - count + 1) for k in range(count)]
