from __future__ import annotations

import pytest

from fanzha.warn.identifiers import identifier, payer_keys

SAME_NUMBER = [
    "13800138000",
    "+86 138 0013 8000",
    "138-0013-8000",
    "１３８００１３８０００",
    "0086 13800138000",
]


@pytest.mark.parametrize("written", SAME_NUMBER)
def test_a_phone_matches_in_any_written_form(written: str) -> None:
    assert identifier("phone", written).value == "13800138000"


@pytest.mark.parametrize(
    ("kind", "written", "value", "flag"),
    [
        ("phone", "140 1234 5678", "14012345678", "号段未分配"),
        ("phone", "+852 6123 4567", "+85261234567", "境外号码"),
        ("bank_card", "6222 0212 3456 7890 127", "6222021234567890127", "校验位不符"),
        ("phone", "abc-xyz", "abcxyz", "格式不符"),
    ],
)
def test_an_odd_identifier_is_kept_flagged_and_matches_itself(
    kind: str, written: str, value: str, flag: str
) -> None:
    found = identifier(kind, written)
    assert (found.value, found.raw) == (value, written)
    assert flag in found.flags
    assert identifier(kind, written).value == found.value


def test_a_payers_account_is_looked_up_under_every_kind_it_can_be() -> None:
    keys = dict(payer_keys("6222 0212 3456 7890 128"))
    assert keys["bank_card"] == "6222021234567890128"
    assert payer_keys("13800138000", "alipay") == (("alipay", "13800138000"),)
