"""Amounts of money as callers say them: 5万元, 50,000元, 1.5万, 5w, 2万5千元, 4万8, 人民币6万元整, 5千块,
三千元, 一万, 六千八 (6800), 两万五 (25000).

The scam check engine's amount recognizer is tuned for the scammer's messages; a caller's retelling
shortens amounts ("打了一万", "交了六千八") and runs units together ("2万5千元"), so the desk reads them
here. A number needs a unit (万, 千, w, 元, 块) or a currency word (人民币, ¥) to be money; a Chinese
numeral also needs a unit and is never an age or a time (五十岁, 三点).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fanzha.text.numerals import DIGITS, parse_chinese_number

_CN = "零一二两三四五六七八九十百千万"
_ARABIC = re.compile(
    r"(?P<cur>人民币|¥|￥|RMB|rmb)?\s*(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d{1,2}))?(?![\d,])"
    r"\s*(?P<unit>万元|万块|万|千元|千块|千|w(?![a-z])|W(?![A-Z])|元|块钱|块|圆)?"
    r"(?:(?<=万)(?P<rest>\d)(?:千|(?![\d万千元块岁年月日号点时分]))(?:元|块)?)?(?:元整|整)?"
)
_CHINESE = re.compile(rf"(?P<cur>人民币)?(?P<num>[{_CN}]{{1,8}})(?P<unit>元|块钱|块)?")
_LISTED = re.compile(
    r"(?<![\d.,])\d+(?:\.\d+)?(?:\s*[、和及与]\s*\d+(?:\.\d+)?)+\s*(?:万元|万|千元|千|元|块)"
)
_NOT_MONEY = re.compile(
    r"^\s*(岁|周岁|年|个月|月|日|号|天|点|时|分|个|次|笔|人|名|位|张|倍|多岁|楼|层|条|元素)"
)


@dataclass(frozen=True, slots=True)
class Amount:
    start: int
    end: int
    yuan: float


def _arabic(m: re.Match[str]) -> float | None:
    unit = (m["unit"] or "").rstrip("元块钱")
    if not (m["unit"] or m["cur"]):
        return None
    value = float(m["num"].replace(",", "") + (f".{m['frac']}" if m["frac"] else ""))
    scale = {"万": 10_000, "w": 10_000, "W": 10_000, "千": 1000}.get(unit, 1)
    value *= scale
    if m["rest"]:
        value += int(m["rest"]) * 1000
    return value


def _chinese(said: str) -> int | None:
    """三千 → 3000, 六千八 → 6800, 两万五 → 25000, 一万二 → 12000."""
    if len(said) >= 2 and said[-1] in DIGITS and said[-2] in "千万":
        head = parse_chinese_number(said[:-1])
        tail = DIGITS[said[-1]]
        if head is None:
            return None
        return head + tail * (100 if said[-2] == "千" else 1000)
    return parse_chinese_number(said)


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money in `text` (folded), in order."""
    out: list[Amount] = []
    for m in _ARABIC.finditer(text):
        if _NOT_MONEY.match(text[m.end() :]) and not m["unit"]:
            continue
        yuan = _arabic(m)
        if yuan is not None and yuan > 0:
            out.append(Amount(m.start(), m.end(), yuan))
    for m in _LISTED.finditer(text):  # "分别是300、800和1500元": the unit said once, at the end
        unit = re.search(r"(万元|万|千元|千|元|块)$", m.group())
        scale = {"万元": 10_000, "万": 10_000, "千元": 1000, "千": 1000}.get(unit.group() if unit else "", 1)
        for number in re.finditer(r"\d+(?:\.\d+)?", m.group()):
            start = m.start() + number.start()
            if not any(a.start <= start < a.end for a in out):
                out.append(Amount(start, m.start() + number.end(), float(number.group()) * scale))
    for m in _CHINESE.finditer(text):
        said = m["num"]
        if any(a.start < m.end() and m.start() < a.end for a in out) or _NOT_MONEY.match(text[m.end() :]):
            continue
        if not (m["unit"] or m["cur"] or any(u in said for u in "千万")):
            continue
        yuan = _chinese(said)
        if yuan is not None and yuan >= 100:
            out.append(Amount(m.start(), m.end(), float(yuan)))
    return sorted(out, key=lambda a: a.start)
