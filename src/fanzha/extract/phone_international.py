"""International numbers for the phone recognizer: after + or 00 in E.164, and Taiwan numbers written
without the plus (`886-912345678`) or, where the text speaks of Taiwan, in Taiwan's own national form
(`0912-345-678`). Every number is checked with libphonenumber."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fanzha.extract.base import Candidate, digits_only
from fanzha.extract.digit_runs import followed_by_unit, inside_digit_groups

if TYPE_CHECKING:
    import phonenumbers

# Words that show a text speaks of Taiwan (normalised text: 臺灣 is 台湾 by then).
TAIWAN_WORDS = ("台湾", "台北", "新北", "台中", "台南", "高雄", "桃园", "新竹", "基隆", "嘉义", "台币")
_TAIWAN_CC = re.compile(r"(?<![\d+])886(?=([ \-]?)\d(?:[ \-]?\d){7,8}(?![ \-]?\d))")  # +886 without the plus
_TAIWAN_MOBILE = re.compile(r"(?<![\d+])09\d{2}[ \-]?\d{3}[ \-]?\d{3}(?!\d)")


def _speaks_of_taiwan(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 30) : end + 30]
    return any(word in window for word in TAIWAN_WORDS)


def taiwan_numbers(text: str) -> list[tuple[int, int, Candidate]]:
    """Taiwan numbers written without the plus (`886-912345678`) or, where the text speaks of Taiwan, in
    Taiwan's own national form (`0912-345-678`)."""
    found: list[tuple[int, int, Candidate]] = []
    if "886" not in text and ("09" not in text or not any(word in text for word in TAIWAN_WORDS)):
        return found
    import phonenumbers  # on first use: importing it is about 40 ms of every start

    for match in _TAIWAN_CC.finditer(text):
        if not match.group(1) and not _speaks_of_taiwan(text, match.start(), match.end() + 9):
            continue  # 886912345678 alone is as likely an order number
        candidate = international_number(text, match.start())
        if candidate is not None and candidate.end is not None and not followed_by_unit(text, candidate.end):
            found.append((match.start(), candidate.end, candidate))
    for match in _TAIWAN_MOBILE.finditer(text):
        if not _speaks_of_taiwan(text, *match.span()) or inside_digit_groups(text, *match.span()):
            continue
        number = phonenumbers.parse(digits_only(match.group()), "TW")
        if phonenumbers.is_valid_number(number):
            candidate = international_candidate(number, match.end(), "，按台湾本地写法书写")
            found.append((match.start(), match.end(), candidate))
    return found


_GROUPS = re.compile(r"\d+(?:[ \-]?\(\d+\)|[ \-]\d+)*")


def international_number(text: str, digits_start: int) -> Candidate | None:
    """An international number whose country code starts at `digits_start` (after + or 00).

    Digit groups are tried longest first, so a second number after a space is not swallowed.
    """
    import phonenumbers  # on first use: importing it is about 40 ms of every start

    run = _GROUPS.match(text, digits_start, digits_start + 32)  # E.164 has at most 15 digits
    if run is None:
        return None
    groups = re.split(r"([ \-])", run.group())
    for k in range(len(groups), 0, -2):
        candidate = "".join(groups[:k])
        digits = digits_only(candidate)
        if len(digits) > 17:
            continue
        try:
            number = phonenumbers.parse("+" + digits, None)
        except phonenumbers.NumberParseException:
            continue
        end = digits_start + len(candidate)
        if phonenumbers.is_valid_number(number):
            return international_candidate(number, end)
    return None


def international_candidate(number: phonenumbers.PhoneNumber, end: int, note: str = "") -> Candidate:
    import phonenumbers

    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    region = phonenumbers.region_code_for_number(number) or "?"
    return Candidate(
        e164,
        0.85,
        f"境外号码（+{number.country_code}，{region}）{note}",
        {"type": "international", "country_code": number.country_code, "region": region},
        end=end,
    )
