"""Chinese numerals to numbers."""

from __future__ import annotations

import pytest

from fanzha.text.numerals import parse_chinese_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("零", 0),
        ("〇", 0),
        ("一", 1),
        ("幺", 1),
        ("十", 10),
        ("拾", 10),
        ("十二", 12),
        ("三十", 30),
        ("百", 100),
        ("两百", 200),
        ("壹佰", 100),
        ("一百零五", 105),
        ("一千零一十", 1010),
        ("两千", 2000),
        ("玖仟玖佰玖拾玖", 9999),
        ("三万五千", 35000),
        ("三萬", 30000),
        ("一万零五百", 10500),
        ("十万", 100_000),
        ("二十万", 200_000),
        ("五千万", 50_000_000),
        ("一亿", 100_000_000),
        ("十亿", 1_000_000_000),
        ("三亿五千万", 350_000_000),
        ("一万亿", 1_000_000_000_000),
    ],
)
def test_chinese_numeral_parses_to_its_value(text: str, expected: int) -> None:
    assert parse_chinese_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",  # empty
        "abc",  # not a numeral at all
        "1",  # Arabic digit
        "三万5",  # mixed scripts
        "三个",  # a numeral followed by a word
        "万",  # a large unit without a number before it
        "亿万",
        "一二",  # two digits in a row: a spelled-out number, not a value
        "二〇二三",
        "一三八零零一三八零零零",
    ],
)
def test_text_that_is_not_a_chinese_numeral_value_gives_none(text: str) -> None:
    assert parse_chinese_number(text) is None


@pytest.mark.parametrize("text", ["五零", "一〇", "五零五"])
def test_digit_followed_by_zero_without_unit_is_a_spelled_out_number(text: str) -> None:
    assert parse_chinese_number(text) is None
