"""Times as a caller tells them, resolved against the moment of the call (Beijing time) and against what was
said before: "昨天下午2点", "11月28日晚上八点半", "上周三", "本月1日", "当天17时", "次日", and a clock said
alone ("下午2点", "14:30", "其于20时30分") on the day said last — "后来又转了3万元" keeps that day and time.

Every mention says how it was read (`rule`), so the officer sees why a payment is put at 14:00 on 12-03.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from fanzha.text.numerals import parse_chinese_number
from fanzha.timezones import BEIJING

_CN = "零一二两三四五六七八九十"
_N = rf"(\d{{1,2}}|[{_CN}]{{1,3}})"
_PARTS = "凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间|深夜|半夜"
_CLOCK_TAIL = rf"\s*[点时:：]\s*(?:(?P<min>\d{{1,2}}|半|一刻|[{_CN}]{{1,3}})\s*分?)?\s*(?:许|左右|多|钟)?"
# after a day: an optional part of the day and an optional hour
_AFTER_DAY = re.compile(rf"\s*的?\s*(?P<part>{_PARTS}|晚(?!上)|早(?!上))?\s*(?:(?P<hour>{_N}){_CLOCK_TAIL})?")
_DAY = re.compile(
    r"(?P<iso>(?<!\d)(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d))"
    r"|(?P<full>(?:(?:19|20)\d{2}\s*年\s*)?(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*[日号])"
    r"|(?P<month>(?:本月|这个月|上月|上个月)\s*\d{1,2}\s*[日号])"
    r"|(?P<rel>大前天|前天|昨天|昨日|昨晚|今天|今日|今早|今晚|当天|当日|同日|当晚|次日|第二天|隔天|翌日)"
    r"|(?P<week>(?:上上周|上周|上星期|上个星期|本周|这周|这星期|周|星期|礼拜)[一二三四五六日天])"
    rf"|(?P<dayonly>(?<![\d月])\d{{1,2}}\s*日(?=\s*(?:{_PARTS}|\d{{1,2}}\s*[时点])))"
)
_BARE = re.compile(
    rf"(?P<part>{_PARTS})?\s*(?:(?P<hour>(?<![\d.]){_N}){_CLOCK_TAIL})"
    r"|(?P<hh>(?<![\d:.])(?:[01]?\d|2[0-3]))[:：](?P<mm>[0-5]\d)(?![\d:])"
    rf"|(?P<alone>{_PARTS})"
)
_PART_CLOCK = {"凌晨": (3, 0), "清晨": (6, 0), "早上": (8, 0), "早晨": (8, 0), "上午": (10, 0), "中午": (12, 0),
               "下午": (15, 0), "傍晚": (18, 0), "晚上": (20, 0), "夜里": (22, 0), "夜间": (22, 0),
               "深夜": (23, 0), "半夜": (0, 0)}  # fmt: skip
_PM = ("下午", "傍晚", "晚上", "夜里", "夜间")
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_BACK = {"大前天": 3, "前天": 2, "昨天": 1, "昨日": 1, "昨晚": 1, "今天": 0, "今日": 0, "今早": 0, "今晚": 0}
_FOLLOWING = ("次日", "第二天", "隔天", "翌日")


@dataclass(frozen=True, slots=True)
class When:
    start: int
    end: int
    at: datetime  # Beijing time
    has_day: bool  # a day was said here (not taken from before)
    has_clock: bool  # an hour or a part of the day was said
    rule: str  # how it was read, in Chinese


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else parse_chinese_number(text)


def _clock(
    part: str | None, hour: str | None, minute: str | None, *, after_pm: bool
) -> tuple[int, int] | None:
    if hour is None:
        return _PART_CLOCK.get(part or "")
    h = _number(hour)
    m = 30 if minute == "半" else 15 if minute == "一刻" else (_number(minute) if minute else 0)
    if h is None or m is None:
        return None
    if (part in _PM or (part == "中午" and h <= 2) or (part in ("深夜", "半夜") and 6 <= h < 12)) and h < 12:
        h += 12
    elif part is None and after_pm and h < 12:
        h += 12  # "晚上8点接到电话，9点转了钱": 21:00 (a 时 is on the 24-hour clock: the caller passes False)
    return (h, m) if 0 <= h <= 23 and 0 <= m <= 59 else None


def _day(kind: str, said: str, *, now: date, context: date | None) -> tuple[date | None, str]:
    digits = [int(d) for d in re.findall(r"\d+", said)]
    if kind == "iso" or (kind == "full" and len(digits) == 3):
        try:
            return date(digits[0], digits[1], digits[2]), "按所述日期"
        except ValueError:
            return None, ""
    if kind == "full":
        for year in (now.year, now.year - 1):
            try:
                day = date(year, digits[0], digits[1])
            except ValueError:
                return None, ""
            if day <= now:
                return day, "未说年份，取不晚于今天的最近一次"
        return None, ""
    if kind in ("month", "dayonly"):
        back = kind == "month" and said.startswith("上")
        first = now.replace(day=1)
        month = (first - timedelta(days=1)).replace(day=1) if back else first
        try:
            day = month.replace(day=digits[0])
        except ValueError:
            return None, ""
        if kind == "dayonly" and day > now:
            prev = (first - timedelta(days=1)).replace(day=1)
            day = prev.replace(day=min(digits[0], 28)) if digits[0] > 28 else prev.replace(day=digits[0])
        return day, "按本月推算" if not back and day.month == now.month else "按上月推算"
    if kind == "rel":
        if said in _BACK:
            return now - timedelta(days=_BACK[said]), f"相对报警当天（{now:%m-%d}）推算"
        base = context or now
        if said in _FOLLOWING:
            return base + timedelta(days=1), f"前文日期（{base:%m-%d}）的次日"
        return base, f"承接前文日期（{base:%m-%d}）"
    weekday = _WEEKDAY[said[-1]]
    this_monday = now - timedelta(days=now.weekday())
    if said.startswith("上上"):
        return this_monday - timedelta(days=14 - weekday), "按上上周推算"
    if said.startswith("上"):
        return this_monday - timedelta(days=7 - weekday), f"按上周推算（今天是{now:%m-%d}）"
    day = this_monday + timedelta(days=weekday)
    return (day if day <= now else day - timedelta(days=7)), "按本周推算"


def find_whens(text: str, *, now: datetime) -> list[When]:
    """Every time said in `text` (folded, see intake_text.fold), in order, each on the day said last."""
    today = now.astimezone(BEIJING)
    spans: list[tuple[int, int, str, str, re.Match[str] | None]] = []
    for m in _DAY.finditer(text):
        kind = m.lastgroup or ""
        after = _AFTER_DAY.match(text, m.end())
        end = after.end() if after and after.group().strip() else m.end()
        spans.append((m.start(), end, kind, m.group(), after))
    for m in _BARE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e, *_ in spans):
            if (
                m["hour"]
                and not m["hour"].isdigit()
                and not (m["part"] or m.group().endswith(("许", "多", "钟", "分", "半")))
            ):
                continue  # "便宜一点": not a time
            spans.append((m.start(), m.end(), "bare", m.group(), m))
    out: list[When] = []
    context: date | None = None
    for start, end, kind, said, match in sorted(spans, key=lambda s: s[0]):
        if kind == "bare":
            assert match is not None
            day, rule = context or today.date(), "承接前文日期" if context else "未说日期，按报警当天"
            if match["hh"]:
                clock: tuple[int, int] | None = (int(match["hh"]), int(match["mm"]))
            else:
                colloquial = "点" in match.group()  # "9点" may be 21:00 after an evening; "9时" is 09:00
                clock = _clock(
                    match["part"] or match["alone"],
                    match["hour"],
                    match["min"],
                    after_pm=colloquial and _pm(out, day),
                )
            has_day = False
        else:
            found, rule = _day(kind, said, now=today.date(), context=context)
            if found is None:
                continue
            day, has_day = found, True
            part = {"昨晚": "晚上", "今晚": "晚上", "当晚": "晚上", "今早": "早上"}.get(said)
            clock = None
            if match is not None and (match["part"] or match["hour"]):
                said_part = {"晚": "晚上", "早": "早上"}.get(match["part"], match["part"])
                clock = _clock(said_part or part, match["hour"], match["min"], after_pm=False)
            elif part:
                clock = _PART_CLOCK[part]
            if kind == "iso":
                hm = re.search(r"(\d{1,2}):(\d{2})", text[start : end + 6])
                clock = (int(hm[1]), int(hm[2])) if hm and int(hm[1]) < 24 and int(hm[2]) < 60 else clock
        if clock is None and kind == "bare":
            continue
        context = day
        at = datetime(day.year, day.month, day.day, *(clock or (0, 0)), tzinfo=BEIJING)
        out.append(When(start, end, at, has_day, clock is not None, rule))
    return out


def _pm(earlier: list[When], day: date) -> bool:
    """Whether the last time said on `day` was in the afternoon or evening (a bare "9点" after it is 21:00)."""
    same = [w for w in earlier if w.at.date() == day and w.has_clock]
    return bool(same) and same[-1].at.hour >= 12
