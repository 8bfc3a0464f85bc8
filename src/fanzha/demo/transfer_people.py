"""The people and accounts of the synthetic transfer stream: the bank's customers (payers) and the accounts
they pay — family, landlords, merchants, utilities, hospitals, business partners — and the scammers'
receiving accounts (mules).

Customers live in the made-up city of `fanzha.demo.profiles`; payees elsewhere are in real prefecture-level
cities (regions only, never real people). Cards come from `fanzha.demo.identities` (correct Luhn digit,
real BIN); corporate accounts are plain 17-digit numbers, as Chinese corporate settlement accounts are.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from fanzha.demo.draws import pick
from fanzha.demo.identities import Identities
from fanzha.demo.profiles import CITY, DISTRICTS

# Other cities a transfer may go to; the first ones are near the made-up city (same province, neighbours).
NEAR_CITIES = ("江西省南昌市", "江西省九江市", "江西省上饶市", "湖南省长沙市", "湖北省武汉市", "安徽省合肥市")
FAR_CITIES = (
    "北京市朝阳区",
    "上海市浦东新区",
    "广东省广州市",
    "广东省深圳市",
    "浙江省杭州市",
    "四川省成都市",
    "福建省厦门市",
    "福建省龙岩市",
    "广西壮族自治区南宁市",
    "广西壮族自治区防城港市",
    "云南省西双版纳傣族自治州",
    "云南省德宏傣族景颇族自治州",
    "海南省儋州市",
    "黑龙江省哈尔滨市",
    "新疆维吾尔自治区乌鲁木齐市",
    "河南省郑州市",
)
_COMPANY_HEADS = (
    "江州",
    "恒达",
    "瑞丰",
    "华泰",
    "鸿运",
    "宏远",
    "金桥",
    "嘉禾",
    "新城",
    "万通",
    "博远",
    "顺发",
)
_COMPANY_TAILS = (
    "贸易有限公司",
    "建材有限公司",
    "物流有限公司",
    "科技有限公司",
    "餐饮管理有限公司",
    "商贸行",
)
MERCHANTS = (
    "江州华联超市",
    "永辉超市江州店",
    "江州万达广场",
    "苏宁易购江州店",
    "国美电器江州店",
    "老百姓大药房",
    "江州百货大楼",
    "中国石化加油站",
    "肯德基江州店",
    "江州菜市场",
)
UTILITIES = ("国网江州供电公司", "江州市水务集团", "江州港华燃气", "中国移动江州分公司", "中国电信江州分公司")
HOSPITALS = ("江州市第一人民医院", "江州市中医院", "江州大学附属医院", "江州市妇幼保健院")


@dataclass(slots=True)
class Payee:
    account: str
    bank: str
    name: str | None
    district: str | None
    mobile: str | None = None  # a person's phone, for the calls that come before a transfer


@dataclass(slots=True)
class Customer:
    account: str
    name: str
    sex: str
    age: int | None
    district: str
    since: date
    mobile: str
    job: str  # "worker" | "business" | "retired" | "student"
    family: list[Payee] = field(default_factory=list)
    payees: list[Payee] = field(default_factory=list)  # landlord, partners, friends


def home_district(rng: random.Random) -> str:
    return CITY + pick(rng, DISTRICTS)


def elsewhere(rng: random.Random, *, far: float) -> str:
    return rng.choice(FAR_CITIES if rng.random() < far else NEAR_CITIES)


def corporate_account(rng: random.Random) -> str:
    return f"{rng.randrange(1, 10)}{rng.randrange(10**16):016d}"


class Directory:
    """Every account of one simulation: customers, their counterparties and the shared payees."""

    def __init__(self, rng: random.Random, *, opened_before: date) -> None:
        self.rng = rng
        self.opened_before = opened_before
        self.ids = Identities(rng)
        self.merchants = [self.company(name) for name in MERCHANTS]
        self.utilities = [self.company(name) for name in UTILITIES]
        self.hospitals = [self.company(name) for name in HOSPITALS]
        self.customers: list[Customer] = []

    def company(self, name: str | None = None, *, district: str | None = None) -> Payee:
        rng = self.rng
        name = name or rng.choice(_COMPANY_HEADS) + rng.choice(_COMPANY_TAILS)
        _card, bank = self.ids.card()
        return Payee(corporate_account(rng), bank, name, district or home_district(rng))

    def person(self, *, age: int | None, district: str, sex: str | None = None) -> Payee:
        card, bank = self.ids.card()
        name = self.ids.name(sex or self.rng.choice(("男", "女")), age)
        return Payee(card, bank, name, district, self.ids.mobile(scam=False))

    def customer(self, *, age: int | None = None) -> Customer:
        rng = self.rng
        if age is None:
            age = max(18, min(92, round(rng.choice((28, 38, 48, 58, 70)) + rng.gauss(0, 7))))
        sex = rng.choice(("男", "女"))
        job = (
            "retired"
            if age >= 60
            else "student"
            if age < 23
            else "business"
            if rng.random() < 0.15
            else "worker"
        )
        years = rng.randint(0, min(30, max(0, age - 18)))
        since = self.opened_before - timedelta(days=rng.randint(20, 20 + 365 * years))
        card, _bank = self.ids.card()
        district = home_district(rng)
        customer = Customer(
            card, self.ids.name(sex, age), sex, age, district, since, self.ids.mobile(scam=False), job
        )
        for _ in range(rng.randint(1, 3)):  # children, parents, grandchildren
            near = rng.random() < 0.6
            relative_age = (
                age - 28 if age >= 50 else age + 26 if age < 35 else rng.choice((age - 25, age + 25))
            )
            customer.family.append(
                self.person(
                    age=max(16, relative_age),
                    district=home_district(rng) if near else elsewhere(rng, far=0.5),
                )
            )
        for _ in range(rng.randint(1, 4)):
            customer.payees.append(
                self.company(district=home_district(rng) if rng.random() < 0.7 else elsewhere(rng, far=0.6))
                if job == "business"
                else self.person(age=None, district=home_district(rng))
            )
        self.customers.append(customer)
        return customer

    def victim(self, *, low: int, high: int) -> Customer:
        """A customer aged `low`..`high`, an existing one (with history) when there is one."""
        rng = self.rng
        for _ in range(8):
            if not self.customers:
                break
            candidate = rng.choice(self.customers)
            if candidate.age is not None and low <= candidate.age <= high:
                return candidate
        return self.customer(age=rng.randint(low, high))

    def mule(self) -> Payee:
        """A receiving account of a scam: a person's card (bought or rented), far away more often than not."""
        district = elsewhere(self.rng, far=0.8) if self.rng.random() < 0.85 else home_district(self.rng)
        return self.person(age=None, district=district)
