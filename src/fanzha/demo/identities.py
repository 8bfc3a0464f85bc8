"""Made-up people and scammer identifiers: names, mobile numbers, bank cards with correct Luhn check
digits and a real issuing-bank BIN, resident ID numbers with a correct GB 11643 check character, URLs,
QQ numbers, WeChat IDs, Alipay accounts and app names.

Every value is drawn from one `random.Random`, so a seed gives the same people and numbers; a value is
never handed out twice (collisions would create links between cases that the generator did not intend).
"""

from __future__ import annotations

import csv
import random
import string
from datetime import date
from functools import lru_cache
from importlib import resources

from fanzha.extract.bank_card import issuer

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
_GIVEN = {
    ("女", "old"): ("秀英", "桂兰", "玉兰", "淑珍", "凤英", "秀兰", "桂英", "玉珍", "素芬", "金凤", "兰芳"),
    ("男", "old"): ("建国", "国强", "德明", "志强", "建华", "国庆", "永福", "金山", "振华", "保国", "长青"),
    ("女", "mid"): ("丽", "静", "艳", "敏", "海燕", "丽娟", "红梅", "晓燕", "春梅", "雪梅", "慧"),
    ("男", "mid"): ("伟", "强", "磊", "军", "勇", "涛", "斌", "海涛", "志刚", "建军", "东"),
    ("女", "young"): ("欣怡", "梓涵", "诗涵", "雨桐", "佳怡", "思琪", "一诺", "可馨", "婉清", "雨欣", "佳琪"),
    ("男", "young"): ("浩然", "子轩", "宇轩", "俊杰", "浩宇", "梓豪", "博文", "一鸣", "天佑", "子墨", "晨阳"),
}
_WORDS = (
    "an",
    "xin",
    "jin",
    "fu",
    "bao",
    "hui",
    "tong",
    "rong",
    "da",
    "long",
    "sheng",
    "tai",
    "heng",
    "yuan",
)
_TLDS = ("top", "xyz", "cc", "vip", "shop", "club", "icu", "cn", "com", "net")
_APP_HEADS = ("鑫盛", "汇通", "聚财", "金鼎", "华信", "恒远", "盛世", "优品", "星辰", "易赚", "乐享", "宏达")
_APP_TAILS = ("国际", "金服", "理财", "优选", "商城", "交易所", "财富", "云仓", "数科", "任务平台")
# Scam calls come disproportionately from virtual-operator segments (170/171/162/165/167).
_SCAM_SEGMENTS = ("170", "171", "162", "165", "167", "131", "135", "150", "152", "166", "177", "183", "199")
_CITIZEN_SEGMENTS = (
    "134",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "158",
    "159",
    "186",
    "187",
    "189",
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_REGION_CODES = ("360102", "360103", "360104", "360111", "360121", "360122", "360123", "360124")


@lru_cache(maxsize=1)
def debit_bins() -> tuple[str, ...]:
    """Six-digit UnionPay debit BINs of the project's BIN table (`fanzha.extract` names their bank)."""
    raw = resources.files("fanzha.extract").joinpath("data/card_bins.csv").read_text("utf-8")
    rows = csv.DictReader(raw.splitlines())
    return tuple(
        r["bin"] for r in rows if r["card_type"] == "debit" and len(r["bin"]) == 6 and r["bin"][0] == "6"
    )


def luhn_digit(body: str) -> str:
    """The check digit that makes `body + digit` pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:  # doubled: these digits sit at odd positions once the check digit is appended
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def id_check(body17: str) -> str:
    total = sum(int(body17[i]) * _ID_WEIGHTS[i] for i in range(17))
    return "10X98765432"[total % 11]


def generation(age: int | None) -> str:
    if age is None or age >= 55:
        return "old"
    return "mid" if age >= 30 else "young"


class Identities:
    """A source of unique made-up values, deterministic for one `random.Random`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._used: set[str] = set()

    def _unique(self, make: str) -> bool:
        if make in self._used:
            return False
        self._used.add(make)
        return True

    def name(self, sex: str, age: int | None) -> str:
        sex = sex or self.rng.choice(("男", "女"))
        return self.rng.choice(SURNAMES) + self.rng.choice(_GIVEN[(sex, generation(age))])

    def mobile(self, *, scam: bool) -> str:
        segments = _SCAM_SEGMENTS if scam else _CITIZEN_SEGMENTS
        while True:
            value = self.rng.choice(segments) + f"{self.rng.randrange(10**8):08d}"
            if self._unique(value):
                return value

    def card(self) -> tuple[str, str]:
        """(a 19- or 16-digit debit card number with a correct check digit, its issuing bank)."""
        bins = debit_bins()
        while True:
            length = 19 if self.rng.random() < 0.8 else 16
            body = self.rng.choice(bins) + f"{self.rng.randrange(10 ** (length - 7)):0{length - 7}d}"
            value = body + luhn_digit(body)
            found = issuer(value)
            if found is not None and self._unique(value):
                return value, found[0]

    def id_number(self, born: date, sex: str) -> str:
        while True:
            seq = self.rng.randrange(100, 1000)
            if (seq % 2 == 1) != (sex == "男"):
                seq += 1 if seq < 999 else -1
            body = f"{self.rng.choice(_REGION_CODES)}{born:%Y%m%d}{seq:03d}"
            value = body + id_check(body)
            if self._unique(value):
                return value

    def qq(self) -> str:
        while True:
            value = str(self.rng.randrange(10**8, 4 * 10**9))
            if self._unique(value):
                return value

    def wechat(self) -> str:
        while True:
            head = "".join(self.rng.choice(string.ascii_lowercase) for _ in range(self.rng.randint(3, 6)))
            tail = f"{self.rng.randrange(10**4):04d}"
            value = head + self.rng.choice(("", "_", "")) + tail
            if self._unique(value):
                return value

    def alipay(self) -> str:
        if self.rng.random() < 0.7:
            return self.mobile(scam=True)
        while True:
            value = f"{self.wechat()}@{self.rng.choice(('163.com', 'qq.com', 'sina.com', '126.com'))}"
            if self._unique(value):
                return value

    def url(self) -> str:
        """A lower-case URL without scheme (the form `fanzha.extract` gives as the value)."""
        while True:
            host = "".join(self.rng.sample(_WORDS, 2)) + str(self.rng.randrange(10, 1000))
            prefix = self.rng.choice(("www.", "m.", "h5.", "app."))
            path = self.rng.choice(("", "/login", "/index.html", "/reg", "/m/vip", "/download"))
            value = f"{prefix}{host}.{self.rng.choice(_TLDS)}{path}"
            if self._unique(value):
                return value

    def app(self) -> str:
        value = self.rng.choice(_APP_HEADS) + self.rng.choice(_APP_TAILS)
        if self._unique(value):
            return value
        while True:
            edition = self.rng.choice(("Pro", "Plus", "极速版", "尊享版", "国际版", "专业版"))
            candidate = f"{value}{edition}{self.rng.randrange(2, 100)}"
            if self._unique(candidate):
                return candidate

    def spaced_mobile(self, value: str) -> str:
        """How a caller reads a number out: sometimes grouped 3-4-4 with spaces or hyphens."""
        style = self.rng.random()
        if style < 0.6:
            return value
        sep = " " if style < 0.8 else "-"
        return f"{value[:3]}{sep}{value[3:7]}{sep}{value[7:]}"
