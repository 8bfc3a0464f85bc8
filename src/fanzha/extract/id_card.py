"""Resident identity card numbers (GB 11643-1999): 18 characters with a check character.

The value is always masked (first 6 and last 4 characters kept): an ID number is personal data
and fanzha never repeats one in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from fanzha.extract.base import Candidate, Identifier, Recognizer

_S = r"[ \-]?"  # "110101 19900307 1233" is written too
_ID = re.compile(
    r"(?=\d)(?<!\d)(\d{6})" + _S + r"((?:18|19|20)\d{2})(\d{2})(\d{2})" + _S + r"(\d{3})([\dx])(?![\d])"
)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10x98765432"
# First digit of the six-digit administrative division code: 1–6 (regions), 7 (Taiwan), 8 (HK/Macao).
_REGION_FIRST = "12345678"


def id_checksum_valid(number: str) -> bool:
    if len(number) != 18:
        return False
    total = sum(int(number[i]) * _WEIGHTS[i] for i in range(17))
    return _CHECK[total % 11] == number[17].lower()


def is_id_number(number: str) -> bool:
    """A resident ID number: a region, a date of birth not in the future and the right check character.
    (The checksum alone passes one number in eleven: a card number may pass it by chance.)"""
    if len(number) != 18 or number[0] not in _REGION_FIRST or not id_checksum_valid(number):
        return False
    if number[6:8] not in ("18", "19", "20"):
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return born <= date.today()


def mask_id(number: str) -> str:
    return number[:6] + "*" * 8 + number[14:]


def mask_id_numbers(text: str, identifiers: Iterable[Identifier]) -> str:
    """`text` with the digits of every resident ID number among `identifiers` replaced by "*"."""
    spans = [(i.start, i.end) for i in identifiers if i.kind == "id_card"]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            if chars[k].isdigit() or chars[k] in "xX":
                chars[k] = "*"
    return "".join(chars)


class IdCardRecognizer(Recognizer):
    kind = "id_card"
    patterns = (_ID.pattern,)
    context = ("身份证", "证件号", "公民身份")
    priority = 70
    requires_digit = True

    def validate(self, match: re.Match[str], text: str) -> Candidate | None:
        number = "".join(match.groups())
        if number[0] not in _REGION_FIRST or not id_checksum_valid(number):
            return None
        try:
            born = date(int(match.group(2)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            return None
        if born > date.today():
            return None
        score = 0.95 if self.has_context(text, match.start(), match.end()) else 0.85
        return Candidate(
            mask_id(number.upper()),
            score,
            "18位居民身份证号码，校验码正确（已打码）",
            {"region_code": number[:6]},
        )
