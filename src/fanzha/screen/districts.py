"""Where a district is: its province and city, from how banks write it ("北京市西城区", "湖北省武汉市",
"广西壮族自治区南宁市", "湖北武汉"). Used by the remote-payee rule (异地收款).

The province is recognised by name (with or without 省/市/自治区); the city is what follows it up to
市/州/盟/地区. For the four municipalities the city is the municipality itself.
"""

from __future__ import annotations

from functools import lru_cache

PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
    "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)  # fmt: skip
MUNICIPALITIES = frozenset(("北京", "天津", "上海", "重庆"))
_SUFFIXES = (
    "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市",
)  # fmt: skip
_CITY_ENDS = ("地区", "市", "州", "盟")

# How far apart two districts are: the same city, another city of the same province, another province.
SAME_CITY, OTHER_CITY, OTHER_PROVINCE = 0, 1, 2


@lru_cache(maxsize=65_536)
def place(district: str) -> tuple[str, str] | None:
    """(province, city) of a district as written, None when its province is not recognised."""
    text = district.strip()
    province = next((p for p in PROVINCES if text.startswith(p)), None)
    if province is None:
        return None
    rest = text[len(province) :]
    for suffix in _SUFFIXES:
        if rest.startswith(suffix):
            rest = rest[len(suffix) :]
            break
    if province in MUNICIPALITIES:
        return province, province
    cut = min((i + len(end) for end in _CITY_ENDS if (i := rest.find(end)) > 0), default=-1)
    city = rest[:cut] if cut > 0 else rest[:2]
    for end in _CITY_ENDS:
        if city.endswith(end) and len(city) > len(end) + 1:
            city = city[: -len(end)]
            break
    return province, city


def distance(payer: str | None, payee: str | None) -> int | None:
    """SAME_CITY, OTHER_CITY or OTHER_PROVINCE; None when either district is missing or not recognised."""
    if payer is None or payee is None:
        return None
    a, b = place(payer), place(payee)
    if a is None or b is None:
        return None
    if a[0] != b[0]:
        return OTHER_PROVINCE
    return SAME_CITY if a[1] == b[1] or not a[1] or not b[1] else OTHER_CITY
