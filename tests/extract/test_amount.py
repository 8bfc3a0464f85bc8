"""Money amounts in yuan."""

from __future__ import annotations

import pytest

from fanzha.extract import Identifier, extract


def amounts(text: str) -> list[Identifier]:
    return [i for i in extract(text) if i.kind == "amount"]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("转账¥1,200.50给对方", "¥1,200.50", "1200.50"),
        ("转账￥1,200.50给对方", "￥1,200.50", "1200.50"),
        ("转账¥ 500", "¥ 500", "500.00"),
        ("保证金1,000元", "1,000元", "1000.00"),
        ("一共10000元", "10000元", "10000.00"),
        ("只要99.9元", "99.9元", "99.90"),
        ("转账5万元", "5万元", "50000.00"),
        ("赚了3.5万", "3.5万", "35000.00"),
        ("投资3.5万元", "3.5万元", "35000.00"),
        ("赚了5w", "5w", "50000.00"),
        ("借款1.5千元", "1.5千元", "1500.00"),
        ("涉案1亿元", "1亿元", "100000000.00"),
        ("500块钱", "500块钱", "500.00"),
        ("给我500块", "500块", "500.00"),
        ("rmb500", "rmb500", "500.00"),
        ("RMB500", "RMB500", "500.00"),
        ("人民币500", "人民币500", "500.00"),
        ("人民币 500 元", "人民币 500 元", "500.00"),
        ("转账95588元", "95588元", "95588.00"),
    ],
)
def test_arabic_amount_with_currency_or_unit_is_in_yuan(text: str, written: str, value: str) -> None:
    found = amounts(text)
    assert len(found) == 1, found
    amount = found[0]
    assert amount.value == value
    assert text[amount.start : amount.end] == written
    assert amount.details["yuan"] == pytest.approx(float(value))


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("转账三万五千元", "三万五千元", "35000.00"),
        ("给两千块", "两千块", "2000.00"),
        ("只要一百元", "一百元", "100.00"),
        ("交五千块钱", "五千块钱", "5000.00"),
        ("涉案三亿元", "三亿元", "300000000.00"),
        ("贷款五万元", "五万元", "50000.00"),
        ("壹佰元整", "壹佰元", "100.00"),
    ],
)
def test_chinese_numeral_amount_is_in_yuan(text: str, written: str, value: str) -> None:
    found = amounts(text)
    assert len(found) == 1, found
    amount = found[0]
    assert amount.value == value
    assert text[amount.start : amount.end] == written


@pytest.mark.parametrize(
    "text",
    [
        "一共8888",  # bare number
        "编号12345",
        "两万",  # Chinese numeral without 元/块
        "三个人",
        "零元",  # zero is not an amount
        "0元",
        "¥0",
        "第2023年",
    ],
)
def test_text_without_currency_or_unit_or_with_zero_is_not_an_amount(text: str) -> None:
    assert amounts(text) == []


def test_amount_does_not_displace_a_phone() -> None:
    text = "13800138000元"
    assert [i.kind for i in extract(text)] == ["phone"]


def test_several_amounts_are_reported_in_order() -> None:
    text = "先交500元保证金，再转3.5万，最后两千块"
    assert [i.value for i in amounts(text)] == ["500.00", "35000.00", "2000.00"]


def test_spelled_out_numeral_amount_is_not_misread() -> None:
    assert [i.value for i in amounts("五零五元")] != ["5.00"]
