"""Accounts, numbers and ID numbers in the forms 断卡 compares: nothing recorded is dropped, what does not
validate is flagged, what cannot be compared is refused with the reason."""

from __future__ import annotations

from datetime import date

import pytest

from fanzha.cardban.canonical import ID_CHECK_DIGIT, ID_NOT_RESIDENT, id_number, identifier, years_later
from fanzha.cardban.model import CardbanError, mask_holder_id


@pytest.mark.parametrize(
    ("kind", "raw", "value"),
    [
        ("bank_card", "6222 0212 3456 7890 128", "6222021234567890128"),
        ("bank_card", "６２２２０２１２３４５６７８９０１２８", "6222021234567890128"),
        ("phone", "+86 138-0013-8000", "13800138000"),
        ("phone", "0086 13800138000", "13800138000"),
    ],
)
def test_accounts_and_numbers_take_the_intelligence_stores_canonical_form(
    kind: str, raw: str, value: str
) -> None:
    assert identifier(kind, raw)[0] == value


@pytest.mark.parametrize(
    ("kind", "raw", "value"),
    [("phone", "140 1234 5678", "14012345678"), ("phone", "+86 (194) 1234-5678", "19412345678"),
     ("bank_card", "0000 1111 2222 3", "0000111122223")],
)  # fmt: skip
def test_an_odd_number_is_kept_as_its_digits_whatever_its_segment(kind: str, raw: str, value: str) -> None:
    assert identifier(kind, raw)[0] == value


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [("phone", "", "请填写电话卡"), ("phone", "abc", "不是电话卡"), ("bank_card", "12", "不是银行账户"),
     ("wechat", "abc123", "不支持的类型"), ("bank_card", "1" * 200, "不能超过 128 个字符")],
)  # fmt: skip
def test_what_cannot_be_compared_is_refused_with_the_reason(kind: str, raw: str, message: str) -> None:
    with pytest.raises(CardbanError, match=message):
        identifier(kind, raw)


@pytest.mark.parametrize(
    ("raw", "value", "flags"),
    [
        ("11010519491231002x", "11010519491231002X", []),
        ("110105 19491231 002X", "11010519491231002X", []),
        ("110105194912310021", "110105194912310021", [ID_CHECK_DIGIT]),
        ("E12345678", "E12345678", [ID_NOT_RESIDENT]),
    ],
)
def test_id_numbers_are_upper_case_without_separators_and_a_bad_check_digit_is_flagged(
    raw: str, value: str, flags: list[str]
) -> None:
    assert id_number(raw) == (value, flags)


@pytest.mark.parametrize("raw", ["", "   ", "12345", "1101-0519-4912-3100-2X-很长", "身份证"])
def test_an_id_number_that_is_not_one_is_refused(raw: str) -> None:
    with pytest.raises(CardbanError):
        id_number(raw)


@pytest.mark.parametrize(
    ("day", "later"),
    [(date(2026, 1, 5), date(2031, 1, 5)), (date(2028, 2, 29), date(2033, 2, 28))],
)
def test_five_years_later_is_the_same_calendar_day(day: date, later: date) -> None:
    assert years_later(day, 5) == later


@pytest.mark.parametrize(
    ("number", "masked"),
    [("11010519491231002X", "110105********002X"), ("E12345678", "E1*****78"), ("123", "***")],
)
def test_holder_ids_are_masked_for_everyone_but_officers(number: str, masked: str) -> None:
    assert mask_holder_id(number) == masked
