"""Operators on the history before a transfer (`fanzha.screen.state`): a first payment to this payee,
many distinct payers into one payee in a short window (mule fan-in), a payee whose recent payers are
mostly long-standing ones (a merchant's regulars, not a mule's victims), payments to one payee that keep
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

DAY = 86_400.0


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
            return first is not None and in_bounds((f.at - first) / DAY, low, top)

        def explain(f: Facts) -> str | None:
            if f.history is None or f.at is None or f.history.first_paid_at is None:
                return None
            return f"付款人{int((f.at - f.history.first_paid_at) // DAY)}天前就向该收款人付过款"

        return self.done(test, range_text("与该收款人的往来", low, top, lambda d: f"{d:g}天"), explain)


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
            # newest first: stop at the window or at `least`
            for at, p, _ in reversed(f.history.payee_recent):
                if at < since:
                    break
                if p != payer:
                    others.add(p)
                    if len(others) + 1 >= least:
                        return True
            return len(others) + 1 >= least

        text = f"收款账户{_hours_text(found['hours'])}内收到{least}个以上不同付款人的转账"
        return Compiled(test, text, self.needs | {f"{FAN_IN}{least}"}, self.cost)


class PayeeRegulars(Operator):
    name = "payee_regulars"
    help = (
        "收款账户在 hours 小时内最近的 among 个不同付款人中，至少 payers 个在 days 天以前就向其付过款"
        "（老客户多的经营收款，如商户、摊主；骗子的过渡账户收的都是新付款人的钱）"
    )
    example = "{payers: 10, among: 20, days: 30, hours: 48}"
    needs = frozenset([HISTORY])
    cost = 5

    def compile(self, arg: Any, where: str) -> Compiled:
        keys = ["payers", "among", "days", "hours"]
        found = mapping(arg, where, keys, required=keys)
        least = count(found["payers"], f"{where}.payers", limit=FAN_IN_PAYERS)
        among = count(found["among"], f"{where}.among", limit=FAN_IN_PAYERS)
        if least > among:
            raise RuleError(f"{where}：payers 不能多于 among")
        days = number(found["days"], f"{where}.days", low=1, high=3650)
        window = hours(found["hours"], f"{where}.hours", limit=FAN_IN_HOURS) * 3600.0

        def regulars(f: Facts) -> tuple[int, int] | None:
            """(distinct recent payers seen, of them long-standing), newest first, at most `among`."""
            if f.history is None or f.at is None:
                return None
            since, before, payer = f.at - window, f.at - days * DAY, f.transfer.payer.account
            seen: dict[str, float] = {}
            for at, p, first in reversed(f.history.payee_recent):
                if at < since:
                    break
                if p != payer and p not in seen:
                    seen[p] = first
                    if len(seen) >= among:
                        break
            return len(seen), sum(first <= before for first in seen.values())

        def test(f: Facts) -> bool | None:
            found = regulars(f)
            return None if found is None else found[1] >= least

        def explain(f: Facts) -> str | None:
            found = regulars(f)
            if found is None:
                return None
            seen, old = found
            if old >= least:
                return f"收款账户老客户多：最近{seen}个付款人中{old}个在{days:g}天以前就付过款"
            return f"收款账户最近{seen}个付款人中只有{old}个在{days:g}天以前就付过款"

        text = (
            f"收款账户{_hours_text(found['hours'])}内最近{among}个不同付款人中至少{least}个"
            f"在{days:g}天以前就向其付过款（老客户多）"
        )
        return Compiled(test, text, self.needs | {f"{FAN_IN}{among}"}, self.cost, explain)


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
    FirstPayee(), PayeeKnownDays(), FanIn(), PayeeRegulars(), RisingPayments(), PayerVelocity(),
)  # fmt: skip
