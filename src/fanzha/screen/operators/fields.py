"""Operators on the transfer's own fields: amount, channel, the payer's age and tenure, the hour, a phone
call during the transfer, a new device, a payee in another city or province, a payee or payer that is an
organisation (the bank's `kind`, else the name: `fanzha.screen.organisations`)."""

from __future__ import annotations

from datetime import date
from operator import attrgetter
from typing import Any

from fanzha.screen.districts import OTHER_CITY, OTHER_PROVINCE, distance
from fanzha.screen.facts import Facts
from fanzha.screen.operators.base import (
    Compiled,
    Operator,
    RuleError,
    bounds,
    choices,
    flag,
    in_bounds,
    mapping,
    number,
    range_text,
    yuan,
)
from fanzha.screen.organisations import describe_kind, organisation_mark
from fanzha.screen.transfer import CHANNEL_NAMES, CHANNELS, Party


class Amount(Operator):
    name = "amount"
    help = "金额（元）在范围内：min 含、max 不含；写一个数即为 min"
    example = "{min: 10000, max: 50000}"

    def compile(self, arg: Any, where: str) -> Compiled:
        low, top = bounds(arg, where)

        def test(f: Facts) -> bool | None:
            amount = f.transfer.amount_cny
            return None if amount is None else in_bounds(amount, low, top)

        return self.done(test, range_text("金额", low, top, yuan))


class Channel(Operator):
    name = "channel"
    help = f"渠道是其中之一（{'、'.join(CHANNELS)}）"
    example = "[atm, counter]"

    def compile(self, arg: Any, where: str) -> Compiled:
        wanted = choices(arg, where, CHANNELS)

        def test(f: Facts) -> bool | None:
            channel = f.transfer.channel
            return None if channel is None else channel in wanted

        return self.done(test, "通过" + "或".join(CHANNEL_NAMES[c] for c in CHANNELS if c in wanted) + "转账")


class PayerAge(Operator):
    name = "payer_age"
    help = "付款人年龄（岁）在范围内：min 含、max 不含"
    example = "{min: 60}"

    def compile(self, arg: Any, where: str) -> Compiled:
        low, top = bounds(arg, where, high=130)

        def test(f: Facts) -> bool | None:
            age = f.transfer.payer.age
            return None if age is None else in_bounds(age, low, top)

        return self.done(test, range_text("付款人年龄", low, top, lambda a: f"{a:g}岁"))


class CustomerDays(Operator):
    name = "customer_days"
    help = "付款人成为本行客户的天数（按交易日计）在范围内"
    example = "{max: 30}"

    def compile(self, arg: Any, where: str) -> Compiled:
        low, top = bounds(arg, where, high=100_000)

        def test(f: Facts) -> bool | None:
            since = f.transfer.payer.customer_since
            if since is None:
                return None
            today = f.transfer.time.date() if f.transfer.time is not None else date.today()
            return in_bounds((today - since).days, low, top)

        return self.done(test, range_text("付款人开户天数", low, top, lambda d: f"{d:g}天"))


class Night(Operator):
    name = "night"
    help = "交易时间（按交易自带时区的当地时间）在夜间：true 为 22 点至次日 6 点，或 {from: 23, to: 5}"
    example = "{from: 22, to: 6}"

    def compile(self, arg: Any, where: str) -> Compiled:
        if arg is True:
            start, end = 22, 6
        elif arg is False:
            raise RuleError(f"{where}：写 true 或 {{from: 时, to: 时}}；不需要时删去此条件")
        else:
            found = mapping(arg, where, ["from", "to"], required=["from", "to"])
            start = int(number(found["from"], f"{where}.from", high=23))
            end = int(number(found["to"], f"{where}.to", high=23))
            if start == end:
                raise RuleError(f"{where}：from 与 to 不能相同")

        def test(f: Facts) -> bool | None:
            if f.transfer.time is None:
                return None
            hour = f.transfer.time.hour
            return start <= hour < end if start < end else hour >= start or hour < end

        return self.done(test, f"交易在{start}点至{'次日' if end < start else ''}{end}点之间")


class _Flag(Operator):
    field: str
    yes: str
    no: str
    example = "true"

    def compile(self, arg: Any, where: str) -> Compiled:
        wanted = flag(arg, where)
        field = self.field

        def test(f: Facts) -> bool | None:
            value: bool | None = getattr(f.transfer, field)
            return None if value is None else value is wanted

        return self.done(test, self.yes if wanted else self.no)


class OnCall(_Flag):
    name = "on_call"
    help = "付款人转账时正在通话（边打电话边操作）"
    field = "payer_on_call"
    yes, no = "付款人转账时正在通话", "付款人转账时未在通话"


class NewDevice(_Flag):
    name = "new_device"
    help = "在新设备上转账（首次使用的手机或电脑）"
    field = "new_device"
    yes, no = "在新设备上操作", "在常用设备上操作"


class RemotePayee(Operator):
    name = "remote_payee"
    help = "收款人所在地与付款人不同：province 为外省，city 为外市（含外省）"
    example = "province"

    def compile(self, arg: Any, where: str) -> Compiled:
        if arg not in ("province", "city"):
            raise RuleError(f"{where}：应为 province（外省）或 city（外市）")
        least = OTHER_PROVINCE if arg == "province" else OTHER_CITY

        def test(f: Facts) -> bool | None:
            apart = distance(f.transfer.payer.district, f.transfer.payee.district)
            return None if apart is None else apart >= least

        return self.done(test, "收款人在外省" if arg == "province" else "收款人在外地（外市或外省）")


class _PartyKind(Operator):
    party: str  # payer | payee
    role: str  # 收款人 | 付款人, in the condition's words
    side: str  # 收款方 | 付款方, in a decision's words
    example = "person"

    def compile(self, arg: Any, where: str) -> Compiled:
        if arg not in ("person", "company"):
            raise RuleError(f"{where}：应为 person（个人）或 company（单位）")
        company = arg == "company"
        party, side = attrgetter(self.party), self.side

        def test(f: Facts) -> bool | None:  # party_kind, unrolled: it runs for most transfers
            who: Party = party(f.transfer)
            if who.kind is not None:
                return (who.kind == "company") is company
            if who.name is None:
                return None
            return (organisation_mark(who.name) is not None) is company

        def explain(f: Facts) -> str:
            return describe_kind(party(f.transfer), side)

        return self.done(test, f"{self.role}是{'单位' if company else '个人'}", explain)


class PayeeKind(_PartyKind):
    name = "payee_kind"
    help = "收款人是个人（person）还是单位（company）：按银行给出的 payee.kind，未给出时按户名判断"
    party, role, side = "payee", "收款人", "收款方"


class PayerKind(_PartyKind):
    name = "payer_kind"
    help = "付款人是个人（person）还是单位（company）：按银行给出的 payer.kind，未给出时按户名判断"
    party, role, side = "payer", "付款人", "付款方"


class PurposeMissing(Operator):
    name = "purpose_missing"
    help = "客户没有说明用途，或只写了一两个字（对汇款用途含糊其辞）"
    example = "true"

    def compile(self, arg: Any, where: str) -> Compiled:
        wanted = flag(arg, where)

        def test(f: Facts) -> bool:
            purpose = f.transfer.purpose
            return (purpose is None or len(purpose) < 2) is wanted

        return self.done(test, "未说明转账用途" if wanted else "说明了转账用途")


FIELD_OPERATORS: tuple[Operator, ...] = (
    Amount(), Channel(), PayerAge(), CustomerDays(), Night(), OnCall(), NewDevice(), RemotePayee(),
    PayeeKind(), PayerKind(), PurposeMissing(),
)  # fmt: skip
