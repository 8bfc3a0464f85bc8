"""How a payment was made and through which banks, as a clause says it: the means (柜台, 手机银行, 网银, ATM,
云闪付, 支付宝, 微信, 现金, 虚拟货币, 购物卡) with its payment channel, the paying bank ("在农业银行柜台",
"用他的农行卡") and the receiving bank ("转到对方建设银行账户", "开户行：工商银行").

"用支付宝、微信向对方转了3000元和2000元" pays each amount by the means named in the same order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fanzha.cases.intake_text import BankMention, Evidence

# (cue, the means as the form shows it, payment channel code)
METHODS: list[tuple[re.Pattern[str], str, str]] = [
    (re.compile(r"柜台|网点|营业厅"), "柜台", "bank_transfer"),
    (re.compile(r"手机银行|银行APP|掌上银行"), "手机银行", "bank_transfer"),
    (re.compile(r"网银|网上银行"), "网银", "bank_transfer"),
    (re.compile(r"ATM|取款机|自助机|自助设备"), "ATM", "bank_transfer"),
    (re.compile(r"云闪付"), "云闪付", "bank_transfer"),
    (re.compile(r"支付宝"), "支付宝", "alipay"),
    (re.compile(r"微信"), "微信", "wechat_pay"),
    (re.compile(r"用现金|现金(支付|交|给)|当面交|交给.{0,6}现金|骗取.{0,3}现金"), "现金", "cash"),
    (re.compile(r"USDT|泰达币|虚拟币|比特币|数字货币"), "虚拟货币", "crypto"),
    (re.compile(r"购物卡|点卡|充值卡|礼品卡"), "购物卡", "gift_card"),
]
_FROM_AFTER = re.compile(r"^\s*的?\s*(柜台|网点|营业厅|手机银行|网银|网上银行|ATM|APP|app|卡|储蓄卡|自助)")
_TO_BEFORE = re.compile(r"(对方|向|给|到对方|转到|转入|开户行|开户银行)\S{0,2}$")


@dataclass(frozen=True, slots=True)
class Means:
    method: str
    channel: str
    evidence: Evidence


def means_in(text: str, start: int, end: int) -> list[Means]:
    """Every means of paying named between `start` and `end`, in order."""
    found = [
        Means(method, channel, Evidence(m.start(), m.end(), f"本句提到“{m.group()}”"))
        for pattern, method, channel in METHODS
        for m in pattern.finditer(text, start, end)
    ]
    return sorted(found, key=lambda f: f.evidence.start)


def means_for(text: str, within: tuple[int, int], pos: int) -> Means | None:
    """The means nearest before `pos` between `within`, else the first after it."""
    found = means_in(text, *within)
    before = [f for f in found if f.evidence.start < pos]
    return before[-1] if before else (found[0] if found else None)


def banks_between(
    text: str, within: tuple[int, int], banks: list[BankMention]
) -> tuple[BankMention | None, BankMention | None]:
    """(the paying bank, the receiving bank) named between `within`."""
    paying = receiving = None
    for bank in banks:
        if not within[0] <= bank.start < within[1] or bank.said == "云闪付":
            continue
        if _TO_BEFORE.search(text[max(within[0], bank.start - 5) : bank.start]):
            receiving = receiving or bank
        elif _FROM_AFTER.match(text[bank.end : bank.end + 4]) or paying is None:
            paying = paying or bank
    return paying, receiving
