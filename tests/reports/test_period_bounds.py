"""Periods at the ends of the calendar, or outside the accepted range of dates, are refused with a
Chinese message (a ValueError), never an OverflowError; those inside it still work."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fanzha.reports.periods import Period, parse_period, periods_back
from fanzha.timezones import BEIJING

REFUSED = [
    ("9999-W52", "超出可接受的范围"),
    ("9999-W01", "超出可接受的范围"),
    ("9999-12", "超出可接受的范围"),
    ("9999-12-31", "超出可接受的范围"),
    ("0001-01-01", "超出可接受的范围"),
    ("0001-W01", "超出可接受的范围"),
    ("1999-12", "超出可接受的范围"),
    ("1000-01", "超出可接受的范围"),
    ("٩٩٩٩-W52", "超出可接受的范围"),  # other scripts' digits are digits to int()
    ("0000-W01", "没有第1周"),
    ("0000-01", "不是有效的月份"),
    ("0000-01-01", "不是有效的日期"),
    ("2026-W60", "没有第60周"),
    ("2026-W" + "1" * 400, "无法识别"),
    ("2026-W47" + " " * 500 + "x", "无法识别"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_periods_outside_the_accepted_range_are_refused_in_chinese(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as refused:
        parse_period(text)
    assert len(str(refused.value)) < 200  # the message quotes at most a little of the input


def test_a_period_of_the_coming_year_is_accepted_and_can_be_looked_back_from() -> None:
    ahead = (datetime.now(BEIJING) + timedelta(days=300)).date()
    period = parse_period(f"{ahead:%Y-%m}")
    assert period.start.year == ahead.year and len(periods_back(period, 520)) == 520


def test_the_first_accepted_period_and_five_hundred_before_it() -> None:
    first = parse_period("2000-01")
    assert first.start.isoformat() == "2000-01-01"
    back = periods_back(first, 520)
    assert isinstance(back[0], Period) and back[0].start.year == 1956
    assert parse_period("2000-01-01").utc_range()[0] == datetime(1999, 12, 31, 16, tzinfo=UTC)
