from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from fanzha.reports.periods import last_complete, local_date, parse_period, period_of, periods_back


@pytest.mark.parametrize(
    ("text", "label", "start", "end", "title"),
    [
        ("2026-W47", "2026-W47", date(2026, 11, 16), date(2026, 11, 23), "2026年第47周"),
        ("2026w47", "2026-W47", date(2026, 11, 16), date(2026, 11, 23), "2026年第47周"),
        ("2026年第47周", "2026-W47", date(2026, 11, 16), date(2026, 11, 23), "2026年第47周"),
        ("2026-W01", "2026-W01", date(2025, 12, 29), date(2026, 1, 5), "2026年第1周"),
        ("2026-W53", "2026-W53", date(2026, 12, 28), date(2027, 1, 4), "2026年第53周"),
        ("2026-11", "2026-11", date(2026, 11, 1), date(2026, 12, 1), "2026年11月"),
        ("2026年2月", "2026-02", date(2026, 2, 1), date(2026, 3, 1), "2026年2月"),
        ("2026-12", "2026-12", date(2026, 12, 1), date(2027, 1, 1), "2026年12月"),
        ("2026-11-17", "2026-11-17", date(2026, 11, 17), date(2026, 11, 18), "2026年11月17日"),
    ],
)
def test_periods_are_parsed(text: str, label: str, start: date, end: date, title: str) -> None:
    period = parse_period(text)
    assert (period.label, period.start, period.end, period.title) == (label, start, end, title)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-W53", "没有第53周"),
        ("2026-W00", "没有第0周"),
        ("2026-13", "不是有效的月份"),
        ("2026-02-30", "不是有效的日期"),
        ("上周", "无法识别"),
        ("", "请给出通报期间"),
    ],
)
def test_bad_periods_get_a_chinese_message(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_period(text)


def test_shifting_crosses_years() -> None:
    assert parse_period("2026-01").shift(-1).label == "2025-12"
    assert parse_period("2026-W01").shift(-1).label == "2025-W52"
    assert [p.label for p in periods_back(parse_period("2026-02"), 3)] == ["2025-12", "2026-01", "2026-02"]


def test_bounds_are_beijing_midnights_in_utc() -> None:
    start, end = parse_period("2026-W47").utc_range()
    assert start == datetime(2026, 11, 15, 16, tzinfo=UTC) and end == datetime(2026, 11, 22, 16, tzinfo=UTC)
    assert local_date(datetime(2026, 11, 15, 16, 30)) == date(2026, 11, 16)  # naive = UTC (SQLite)


def test_the_last_complete_week_and_month() -> None:
    assert last_complete("week", today=date(2026, 11, 22)).label == "2026-W46"
    assert last_complete("month", today=date(2026, 11, 22)).label == "2026-10"
    assert period_of(date(2026, 11, 22), "week").span == "11月16日至11月22日"
