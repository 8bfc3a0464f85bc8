"""Times in words at the desk, resolved against the call (Thursday 2026-12-03 16:00 Beijing) and what was said
before them (fanzha.cases.intake_times)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from fanzha.cases.intake_text import fold
from fanzha.cases.intake_times import find_whens
from fanzha.timezones import BEIJING

NOW = datetime(2026, 12, 3, 16, 0, tzinfo=BEIJING)


def _at(text: str, now: datetime = NOW) -> list[str]:
    return [w.at.strftime("%m-%d %H:%M") for w in find_whens(fold(text), now=now)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我下午2点在银行转了钱", ["12-03 14:00"]),
        ("晚上8点半", ["12-03 20:30"]),
        ("晚上八点半", ["12-03 20:30"]),
        ("中午12点", ["12-03 12:00"]),
        ("中午1点", ["12-03 13:00"]),
        ("凌晨1点", ["12-03 01:00"]),
        ("下午3时20分", ["12-03 15:20"]),
        ("14:30转账", ["12-03 14:30"]),
        ("昨天上午", ["12-02 10:00"]),
        ("昨晚11点多", ["12-02 23:00"]),
        ("前天下午三点多", ["12-01 15:00"]),
        ("上周三晚上", ["11-25 20:00"]),
        ("上周五", ["11-27 00:00"]),
        ("11月28日", ["11-28 00:00"]),
        ("１１月２７日２０时许", ["11-27 20:00"]),
        ("11月26日晚7时许", ["11-26 19:00"]),
        ("本月1日下午4点", ["12-01 16:00"]),
        ("2026年11月28日19时许", ["11-28 19:00"]),
        ("2026-11-06 12:05", ["11-06 12:05"]),
    ],
)
def test_a_time_in_words(text: str, expected: list[str]) -> None:
    assert _at(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock said alone is on the day said last
        (
            "11月28日上午接到电话，下午2点转了5万元，14:40又转了3万元",
            ["11-28 10:00", "11-28 14:00", "11-28 14:40"],
        ),
        ("昨日下午4时接到电话，其于当日17时在柜台汇款", ["12-02 16:00", "12-02 17:00"]),
        ("11月26日汇了5万，第二天又转了3万", ["11-26 00:00", "11-27 00:00"]),
        ("12月1日10点转账，次日上午9时又转", ["12-01 10:00", "12-02 09:00"]),
        # 点 after an evening is the evening; 时 is the 24-hour clock
        ("晚上8点接到电话，9点转了钱", ["12-03 20:00", "12-03 21:00"]),
        ("晚上8点接到电话，9时转了钱", ["12-03 20:00", "12-03 09:00"]),
    ],
)
def test_what_was_said_before_carries_over(text: str, expected: list[str]) -> None:
    assert _at(text) == expected


def test_a_date_without_a_year_is_never_in_the_future() -> None:
    assert [w.at.year for w in find_whens("12月25日", now=NOW)] == [2025]


def test_the_moment_of_the_call_is_read_in_beijing_time() -> None:
    late_utc = datetime(2026, 12, 2, 17, 30, tzinfo=UTC)  # already 12-03 01:30 in Beijing
    assert _at("今天上午9点", now=late_utc) == ["12-03 09:00"]
    assert all(w.at.tzinfo == BEIJING for w in find_whens("昨天下午2点", now=late_utc))


@pytest.mark.parametrize("text", ["便宜一点", "一点也不", "年龄67岁", "转了5万元", "卡号6217001234567890123"])
def test_words_that_are_not_times(text: str) -> None:
    assert _at(text) == []


def test_each_time_says_how_it_was_read() -> None:
    first, second = find_whens("前天下午3点接到电话，5点转账", now=NOW)
    assert "相对报警当天" in first.rule and first.has_day
    assert "承接前文" in second.rule and not second.has_day
