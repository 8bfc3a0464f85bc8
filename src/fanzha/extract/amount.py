"""Money amounts in yuan: ¥5,000, 5000元, 3.5万, 三万五千元, 两千块, 5w.

The value is the amount in yuan with two decimals (`"35000.00"`), so amounts written differently
compare equal. A bare number is not an amount: it needs a currency sign or a unit.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from fanzha.extract.base import Candidate, Recognizer
from fanzha.text.numerals import NUMERAL_CHARS, parse_chinese_number

_UNITS = {"亿元": 100_000_000, "亿": 100_000_000, "万元": 10_000, "万": 10_000, "w": 10_000, "千元": 1000,
          "千": 1000, "元": 1, "块钱": 1, "块": 1, "圆": 1, "rmb": 1}  # fmt: skip
_ARABIC = re.compile(
    r"(?P<cur>¥|rmb|人民币)?\s?(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d{1,2}))?(?![\d])"
    r"(?:\s?(?P<unit>亿元|万元|千元|亿|万|元|块钱|块|圆|w(?![a-z])|rmb))?"
)
_ANY_DIGIT = re.compile(r"\d")
_UNIT = re.compile("亿元|万元|元|块钱|块")
_NUMERALS = frozenset(NUMERAL_CHARS)


class AmountRecognizer(Recognizer):
    kind = "amount"
    patterns = ()
    priority = 20

    def find(self, text: str) -> list[tuple[int, int, Candidate]]:
        found: list[tuple[int, int, Candidate]] = []
        arabic = _ARABIC.finditer(text) if _ANY_DIGIT.search(text) else ()
        for match in arabic:
            cur, unit = match.group("cur"), match.group("unit")
            if not cur and not unit:
                continue
            raw = match.group("num").replace(",", "") + (
                "." + match.group("frac") if match.group("frac") else ""
            )
            try:
                amount = Decimal(raw) * _UNITS.get(unit or "元", 1)
            except InvalidOperation:
                continue
            if amount <= 0:
                continue
            start = match.start("cur") if cur else match.start("num")
            found.append((start, match.end(), self._candidate(amount, match.group().strip())))
        for unit in _UNIT.finditer(text) if ("元" in text or "块" in text) else ():
            # From each unit back over the numerals before it (at most 12): cheaper than trying every
            # numeral character of the text as the start of an amount.
            start = unit.start()
            while start > 0 and unit.start() - start < 12 and text[start - 1] in _NUMERALS:
                start -= 1
            if start == unit.start():
                continue
            value = parse_chinese_number(text[start : unit.start()])
            if value is None or value == 0:
                continue
            amount = Decimal(value) * _UNITS[unit.group()]
            found.append((start, unit.end(), self._candidate(amount, text[start : unit.end()])))
        return found

    @staticmethod
    def _candidate(amount: Decimal, written: str) -> Candidate:
        value = f"{amount:.2f}"
        return Candidate(value, 0.9, f"金额“{written}”，合计{value}元", {"yuan": float(amount)})
