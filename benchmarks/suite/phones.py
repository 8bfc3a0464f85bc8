"""Valid phone numbers, Chinese and foreign, written the ways people write them (and obfuscate them),
with their value in the convention both extractors are compared in."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# fmt: off
MOBILE_SEGMENTS = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "166", "173", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
)
AREAS = (
    "10", "20", "21", "22", "23", "24", "25", "27", "28", "29", "311", "351", "371", "431", "512", "532", "571", "591", "731", "755", "769", "871", "898",
)  # 8-digit local numbers in all of them
# fmt: on
FOREIGN = (  # (country code, national-number generator pattern, a typical grouping)
    ("852", "[5679]xxxxxxx", (4, 4)),  # Hong Kong mobile
    ("852", "[23]xxxxxxx", (4, 4)),  # Hong Kong fixed line
    ("1", "US", (3, 3, 4)),  # USA / Canada
    ("853", "6[68]xxxxxx", (4, 4)),  # Macau mobile
    ("886", "9xxxxxxxx", (3, 3, 3)),  # Taiwan mobile
    ("855", "[19]xxxxxxx", (2, 3, 3)),  # Cambodia
    ("63", "9[1-9]xxxxxxxx", (3, 3, 4)),  # Philippines mobile
    ("44", "7[4-9]xxxxxxxx", (4, 6)),  # UK mobile
)
US_AREAS = ("212", "213", "312", "415", "617", "646", "702", "718", "206", "604", "416")


def pn_key(number: Any) -> str:
    """A phonenumbers match as a comparable value: Chinese numbers as dialled in China (digits of the
    NATIONAL format: mobiles 11 digits, landlines with the leading 0 of the area code, 400/800 numbers
    as is); any other country in E.164. fanzha's phone values follow the same convention."""
    import phonenumbers

    if number.country_code == 86:
        return re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def random_digits(rng: random.Random, pattern: str) -> str:
    """Digits following `pattern`: `x` any digit, `[2-8]` or `[5679]` one of those, anything else as is."""
    out = []
    for ch in re.findall(r"\[[^\]]+\]|.", pattern):
        if ch == "x":
            out.append(str(rng.randrange(10)))
        elif ch.startswith("["):
            body = ch[1:-1]
            choices = [chr(c) for c in range(ord(body[0]), ord(body[2]) + 1)] if "-" in body else list(body)
            out.append(rng.choice(choices))
        else:
            out.append(ch)
    return "".join(out)


def _group(digits: str, sizes: Sequence[int], sep: str) -> str:
    parts, i = [], 0
    for size in sizes:
        parts.append(digits[i : i + size])
        i += size
    if i < len(digits):
        parts.append(digits[i:])
    return sep.join(parts)


@dataclass(frozen=True)
class Planted:
    written: str
    key: str
    category: str
    form: str


class PhoneFactory:
    """Valid phone numbers (per libphonenumber's metadata) written the ways people write them."""

    def __init__(self, rng: random.Random) -> None:
        import phonenumbers

        self.pn = phonenumbers
        self.rng = rng

    def _valid(self, written: str, key: str) -> bool:
        try:
            number = self.pn.parse(written, "CN")
        except self.pn.NumberParseException:
            return False
        return self.pn.is_valid_number(number) and pn_key(number) == key

    def mobile_digits(self) -> str:
        while True:
            digits = self.rng.choice(MOBILE_SEGMENTS) + random_digits(self.rng, "xxxxxxxx")
            if self._valid(digits, digits):
                return digits

    def make(self, category: str) -> Planted:
        # The country is chosen once, so that retries do not favour countries with simple rules.
        country = self.rng.choice(FOREIGN) if category == "international" else None
        for _ in range(200):
            planted = self._international(country) if country else getattr(self, "_" + category)()
            if self._valid(planted.written, planted.key):
                return planted
        raise RuntimeError(f"could not generate a valid {category} number")

    def _mobile(self) -> Planted:
        d = self.rng.choice(MOBILE_SEGMENTS) + random_digits(self.rng, "xxxxxxxx")
        g = f"{d[:3]} {d[3:7]} {d[7:]}"
        forms = {
            "plain": d,
            "3-4-4 dashes": f"{d[:3]}-{d[3:7]}-{d[7:]}",
            "3-4-4 spaces": g,
            "+86 3-4-4": "+86 " + g,
            "+86 plain": "+86" + d,
            "+86-plain": "+86-" + d,
            "0086 plain": "0086 " + d,
            "(+86)plain": "(+86)" + d,
            "86 3-4-4 (no plus)": "86 " + g,
            "4-4-3 dashes": f"{d[:4]}-{d[4:8]}-{d[8:]}",
            "3-3-5 spaces": f"{d[:3]} {d[3:6]} {d[6:]}",
        }
        form = self.rng.choices(list(forms), weights=[40, 12, 12, 8, 8, 5, 8, 7, 3, 3, 3])[0]
        return Planted(forms[form], d, "mobile", form)

    def _landline(self) -> Planted:
        area = self.rng.choice(AREAS)
        local = random_digits(self.rng, "[2-8]xxxxxxx")
        key = "0" + area + local
        forms = {
            "0AA-LLLLLLLL": f"0{area}-{local}",
            "(0AA)LLLLLLLL": f"(0{area}){local}",
            "（0AA）LLLLLLLL": f"（0{area}）{local}",
            "0AA LLLLLLLL": f"0{area} {local}",
            "0AALLLLLLLL": key,
            "0AA-LLLL-LLLL": f"0{area}-{local[:4]}-{local[4:]}",
            "+86 AA LLLL LLLL": f"+86 {area} {local[:4]} {local[4:]}",
            "+86-AA-LLLLLLLL": f"+86-{area}-{local}",
            "86-AA-LLLLLLLL (no plus)": f"86-{area}-{local}",
            "0AA-96XXX (local service)": f"0{area}-96{local[:3]}",
        }
        form = self.rng.choices(list(forms), weights=[40, 10, 8, 8, 10, 8, 8, 8, 4, 4])[0]
        if form.endswith("(local service)"):
            return Planted(forms[form], f"0{area}96{local[:3]}", "landline", form)
        return Planted(forms[form], key, "landline", form)

    def _service(self) -> Planted:
        d = self.rng.choice(("400", "400", "400", "800")) + random_digits(self.rng, "[1-9]xxxxxx")
        forms = {
            "400-XXX-XXXX": f"{d[:3]}-{d[3:6]}-{d[6:]}",
            "400XXXXXXX": d,
            "400 XXX XXXX": f"{d[:3]} {d[3:6]} {d[6:]}",
            "400X-XXX-XXX": f"{d[:4]}-{d[4:7]}-{d[7:]}",
        }
        form = self.rng.choices(list(forms), weights=[50, 25, 10, 15])[0]
        return Planted(forms[form], d, "400/800", form)

    def _international(self, country: tuple[str, str, tuple[int, ...]]) -> Planted:
        cc, pattern, sizes = country
        if pattern == "US":
            national = self.rng.choice(US_AREAS) + random_digits(self.rng, "[2-9]xxxxxx")
            if national[3:6] == "555" or national[4:6] == "11":
                national = national[:3] + "736" + national[6:]
        else:
            national = random_digits(self.rng, pattern)
        grouped = _group(national, sizes, " ")
        forms = {
            "+CC grouped": f"+{cc} {grouped}",
            "+CC plain": f"+{cc}{national}",
            "+CC-plain": f"+{cc}-{national}",
            "00CC grouped": f"00{cc} {grouped}",
        }
        if cc == "1":
            forms["+1 (AAA) XXX-XXXX"] = f"+1 ({national[:3]}) {national[3:6]}-{national[6:]}"
        form = self.rng.choice(list(forms))
        return Planted(forms[form], f"+{cc}{national}", f"international +{cc}", form)


FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
NUMERALS_YAO = str.maketrans("0123456789", "零幺二三四五六七八九")
NUMERALS_YI = str.maketrans("0123456789", "〇一二三四五六七八九")
NUMERALS_UPPER = str.maketrans("0123456789", "零壹贰叁肆伍陆柒捌玖")
NUMERALS_RADIO = str.maketrans("0123456789", "洞幺两三四五六拐八勾")
SERVICES = ("95588", "95533", "95599", "95566", "95555", "95559", "10086", "10010")


def obfuscate(form: str, rng: random.Random, factory: PhoneFactory) -> tuple[str, str]:
    """(written, intended value) for one obfuscation form."""
    if form == "spoofed service (0095588)":
        service = rng.choice(SERVICES)
        return rng.choice(("00", "000", "+", "+00")) + service, service
    if form == "full-width landline":
        area, local = rng.choice(AREAS), random_digits(rng, "[2-8]xxxxxxx")
        return f"0{area}-{local}".translate(FULLWIDTH), f"0{area}{local}"
    d = factory.mobile_digits()
    if form == "full-width digits":
        return d.translate(FULLWIDTH), d
    if form == "full-width 3-4-4 dashes":
        return f"{d[:3]}-{d[3:7]}-{d[7:]}".translate(FULLWIDTH), d
    if form == "numerals 幺二三 (1=幺, 0=零)":
        return d.translate(NUMERALS_YAO), d
    if form == "numerals 一二三 (0=〇)":
        return d.translate(NUMERALS_YI), d
    if form == "capital numerals 壹贰叁":
        return d.translate(NUMERALS_UPPER), d
    if form == "radio numerals 洞幺两拐勾":
        return d.translate(NUMERALS_RADIO), d
    if form == "digits mixed with numerals":
        mixed = "".join(c.translate(NUMERALS_YAO) if rng.random() < 0.5 else c for c in d)
        return mixed, d
    if form == "spaced digits (1 3 8 0 …)":
        return " ".join(d), d
    if form == "dotted 3.4.4":
        return f"{d[:3]}.{d[3:7]}.{d[7:]}", d
    raise ValueError(form)


OBFUSCATION_FORMS = (
    "full-width digits",
    "full-width 3-4-4 dashes",
    "full-width landline",
    "numerals 幺二三 (1=幺, 0=零)",
    "numerals 一二三 (0=〇)",
    "capital numerals 壹贰叁",
    "radio numerals 洞幺两拐勾",
    "digits mixed with numerals",
    "spaced digits (1 3 8 0 …)",
    "dotted 3.4.4",
    "spoofed service (0095588)",
)
