"""Payments read clause by clause from whole narratives: amounts in every writing, several payments, means,
paying and receiving banks, accounts that are not cards, ids and phone numbers used as accounts, a card failing
the check kept and flagged, totals and dissuaded victims (fanzha.cases.intake)."""

from __future__ import annotations

from datetime import datetime

import pytest

from fanzha.cases.intake import Prefill, prefill
from fanzha.cases.intake_amounts import find_amounts
from fanzha.cases.intake_text import fold
from fanzha.detect.engine import Detector
from fanzha.timezones import BEIJING

NOW = datetime(2026, 12, 3, 16, 0, tzinfo=BEIJING)


def _pf(detector: Detector, text: str) -> Prefill:
    return prefill(text, detector=detector, now=NOW)


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("转了5万元", [50000]), ("５万元", [50000]), ("50,000元", [50000]), ("1.5万元", [15000]), ("5w", [50000]),
        ("2万5千元", [25000]), ("4万8", [48000]), ("人民币6万元整", [60000]), ("5千块", [5000]), ("三千元", [3000]),
        ("打了一万", [10000]), ("交了六千八", [6800]), ("两万五", [25000]), ("转账9000元、9000元", [9000, 9000]),
        ("五十岁", []), ("三点多", []), ("13912345678", []), ("分两笔", []),
    ],
)  # fmt: skip
def test_amounts_as_callers_say_them(text: str, yuan: list[float]) -> None:
    assert [a.yuan for a in find_amounts(fold(text))] == yuan


def test_several_payments_with_means_and_banks(detector: Detector) -> None:
    found = _pf(
        detector,
        "报警人：马俊，性别男，年龄67岁。前天下午4点在微信上加了一个放贷的。晚上9点半用中国银行手机银行向对方中国银行账户"
        "6217999588599166转账2.6万元，次日上午9时又在浦发银行柜台转账3万元到对方上海浦东发展银行账户4436563816110。",
    )
    first, second = found.payments
    assert (first.amount, first.method, first.from_bank, first.to_bank) == (
        26000.0,
        "手机银行",
        "中国银行",
        "中国银行",
    )
    assert first.paid_at == datetime(2026, 12, 1, 21, 30, tzinfo=BEIJING)
    assert (second.amount, second.method, second.from_bank) == (30000.0, "柜台", "上海浦东发展银行")
    assert (second.to_account, second.to_bank) == (
        "4436563816110",
        "上海浦东发展银行",
    )  # 13 digits: not a card
    assert second.paid_at == datetime(2026, 12, 2, 9, 0, tzinfo=BEIJING)
    assert second.flags == []  # not card-length, so no card check to fail
    assert ("bank_card", "4436563816110") in {(i.kind, i.value) for i in found.identifiers}


@pytest.mark.parametrize(
    ("text", "account", "channel", "method"),
    [
        ("昨天通过支付宝向对方支付宝账号13807233416转了8000元。", "13807233416", "alipay", "支付宝"),
        ("昨天用支付宝转了5000元给对方支付宝wang8618@163.com。", "wang8618@163.com", "alipay", "支付宝"),
        ("加了对方微信 zm_ticket2026，用微信转了1200元。", "zm_ticket2026", "wechat_pay", "微信"),
        ("又让其转账1500元到对方微信（微信号：momo_girl88）。", "momo_girl88", "wechat_pay", "微信"),
        (
            "通过网银向对公账户 3100 1234 5678 9012 3456 汇款4万8千元。",
            "31001234567890123456",
            "bank_transfer",
            "网银",
        ),
    ],
)
def test_accounts_that_are_not_cards(
    detector: Detector, text: str, account: str, channel: str, method: str
) -> None:
    (payment,) = _pf(detector, text).payments
    assert (payment.to_account, payment.channel, payment.method) == (account, channel, method)


def test_an_id_of_another_means_is_not_where_the_money_went(detector: Detector) -> None:
    (payment,) = _pf(
        detector, "卖家让我加他微信 xiaoyu_cam 走担保交易，我通过支付宝扫码付了3200元。"
    ).payments
    assert (payment.channel, payment.to_account) == ("alipay", "")


def test_an_account_said_after_the_payments_is_theirs(detector: Detector) -> None:
    found = _pf(detector, "她去邮政储蓄银行柜台给对方汇了2万元，账号是6217991234567890123。")
    assert found.payments[0].to_account == "6217991234567890123"
    found = _pf(detector, "我用云闪付先转了2万元，又转了3万元，转到对方的光大银行账户 6226 6200 1234 5674。")
    assert [p.to_account for p in found.payments] == ["6226620012345674"] * 2
    assert [p.to_bank for p in found.payments] == ["中国光大银行"] * 2


def test_the_same_account_again(detector: Detector) -> None:
    found = _pf(
        detector, "12月1日用招行手机银行向6214 8300 1234 5673转了10万元，12月2日又转了20万元到同一账户。"
    )
    assert [p.to_account for p in found.payments] == ["6214830012345673"] * 2
    assert found.payments[1].channel == "bank_transfer" and found.payments[1].method == ""
    assert "同一账户" in found.sources["payments[1].to_account"].rule


def test_a_card_failing_the_check_is_kept_in_canonical_form_and_flagged(detector: Detector) -> None:
    found = _pf(detector, "下午在建行ATM上转账3000元到6217 0000 1234 5678 905。")
    (payment,) = found.payments
    assert payment.to_account == "6217000012345678905" and payment.flags == ["未通过卡号校验，已保留"]
    assert payment.to_bank == "中国建设银行"  # from the card's prefix
    assert ("bank_card", "6217000012345678905") in {(i.kind, i.value) for i in found.identifiers}
    assert found.warnings == ["账号 6217000012345678905：未通过卡号校验，已保留，请核对"]


def test_an_id_number_is_not_an_account(detector: Detector) -> None:
    found = _pf(
        detector,
        "报警人赵磊，身份证号110105198801011236。其于12月2日14时通过支付宝向对方支付宝账号15011112222转账5200元。",
    )
    assert [p.to_account for p in found.payments] == ["15011112222"]
    assert not any(i.value == "110105198801011236" for i in found.identifiers)


def test_payments_told_respectively(detector: Detector) -> None:
    found = _pf(detector, "11月26日于19时40分、19时55分分两笔向6214 8377 7788 8899 992转账9000元、9000元。")
    assert [p.paid_at.strftime("%H:%M") for p in found.payments if p.paid_at] == ["19:40", "19:55"]
    assert all(p.flags == ["未通过卡号校验，已保留"] for p in found.payments)


@pytest.mark.parametrize(
    ("text", "amounts", "loss"),
    [
        ("先用微信转了5000元，又用支付宝转了2000元。共计损失7000元。", [5000, 2000], 7000),
        ("先后转了800元、1500元和3000元。", [800, 1500, 3000], 5300),
        (
            "用他的农行卡通过手机银行分三次转给对方共计1.8万元。",
            [],
            18000,
        ),  # paid, without the single payments
        ("先后两次用微信转账共计6000元，又用建行手机银行转了2千元。", [2000], 8000),
        ("对方说欠费3600元，让她转到安全账户。", [], 0),  # an amount said in passing
    ],
)
def test_payments_and_totals(detector: Detector, text: str, amounts: list[float], loss: float) -> None:
    found = _pf(detector, text)
    assert [p.amount for p in found.payments] == amounts and found.loss == loss


@pytest.mark.parametrize(
    "text",
    [
        "对方要求转账时，银行工作人员发现异常及时劝阻，未转账。",
        "民警赶到劝住了，钱没转出去。",
        "孙德明在工商银行ATM上准备转账时被银行保安劝阻，未造成损失。",
    ],
)
def test_a_dissuaded_victim_has_no_payment(detector: Detector, text: str) -> None:
    found = _pf(detector, "今天上午接到自称公安的电话，要求把5万元转到安全账户。" + text)
    assert found.dissuaded and found.loss == 0 and not found.payments
    assert "dissuaded" in found.sources
