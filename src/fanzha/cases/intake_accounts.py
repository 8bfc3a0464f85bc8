"""The receiving accounts a narrative names: bank cards (by the extractor), account numbers that are not cards
(对公账户, numbers without a check digit), Alipay and WeChat ids, and phone numbers used as accounts
("支付宝账号13807233416").

Nothing the caller said is dropped for failing a check: a 16–19 digit number that fails the card check digit
is kept in canonical form as a bank account, flagged "未通过卡号校验，已保留", for the officer to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fanzha.cases.identity import canonical
from fanzha.extract.bank_card import issuer, luhn_valid
from fanzha.extract.base import Identifier
from fanzha.extract.id_card import is_id_number

NOT_A_CARD = "未通过卡号校验，已保留"
_RUN = re.compile(r"(?<![\dA-Za-z])\d(?:[ \-]?\d){9,24}(?![\dA-Za-z])")
_TOWARDS = re.compile(r"(到|至|向|给|进|入|账户|帐户|账号|帐号|卡号|卡|收款)\s*[:：是为]?\s*$")
_AS_ACCOUNT = re.compile(r"(支付宝|微信|账号|帐号|账户|帐户|收款)\S{0,4}$")
_TAKEN_KINDS = ("bank_card", "phone", "id_card", "qq", "alipay", "wechat", "ip", "url", "domain")


@dataclass(slots=True)
class Account:
    start: int
    end: int
    kind: str  # bank_card | alipay | wechat | phone
    value: str  # canonical
    bank: str = ""  # the issuing bank (card BIN table)
    flags: list[str] = field(default_factory=list)
    rule: str = ""


def _card(start: int, end: int, digits: str, rule: str) -> Account:
    bank = issuer(digits)
    flags = [NOT_A_CARD] if 16 <= len(digits) <= 19 and not luhn_valid(digits) else []
    return Account(start, end, "bank_card", digits, bank[0] if bank else "", flags, rule)


def find_accounts(text: str, found: list[Identifier]) -> list[Account]:
    """Every account in `text` (folded) that money may have gone to, in order; `found` is what
    `fanzha.extract.extract` found in `text`."""
    out: list[Account] = []
    spans = [(i.start, i.end) for i in found if i.kind in _TAKEN_KINDS]
    for ident in found:
        if ident.kind == "bank_card":
            out.append(_card(ident.start, ident.end, ident.value, "银行卡号或账号"))
        elif ident.kind in ("alipay", "wechat"):
            value = canonical(ident.kind, ident.value) or ident.value
            name = "支付宝账号" if ident.kind == "alipay" else "微信号"
            out.append(Account(ident.start, ident.end, ident.kind, value, rule=name))
        elif (
            ident.kind == "phone"
            and _AS_ACCOUNT.search(text[max(0, ident.start - 8) : ident.start])
            and not any(i.kind in ("alipay", "wechat") and i.start == ident.start for i in found)
        ):
            out.append(Account(ident.start, ident.end, "phone", ident.value, rule="作为收款账号的手机号"))
    for m in _RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        digits = re.sub(r"\D", "", m.group())
        if is_id_number(digits) or digits.startswith("0") or len(set(digits)) == 1:
            continue
        if 16 <= len(digits) <= 19:
            out.append(_card(m.start(), m.end(), digits, "16–19位卡号"))
        elif len(digits) != 11 and _TOWARDS.search(text[max(0, m.start() - 8) : m.start()]):
            out.append(_card(m.start(), m.end(), digits, "转账去向的账号"))
    # the same number found twice (as a phone and a card): keep the first reading
    unique: dict[tuple[int, int], Account] = {}
    for account in sorted(out, key=lambda a: a.start):
        unique.setdefault((account.start, account.end), account)
    return list(unique.values())
