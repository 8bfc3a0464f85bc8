"""Phone numbers: Chinese mobiles and landlines, service numbers, international and spoofed forms.

Values are normalised so that one number has one value however it was written:
mobile `13800138000` (from `+86 138 0013 8000`, `0086-13800138000`, `(+86)13800138000`, `1390-0139-000`
style groupings of exactly eleven digits), landline `01062345678` (from `010-62345678`,
`+86 10 6234 5678`, `86-10-62345678`), a local service number behind an area code as area code plus
local digits (`0311966122` from `0311-966122`, `01012345` from `010-12345`), service numbers as dialled
(`95588`, `4008123123`, `10106666`), international numbers in E.164 (`+85261234567`; Taiwan also from
`886-912345678`, and from `0912-345-678` when the text speaks of Taiwan). A number that puts zeros or a
plus in front of a service number (`0095588`, `+95588`: the seeds' "前面带有多个0的号码") keeps its
written digits and says which service number it imitates.

Digits right after an order, ticket, tracking, coupon or code word (订单号, 运单, 券号, 套餐, 验证码 …)
are that thing, not a phone; after "QQ" only a mobile number is also taken as a phone.
"""

from __future__ import annotations

import re

from fanzha.extract.base import Candidate, Recognizer, digits_only
from fanzha.extract.digit_runs import followed_by_unit, inside_digit_groups
from fanzha.extract.phone_international import international_number, taiwan_numbers
from fanzha.programs import regex

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
# 123xx public service numbers (the rest are called 公共服务热线).
PUBLIC_SERVICE = {
    "12306": "铁路客服热线",
    "12345": "政务服务便民热线",
    "12315": "市场监管投诉举报热线",
    "12381": "涉诈预警劝阻专线",
    "12321": "网络不良与垃圾信息举报热线",
    "12333": "人社服务热线",
    "12366": "纳税服务热线",
    "12368": "法院诉讼服务热线",
}

_SEP = r"[ \-]?"
_MOBILE_SEP = r"[ \-.]?"  # 138.0013.8000 is a mobile; dots are not allowed in landlines (IP addresses)
# Each pattern starts with a look-ahead on its first character: most characters of a Chinese text fail
# it at once, which makes the scan several times faster than starting with the look-behind.
_MOBILE = regex(
    r"(?=[\d+(])(?<![\d+])(?:(?:\+|00)?86" + _SEP + r"|\(\+?86\)" + _SEP + r")?"
    r"(?:(1[3-9]\d)" + _MOBILE_SEP + r"(\d{4})" + _MOBILE_SEP + r"(\d{4})(?!\d)"
    r"|(1[3-9](?:[ \-]?\d){9})(?![ \-]?\d))"  # any grouping, when the run is exactly 11 digits
)
_LANDLINE = regex(
    r"(?=[\d+(])(?<![\da-z+])(?:(?:\+|00)86" + _SEP + r"|86[ \-]|\(\+?86\)" + _SEP + r")?"
    r"\(?0?(10|2\d|[3-9]\d{2})[)）]?" + _SEP + r"([2-9]\d{2,3})" + _SEP + r"(\d{4})(?!\d)"
)
_AREA = r"0(?:10|2\d|[3-9]\d{2})"
_SERVICE = regex(
    r"(?=[\d(])(?<![\d.])(?:(\(?" + _AREA + r"\)?)([ \-]?)(9[56]\d{3,4}|12\d{3})"  # 0311-966122, 010-12345
    r"|(9[56]\d{3,4}|1[02]\d{3}|101[01][ \-]?\d{4}|[48]00(?:[ \-]?\d){7}|106\d{5,14}))(?!\d|\.\d)"
)
_SHORT = regex(r"(?=1)(?<![\d.])(110|119|120|122)(?![\d.])")
_PREFIXED = regex(r"(?=[+0])(?<!\d)(\+0*|00+)(\d+)")

_SHORT_CONTEXT = ("拨打", "电话", "报警", "致电", "打", "求助", "热线", "报案")
# Order, ticket, tracking, coupon and code numbers: the word right before the digits says what they are.
_NOT_A_PHONE_BEFORE = regex(
    r"(?:订单|单号|运单|券号|券码|套餐|编号|流水号|票号|工单|交易号|合同号|保单号|取件码|提货码|兑换码|验证码|校验码|动态码"
    r"|(?P<qq>qq|q群|扣扣|企鹅号?)"
    r"|(?P<amount>获得|得到|赢得|得|获|奖金|奖励|价值|合计|共计|充值?|返现?|(?<!发)送|赚了?|(?<![保储])存|投|月薪|薪资|工资))"
    r"(?:号码?|[\s:#=是为(\[【])*$"
)
_NOT_A_PHONE_AFTER = ("号订单", "号运单", "号包裹")
# The upper end of a range of money (月薪8000到10000); not the number a command is sent to (发送QXDX120到
# 10086, 发送0000到10086, 回复1到10086).
_RANGE_BEFORE = regex(
    r"(?<![a-z\d])(?<!发送)(?<!回复)(?<!编辑)(?<!发)(?<!拨)[1-9]\d{2,}\s*(?:到|至|~|～)\s*$"
)


def _not_a_phone(text: str, start: int, end: int, number_type: object) -> bool:
    """Digits right after an order / tracking / coupon / code word, or before "号订单", are not a phone;
    after "QQ" only a mobile (a QQ number that is also a phone number) is."""
    before = _NOT_A_PHONE_BEFORE.search(text, max(0, start - 10), start)
    if before is not None:
        if before.group("amount") is not None:
            return number_type == "service"  # "得10000与笔记本", "充10000返13200": money, not 中国电信
        return before.group("qq") is None or number_type != "mobile"
    if number_type == "service" and _RANGE_BEFORE.search(text, max(0, start - 16), start):
        return True
    return text.startswith(_NOT_A_PHONE_AFTER, end)


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
            candidate = None if inside_digit_groups(text, *match.span()) else self._mobile(match, text)
            if candidate is not None:
                found.append((match.start(), match.end(), candidate))
        for match in _LANDLINE.finditer(text):
            candidate = None if inside_digit_groups(text, *match.span()) else self._landline(match, text)
            if candidate is not None:
                found.append((match.start(), match.end(), candidate))
        for match in _SERVICE.finditer(text):
            candidate = self._service(match, text)
            if candidate is not None:
                found.append((match.start(), match.end(), candidate))
        for match in _SHORT.finditer(text):
            if any(word in text[max(0, match.start() - 6) : match.start()] for word in _SHORT_CONTEXT):
                number = match.group(1)
                found.append((match.start(), match.end(), Candidate(number, 0.8, f"报警/急救电话{number}")))
        found.extend(taiwan_numbers(text))
        return [f for f in found if not _not_a_phone(text, f[0], f[1], f[2].details.get("type"))]

    @staticmethod
    def _mobile(match: re.Match[str], text: str) -> Candidate | None:
        start, end = match.span()
        if match.group(1) is not None:
            value = match.group(1) + match.group(2) + match.group(3)
        elif (start >= 2 and text[start - 1] in " -" and text[start - 2].isdigit()) or followed_by_unit(
            text, end
        ):
            return None  # an unusual grouping is a whole run of digit groups, and not "13 900 139 000元"
        else:
            value = digits_only(match.group(4))
        segment = value[:3]
        if segment not in MOBILE_SEGMENTS:
            # Misheard, mistyped, or a number scammers use outside the allocations: still the number the
            # intelligence store and the case desk hold (fanzha.extract.canonical), flagged.
            reason = f"11位手机号码（{segment}号段未分配：可能听错、记错，或是伪造的号码）"
            return Candidate(
                value, 0.7, reason, {"type": "mobile", "segment": segment, "unassigned_segment": True}
            )
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
        if followed_by_unit(text, match.end()):
            return None
        value = "0" + area + local
        return Candidate(
            value, 0.85, f"座机号码（区号0{area}）", {"type": "landline", "area_code": "0" + area}
        )

    @staticmethod
    def _service(match: re.Match[str], text: str) -> Candidate | None:
        if followed_by_unit(text, match.end()):
            return None
        if match.group(1) is not None:
            return _local_service(match, text)
        value = digits_only(match.group(4))
        if value[:2] in ("95", "96") and len(value) == 5:
            return Candidate(value, 0.85, f"服务号码{value}", {"type": "service"})
        if value[:2] == "10" and len(value) == 5:
            if value not in TELECOM_SERVICE:
                return None
            return Candidate(value, 0.85, f"运营商客服号码{value}", {"type": "service"})
        if value[:3] == "123" and len(value) == 5:
            return Candidate(
                value, 0.8, f"{PUBLIC_SERVICE.get(value, '公共服务热线')}{value}", {"type": "service"}
            )
        if value[:3] in ("400", "800") and len(value) == 10:
            return Candidate(value, 0.9, f"{value[:3]}企业服务号码", {"type": "service"})
        if value[:3] == "101" and len(value) == 8:
            if inside_digit_groups(text, *match.span()):
                return None  # "6222 1010 1234 5678" is a card
            return Candidate(value, 0.85, f"全国统一客服号码{value}（{value[:4]}号段）", {"type": "service"})
        if value.startswith("106") and len(value) >= 8:
            return Candidate(value, 0.75, "106短信端口号码", {"type": "sms_port"})
        return None

    @staticmethod
    def _prefixed(match: re.Match[str], text: str) -> Candidate | None:
        prefix, rest = match.group(1), match.group(2)
        if followed_by_unit(text, match.end()):
            return None
        stripped = rest.lstrip("0")
        imitated = imitated_service(stripped)
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
        return international_number(text, match.start(2))


def _local_service(match: re.Match[str], text: str) -> Candidate | None:
    """An area code and a local service number (`0311-966122`, `0755-96333`, `010-12345`). Written
    without a separator only 95/96 numbers count: `01012345` is too like any other code."""
    area, sep, local = digits_only(match.group(1)), match.group(2), match.group(3)
    before = text[match.start() - 1 : match.start()]
    if (before.isascii() and before.isalpha()) or (
        local[:2] == "12" and not sep and "(" not in match.group(1)
    ):
        return None  # after letters ("sf0755…") the digits are a code, and so may be "01012345"
    return Candidate(
        area + local,
        0.8,
        f"本地服务号码{local}（区号{area}）",
        {"type": "landline", "area_code": area, "local_service": local},
    )


def imitated_service(digits: str) -> str | None:
    """The service number `digits` (leading zeros and plus already taken off) imitates, if any."""
    if len(digits) == 5 and (digits[:2] in ("95", "96") or digits in TELECOM_SERVICE or digits[:3] == "123"):
        return digits
    if digits in SHORT_GOVERNMENT:
        return digits
    if len(digits) == 10 and digits[:3] in ("400", "800"):
        return digits
    return None
