"""Facts about a phone number that a citizen or officer wants next to its risk level: carrier and
region (from libphonenumber's data for +86 and foreign numbers), virtual-operator segments, foreign
numbers, and numbers dressed up as service numbers (`0095588`, `+95588`)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import phonenumbers
from phonenumbers import carrier

from fanzha.extract.phone import VIRTUAL_OPERATOR_SEGMENTS
from fanzha.intel.reference import official_numbers
from fanzha.intel.regions import describe


@lru_cache(maxsize=65_536)
def number_facts(value: str) -> dict[str, Any]:
    """Facts for a stored phone value (`13800138000`, `01062345678`, `+85261234567`, `0095588`)."""
    facts: dict[str, Any] = {}
    official = official_numbers().get(value)
    if official is not None:
        facts["organisation"] = official.organisation
    stripped = value.lstrip("+0")
    if value[:1] in "+0" and stripped in official_numbers() and not value.startswith(("+86", "0086")):
        facts["imitates"] = stripped
        facts["warning"] = f"号码前加了0或+号，模仿{official_numbers()[stripped].organisation}的{stripped}"
        return facts
    if value.startswith("1") and len(value) == 11:
        facts["virtual_operator"] = value[:3] in VIRTUAL_OPERATOR_SEGMENTS
    try:
        number = phonenumbers.parse(value if value.startswith("+") else "+86" + value.lstrip("0"), None)
    except phonenumbers.NumberParseException:
        return facts
    if number.country_code != 86:
        facts["foreign"] = True
    name = carrier.name_for_number(number, "zh")
    region = describe(number)
    if name:
        facts["carrier"] = name
    if region:
        facts["region"] = region
    return facts
