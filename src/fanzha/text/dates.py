"""Times as callers tell them to the 110 desk: "11月6日12时许", "2026年11月5日下午3点20分",
"昨天晚上8点", "6日14时", "2026-11-06 12:05", "当天下午3点" (the day said just before). Each mention comes back with its span and the moment
it names, resolved against `now` (a date without a year is the latest such date not after `now`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

_NUM = r"(\d{1,2}|[一二两三四五六七八九十]{1,3})"
_PART = r"(凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间|深夜)?"
_CLOCK = rf"{_PART}(?:{_NUM}\s*[时点:：](?:\s*(\d{{1,2}}|半)\s*分?)?(?:许|左右|多)?)?"
_FULL = re.compile(rf"(?:((?:19|20)\d{{2}})\s*年\s*)?(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号]\s*{_CLOCK}")
_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]+(\d{1,2}):(\d{2}))?(?!\d)")
_RELATIVE = re.compile(rf"(今天|今日|今早|昨天|昨日|昨晚|前天)\s*{_CLOCK}")
_DAY_ONLY = re.compile(
    rf"(?<![\d月])(\d{{1,2}})\s*日\s*{_PART}{_NUM}\s*[时点](?:\s*(\d{{1,2}}|半)\s*分?)?(?:许|左右)?"
)
_SAME_DAY = re.compile(rf"(当天|当日|同日|次日|第二天|隔天)\s*{_CLOCK}")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_DAYS_BACK = {"今天": 0, "今日": 0, "今早": 0, "昨天": 1, "昨日": 1, "昨晚": 1, "前天": 2}
_AFTERNOON = ("下午", "傍晚", "晚上", "夜里", "夜间", "深夜")


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    at: datetime
    has_clock: bool  # False when only the date was said


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_CN.get(text[1:], 0) if len(text) > 1 else 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN[tens] * 10 + (_CN[ones] if ones else 0)
    return _CN.get(text, 0)


def _clock(part: str | None, hour: str | None, minute: str | None) -> tuple[int, int] | None:
    if hour is None:
        return {"凌晨": (3, 0), "清晨": (6, 0), "早上": (8, 0), "早晨": (8, 0), "上午": (10, 0),
                "中午": (12, 0), "下午": (15, 0), "傍晚": (18, 0), "晚上": (20, 0), "夜里": (22, 0),
                "夜间": (22, 0), "深夜": (23, 0)}.get(part or "")  # fmt: skip
    h = _number(hour)
    if part in _AFTERNOON and h < 12:
        h += 12
    m = 30 if minute == "半" else int(minute) if minute else 0
    return (h, m) if 0 <= h <= 23 and 0 <= m <= 59 else None


def _build(year: int, month: int, day: int, clock: tuple[int, int] | None, now: datetime) -> datetime | None:
    try:
        at = now.replace(year=year, month=month, day=day, hour=0, minute=0, second=0, microsecond=0)
    except ValueError:
        return None
    return at.replace(hour=clock[0], minute=clock[1]) if clock else at


def find_times(text: str, *, now: datetime) -> list[TimeMention]:
    """Every time mention in `text`, in order; `now` gives the year, "昨天" and the time zone."""
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], at: datetime | None, has_clock: bool) -> None:
        if at is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(TimeMention(m.start(), m.end(), at, has_clock))

    for m in _ISO.finditer(text):
        clock = (int(m[4]), int(m[5])) if m[4] else None
        add(m, _build(int(m[1]), int(m[2]), int(m[3]), clock, now), clock is not None)
    for m in _FULL.finditer(text):
        clock = _clock(m[4], m[5], m[6])
        year = int(m[1]) if m[1] else now.year
        at = _build(year, int(m[2]), int(m[3]), clock, now)
        if at is not None and not m[1] and at.date() > now.date():
            at = _build(year - 1, int(m[2]), int(m[3]), clock, now)
        add(m, at, m[5] is not None)
    for m in _RELATIVE.finditer(text):
        part = m[2] or ("晚上" if m[1] == "昨晚" else "早上" if m[1] == "今早" else None)
        clock = _clock(part, m[3], m[4])
        day = now - timedelta(days=_DAYS_BACK[m[1]])
        add(m, _build(day.year, day.month, day.day, clock, now), m[3] is not None)
    for m in _DAY_ONLY.finditer(text):
        clock = _clock(m[2], m[3], m[4])
        at = _build(now.year, now.month, int(m[1]), clock, now)
        if at is not None and at > now:  # "6日" later than today: last month
            prev = now.replace(day=1) - timedelta(days=1)
            at = _build(prev.year, prev.month, int(m[1]), clock, now)
        add(m, at, True)
    for m in _SAME_DAY.finditer(text):  # relative to the day said last before it
        earlier = [t for t in found if t.end <= m.start()]
        base = max(earlier, key=lambda t: t.start).at if earlier else now
        if m[1] in ("次日", "第二天", "隔天"):
            base += timedelta(days=1)
        add(m, _build(base.year, base.month, base.day, _clock(m[2], m[3], m[4]), now), m[3] is not None)
    return sorted(found, key=lambda t: t.start)
