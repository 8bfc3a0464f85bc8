from __future__ import annotations

import pytest

from fanzha.intel.banks import bank_name


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("工行", "中国工商银行"),
        ("工商银行", "中国工商银行"),
        ("中国工商银行北京西城支行", "中国工商银行"),
        (" ICBC ", "中国工商银行"),
        ("中国银行", "中国银行"),
        ("中行上海分行", "中国银行"),
        ("中国建设银行股份有限公司", "中国建设银行"),
        ("建行", "中国建设银行"),
        ("招商银行", "招商银行"),
        ("邮储银行", "中国邮政储蓄银行"),
        ("浦发银行", "上海浦东发展银行"),
        ("ｃｃｂ", "中国建设银行"),  # full-width letters
    ],
)
def test_every_spelling_of_a_listed_bank_is_its_full_name(written: str, name: str) -> None:
    assert bank_name(written) == name


def test_an_unlisted_bank_keeps_its_name_and_a_non_bank_is_not_a_bank() -> None:
    assert bank_name("武汉 农村商业银行") == "武汉农村商业银行"
    assert bank_name("icbcx银行") == "icbcx银行"
    assert bank_name("银联") == "银联"  # 中国银联 is a brand, not a bank
