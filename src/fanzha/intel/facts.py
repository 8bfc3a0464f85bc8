"""Facts about an identifier that a citizen or officer wants next to its risk level. A phone number:
its owner when it is an official number, carrier and region (from libphonenumber's data for +86 and
foreign numbers), virtual-operator segments, foreign numbers, and numbers dressed up as service numbers
(`0095588`, `+95588`). A domain or link: its official owner, or the brand its host imitates."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fanzha.extract.phone import VIRTUAL_OPERATOR_SEGMENTS
from fanzha.intel.reference import brands, official_numbers, official_owner
from fanzha.intel.regions import describe


@lru_cache(maxsize=65_536)
def number_facts(value: str) -> dict[str, Any]:
    """Facts for a stored phone value (`13800138000`, `01062345678`, `+85261234567`, `0095588`)."""
    facts: dict[str, Any] = {}
    official = official_numbers().get(value)
    if official is not None:
        facts["organisation"] = official.organisation
    else:  # a brand's own service number that the national list leaves out (京东 950618)
        owner = next((b.name for b in brands() if value in b.numbers), None)
        if owner is not None:
            facts["organisation"] = owner
    stripped = value.lstrip("+0")
    if value[:1] in "+0" and stripped in official_numbers() and not value.startswith(("+86", "0086")):
        facts["imitates"] = stripped
        facts["warning"] = f"号码前加了0或+号，模仿{official_numbers()[stripped].organisation}的{stripped}"
        return facts
    if value.startswith("1") and len(value) == 11:
        facts["virtual_operator"] = value[:3] in VIRTUAL_OPERATOR_SEGMENTS
    import phonenumbers  # on first use: importing it and its carrier data is 60 ms of every start
    from phonenumbers import carrier

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


_SERVICE_KINDS = frozenset({"bank", "payment", "telecom", "airline"})


def owner_phrase(kind: str, value: str, owner: str) -> str:
    """这是中国工商银行的官方客服号码 / 110是公安报警的官方号码 / 这是中国工商银行的官方网站."""
    if kind != "phone":
        return f"这是{owner}的官方网站"
    official = official_numbers().get(value)
    if official is not None and official.kind not in _SERVICE_KINDS:
        return f"{value}是{owner}的官方号码"
    return f"这是{owner}的官方客服号码"


# Brand lists of v2fly's domain list that name a trade rather than one organisation.
_LIST_NAMES = {
    "category-bank-cn": "国内银行",
    "category-securities-cn": "国内证券公司",
    "category-ecommerce": "电商平台",
    "category-logistics-cn": "国内物流公司",
}


def owner_name(key: str) -> str:
    """The name a citizen knows an official domain's owner by (中国工商银行 for `icbc`)."""
    for brand in brands():
        if brand.key == key:
            return brand.name
    return _LIST_NAMES.get(key, key)


def host_of(value: str) -> str:
    """The host of a stored link or domain (`icbc-vip.cc/login` → `icbc-vip.cc`)."""
    host = value.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    name, colon, port = host.rpartition(":")
    return name if colon and port.isdigit() and not host.startswith("[") else host


GOVERNMENT_SITES = "政府机关"  # what a gov-looking host imitates (a lookalike of no brand of ours)


@lru_cache(maxsize=65_536)
def domain_facts(value: str) -> dict[str, Any]:
    """Facts for a stored domain or link: its official owner, or the brand its host imitates and why
    (`fanzha.domains.check_domain`), or a host that dresses up as a government site."""
    from fanzha.domains import check_domain  # fanzha.domains reads the brand lists of this package

    host = host_of(value)
    owner = official_owner(host)
    if owner is not None:
        return {"organisation": owner_name(owner)}
    verdict = check_domain(host)
    if verdict.is_lookalike:
        imitated = GOVERNMENT_SITES if verdict.kind == "gov_mimic" else owner_name(verdict.brand or "")
        return {"lookalike": f"{verdict.reason}（仿冒网站）", "imitates": verdict.lookalike_of,
                "imitated": imitated}  # fmt: skip
    return {}
