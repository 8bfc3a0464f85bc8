"""Operators on the intelligence store and on who contacted the payer (`payer_contacts`): the payee
account is reported or confirmed, the payer was recently contacted by a flagged number, or by a number
that looks like a scammer's (foreign, dressed up, virtual operator)."""

from __future__ import annotations

from typing import Any

from fanzha.screen.facts import CONTACTS, INTEL, Facts
from fanzha.screen.numbers import TRAIT_WORDS, TRAITS
from fanzha.screen.operators.base import Compiled, Operator, RuleError, choices, hours, mapping

# Levels a screening rule can ask for: the intelligence store's levels, plus `reported` (reported at
# least once, not yet enough for `suspicious`).
FLAGGED_LEVELS = ("confirmed", "suspicious", "reported")
LEVEL_WORDS = {"confirmed": "已确认涉诈", "suspicious": "多人举报", "reported": "被举报过"}
CONTACT_LIMIT_HOURS = 720.0


def _levels_text(levels: frozenset[str]) -> str:
    return "或".join(LEVEL_WORDS[level] for level in FLAGGED_LEVELS if level in levels)


class PayeeIntel(Operator):
    name = "payee_intel"
    help = "收款账户在风险情报中的等级是其中之一（confirmed 已确认、suspicious 多人举报、reported 被举报过）"
    example = "[confirmed, suspicious]"
    needs = frozenset([INTEL])

    def compile(self, arg: Any, where: str) -> Compiled:
        levels = choices(arg, where, FLAGGED_LEVELS)

        def test(f: Facts) -> bool | None:
            if f.transfer.payee.account is None:
                return None
            return f.payee_level in levels

        return self.done(test, f"收款账户在风险情报中{_levels_text(levels)}")


class ContactFlagged(Operator):
    name = "contact_flagged"
    help = "付款人在转账前 hours 小时内与风险情报中等级为 levels 的号码或账号联系过（payer_contacts）"
    example = "{hours: 24, levels: [confirmed, suspicious]}"
    needs = frozenset([CONTACTS])

    def compile(self, arg: Any, where: str) -> Compiled:
        found = mapping(arg, where, ["hours", "levels"], required=["hours"])
        window = hours(found["hours"], f"{where}.hours", limit=CONTACT_LIMIT_HOURS) * 3600.0
        levels = choices(found.get("levels", list(FLAGGED_LEVELS)), f"{where}.levels", FLAGGED_LEVELS)
        if not levels:
            raise RuleError(f"{where}.levels：不能为空")

        def test(f: Facts) -> bool | None:
            if f.contacts is None:
                return None
            unknown_time = False
            for at, level, _ in f.contacts:
                if level not in levels:
                    continue
                if at is None or f.at is None:
                    unknown_time = True
                elif f.at - window <= at <= f.at + 60.0:  # a minute's clock skew between systems
                    return True
            return None if unknown_time else False

        return self.done(test, f"付款人转账前{found['hours']:g}小时内与{_levels_text(levels)}的号码联系过")


class ContactNumber(Operator):
    name = "contact_number"
    help = (
        "付款人在转账前 hours 小时内接到 traits 所列类型号码的电话或短信："
        "foreign 境外号码、disguised 加了多个0或+号的伪装号码、virtual 虚拟运营商号码"
    )
    example = "{hours: 24, traits: [foreign, disguised]}"
    needs = frozenset([CONTACTS])

    def compile(self, arg: Any, where: str) -> Compiled:
        found = mapping(arg, where, ["hours", "traits"], required=["hours", "traits"])
        window = hours(found["hours"], f"{where}.hours", limit=CONTACT_LIMIT_HOURS) * 3600.0
        traits = choices(found["traits"], f"{where}.traits", TRAITS)

        def test(f: Facts) -> bool | None:
            if f.contacts is None:
                return None
            unknown_time = False
            for at, _, kinds in f.contacts:
                if traits.isdisjoint(kinds):
                    continue
                if at is None or f.at is None:
                    unknown_time = True
                elif f.at - window <= at <= f.at + 60.0:
                    return True
            return None if unknown_time else False

        words = "或".join(TRAIT_WORDS[t] for t in TRAITS if t in traits)
        return self.done(test, f"付款人转账前{found['hours']:g}小时内接到过{words}的来电或短信")


INTEL_OPERATORS: tuple[Operator, ...] = (PayeeIntel(), ContactFlagged(), ContactNumber())
