"""Bank card and account numbers: Luhn-validated cards, issuing bank from the BIN table.

A 16–19 digit number that passes the Luhn check is a card number; its issuing bank is looked up
by the longest matching prefix in `data/card_bins.csv`. A long number that fails the Luhn check
is still reported as an account when the words around it say so (卡号, 账号, 收款), because
corporate and some old accounts carry no check digit and scammers' receiving accounts matter.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from fanzha.extract.base import Candidate, Recognizer, digits_only
from fanzha.extract.id_card import is_id_number

_CARD = re.compile(r"(?=\d)(?<![\d])(?:\d[ \-]?){9,24}\d(?![\d])")
ACCOUNT_CONTEXT = (
    "卡号",
    "账号",
    "帐号",
    "账户",
    "帐户",
    "收款",
    "银行卡",
    "汇款",
    "转账",
    "转入",
    "打款",
    "开户",
)


_DOUBLED = str.maketrans("0123456789", "0246813579")  # 2d, less 9 when two digits


def luhn_valid(number: str) -> bool:
    """The Luhn check of a string of ASCII digits (every second digit from the right doubled)."""
    doubled = number[-2::-2].translate(_DOUBLED)
    return (sum(number[-1::-2].encode()) + sum(doubled.encode()) - 48 * len(number)) % 10 == 0


@lru_cache(maxsize=1)
def _bins() -> dict[str, tuple[str, str]]:
    raw = resources.files("fanzha.extract").joinpath("data/card_bins.csv").read_text("utf-8")
    return {row["bin"]: (row["bank"], row["card_type"]) for row in csv.DictReader(raw.splitlines())}


def issuer(number: str) -> tuple[str, str] | None:
    """(bank, card type) for the longest known prefix of `number`, if any."""
    table = _bins()
    for length in (8, 7, 6, 5):
        hit = table.get(number[:length])
        if hit is not None:
            return hit
    return None


class BankCardRecognizer(Recognizer):
    kind = "bank_card"
    patterns = (_CARD.pattern,)
    context = ACCOUNT_CONTEXT
    priority = 50
    requires_digit = True

    def validate(self, match: re.Match[str], text: str) -> Candidate | None:
        number = digits_only(match.group())
        if number.startswith("0") or len(set(number)) == 1:
            return None
        as_id = number + text[match.end() : match.end() + 1] if len(number) == 17 else number
        if is_id_number(as_id):
            return None  # a resident ID number: the ID recognizer reports it, masked
        bank = issuer(number)
        in_context = self.has_context(text, match.start(), match.end())
        details: dict[str, object] = {}
        if bank is not None:
            details = {"bank": bank[0], "card_type": bank[1]}
        if 16 <= len(number) <= 19 and luhn_valid(number):
            if bank is not None:
                return Candidate(
                    number, 0.95, f"{len(number)}位银行卡号，校验位正确，发卡行{bank[0]}", details
                )
            score = 0.8 if in_context else 0.6
            return Candidate(number, score, f"{len(number)}位银行卡号，校验位正确", details)
        if in_context and 10 <= len(number) <= 25 and len(number) != 11:
            reason = f"{len(number)}位账号（旁边写着卡号/账号等字样；未通过银行卡校验，可能是对公或旧式账号）"
            return Candidate(number, 0.5, reason, {**details, "luhn": False})
        return None
