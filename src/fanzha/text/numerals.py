"""Chinese numerals (三万五千, 两百, 壹佰) to numbers."""

from __future__ import annotations

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2,
    "三": 3, "叁": 3, "参": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7, "拐": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9, "勾": 9,
}  # fmt: skip  # 洞幺两三四五六拐八勾: how numbers are read out on the radio and spelled by scammers
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LARGE_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)


def parse_chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral, or None if `text` is not one.

    >>> parse_chinese_number("三万五千")
    35000
    >>> parse_chinese_number("十二")
    12
    >>> parse_chinese_number("一百零五")
    105
    """
    if not text or any(c not in NUMERAL_CHARS for c in text):
        return None
    total = 0  # finished groups above 万/亿
    section = 0  # current group below 万
    digit: int | None = None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and digit != 0:
                # Two digits in a row without a unit ("一二", "五零") spell out digits; they are not a value.
                return None
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            unit = LARGE_UNITS[ch]
            section += digit or 0
            if section == 0 and total == 0:
                return None
            total = (total + section) * unit if unit > 10_000 else total + section * unit
            section = 0
            digit = None
    return total + section + (digit or 0)
