"""QQ, WeChat and Alipay accounts, recognised by the word in front of them."""

from __future__ import annotations

import pytest

from fanzha.extract import Identifier, extract


def of_kind(text: str, kind: str) -> list[Identifier]:
    return [i for i in extract(text) if i.kind == kind]


def only(text: str, kind: str) -> Identifier:
    found = of_kind(text, kind)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "word"),
    [
        ("加QQ123456789咨询", "123456789", "qq"),
        ("加qq：123456789咨询", "123456789", "qq"),
        ("加QQ号是 123456789", "123456789", "qq"),
        ("加扣扣123456789咨询", "123456789", "扣扣"),
        ("加企鹅号123456789", "123456789", "企鹅号"),
        ("加口口123456789", "123456789", "口口"),
        ("ＱＱ：１２３４５６７８９", "１２３４５６７８９", "qq"),
        ("QQ12345", "12345", "qq"),  # five digits: the shortest QQ number
        ("QQ12345678901", "12345678901", "qq"),  # eleven digits: the longest
    ],
)
def test_number_after_qq_word_is_a_qq_number(text: str, written: str, word: str) -> None:
    qq = only(text, "qq")
    assert qq.value == written.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    assert text[qq.start : qq.end] == written  # the span covers only the number, not "QQ："
    assert f"“{word}”" in qq.reason
    assert "group" not in qq.details


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("加Q群123456789咨询", "123456789"),
        ("加QQ群：123456789咨询", "123456789"),
        ("进群号987654321", "987654321"),
        ("加QQ 群号 123456789", "123456789"),
    ],
)
def test_number_after_group_word_is_flagged_as_qq_group(text: str, value: str) -> None:
    qq = only(text, "qq")
    assert qq.value == value
    assert text[qq.start : qq.end] == value
    assert qq.details == {"group": True}
    assert "QQ群号" in qq.reason


@pytest.mark.parametrize(
    "text",
    [
        "QQ1234",  # four digits
        "QQ012345",  # a QQ number does not start with 0
        "QQ123456789012",  # twelve digits
        "号码123456789",  # no QQ word
        "qq邮箱没问题",
    ],
)
def test_number_that_is_not_a_qq_number_is_ignored(text: str) -> None:
    assert of_kind(text, "qq") == []


@pytest.mark.parametrize(
    ("text", "written", "value", "evasive"),
    [
        ("加微信abc_123456咨询", "abc_123456", "abc_123456", False),
        ("微信：wxid_abcdef", "wxid_abcdef", "wxid_abcdef", False),
        ("加wx abc_123456咨询", "abc_123456", "abc_123456", False),
        ("wechat: abc-12345", "abc-12345", "abc-12345", False),
        ("加薇信abc_123456咨询", "abc_123456", "abc_123456", True),
        ("加威信abc_123456咨询", "abc_123456", "abc_123456", True),
        ("加vx:abc_123456咨询", "abc_123456", "abc_123456", True),
        ("加VX：ABC_123456咨询", "ABC_123456", "abc_123456", True),
        ("加v信abc_123456", "abc_123456", "abc_123456", True),
        ("加微abc_123456", "abc_123456", "abc_123456", True),
    ],
)
def test_account_after_wechat_word_is_a_wechat_id(text: str, written: str, value: str, evasive: bool) -> None:
    wechat = only(text, "wechat")
    assert wechat.value == value
    assert text[wechat.start : wechat.end] == written
    assert ("躲避过滤" in wechat.reason) is evasive


@pytest.mark.parametrize(
    "text",
    [
        "打开微信app",  # the app, not an account
        "微信支付",
        "微信wxpay",
        "微信abc12",  # five characters: too short
        "微信123456789",  # digits that are not a mobile number
        "请加好友abc_123456",  # no WeChat word
    ],
)
def test_text_that_is_not_a_wechat_id_is_ignored(text: str) -> None:
    assert of_kind(text, "wechat") == []


@pytest.mark.parametrize(
    "text",
    ["微信同号13800138000", "微信：13800138000", "vx同号13800138000"],
)
def test_wechat_same_as_phone_yields_both_phone_and_wechat(text: str) -> None:
    found = extract(text)
    assert sorted((i.kind, i.value) for i in found) == [("phone", "13800138000"), ("wechat", "13800138000")]
    for ident in found:
        assert text[ident.start : ident.end] == "13800138000"


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("支付宝13800138000", "13800138000", "13800138000"),
        ("支付宝账号：test@example.com", "test@example.com", "test@example.com"),
        ("支付宝：Test.User@Example.COM。", "Test.User@Example.COM", "test.user@example.com"),
        ("转到支付宝 a_b-c+1@mail.qq.com 即可", "a_b-c+1@mail.qq.com", "a_b-c+1@mail.qq.com"),
    ],
)
def test_account_after_alipay_word_is_an_alipay_account(text: str, written: str, value: str) -> None:
    alipay = only(text, "alipay")
    assert alipay.value == value
    assert text[alipay.start : alipay.end] == written
    assert "支付宝" in alipay.reason


def test_alipay_phone_is_also_a_phone() -> None:
    kinds = sorted(i.kind for i in extract("支付宝13800138000"))
    assert kinds == ["alipay", "phone"]


@pytest.mark.parametrize("text", ["支付宝转账", "支付宝12345", "支付宝abc@", "我的邮箱test@example.com"])
def test_text_that_is_not_an_alipay_account_is_ignored(text: str) -> None:
    assert of_kind(text, "alipay") == []
