"""Resident ID numbers: checksum and birth date validated, always masked."""

from __future__ import annotations

import pytest

from fanzha.extract import Identifier, extract
from fanzha.extract.id_card import id_checksum_valid, mask_id

VALID = "11010519491231002X"


def ids(text: str) -> list[Identifier]:
    return [i for i in extract(text) if i.kind == "id_card"]


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        (VALID, True),
        (VALID.lower(), True),
        ("440306199001011236", True),
        ("110105194912310021", False),
        ("11010519491231002", False),  # 17 characters
        ("", False),
    ],
)
def test_checksum(number: str, valid: bool) -> None:
    assert id_checksum_valid(number) is valid


def test_mask_keeps_region_and_last_four() -> None:
    assert mask_id(VALID) == "110105********002X"


@pytest.mark.parametrize(
    ("text", "written", "masked", "score"),
    [
        (f"身份证{VALID}", VALID, "110105********002X", 0.95),
        ("身份证11010519491231002x", "11010519491231002x", "110105********002X", 0.95),
        ("身份证号：440306199001011236，请核对", "440306199001011236", "440306********1236", 0.95),
        (f"他的号码{VALID}。", VALID, "110105********002X", 0.85),  # no ID context word
        ("公民身份号码110105200002291235", "110105200002291235", "110105********1235", 0.95),  # 29 Feb 2000
        ("证件号110105189912311237", "110105189912311237", "110105********1237", 0.95),
    ],
)
def test_valid_id_number_is_reported_masked(text: str, written: str, masked: str, score: float) -> None:
    found = ids(text)
    assert len(found) == 1, found
    ident = found[0]
    assert ident.value == masked
    assert text[ident.start : ident.end] == written
    assert ident.score == pytest.approx(score)
    assert ident.details["region_code"] == written[:6]
    assert "birth_year" not in ident.details  # the birth date is what masking hides


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # wrong check character
        "110105194912310029",
        "110105194913310021",  # month 13, checksum otherwise right
        "110105194912320025",  # 32 December
        "110105199002301231",  # 30 February
        "110105200102291232",  # 29 February in a non-leap year
        "110105190002291239",  # 1900 was not a leap year
        "11010519490001002X",  # month 00
        "110105209912311232",  # born in the future
        "910105194912310029",  # region code starting with 9
        "010105194912310026",  # region code starting with 0
    ],
)
def test_invalid_id_number_is_rejected(number: str) -> None:
    assert ids(f"身份证{number}") == []


def test_id_number_inside_a_longer_number_is_not_reported() -> None:
    assert ids(f"1{VALID}") == []


@pytest.mark.parametrize(
    "text",
    [
        f"sfz{VALID}",  # after the pinyin abbreviation of 身份证
        f"{VALID}a",
        "身份证110105 19491231 002X",  # grouped with spaces
        "身份证110105-19491231-002X",
    ],
)
def test_id_number_glued_to_letters_or_grouped_is_still_found_and_masked(text: str) -> None:
    found = ids(text)
    assert [i.value for i in found] == ["110105********002X"]
    assert all(i.kind != "bank_card" for i in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        f"身份证{VALID}",
        f"我的身份证是{VALID}，卡号6222021234567890128",
        f"{VALID} 440306199001011236",
    ],
)
def test_full_id_number_never_appears_in_any_value(text: str) -> None:
    found = extract(text)
    assert any(i.kind == "id_card" for i in found)
    for ident in found:
        assert VALID not in ident.value.upper()
        assert "440306199001011236" not in ident.value
        assert "19491231" not in str(ident.to_dict())
        if ident.kind == "id_card":
            assert "********" in ident.value
