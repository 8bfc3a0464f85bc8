"""Personal data the case record does not list is found in the narrative itself: names after a role or
beside a sex and age, street addresses, licence plates, employers and schools, birth dates. Amounts,
dates, banks, brands and the account of the scam stay as written."""

from __future__ import annotations

import random
from datetime import date

import pytest

from fanzha.demo import generate_cases
from fanzha.reports.redact import ADDRESS_MASK, personal_data, redact

A = ADDRESS_MASK

# narrative → what is published
MASKED = {
    # the example
    "事主张伟（男，35岁，住北京市朝阳区幸福路12号3单元401）接到自称公安局民警的电话，被骗5万元。": f"事主张*（男，35岁，住北京市朝阳区{A}）接到自称公安局民警的电话，被骗5万元。",
    # names after roles, two- and three-character, compound surnames, several persons
    "受害人李秀兰报警称，其于11月3日接到陌生电话。李秀兰称对方知道其全部信息。": "受害人李**报警称，其于11月3日接到陌生电话。李**称对方知道其全部信息。",
    "报警人欧阳娜娜系事主的女儿，事主刘建国在家中被骗。": "报警人欧阳**系事主的女儿，事主刘**在家中被骗。",
    "犯罪嫌疑人王小明、嫌疑人赵刚已被抓获，民警李强及时劝阻。": "犯罪嫌疑人王**、嫌疑人赵*已被抓获，民警李*及时劝阻。",
    "其女儿陈静发现后报警，事主丈夫周国华陪同到派出所。": "其女儿陈*发现后报警，事主丈夫周**陪同到派出所。",
    "当事人孙丽接到电话后将3万元转入对方账户。": "当事人孙*接到电话后将3万元转入对方账户。",
    # a name with its sex and age, no role
    "2026年11月5日，黄文斌（男，42岁）在网上结识一名女子。": "2026年11月5日，黄**（男，42岁）在网上结识一名女子。",
    "何美玲，女，1990年4月12日出生，住江州市东湖区和平街道光明村3组。": f"何**，女，1990年出生，住江州市东湖区和平街道{A}。",
    # addresses without a person
    "民警赶到事主位于南江区中山北路2号院5号楼2单元302室的家中。": f"民警赶到事主位于南江区{A}的家中。",
    "事主家住石门县城关镇李家村5组18号。": f"事主家住石门县城关镇{A}。",
    "嫌疑人租住在东湖区锦绣家园小区7栋1单元501，已被抓获。": f"嫌疑人租住在东湖区{A}，已被抓获。",
    # plates, ordinary and new energy
    "嫌疑人驾驶京A12345黑色轿车逃离，后换乘粤B·D12345新能源车。": "嫌疑人驾驶京A*****黑色轿车逃离，后换乘粤B·******新能源车。",
    # employer and school
    "事主系江州市恒达科技有限公司员工，其子在江州市第一中学读高二。": "事主系某公司员工，其子在某中学读高二。",
    "事主王芳是江州大学大三学生。": "事主王*是某大学大三学生。",
}

# nothing personal: published as written
UNCHANGED = [
    "2026年11月17日10时许，一事主在家中接到电话，该人自称是电信局工作人员，称其名下一部固定电话欠费3600元。",
    "事主于11月6日11时许到工商银行马连道支行柜台将存款5万元汇到该账号，共计损失5万元。",
    "对方自称“江州市公安局刑侦支队民警”，称其涉嫌洗钱，随后将电话转接给一名自称姓陈的“民警”。",
    "民警马上联系事主，事主向对方转账前被及时劝阻，未造成损失。",
    "反诈中心民警接到预警后及时联系事主劝阻，事主未付款。",
    "事主在某电商平台购买了一部手机，对方自称京东客服，以理赔为由诱导其下载会议软件。",
    "对方称其在外企工作，两人以恋人相处，后称发现某投资平台有漏洞。",
    "事主于11月12号在淘宝上购物，对方称在幸福路附近发货。",
    "事主张某（男，60岁）被骗12.5万元，民警王某某上门劝阻。",
    "事主在“鑫盛国际”APP上充值投注，平台称其账户异常需缴纳保证金2万元。",
    "事主高度紧张，万分焦急，任务群里的人称完成三单即可提现。",
]


@pytest.mark.parametrize("text", sorted(MASKED))
def test_personal_data_in_the_narrative_is_masked(text: str) -> None:
    assert redact(text) == MASKED[text]


@pytest.mark.parametrize("text", UNCHANGED)
def test_a_narrative_without_personal_data_is_published_as_written(text: str) -> None:
    assert redact(text) == text


def test_what_was_masked_is_listed_for_the_officer() -> None:
    found = personal_data(next(iter(MASKED)))
    assert [(f.kind, f.text, f.replacement) for f in found] == [
        ("姓名", "张伟", "张*"),
        ("地址", "幸福路12号3单元401", A),
    ]


def test_every_demo_narrative_loses_its_victim_name_and_keeps_its_amounts() -> None:
    """Names the generator never wrote down for us (no names= passed): found from the role words."""
    cases = generate_cases(200, seed=11, start=date(2026, 9, 1), days=60)
    rng = random.Random(1)
    for case in rng.sample(cases, 60):
        out = redact(case.narrative)
        name = case.victim.name
        if name and f"事主{name}" in case.narrative:
            assert name not in out, (name, out)
        for amount in ("万元", "损失"):
            assert case.narrative.count(amount) == out.count(amount)
