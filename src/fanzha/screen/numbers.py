"""What a contact number looks like, without any intelligence about it: foreign (an international call or
message), dressed up (extra leading zeros or a "+" before a service number — 改号软件), or a
virtual-operator mobile (170, 171, 165, 167, 162 segments, often used to pose as customer service)."""

from __future__ import annotations

from functools import lru_cache

from fanzha.extract.phone import VIRTUAL_OPERATOR_SEGMENTS
from fanzha.intel.reference import official_numbers

TRAITS = ("foreign", "disguised", "virtual")
TRAIT_WORDS = {"foreign": "境外号码", "disguised": "加了多个0或+号的伪装号码", "virtual": "虚拟运营商号码"}


@lru_cache(maxsize=65_536)
def number_traits(kind: str, value: str) -> frozenset[str]:
    """The traits of a phone or SMS sender as written; nothing for other kinds of contact."""
    if kind not in ("phone", "sms"):
        return frozenset()
    compact = "".join(value.split()).replace("-", "")
    traits = set()
    international = compact.startswith(("+", "00")) and not compact.startswith(("+86", "0086"))
    digits = compact.lstrip("+")
    if compact.startswith(("+00", "000")) or (
        compact[:1] in "+0" and compact.lstrip("+0") in official_numbers()
    ):
        traits.add("disguised")
    elif international:
        traits.add("foreign")
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            digits = digits[len(prefix) :]
    if len(digits) == 11 and digits[:3] in VIRTUAL_OPERATOR_SEGMENTS:
        traits.add("virtual")
    return frozenset(traits)
