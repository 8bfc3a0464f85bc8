"""Everyday payments of one customer over the window: shopping at the till, utility bills and rent on fixed
days of the month, money to family, small transfers to friends, a business owner's payments to suppliers,
and the rare large legitimate payments that look like fraud to a naive rule — a grandparent on the phone
with a child paying a hospital bill at the counter, a house deposit to another province, a night-time
transfer, a new phone.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from fanzha.demo.transfer_people import Customer, Directory, Payee, elsewhere, home_district
from fanzha.demo.transfer_record import Contact, Transfer

# Relative weight of each hour of the day for everyday payments (a little at night, none at 4 a.m.).
DAY_HOURS = (2, 1, 0.5, 0.2, 0.1, 0.2, 1, 3, 6, 9, 10, 10, 9, 8, 8, 8, 8, 9, 10, 10, 9, 7, 5, 3)
OFFICE_HOURS = (0, 0, 0, 0, 0, 0, 0, 0, 2, 10, 10, 9, 5, 7, 10, 10, 9, 6, 1, 0, 0, 0, 0, 0)
BANK_SMS = ("95588", "95533", "95599", "95566", "95559", "95555")


def at_hour(rng: random.Random, day: datetime, hours: tuple[float, ...]) -> datetime:
    hour = rng.choices(range(24), hours)[0]
    return day + timedelta(hours=hour, minutes=rng.randrange(60))


def amount(rng: random.Random, median: float, sigma: float, *, low: float, high: float) -> float:
    raw = float(min(high, max(low, median * rng.lognormvariate(0, sigma))))
    return (
        round(raw, 2) if raw < 500 else float(round(raw / 10) * 10) if raw < 20_000 else float(round(raw, -2))
    )


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
KIN = ("姐", "哥", "总", "老师", "师傅", "阿姨", "")


def purpose(rng: random.Random, *texts: str) -> str | None:
    """None (not given), "" (left empty), or one of `texts` as people type it: often with a month, a
    name, an order number or a note around it, so that purpose texts vary as real ones do."""
    roll = rng.random()
    if roll < 0.15:
        return None
    if roll < 0.25:
        return ""
    text = rng.choice(texts)
    shape = rng.random()
    if shape < 0.2:
        return f"{rng.randint(1, 12)}月{text}"
    if shape < 0.35:
        return f"{rng.choice(SURNAMES)}{rng.choice(KIN)} {text}"
    if shape < 0.45:
        return f"{text} {rng.choice(('单号', '订单', 'NO.', '#'))}{rng.randrange(10_000, 99_999_999)}"
    if shape < 0.52:
        return f"{text}（{rng.choice(('第', '共'))}{rng.randint(1, 6)}{rng.choice(('期', '笔', '次'))}）"
    if shape < 0.57:
        return f"{text}{rng.choice(('，收到回个话', '，别忘了', ' 谢谢', '~', '!', '。'))}"
    return text


def channel(rng: random.Random, customer: Customer, *, big: bool = False) -> str:
    """Counter, ATM, mobile or web bank: the elderly go to the branch more, everyone does for big sums."""
    elderly = customer.age is not None and customer.age >= 60
    weights: tuple[float, ...]
    if elderly:
        weights = (5, 2, 3, 0.5) if big else (3, 3, 3, 0.5)
    else:
        weights = (2, 0.5, 6, 3) if big else (0.5, 1, 8, 2)
    return rng.choices(("counter", "atm", "mobile", "online"), weights)[0]


def observed_call(rng: random.Random, chan: str, on_call: bool) -> bool | None:
    """What the bank knows about a call: the teller sees it, the app reads the call state, an ATM camera
    sometimes; a card terminal or a web bank knows nothing."""
    if chan in ("counter", "mobile") or (chan == "atm" and rng.random() < 0.6):
        return on_call
    return None


def benign_contacts(rng: random.Random, customer: Customer, at: datetime) -> tuple[Contact, ...] | None:
    """Calls and messages before an everyday transfer: relatives (their number sometimes shown as +86…),
    now and then a relative or friend abroad (+852…, 001…: a foreign number alone is not a scam), and the
    bank's own service numbers."""
    if rng.random() < 0.4:
        return None
    out: list[Contact] = []
    for _ in range(rng.choices((0, 1, 2), (3, 5, 2))[0]):
        before = at - timedelta(minutes=rng.randrange(5, 600))
        relative = rng.choice(customer.family) if customer.family else None
        roll = rng.random()
        if relative is not None and relative.mobile is not None and roll < 0.45:
            shown = "+86" + relative.mobile if rng.random() < 0.2 else relative.mobile
            out.append(Contact("phone", shown, before))
        elif roll < 0.5:
            prefix = rng.choice(("+852", "00852", "+1", "001", "+44", "+61", "0061", "+81"))
            out.append(Contact("phone", prefix + f"{rng.randrange(10**7, 10**9)}", before))
        else:
            out.append(Contact("sms", rng.choice(BANK_SMS), before))
    return tuple(sorted(out, key=lambda c: c.at))


class Everyday:
    """Generates one customer's normal transfers in the window [start, start + days)."""

    def __init__(self, rng: random.Random, directory: Directory, start: datetime, days: int) -> None:
        self.rng, self.directory, self.start, self.days = rng, directory, start, days

    def _day(self, d: int) -> datetime:
        return self.start + timedelta(days=d)

    def _make(
        self,
        customer: Customer,
        at: datetime,
        payee: Payee,
        value: float,
        chan: str,
        text: str | None,
        *,
        on_call: bool = False,
        scenario: str,
    ) -> Transfer:
        rng = self.rng
        new_device = (rng.random() < 0.03) if chan in ("mobile", "online") else None
        contacts = benign_contacts(rng, customer, at)
        caller = payee.mobile or (customer.family[0].mobile if customer.family else None)
        if on_call and caller is not None:
            call = Contact("phone", caller, at - timedelta(minutes=rng.randrange(1, 20)))
            contacts = tuple(sorted((*(contacts or ()), call), key=lambda c: c.at))
        return Transfer(
            at,
            value,
            chan,
            customer,
            payee,
            "normal",
            scenario,
            text,
            observed_call(rng, chan, on_call),
            new_device,
            contacts,
        )

    def transfers(self, customer: Customer) -> Iterator[Transfer]:
        rng, days = self.rng, self.days
        elderly = customer.age is not None and customer.age >= 60
        shop_rate = {"worker": 0.5, "business": 0.45, "retired": 0.3, "student": 0.6}[customer.job]
        for d in range(days):
            day = self._day(d)
            for _ in range(sum(rng.random() < shop_rate / 2 for _ in range(2))):
                hours = DAY_HOURS if customer.job != "student" else DAY_HOURS[20:] + DAY_HOURS[:20]
                yield self._make(
                    customer,
                    at_hour(rng, day, hours),
                    rng.choice(self.directory.merchants),
                    amount(rng, 90, 1.0, low=3, high=30_000),
                    "pos",
                    None,
                    scenario="shopping",
                )
            if rng.random() < (0.12 if elderly else 0.08) and customer.family:
                relative = rng.choice(customer.family)
                chan = channel(rng, customer)
                yield self._make(
                    customer,
                    at_hour(rng, day, DAY_HOURS),
                    relative,
                    amount(rng, 1500 if elderly else 800, 0.8, low=50, high=50_000),
                    chan,
                    purpose(rng, "生活费", "给孙子的零花钱", "家用", "红包", "转账"),
                    on_call=rng.random() < 0.3,
                    scenario="family",
                )
            if rng.random() < 0.1 and customer.job != "retired":
                friend = rng.choice(customer.payees)
                yield self._make(
                    customer,
                    at_hour(rng, day, DAY_HOURS),
                    friend,
                    amount(rng, 150, 0.9, low=5, high=5000),
                    "mobile",
                    purpose(rng, "AA饭钱", "还你的钱", "代购", "转账"),
                    scenario="friends",
                )
            if customer.job == "business" and day.weekday() < 5 and rng.random() < 0.5:
                partner = rng.choice(customer.payees)
                chan = rng.choices(("online", "counter", "mobile"), (6, 2, 2))[0]
                yield self._make(
                    customer,
                    at_hour(rng, day, OFFICE_HOURS),
                    partner,
                    amount(rng, 30_000, 1.1, low=500, high=2_000_000),
                    chan,
                    purpose(rng, "货款", "材料款", "运费", "服务费", "预付款", "工程款"),
                    on_call=rng.random() < 0.25,
                    scenario="business",
                )
        yield from self._monthly(customer)
        yield from self._rare(customer)

    def _monthly(self, customer: Customer) -> Iterator[Transfer]:
        rng, days = self.rng, self.days
        bills = rng.sample(self.directory.utilities, rng.randint(1, 3))
        pay_day = rng.choice((5, 10, 15, 20, 25))
        renter = customer.job in ("worker", "student") and rng.random() < 0.4
        for d in range(days):
            day = self._day(d)
            for n, bill in enumerate(bills):
                if day.day == (pay_day + 2 * n) % 28 + 1:
                    chan = (
                        "counter"
                        if customer.job == "retired" and rng.random() < 0.4
                        else rng.choice(("mobile", "online"))
                    )
                    yield self._make(
                        customer,
                        at_hour(rng, day, DAY_HOURS),
                        bill,
                        amount(rng, 150, 0.6, low=10, high=2000),
                        chan,
                        purpose(rng, "缴费", "电费", "水费", "话费", "燃气费"),
                        scenario="utility",
                    )
            if renter and day.day == pay_day + 1:
                yield self._make(
                    customer,
                    at_hour(rng, day, DAY_HOURS),
                    customer.payees[0],
                    float(rng.choice((1200, 1500, 1800, 2200, 2600, 3000, 3500, 4500))),
                    "mobile",
                    purpose(rng, "房租", "本月房租", "房租水电"),
                    scenario="rent",
                )

    def _rare(self, customer: Customer) -> Iterator[Transfer]:
        """Large or odd-looking legitimate payments (the hard negatives of screening)."""
        rng, directory = self.rng, self.directory
        elderly = customer.age is not None and customer.age >= 60
        if elderly and rng.random() < 0.06:
            at = at_hour(rng, self._day(rng.randrange(self.days)), OFFICE_HOURS)
            yield self._make(
                customer,
                at,
                rng.choice(directory.hospitals),
                amount(rng, 40_000, 0.6, low=5000, high=300_000),
                "counter",
                purpose(rng, "住院费", "手术费", "医药费", "住院押金"),
                on_call=rng.random() < 0.5,
                scenario="hospital_bill",
            )
        if rng.random() < 0.02:
            seller = directory.person(
                age=None, district=home_district(rng) if rng.random() < 0.5 else elsewhere(rng, far=0.5)
            )
            at = at_hour(rng, self._day(rng.randrange(self.days)), OFFICE_HOURS)
            yield self._make(
                customer,
                at,
                seller,
                amount(rng, 100_000, 0.7, low=20_000, high=1_500_000),
                channel(rng, customer, big=True),
                purpose(rng, "购房定金", "买车", "首付款", "装修款"),
                on_call=rng.random() < 0.4,
                scenario="big_purchase",
            )
        if not elderly and rng.random() < 0.05:
            broker = directory.company(rng.choice(("华泰证券", "国泰君安证券", "招商证券", "天天基金")))
            for _ in range(rng.randint(1, 3)):
                at = at_hour(rng, self._day(rng.randrange(self.days)), DAY_HOURS)
                yield self._make(
                    customer,
                    at,
                    broker,
                    amount(rng, 20_000, 0.8, low=1000, high=500_000),
                    "online",
                    purpose(rng, "银证转账", "买基金", "理财", "充值"),
                    scenario="investing",
                )
        if customer.family and rng.random() < 0.15:  # late at night, to a relative in another city
            at = self._day(rng.randrange(self.days)) + timedelta(
                hours=rng.choice((23, 0, 1, 2)), minutes=rng.randrange(60)
            )
            yield self._make(
                customer,
                at,
                rng.choice(customer.family),
                amount(rng, 3000, 0.9, low=200, high=100_000),
                "mobile",
                purpose(rng, "急用", "借给你的", "生活费", "学费"),
                on_call=rng.random() < 0.5,
                scenario="night_family",
            )
