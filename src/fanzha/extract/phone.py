"""Phone numbers: Chinese mobiles and landlines, service numbers, international and spoofed forms.

Values are normalised so that one number has one value however it was written:
mobile `13800138000` (from `+86 138 0013 8000`, `0086-13800138000`, `(+86)13800138000`),
landline `01062345678` (from `010-62345678`, `+86 10 6234 5678`), service numbers as dialled
(`95588`, `4008123123`), international numbers in E.164 (`+85261234567`). A number that puts
zeros or a plus in front of a service number (`0095588`, `+95588`: the seeds' "前面带有多个0的号码")
keeps its written digits and says which service number it imitates.
"""

from __future__ import annotations

import re

import phonenumbers

from fanzha.extract.base import Candidate, Recognizer, digits_only

# Mobile number segments (first three digits) in use, from MIIT allocations.
MOBILE_SEGMENTS = frozenset(
    [f"13{d}" for d in range(10)]
    + ["145", "146", "147", "148", "149"]
    + ["150", "151", "152", "153", "155", "156", "157", "158", "159"]
    + ["162", "165", "166", "167"]
    + ["170", "171", "172", "173", "174", "175", "176", "177", "178"]
    + [f"18{d}" for d in range(10)]
    + ["190", "191", "192", "193", "195", "196", "197", "198", "199"]
)
VIRTUAL_OPERATOR_SEGMENTS = frozenset(["162", "165", "167", "170", "171"])
SHORT_GOVERNMENT = frozenset(["110", "119", "120", "122"])
TELECOM_SERVICE = frozenset(["10086", "10010", "10000", "10099", "10016", "10001", "10011", "10050", "10060"])

_SEP = r"[ \-]?"
_MOBILE_SEP = r"[ \-.]?"  # 138.0013.8000 is a mobile; dots are not allowed in landlines (IP addresses)
_MOBILE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)?86" + _SEP + r"|\(\+?86\)" + _SEP + r")?"
    r"(1[3-9]\d)" + _MOBILE_SEP + r"(\d{4})" + _MOBILE_SEP + r"(\d{4})(?!\d)"
)
_LANDLINE = re.compile(
    r"(?<![\da-z+])(?:(?:\+|00)86" + _SEP + r"|\(\+?86\)" + _SEP + r")?"
    r"\(?0?(10|2\d|[3-9]\d{2})[)）]?" + _SEP + r"([2-9]\d{2,3})" + _SEP + r"(\d{4})(?!\d)"
)
_SERVICE = re.compile(r"(?<![\d.])(9[56]\d{3}|1[02]\d{3}|[48]00(?:[ \-]?\d){7}|106\d{5,14})(?![\d.])")
_SHORT = re.compile(r"(?<![\d.])(110|119|120|122)(?![\d.])")
_PREFIXED = re.compile(r"(?<![\d])(\+0*|00+)(\d+)")

_NOT_A_NUMBER_AFTER = ("元", "块", "万", "年", "月", "日", "号楼", "%", "米", "斤", "公里", "个", "次", "人")
_SHORT_CONTEXT = ("拨打", "电话", "报警", "致电", "打", "求助", "热线", "报案")


def _followed_by_unit(text: str, end: int) -> bool:
    return text.startswith(_NOT_A_NUMBER_AFTER, end)


def _inside_digit_groups(text: str, start: int, end: int) -> bool:
    """A grouped match that continues a run of short digit groups: "6222 0755 2345 6789" is a card, not
    6222 and a landline. A number after a long run ("6222021234567890128 13800138000") or written
    without groups stands on its own."""
    if start < 2 or text[start - 1] not in " -" or not text[start - 2].isdigit():
        return False
    group = 0
    while start - 2 - group >= 0 and text[start - 2 - group].isdigit():
        group += 1
    return group <= 6 and any(ch in " -" for ch in text[start:end])


class PhoneRecognizer(Recognizer):
    kind = "phone"
    patterns = ()
    priority = 60
    requires_digit = True

    def find(self, text: str) -> list[tuple[int, int, Candidate]]:
        found: list[tuple[int, int, Candidate]] = []
        for match in _PREFIXED.finditer(text):
            candidate = self._prefixed(match, text)
            if candidate is not None:
                found.append((match.start(), candidate.end or match.end(), candidate))
        for match in _MOBILE.finditer(text):
            candidate = None if _inside_digit_groups(text, *match.span()) else self._mobile(match)
            if candidate is not None:
                found.append((match.start(), match.end(), candidate))
        for match in _LANDLINE.finditer(text):
            candidate = None if _inside_digit_groups(text, *match.span()) else self._landline(match, text)
            if candidate is not None:
                found.append((match.start(), match.end(), candidate))
        for match in _SERVICE.finditer(text):
            candidate = self._service(match, text)
            if candidate is not None:
                found.append((match.start(), match.end(), candidate))
        for match in _SHORT.finditer(text):
            window = text[max(0, match.start() - 6) : match.start()]
            if any(word in window for word in _SHORT_CONTEXT):
                found.append(
                    (
                        match.start(),
                        match.end(),
                        Candidate(match.group(1), 0.8, f"报警/急救电话{match.group(1)}"),
                    )
                )
        return found

    @staticmethod
    def _mobile(match: re.Match[str]) -> Candidate | None:
        segment = match.group(1)
        if segment not in MOBILE_SEGMENTS:
            return None
        value = segment + match.group(2) + match.group(3)
        details: dict[str, object] = {"type": "mobile", "segment": segment}
        reason = f"11位手机号码（{segment}号段）"
        if segment in VIRTUAL_OPERATOR_SEGMENTS:
            details["virtual_operator"] = True
            reason += "，属于虚拟运营商号段，常被用于诈骗"
        return Candidate(value, 0.95, reason, details)

    @staticmethod
    def _landline(match: re.Match[str], text: str) -> Candidate | None:
        raw = match.group(0)
        area, local = match.group(1), match.group(2) + match.group(3)
        national_zero = "0" in raw.split(area, 1)[0].replace("00", "", 1) or raw.startswith("0")
        has_country = "86" in raw[: raw.find(area)] if raw.find(area) > 0 else False
        if not national_zero and not has_country:
            return None  # a bare 8-digit number is not a phone number without an area code
        short_area = area == "10" or area.startswith("2")
        if (short_area and len(local) != 8) or (not short_area and len(local) not in (7, 8)):
            return None
        if _followed_by_unit(text, match.end()):
            return None
        value = "0" + area + local
        return Candidate(
            value, 0.85, f"座机号码（区号0{area}）", {"type": "landline", "area_code": "0" + area}
        )

    @staticmethod
    def _service(match: re.Match[str], text: str) -> Candidate | None:
        value = digits_only(match.group(1))
        if _followed_by_unit(text, match.end()):
            return None
        if value[:2] in ("95", "96"):
            return Candidate(value, 0.85, f"服务号码{value}", {"type": "service"})
        if value[:2] == "10" and len(value) == 5:
            if value not in TELECOM_SERVICE:
                return None
            return Candidate(value, 0.85, f"运营商客服号码{value}", {"type": "service"})
        if value[:3] == "123" and len(value) == 5:
            return Candidate(value, 0.8, f"政务服务热线{value}", {"type": "service"})
        if value[:3] in ("400", "800") and len(value) == 10:
            return Candidate(value, 0.9, f"{value[:3]}企业服务号码", {"type": "service"})
        if value.startswith("106") and len(value) >= 8:
            return Candidate(value, 0.75, "106短信端口号码", {"type": "sms_port"})
        return None

    @staticmethod
    def _prefixed(match: re.Match[str], text: str) -> Candidate | None:
        prefix, rest = match.group(1), match.group(2)
        if _followed_by_unit(text, match.end()):
            return None
        stripped = rest.lstrip("0")
        imitated = _imitated_service(stripped)
        if imitated is not None:
            return Candidate(
                prefix + rest,
                0.9,
                f"号码前加了“{prefix + rest[: len(rest) - len(stripped)]}”，模仿服务号码{imitated}"
                "——正规客服号码前不会有多个0或+号",
                {"type": "spoofed", "imitates": imitated},
            )
        if prefix not in ("+", "00") or rest.startswith("86"):
            return None  # +86 / 0086 numbers are domestic and found by the mobile/landline patterns
        return _international(text, match.start(2))


_GROUPS = re.compile(r"\d+(?:[ \-]?\(\d+\)|[ \-]\d+)*")


def _international(text: str, digits_start: int) -> Candidate | None:
    """An international number whose country code starts at `digits_start` (after + or 00).

    Digit groups are tried longest first, so a second number after a space is not swallowed.
    """
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
            return _international_candidate(number, end)
    return None


def _international_candidate(number: phonenumbers.PhoneNumber, end: int) -> Candidate:
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    region = phonenumbers.region_code_for_number(number) or "?"
    return Candidate(
        e164,
        0.85,
        f"境外号码（+{number.country_code}，{region}）",
        {"type": "international", "country_code": number.country_code, "region": region},
        end=end,
    )


def _imitated_service(digits: str) -> str | None:
    if len(digits) == 5 and (digits[:2] in ("95", "96") or digits in TELECOM_SERVICE or digits[:3] == "123"):
        return digits
    if digits in SHORT_GOVERNMENT:
        return digits
    if len(digits) == 10 and digits[:3] in ("400", "800"):
        return digits
    return None
