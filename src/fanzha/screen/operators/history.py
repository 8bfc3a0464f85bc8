"""Operators on the history before a transfer (`fanzha.screen.state`): a first payment to this payee,
many distinct payers into one payee in a short window (mule fan-in), payments to one payee that keep
rising (解冻费, 保证金 asked for again and again), and the payer's velocity."""

from __future__ import annotations

from typing import Any

from fanzha.screen.facts import FAN_IN, HISTORY, Facts
from fanzha.screen.operators.base import (
    Compiled,
    Operator,
    RuleError,
    bounds,
    count,
    flag,
    hours,
    in_bounds,
    mapping,
    number,
    range_text,
    yuan,
)
from fanzha.screen.state import FAN_IN_HOURS, FAN_IN_PAYERS, RETENTION_HOURS


def _hours_text(h: float) -> str:
    return f"{h / 24:g}天" if h >= 24 and h % 24 == 0 else f"{h:g}小时"


class FirstPayee(Operator):
    name = "first_payee"
    help = "付款人此前没有向这个收款账户付过款"
    example = "true"
    needs = frozenset([HISTORY])

    def compile(self, arg: Any, where: str) -> Compiled:
        wanted = flag(arg, where)

        def test(f: Facts) -> bool | None:
            return None if f.history is None else (f.history.paid_before == 0) is wanted

        return self.done(test, "首次向该收款人转账" if wanted else "此前向该收款人转过账")


class PayeeKnownDays(Operator):
    name = "payee_known_days"
    help = "付款人第一次向这个收款人付款距今的天数在范围内（从未付过时为“否”）"
    example = "{min: 30}"
    needs = frozenset([HISTORY])

    def compile(self, arg: Any, where: str) -> Compiled:
        low, top = bounds(arg, where, high=100_000)

        def test(f: Facts) -> bool | None:
            if f.history is None or f.at is None:
                return None
            first = f.history.first_paid_at
            return first is not None and in_bounds((f.at - first) / 86_400.0, low, top)

        return self.done(test, range_text("与该收款人的往来", low, top, lambda d: f"{d:g}天"))


class FanIn(Operator):
    name = "fan_in"
    help = "收款账户在时间窗内收到不同付款人的转账数（含本笔）达到 payers（疑似涉诈“跑分”账户）"
    example = "{payers: 5, hours: 24}"
    needs = frozenset([HISTORY])
    cost = 5

    def compile(self, arg: Any, where: str) -> Compiled:
        found = mapping(arg, where, ["payers", "hours"], required=["payers", "hours"])
        least = count(found["payers"], f"{where}.payers", limit=FAN_IN_PAYERS)
        window = hours(found["hours"], f"{where}.hours", limit=FAN_IN_HOURS) * 3600.0

        def test(f: Facts) -> bool | None:
            if f.history is None or f.at is None:
                return None
            since, payer = f.at - window, f.transfer.payer.account
            others: set[str] = set()
            for at, p in reversed(f.history.payee_recent):  # newest first: stop at the window or at `least`
                if at < since:
                    break
                if p != payer:
                    others.add(p)
                    if len(others) + 1 >= least:
                        return True
            return len(others) + 1 >= least

        text = f"收款账户{_hours_text(found['hours'])}内收到{least}个以上不同付款人的转账"
        return Compiled(test, text, self.needs | {f"{FAN_IN}{least}"}, self.cost)


class RisingPayments(Operator):
    name = "rising_payments"
    help = (
        "时间窗内已付过至少 count 笔、且连同本笔金额逐笔增加（如一再追加的“解冻费”“保证金”）；"
        "same_payee 为 false 时不论付给谁（骗子常换收款账户）"
    )
    example = "{count: 2, hours: 72, same_payee: true}"
    needs = frozenset([HISTORY])
    cost = 5

    def compile(self, arg: Any, where: str) -> Compiled:
        found = mapping(arg, where, ["count", "hours", "same_payee"], required=["count", "hours"])
        least = count(found["count"], f"{where}.count")
        window = hours(found["hours"], f"{where}.hours", limit=RETENTION_HOURS) * 3600.0
        same = flag(found.get("same_payee", True), f"{where}.same_payee")

        def test(f: Facts) -> bool | None:
            amount = f.transfer.amount_cny
            if f.history is None or f.at is None or amount is None:
                return None
            since, payee = f.at - window, f.transfer.payee.account
            earlier = [
                fen for at, to, fen in f.history.payer_recent if at >= since and (to == payee or not same)
            ]
            run, last = 0, round(amount * 100)
            for fen in reversed(earlier):
                if fen >= last:
                    break
                run, last = run + 1, fen
            return run >= least

        whom = "向同一收款人" if same else ""
        return self.done(test, f"{_hours_text(found['hours'])}内{whom}连续第{least + 1}次转账且金额逐笔增加")


class PayerVelocity(Operator):
    name = "payer_velocity"
    help = "付款人在时间窗内的转出笔数（含本笔）达到 count，或金额合计（元，含本笔）达到 total"
    example = "{total: 100000, hours: 24}"
    needs = frozenset([HISTORY])
    cost = 5

    def compile(self, arg: Any, where: str) -> Compiled:
        found = mapping(arg, where, ["count", "total", "hours"], required=["hours"])
        window = hours(found["hours"], f"{where}.hours", limit=RETENTION_HOURS) * 3600.0
        least = count(found["count"], f"{where}.count") if "count" in found else None
        total = number(found["total"], f"{where}.total") if "total" in found else None
        if (least is None) == (total is None):
            raise RuleError(f"{where}：count 与 total 二者给出其一")

        def test(f: Facts) -> bool | None:
            if f.history is None or f.at is None:
                return None
            since = f.at - window
            recent = [fen for at, _, fen in f.history.payer_recent if at >= since]
            if least is not None:
                return len(recent) + 1 >= least
            amount = f.transfer.amount_cny
            if amount is None:
                return None
            assert total is not None
            return (sum(recent) / 100 + amount) >= total

        span = _hours_text(found["hours"])
        text = (
            f"付款人{span}内转出{least}笔以上"
            if least is not None
            else f"付款人{span}内转出合计{yuan(total or 0)}以上"
        )
        return self.done(test, text)


HISTORY_OPERATORS: tuple[Operator, ...] = (
    FirstPayee(), PayeeKnownDays(), FanIn(), RisingPayments(), PayerVelocity(),
)  # fmt: skip
