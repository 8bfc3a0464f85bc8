"""Times: stored in UTC, shown and reasoned about in Beijing time.

China has one time zone and no daylight saving. Two rules every layer follows:
- input without a zone (an officer typing "2026-11-06 14:00", a bank file) is Beijing time: `to_utc`;
- SQLite returns stored times without their zone; they are UTC: `from_db`.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import overload

BEIJING = timezone(timedelta(hours=8), "北京时间")


@overload
def to_utc(at: datetime) -> datetime: ...
@overload
def to_utc(at: None) -> None: ...
def to_utc(at: datetime | None) -> datetime | None:
    """`at` in UTC; a naive `at` is read as Beijing time."""
    if at is None:
        return None
    return (at if at.tzinfo is not None else at.replace(tzinfo=BEIJING)).astimezone(UTC)


@overload
def from_db(at: datetime) -> datetime: ...
@overload
def from_db(at: None) -> None: ...
def from_db(at: datetime | None) -> datetime | None:
    """A time read from the store, zone-aware (naive values from SQLite are UTC)."""
    return at if at is None or at.tzinfo is not None else at.replace(tzinfo=UTC)


# --- the range of dates fanzha accepts -------------------------------------------------------------
# A date outside it is a typo or an attack (`9999-12-31T23:59:59-14:00` once broke every trend report
# for good): refused where it enters, with a Chinese message, before any arithmetic can overflow.
# FANZHA_DATE_MIN (ISO date, Beijing) and FANZHA_DATE_MAX_AHEAD_DAYS move the bounds.
DEFAULT_DATE_MIN = "2000-01-01"
DEFAULT_MAX_AHEAD_DAYS = 366


class DateOutOfRange(ValueError):
    """A date outside the accepted range (the message is Chinese and names the field)."""


def date_bounds(now: datetime | None = None) -> tuple[datetime, datetime]:
    """The earliest and latest accepted instants, UTC (the latest moves with `now`)."""
    lowest = datetime.fromisoformat(os.environ.get("FANZHA_DATE_MIN") or DEFAULT_DATE_MIN)
    ahead = int(os.environ.get("FANZHA_DATE_MAX_AHEAD_DAYS") or DEFAULT_MAX_AHEAD_DAYS)
    return to_utc(lowest), (now or datetime.now(UTC)).astimezone(UTC) + timedelta(days=ahead)


def check_date(at: datetime, what: str = "时间", *, now: datetime | None = None) -> datetime:
    """`at` unchanged when it lies in `date_bounds`, else `DateOutOfRange`. A naive `at` is Beijing time.

    Never overflows: the year is compared before any zone arithmetic, so `0001-01-01T00:00:00+14:00`
    and `9999-12-31T23:59:59-14:00` are refused like any other date out of range.
    """
    lowest, highest = date_bounds(now)
    if not (lowest.year - 1 <= at.year <= highest.year + 1) or not (lowest <= to_utc(at) <= highest):
        raise DateOutOfRange(
            f"{what}超出可接受的范围（{lowest.astimezone(BEIJING):%Y-%m-%d} 至 "
            f"{highest.astimezone(BEIJING):%Y-%m-%d}，北京时间）：{at.isoformat()[:40]}"
        )
    return at


def check_day(day: date, what: str = "日期", *, now: datetime | None = None) -> date:
    """A calendar day (Beijing) in the accepted range, else `DateOutOfRange`."""
    check_date(datetime(day.year, day.month, day.day, 12, tzinfo=BEIJING), what, now=now)
    return day


def day_bounds(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """The UTC bounds [start of `first`, end of `last`) of a range of Beijing dates, each end optional."""
    start = datetime.combine(first, time(), BEIJING).astimezone(UTC) if first else None
    end = datetime.combine(last + timedelta(days=1), time(), BEIJING).astimezone(UTC) if last else None
    return start, end
