"""Organisation payees: what the bank says (`kind`) comes first, then the name — a known organisation
as payment screens name it (国家电网, 中国移动), a word organisations' names carry (有限公司, 小学, 自来水)
or an ending (…局, …所) — and what is left is a person's."""

from __future__ import annotations

import pytest

from fanzha.screen.organisations import describe_kind, organisation_mark, party_kind
from fanzha.screen.transfer import Party


@pytest.mark.parametrize(
    ("name", "mark"),
    [
        ("国家电网", "国家电网"),
        ("中国移动", "中国移动"),
        ("中国联通", "中国联通"),
        ("中国石化", "中国石化"),
        ("中国人寿", "中国人寿"),
        ("国网江州供电", "国网"),
        ("南方电网", "南方电网"),
        ("江西移动", "移动"),
        ("上海电信", "电信"),
        ("江州自来水", "自来水"),
        ("华润燃气", "燃气"),
        ("北京市燃气集团有限责任公司", "燃气"),
        ("江州市实验小学", "小学"),
        ("江州市第三中学", "中学"),
        ("东湖区阳光幼儿园", "幼儿园"),
        ("江州大学", "大学"),
        ("江州市人民医院", "医院"),
        ("南江社区居民委员会", "委员会"),
        ("国家税务总局江州市税务局", "税务局"),
        ("江州市住房公积金管理中心", "公积金"),
        ("江州市交通警察支队", "交通警察"),
        ("西城派出所", "所"),
        ("锦绣花园物业服务中心", "物业"),
        ("江州市东湖区农民专业合作社", "合作社"),
        ("老王水果店", "水果"),
        ("张记牛肉面馆", "面馆"),
        ("鸿发五金店", "店"),
        ("东湖区城管局", "局"),
        ("Apple Inc.", "inc"),
        ("Jiangzhou Trading Co., Ltd.", "co"),
    ],
)
def test_an_organisation_is_known_by_its_name(name: str, mark: str) -> None:
    assert organisation_mark(name) == mark


@pytest.mark.parametrize(
    "name",
    [
        "李强",
        "王秀英",
        "欧阳娜娜",
        "诸葛明",
        "李知行",
        "王建城",
        "王建行",
        "张中行",
        "刘京东",
        "陈国庆",
        "ZHANG WEI",
    ],
)
def test_a_person_s_name_is_not_an_organisation(name: str) -> None:
    assert organisation_mark(name) is None


@pytest.mark.parametrize(
    ("party", "company", "words"),
    [
        (Party(name="国家电网"), True, "收款方为单位（国家电网）"),
        (Party(name="李强", kind="company"), True, "收款方为单位（李*，对公账户）"),  # 个体工商户: masked
        (Party(kind="company"), True, "收款方为单位（对公账户）"),
        (Party(name="国家电网", kind="personal"), False, "收款方为个人（个人账户）"),
        (Party(name="李强"), False, "收款方为个人"),
    ],
)
def test_the_bank_s_word_comes_before_the_name(party: Party, company: bool, words: str) -> None:
    kind = party_kind(party)
    assert kind is not None and kind.company is company
    assert describe_kind(party, "收款方") == words


def test_nothing_known_about_a_party_is_unknown() -> None:
    assert party_kind(Party(account="6222")) is None
