from __future__ import annotations

import pytest

from fanzha.reports.redact import ID_REMOVED, defang, mask_handle, redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("来电号码170 1234 5678", "来电号码170****5678"),
        ("向账户6222021234567890128（中国工商银行）转账", "向账户6222 **** **** 0128（中国工商银行）转账"),
        ("提供了身份证号码110101199003072316。", f"提供了身份证号码{ID_REMOVED}。"),
        ("添加QQ号为2345678901的陌生人", "添加QQ号为23******01的陌生人"),
        ("微信号为zhang_jf2026的陌生人", "微信号为zh********26的陌生人"),
        ("转至对方支付宝账户abcd_1234@163.com", "转至对方支付宝账户ab*****34@163.com"),
        ("登录https://www.gaj-anquan.top/case?id=88查看", "登录www[.]gaj-anquan[.]top查看"),
        ("对公账号 3100 1234 5678 9012 3456 7", "对公账号 3100 **** **** 4567"),
        ("转账5万元，3800元", "转账5万元，3800元"),
    ],
)
def test_identifiers_are_masked(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_names_of_the_case_are_masked() -> None:
    text = "事主王秀英（女，67岁）接到电话，其女儿李静报警。王秀英称……"
    assert (
        redact(text, names=["王秀英", "李静", ""]) == "事主王**（女，67岁）接到电话，其女儿李*报警。王**称……"
    )


def test_small_helpers() -> None:
    assert mask_handle("ab") == "a***" and defang("abc.top") == "abc[.]top"
