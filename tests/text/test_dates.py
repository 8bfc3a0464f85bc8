"""Times as callers say them, resolved against a fixed `now`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from fanzha.text.dates import find_times

TZ = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=TZ)


@pytest.mark.parametrize(
    ("text", "expected", "clock"),
    [
        ("20xx年11月6日12时许，一事主在建设银行", datetime(2026, 11, 6, 12, 0, tzinfo=TZ), True),
        ("2026年11月5日下午3点20分转账", datetime(2026, 11, 5, 15, 20, tzinfo=TZ), True),
        ("昨天晚上8点接到电话", datetime(2026, 11, 21, 20, 0, tzinfo=TZ), True),
        ("6日14时许", datetime(2026, 11, 6, 14, 0, tzinfo=TZ), True),
        ("2026-11-06 12:05 转账", datetime(2026, 11, 6, 12, 5, tzinfo=TZ), True),
        ("12月30日上午", datetime(2025, 12, 30, 10, 0, tzinfo=TZ), False),  # no year: the last one
        ("今天上午十点半", datetime(2026, 11, 22, 10, 30, tzinfo=TZ), True),
        ("25日晚上9点", datetime(2026, 10, 25, 21, 0, tzinfo=TZ), True),  # later than today: last month
    ],
)
def test_times(text: str, expected: datetime, clock: bool) -> None:
    (found,) = find_times(text, now=NOW)
    assert (found.at, found.has_clock) == (expected, clock)


@pytest.mark.parametrize("text", ["11月31日", "13月1日", "25点", "价格3600元"])
def test_non_dates(text: str) -> None:
    assert find_times(text, now=NOW) == []


def test_same_day_and_next_day_follow_the_last_date_said() -> None:
    found = find_times("11月6日10时许接到电话，当天下午3点转账，次日上午9点又转账", now=NOW)
    assert [t.at for t in found] == [
        datetime(2026, 11, 6, 10, 0, tzinfo=TZ),
        datetime(2026, 11, 6, 15, 0, tzinfo=TZ),
        datetime(2026, 11, 7, 9, 0, tzinfo=TZ),
    ]
