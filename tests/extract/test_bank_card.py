"""Bank card numbers: Luhn check, issuing bank, account numbers recognised from context."""

from __future__ import annotations

import pytest

from fanzha.extract import Identifier, extract
from fanzha.extract.bank_card import issuer, luhn_valid

ICBC = "6222021234567890128"  # Luhn-valid, BIN 622202 (中国工商银行)
ICBC_BAD_CHECK = "6222021234567890127"


def cards(text: str) -> list[Identifier]:
    return [i for i in extract(text) if i.kind == "bank_card"]


def only_card(text: str) -> Identifier:
    found = cards(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        (ICBC, True),
        (ICBC_BAD_CHECK, False),
        ("4111111111111111", True),
        ("4111111111111112", False),
        ("5555555555554444", True),
        ("0", True),
        ("79927398713", True),
        ("79927398710", False),
    ],
)
def test_luhn_check(number: str, valid: bool) -> None:
    assert luhn_valid(number) is valid


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (ICBC, ("中国工商银行", "debit")),
        ("4111111111111111", None),
        ("", None),
    ],
)
def test_issuer_is_looked_up_by_bin_prefix(number: str, expected: tuple[str, str] | None) -> None:
    assert issuer(number) == expected


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (f"请转账到{ICBC}", ICBC),
        (f"{ICBC}", ICBC),
        ("卡号6222 0212 3456 7890 128谢谢", "6222 0212 3456 7890 128"),
        ("卡号6222-0212-3456-7890-128谢谢", "6222-0212-3456-7890-128"),
        ("卡号６２２２０２１２３４５６７８９０１２８", "６２２２０２１２３４５６７８９０１２８"),
        (f"把钱打到{ICBC}。", ICBC),
    ],
)
def test_luhn_valid_card_is_found_with_issuing_bank(text: str, written: str) -> None:
    card = only_card(text)
    assert card.value == ICBC
    assert text[card.start : card.end] == written
    assert card.details == {"bank": "中国工商银行", "card_type": "debit"}
    assert card.score == pytest.approx(0.95)
    assert "中国工商银行" in card.reason


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("卡号4111111111111111", 0.8),  # context word raises the score
        ("我的4111111111111111", 0.6),
    ],
)
def test_luhn_valid_card_with_unknown_bin_has_no_bank(text: str, score: float) -> None:
    card = only_card(text)
    assert card.value == "4111111111111111"
    assert card.details == {}
    assert card.score == pytest.approx(score)


@pytest.mark.parametrize(
    "text",
    [
        f"请转{ICBC_BAD_CHECK}谢谢",  # Luhn-invalid, no context word
        "编号1234567890123456789",
        "卡号1111111111111111",  # one repeated digit
        "卡号0222021234567890128",  # starts with 0
        "卡号123456789",  # too short
    ],
)
def test_number_that_is_not_a_card_is_not_reported(text: str) -> None:
    assert cards(text) == []


@pytest.mark.parametrize(
    ("text", "value", "bank"),
    [
        (f"账号{ICBC_BAD_CHECK}谢谢", ICBC_BAD_CHECK, "中国工商银行"),
        ("收款账号1234567890123456789", "1234567890123456789", None),
        ("对公账户：1234567890123", "1234567890123", None),
        ("汇款至 123456789012，户名张三", "123456789012", None),  # shortest accepted: twelve digits
    ],
)
def test_luhn_invalid_number_next_to_account_word_is_an_account(
    text: str, value: str, bank: str | None
) -> None:
    card = only_card(text)
    assert card.value == value
    assert text[card.start : card.end] == value
    assert card.details["luhn"] is False
    assert card.details.get("bank") == bank
    assert card.score == pytest.approx(0.5)


def test_ten_digit_number_next_to_account_word_is_an_account() -> None:
    found = cards("汇款至 1234567890，户名张三")
    assert [(c.value, c.details.get("luhn")) for c in found] == [("1234567890", False)]


def test_eleven_digit_number_next_to_account_word_is_not_an_account() -> None:
    # Eleven digits is a phone number's length; 12012345678 is not a valid mobile either.
    assert cards("账号12012345678") == []


def test_card_and_phone_separated_by_space_are_two_identifiers() -> None:
    text = f"卡号{ICBC} 13800138000"
    found = extract(text)
    assert [(i.kind, i.value) for i in found] == [("bank_card", ICBC), ("phone", "13800138000")]


def test_spaced_card_followed_by_phone_keeps_both() -> None:
    text = "卡号6222 0212 3456 7890 128 13800138000"
    found = extract(text)
    assert [(i.kind, text[i.start : i.end]) for i in found] == [
        ("bank_card", "6222 0212 3456 7890 128"),
        ("phone", "13800138000"),
    ]


@pytest.mark.parametrize("text", ["卡号622202123456780078", "转到622202123456780078"])
def test_a_card_whose_digits_pass_the_id_checksum_but_are_no_id_number_is_a_card(text: str) -> None:
    """One eighteen-digit number in eleven passes the ID checksum by chance; without a region and a date
    of birth it is no ID number, and the card must not vanish."""
    assert only_card(text).value == "622202123456780078"
