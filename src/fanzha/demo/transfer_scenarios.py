"""Fraud episodes as a bank sees them, after the seeds' cases: an elderly customer moving savings to a
"safe account" while on the phone with a fake policeman (冒充公检法, calls from numbers with many leading
zeros), a parent paying a "kidnapper", a loan applicant paying "unfreezing fees" and "保证金" in rising
amounts to one payee, a 刷单 task-doer paying more and more, an investor's platform "充值", and a mule
account that receives from many victims within hours.

No episode carries every cue: a victim may hang up before the counter, lie about the purpose ("还款"),
or pay online where nobody sees a call. Payees are mule accounts shared within a gang, so one account
collects from several victims.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from fanzha.demo.transfer_gangs import Gangs
from fanzha.demo.transfer_habits import DAY_HOURS, OFFICE_HOURS, at_hour, observed_call
from fanzha.demo.transfer_people import Customer, Directory, Payee
from fanzha.demo.transfer_record import Contact, Transfer


def _lie(rng: random.Random, honest: tuple[str, ...], lies: tuple[str, ...]) -> str | None:
    """What the customer says the money is for: the scammer's word, a rehearsed lie, or nothing."""
    roll = rng.random()
    if roll < 0.25:
        return rng.choice(honest)
    if roll < 0.6:
        return rng.choice(lies)
    return "" if roll < 0.8 else None


def _scam_contacts(
    rng: random.Random, gangs: Gangs, at: datetime, *, p: float, minutes: tuple[int, int]
) -> tuple[Contact, ...] | None:
    if rng.random() >= p:
        return None if rng.random() < 0.5 else ()
    caller = gangs.caller()
    first = at - timedelta(minutes=rng.randint(*minutes))
    contacts = [Contact("phone", caller, first)]
    if rng.random() < 0.3:
        contacts.insert(0, Contact("sms", caller, first - timedelta(minutes=rng.randint(1, 30))))
    return tuple(contacts)


def _rising(rng: random.Random, first: float, steps: int, factor: tuple[float, float]) -> list[float]:
    out = [first]
    for _ in range(steps - 1):
        out.append(out[-1] * rng.uniform(*factor))
    return [float(round(a, -2)) if a >= 1000 else float(round(a)) for a in out]


class Episodes:
    """Builds fraud episodes in the window [start, start + days)."""

    def __init__(self, rng: random.Random, directory: Directory, start: datetime, days: int) -> None:
        self.rng, self.directory, self.start, self.days = rng, directory, start, days
        self.gangs = Gangs(rng, directory)
        self.end = start + timedelta(days=days)

    def _day(self) -> datetime:
        return self.start + timedelta(days=self.rng.randrange(self.days))

    def _fraud(
        self,
        scenario: str,
        victim: Customer,
        payee: Payee,
        at: datetime,
        value: float,
        chan: str,
        text: str | None,
        *,
        on_call: bool,
        contacts: tuple[Contact, ...] | None,
        new_device: float = 0.05,
    ) -> Transfer:
        rng = self.rng
        device = (rng.random() < new_device) if chan in ("mobile", "online") else None
        return Transfer(
            at,
            value,
            chan,
            victim,
            payee,
            "fraud",
            scenario,
            text,
            observed_call(rng, chan, on_call),
            device,
            contacts,
        )

    def safe_account(self) -> list[Transfer]:
        rng, gangs = self.rng, self.gangs
        victim = (
            self.directory.victim(low=60, high=88)
            if rng.random() < 0.85
            else self.directory.victim(low=40, high=59)
        )
        at = at_hour(rng, self._day(), OFFICE_HOURS)
        on_call = rng.random() < 0.7
        contacts = _scam_contacts(rng, gangs, at, p=0.75, minutes=(10, 180))
        out: list[Transfer] = []
        payee = gangs.mule()
        savings = 80_000 * rng.lognormvariate(0, 0.8)
        for _ in range(rng.choices((1, 2, 3), (6, 3, 1))[0]):
            chan = rng.choices(("counter", "mobile", "atm", "online"), (4.5, 3, 1.5, 1))[0]
            value = min(savings * rng.uniform(0.4, 1.0), 1_500_000.0)
            value = min(value, 50_000.0) if chan == "atm" else value
            text = _lie(
                rng,
                ("转到安全账户", "安全账户", "资金清查", "配合调查"),
                ("还款", "借给朋友", "买房", "装修款", "转账", "给儿子"),
            )
            out.append(
                self._fraud(
                    "safe_account",
                    victim,
                    payee,
                    at,
                    float(max(3000.0, round(value, -3))),
                    chan,
                    text,
                    on_call=on_call,
                    contacts=contacts,
                    new_device=0.3,
                )
            )
            at += timedelta(minutes=rng.randint(15, 300))
            payee = payee if rng.random() < 0.5 else gangs.mule()
        return out

    def kidnap(self) -> list[Transfer]:
        rng = self.rng
        victim = self.directory.victim(low=38, high=62)
        at = at_hour(rng, self._day(), DAY_HOURS)
        contacts = _scam_contacts(rng, self.gangs, at, p=0.8, minutes=(3, 40))
        payee = self.gangs.mule(reuse=0.2)
        out = []
        for _ in range(rng.choices((1, 2), (4, 1))[0]):
            chan = rng.choices(("mobile", "counter", "atm"), (5, 3, 2))[0]
            value = min(300_000.0, 50_000 * rng.lognormvariate(0, 0.7))
            value = min(value, 50_000.0) if chan == "atm" else value
            text = _lie(rng, ("赎金", "救孩子", "急用"), ("医药费", "给孩子", "借款", "转账"))
            out.append(
                self._fraud(
                    "kidnap_ransom",
                    victim,
                    payee,
                    at,
                    float(round(value, -3)),
                    chan,
                    text,
                    on_call=rng.random() < 0.85,
                    contacts=contacts,
                )
            )
            at += timedelta(minutes=rng.randint(5, 60))
        return out

    def unfreeze_fees(self) -> list[Transfer]:
        rng = self.rng
        victim = self.directory.victim(low=22, high=55)
        at = at_hour(rng, self._day(), DAY_HOURS)
        contacts = _scam_contacts(rng, self.gangs, at, p=0.5, minutes=(20, 600))
        payee = self.gangs.mule()
        amounts = _rising(rng, rng.uniform(800, 5000), rng.randint(3, 6), (1.5, 2.5))
        out = []
        for value in amounts:
            text = _lie(
                rng, ("解冻费", "保证金", "手续费", "验资", "解冻金"), ("还款", "转账", "借款", "押金")
            )
            out.append(
                self._fraud(
                    "unfreeze_fee",
                    victim,
                    payee,
                    at,
                    value,
                    rng.choices(("mobile", "online"), (4, 1))[0],
                    text,
                    on_call=rng.random() < 0.4,
                    contacts=contacts,
                    new_device=0.1,
                )
            )
            at += timedelta(minutes=rng.randint(10, 180))
            payee = payee if rng.random() < 0.7 else self.gangs.mule()
        return out

    def rebate_task(self) -> list[Transfer]:
        rng = self.rng
        victim = self.directory.victim(low=18, high=42)
        at = at_hour(rng, self._day(), DAY_HOURS[18:] + DAY_HOURS[:18])
        contacts = _scam_contacts(rng, self.gangs, at, p=0.2, minutes=(30, 1440))
        amounts = _rising(rng, rng.uniform(100, 800), rng.randint(3, 7), (1.6, 3.0))
        payee = self.gangs.mule()
        out = []
        for value in amounts:
            text = _lie(rng, ("刷单", "垫付", "做任务", "连单"), ("购物", "转账", "还钱", "代付"))
            out.append(
                self._fraud(
                    "rebate_task",
                    victim,
                    payee,
                    at,
                    value,
                    "mobile",
                    text,
                    on_call=rng.random() < 0.05,
                    contacts=contacts,
                )
            )
            at += timedelta(minutes=rng.randint(5, 120))
            payee = payee if rng.random() < 0.4 else self.gangs.mule()
        return out

    def investment(self) -> list[Transfer]:
        rng, directory = self.rng, self.directory
        victim = directory.victim(low=30, high=66)
        at = at_hour(rng, self._day(), DAY_HOURS)
        platform = (
            directory.company(district=directory.mule().district) if rng.random() < 0.4 else self.gangs.mule()
        )
        out = []
        for value in _rising(rng, rng.uniform(5000, 30_000), rng.randint(2, 5), (1.5, 3.0)):
            chan = rng.choices(("mobile", "online", "counter"), (5, 3, 1.5))[0]
            text = _lie(rng, ("充值", "投资", "入金", "理财"), ("货款", "还款", "转账", "借款"))
            out.append(
                self._fraud(
                    "investment_topup",
                    victim,
                    platform,
                    at,
                    value,
                    chan,
                    text,
                    on_call=rng.random() < 0.1,
                    contacts=_scam_contacts(rng, self.gangs, at, p=0.15, minutes=(60, 4000)),
                )
            )
            at = at_hour(rng, at.replace(hour=0, minute=0) + timedelta(days=rng.randint(1, 5)), DAY_HOURS)
        return out

    def mule_fan_in(self) -> list[Transfer]:
        """One mule account, many victims within a few hours (what 一并冻结同时间段其他受害者资金 is for)."""
        rng = self.rng
        mule = self.gangs.mule(reuse=0.0)
        first = at_hour(rng, self._day(), DAY_HOURS)
        window = timedelta(hours=rng.uniform(2, 10))
        out = []
        for _ in range(rng.randint(6, 15)):
            victim = self.directory.victim(low=18, high=80)
            at = first + window * rng.random()
            at = at.replace(second=0, microsecond=0)
            chan = rng.choices(("mobile", "online", "atm", "counter"), (6, 2, 1, 1))[0]
            value = min(200_000.0, 8000 * rng.lognormvariate(0, 0.9))
            value = min(value, 50_000.0) if chan == "atm" else value
            text = _lie(rng, ("保证金", "充值", "解冻费", "安全账户"), ("还款", "转账", "货款", "借款"))
            out.append(
                self._fraud(
                    "mule_fan_in",
                    victim,
                    mule,
                    at,
                    float(round(value, -2)) or 100.0,
                    chan,
                    text,
                    on_call=rng.random() < 0.3,
                    contacts=_scam_contacts(rng, self.gangs, at, p=0.3, minutes=(10, 300)),
                )
            )
        return out

    def table(self) -> tuple[tuple[Callable[[], list[Transfer]], float], ...]:
        """Each episode builder with its weight (share of episodes)."""
        return (
            (self.safe_account, 3.0),
            (self.kidnap, 0.8),
            (self.unfreeze_fees, 2.0),
            (self.rebate_task, 3.0),
            (self.investment, 2.0),
            (self.mule_fan_in, 0.6),
        )

    def episode(self) -> list[Transfer]:
        builders = self.table()
        build = self.rng.choices([b for b, _ in builders], [w for _, w in builders])[0]
        return [t for t in build() if t.at < self.end]
