"""The forms in which 断卡 compares what is recorded: accounts and phone numbers in the intelligence store's
canonical form (`fanzha.intel.repository.normalise`), ID numbers upper case without separators.

Nothing recorded is dropped. An account or a number that does not validate as one (a mobile number in a
segment not assigned, a foreign or virtual number written oddly) is kept as its digits — full-width
digits folded, spaces, hyphens, dots and brackets removed, a +86 / 0086 prefix taken off — and flagged
for the officer; so is an ID number whose check digit is wrong. Anything without enough digits to
compare is refused with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from fanzha.cardban.model import KINDS, CardbanError
from fanzha.extract.id_card import id_checksum_valid
from fanzha.intel.repository import IntelError, normalise

_SEPARATORS = re.compile(r"[\s\-.()（）]+")
_ID = re.compile(r"[0-9A-Z]{6,32}")
_DIGITS = {"bank_card": (8, 32), "phone": (3, 20)}
NOT_VALIDATED = {
    "bank_card": "卡号未通过校验，按所写数字比对",
    "phone": "号段未分配或号码写法少见，按所写数字比对",
}
ID_CHECK_DIGIT = "身份证号校验位不符"
ID_NOT_RESIDENT = "不是18位居民身份证号，按所写比对"


def identifier(kind: str, raw: str) -> tuple[str, list[str]]:
    """(canonical value, flags) of an account (`bank_card`) or a phone number as written."""
    if kind not in KINDS:
        raise CardbanError(f"不支持的类型：{kind}（可选：{', '.join(KINDS)}）")
    text = raw.strip()
    if not text:
        raise CardbanError(f"请填写{KINDS[kind]}")
    if len(text) > 128:
        raise CardbanError(f"{KINDS[kind]}不能超过 128 个字符")
    try:
        return normalise(kind, text), []
    except IntelError:
        pass
    digits = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))
    if kind == "phone":
        for prefix in ("+86", "0086"):
            if digits.startswith(prefix):
                digits = digits[len(prefix) :]
        digits = digits.removeprefix("+")
    low, high = _DIGITS[kind]
    if not digits.isdigit() or not low <= len(digits) <= high:
        raise CardbanError(f"“{text[:40]}”不是{KINDS[kind]}（应为 {low}–{high} 位数字）")
    return digits, [NOT_VALIDATED[kind]]


def id_number(raw: str) -> tuple[str, list[str]]:
    """(canonical ID number, flags): upper case, without spaces or hyphens."""
    text = _SEPARATORS.sub("", unicodedata.normalize("NFKC", raw)).upper()
    if not text:
        raise CardbanError("请填写身份证号")
    if not _ID.fullmatch(text):
        raise CardbanError(f"身份证号“{raw.strip()[:40]}”应为 6–32 位数字或字母")
    if len(text) == 18 and text[:17].isdigit():
        return text, [] if id_checksum_valid(text) else [ID_CHECK_DIGIT]
    return text, [ID_NOT_RESIDENT]


def years_later(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
