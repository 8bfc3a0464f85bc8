"""A caution added to an advert's advice when the advert has the shape of the sale to older people.

The classifier reads most of the sale to older people (free eggs for coming to a lecture, a free check-up
or appraisal, a 99元 tour, a members' lucky draw) as marketing, and much of it is: a hearing-aid shop's free
test, a care home's open day. The verdict stays an advert, but its advice says where such offers often lead
(the sixteenth blind set: 14 of its 80 test scams were shown as adverts), so that the reader, or the child
who pastes it, knows what to refuse.
"""

from __future__ import annotations

import re

# Written to older people: how they are addressed, or the age the offer is for.
_AUDIENCE = re.compile(r"老人|老年|长者|夕阳红|叔叔阿姨|大爷|大妈|老会员|[5-7]\d\s*(?:岁|周岁)以上")
# … and the lure of the sale: something free, a lecture or an "expert", a draw, a cheap tour, the products.
_LURE = re.compile(
    r"免费(?:领|送|体检|义诊|鉴定|检测|测|量|旅游|游|试用|体验)|领鸡蛋|送鸡蛋|讲座|健康课|养生课|专家|砸金蛋|抽奖"
    r"|理疗|保健品|孢子粉|收藏品|纪念币|(?<!\d)\d{2,3}元[^。！？!?\n]{0,6}游"
)
ELDERLY_SALE_CAUTION = (
    "针对老年人的免费领礼品、听讲座、免费体检或鉴定、低价旅游，常是推销高价保健品、理疗仪、收藏品或“养老项目”的开端："
    "不先交钱，不交身份证和银行卡，不买“专家”推荐的产品，医院开的药不要停，先和子女商量；拿不准就拨打96110。"
)


def elderly_sale_caution(text: str) -> str:
    """ELDERLY_SALE_CAUTION when `text` (normalised) offers older people a lure of the sale, else ""."""
    return ELDERLY_SALE_CAUTION if _AUDIENCE.search(text) and _LURE.search(text) else ""
