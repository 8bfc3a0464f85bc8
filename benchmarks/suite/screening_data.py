"""Inputs of the screening benchmark: a SQLite store with N identifiers of intelligence (phones and bank
cards; one citizen report on every 100th, a police report on every 1,000th), and labelled transfers from
the project's simulator (`fanzha.demo.transfers`), or plain generated ones when it is missing."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from suite.common import OUT, SEED, log

CARD_SHARE = 0.3  # of the identifiers: bank cards; the rest phone numbers


def store_path(n: int) -> Path:
    """The benchmark store with `n` identifiers, built once and reused (a marker file holds `n`)."""
    path = OUT / "screening.sqlite3"
    marker = path.with_suffix(".n")
    if path.exists() and marker.exists() and marker.read_text() == str(n):
        return path
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    from fanzha.store import make_engine, upgrade

    OUT.mkdir(parents=True, exist_ok=True)
    upgrade(make_engine(f"sqlite:///{path}"))
    now = datetime.now(UTC).isoformat()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    chunk = 200_000
    cards = int(n * CARD_SHARE)
    for start in range(0, n, chunk):
        ids = range(start, min(n, start + chunk))
        rows = [
            ("bank_card", f"6230{i:012d}", 0, now)
            if i < cards
            else ("phone", f"1{7_000_000_000 + i:010d}", 0, now)
            for i in ids
        ]
        con.executemany(
            "INSERT INTO identifiers (kind, value, official, created_at) VALUES (?, ?, ?, ?)", rows
        )
        con.executemany(
            "INSERT INTO reports (identifier_id, source, created_at) VALUES (?, ?, ?)",
            [(i + 1, "police" if i % 1000 == 0 else "citizen", now) for i in ids if i % 100 == 0],
        )
        con.commit()
        log(f"  populated {min(n, start + chunk):,}/{n:,}")
    con.close()
    marker.write_text(str(n))
    return path


def simulated(n: int) -> tuple[list[dict[str, Any]], str]:
    """`n` labelled transfers in time order, and where they come from."""
    try:
        from fanzha.demo.transfers import simulate_transfers
    except ImportError:
        return _plain(n), "plain generated transfers (the simulator `fanzha.demo.transfers` is missing)"
    return list(simulate_transfers(n, seed=SEED)), "`fanzha.demo.transfers.simulate_transfers(n, seed)`"


# Everyday payees the simulator's customers do not cover: organisations as payment screens name them (no
# 公司 in 国家电网 or 中国移动), schools, hospitals and public bodies, small shops paid by transfer — some
# under a shop name, some into the owner's personal account — and landlords whose tenants all pay on
# the same day. (name, purposes, amount median, payments per household and month, share of households;
# the shops come last, from SHOPS on)
EVERYDAY_ORGS: tuple[tuple[str, tuple[str, ...], float, float, float], ...] = (
    ("国家电网", ("电费", "缴电费", "", "户号 电费"), 160, 1.0, 0.55),
    ("国网江州供电", ("电费", "预存电费"), 150, 1.0, 0.45),
    ("中国移动", ("话费", "话费充值", "充值", "宽带续费", ""), 80, 1.3, 0.5),
    ("中国联通", ("话费", "充值", "交话费"), 70, 1.2, 0.25),
    ("中国电信", ("话费", "宽带", "充值", ""), 90, 1.0, 0.25),
    ("江西移动", ("话费充值", "充值"), 50, 1.0, 0.1),
    ("江州自来水", ("水费", "缴费"), 60, 0.5, 0.6),
    ("华润燃气", ("燃气费", "气费", "充值"), 120, 0.8, 0.3),
    ("港华燃气", ("燃气费", ""), 110, 0.8, 0.2),
    ("中国石化", ("加油卡充值", "充值"), 500, 0.6, 0.2),
    ("中国人寿", ("保费", "续期保费"), 3000, 0.08, 0.3),
    ("国家税务总局江州市税务局", ("个税", "城乡居民医保", "缴税"), 400, 0.1, 0.3),
    ("江州市医疗保障局", ("医保缴费", "城乡居民医保"), 380, 0.1, 0.2),
    ("江州市住房公积金管理中心", ("公积金", "还款"), 2500, 0.2, 0.1),
    ("江州市交通警察支队", ("罚款", "违章罚款"), 200, 0.04, 0.3),
    ("江州市实验小学", ("餐费", "校服费", "代收费"), 600, 0.4, 0.15),
    ("江州市第三中学", ("学费", "住宿费", "资料费"), 1500, 0.25, 0.1),
    ("东湖区阳光幼儿园", ("保育费", "伙食费"), 1800, 1.0, 0.06),
    ("江州市人民医院", ("住院押金", "医药费", "挂号"), 800, 0.08, 0.4),
    ("南江社区居民委员会", ("卫生费", "活动费"), 50, 0.1, 0.1),
    ("锦绣花园物业服务中心", ("物业费", "停车费"), 300, 0.6, 0.3),
    ("老王水果店", ("水果", ""), 60, 3.0, 0.12),
    ("张记牛肉面馆", ("", "餐费"), 30, 3.0, 0.1),
    ("好又多便利", ("", "买东西"), 40, 4.0, 0.12),
    ("一剪美", ("理发", ""), 40, 1.0, 0.15),  # no trade word in these two names
    ("老地方", ("", "吃饭"), 120, 1.0, 0.1),
    ("四季鲜花坊", ("鲜花", ""), 150, 0.3, 0.1),
    ("阳光托管班", ("托管费", "午托"), 800, 1.0, 0.05),
)  # fmt: skip
SHOPS = 21  # EVERYDAY_ORGS[SHOPS:] are small shops paid by transfer
STALLS = 3  # shopkeepers paid into their personal accounts (a market stall, a breakfast shop)
TENANTS = (5, 9)  # a landlord lets to this many tenants, who all pay rent around the same day
MOVING = 0.1  # each month, the chance that one of a landlord's tenants moves out and a new one in
WARMUP_DAYS = 60  # the everyday payees' payments before the window: the history a bank has built


class _Everyday:
    """Households paying everyday payees from WARMUP_DAYS before `start` to `days` after (`everyday`)."""

    def __init__(self, n: int, start: datetime, days: int) -> None:
        from fanzha.demo.identities import Identities
        from fanzha.demo.transfer_people import home_district

        self.rng = rng = random.Random(SEED + 13)
        self.ids, self.district = Identities(rng), home_district
        self.start, self.first = start, start - timedelta(days=WARMUP_DAYS)
        self.span = WARMUP_DAYS + days
        self.rows: list[dict[str, Any]] = []
        self.households = [self.person(rng.randint(22, 86)) for _ in range(max(1000, n // 100))]

    def person(self, age: int) -> dict[str, Any]:
        rng = self.rng
        card, bank = self.ids.card()
        since = f"{rng.randint(2000, 2024)}-0{rng.randint(1, 9)}-15"
        name = self.ids.name(rng.choice(("男", "女")), age)
        return {"account": card, "bank": bank, "name": name, "age": age, "district": self.district(rng),
                "customer_since": since}  # fmt: skip

    def contacts(self, at: datetime) -> list[dict[str, Any]]:
        """Before the payment: the bank's SMS, a relative's call, now and then a number abroad."""
        out = []
        for _ in range(self.rng.randint(0, 2)):
            roll, when = self.rng.random(), at - timedelta(minutes=self.rng.randint(5, 900))
            abroad = f"+852{self.rng.randrange(10**7, 10**8)}"
            value = "95588" if roll < 0.5 else self.ids.mobile(scam=False) if roll < 0.9 else abroad
            out.append({"kind": "sms" if roll < 0.5 else "phone", "value": value, "at": when.isoformat()})
        return out

    def pay(self, household: dict[str, Any], payee: dict[str, Any], day: float, value: float,
            purpose: str | None, scenario: str) -> None:  # fmt: skip
        """`household` pays `payee` on day `day` of the span (the bank sends the payee's kind now and then)."""
        from fanzha.demo.transfer_habits import DAY_HOURS, at_hour

        rng = self.rng
        at = at_hour(rng, self.first + timedelta(days=int(day)), DAY_HOURS)
        elderly_at_counter = household["age"] >= 60 and rng.random() < 0.3
        chan = "counter" if elderly_at_counter else rng.choice(("mobile", "mobile", "online"))
        sent = {k: v for k, v in payee.items() if k != "kind" or rng.random() < 0.3}
        payer = {k: v for k, v in household.items() if k != "bank"}
        row: dict[str, Any] = {"time": at.isoformat(), "amount": value, "currency": "CNY", "channel": chan,
                               "payer": payer, "payee": sent, "label": "normal", "scenario": scenario,
                               "synthetic": True}  # fmt: skip
        if purpose:
            row["purpose"] = purpose
        if chan in ("counter", "mobile"):
            row["payer_on_call"] = rng.random() < 0.1
        if rng.random() < 0.6:
            row["payer_contacts"] = self.contacts(at)
        if at < self.start:
            row["warmup"] = True
        self.rows.append(row)

    def value(self, median: float) -> float:
        return round(max(5.0, median * self.rng.lognormvariate(0, 0.5)), 2 if median < 500 else 0)

    def organisations(self) -> None:
        rng = self.rng
        for number, (name, purposes, median, monthly, share) in enumerate(EVERYDAY_ORGS):
            payee = {"account": f"{rng.randrange(1, 10)}{rng.randrange(10**16):016d}", "bank": "中国工商银行",
                     "name": name, "district": self.district(rng), "kind": "company"}  # fmt: skip
            for household in rng.sample(self.households, round(share * len(self.households))):
                every = 30.0 / monthly
                day = rng.uniform(0, every)
                while day < self.span:
                    scenario = "everyday_shop" if number >= SHOPS else "everyday_org"
                    self.pay(household, payee, day, self.value(median), rng.choice(purposes), scenario)
                    day += every * rng.uniform(0.8, 1.2)

    def stalls(self) -> None:
        """Shopkeepers paid into their personal accounts by regulars, and by a few newcomers a day."""
        rng = self.rng
        for _ in range(STALLS):
            stall = {**self.person(rng.randint(30, 70)), "kind": "personal"}
            del stall["age"], stall["customer_since"]
            regulars = rng.sample(self.households, len(self.households) // 8)
            for day in range(self.span):
                for _ in range(rng.randint(10, 30)):
                    household = rng.choice(self.households) if rng.random() < 0.15 else rng.choice(regulars)
                    self.pay(
                        household,
                        stall,
                        day,
                        self.value(25),
                        rng.choice(("", "买菜", "早餐")),
                        "everyday_stall",
                    )

    def landlords(self) -> None:
        """Landlords whose tenants pay on the same day of the month; now and then a tenant moves."""
        rng = self.rng
        for _ in range(len(self.households) // 30):
            landlord = {**self.person(rng.randint(40, 75)), "kind": "personal"}
            del landlord["age"], landlord["customer_since"]
            tenants = rng.sample(self.households, rng.randint(*TENANTS))
            due = rng.randint(1, 28)
            for month in range(self.span // 30 + 2):
                if rng.random() < MOVING:
                    tenants[rng.randrange(len(tenants))] = rng.choice(self.households)
                for household in tenants:
                    day = month * 30 + due + rng.choice((-1, 0, 0, 0, 1))
                    if 0 <= day < self.span:
                        rent = float(900 + 300 * (int(household["account"][-3:]) % 7))
                        purpose = rng.choice(("房租", "本月房租", "房租水电", ""))
                        self.pay(household, landlord, day, rent, purpose, "everyday_landlord")


def everyday(n: int, *, start: datetime, days: int) -> list[dict[str, Any]]:
    """Payments from `max(1000, n // 100)` households to EVERYDAY_ORGS, to shopkeepers' personal accounts
    and to landlords, from WARMUP_DAYS before `start` to `days` after, ids `e-<n>`; `scenario` says which
    payee kind and `warmup` marks the payments before `start`. In time order; a fixed seed."""
    made = _Everyday(n, start, days)
    made.organisations()
    made.stalls()
    made.landlords()
    rows = sorted(made.rows, key=lambda r: datetime.fromisoformat(r["time"]))
    for number, row in enumerate(rows):
        row["id"] = f"e-{number}"
    return rows


def with_everyday(rows: list[dict[str, Any]], n: int) -> tuple[list[dict[str, Any]], int]:
    """`rows` and `everyday(n, …)` over the simulator's window, in time order; and how many were added."""
    try:
        from fanzha.demo.transfers import DEFAULT_START as start
    except ImportError:
        start = datetime(2026, 11, 2, tzinfo=UTC)
    extra = everyday(n, start=start, days=28)
    merged = sorted(rows + extra, key=lambda r: datetime.fromisoformat(r["time"]))
    return merged, len(extra)


def _plain(n: int) -> list[dict[str, Any]]:
    """Everyday transfers between 20,000 customers and 5,000 payees; 1% scripted safe-account frauds."""
    rng = random.Random(SEED)
    start = datetime(2026, 11, 2, tzinfo=UTC)
    purposes = ("生活费", "货款", "房租", "还款", "红包", None)
    rows = []
    for i in range(n):
        fraud = rng.random() < 0.01
        rows.append(
            {
                "id": f"p-{i}",
                "time": (start + timedelta(seconds=i * 20)).isoformat(),
                "amount": float(rng.choice((50000, 80000)))
                if fraud
                else round(rng.lognormvariate(6, 1.2), 2),
                "channel": rng.choice(("mobile", "online", "counter", "atm")),
                "payer": {"account": f"6222{rng.randrange(20_000):012d}", "age": rng.randint(18, 85)},
                "payee": {"account": f"6217{rng.randrange(5_000):012d}"},
                "purpose": "转入安全账户" if fraud else rng.choice(purposes),
                "label": "fraud" if fraud else "normal",
            }
        )
    return rows


# Every transfer gets a unique id; every pass over the templates gets new payer accounts (the template's
# account + the thread's prefix + the pass), so a payer's history stays as long as a customer's — the
# same customers paying the same payees hundreds of times a minute would measure something else.
# Each thread's prefix: the start time and the thread's number (math.random repeats itself from one wrk
# run to the next, which would replay the warm-up's ids as already-decided transfers).
SETUP_LUA = """local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("prefix", tostring(os.time()) .. threads)
end
"""

FILL_LUA = """local function fill(counter)
  local pass = math.floor(counter / #templates)
  local body = templates[(counter %% #templates) + 1]:gsub("__ID__", prefix .. "-" .. counter)
  return (body:gsub("__PASS__", prefix .. pass))
end
"""

SINGLE_LUA = (
    """local templates = {%s}
local counter = 0
"""
    + SETUP_LUA
    + FILL_LUA
    + """request = function()
  counter = counter + 1
  local body = fill(counter)
  return wrk.format("POST", "/v1/screen", {["Content-Type"] = "application/json", ["X-API-Key"] = "%s"}, body)
end
"""
)

BATCH_LUA = (
    """local templates = {%s}
local counter = 0
"""
    + SETUP_LUA
    + FILL_LUA
    + """request = function()
  local parts = {}
  for i = 1, %d do
    counter = counter + 1
    parts[i] = fill(counter)
  end
  local body = '{"transfers": [' .. table.concat(parts, ",") .. ']}'
  return wrk.format("POST", "/v1/screen", {["Content-Type"] = "application/json", ["X-API-Key"] = "%s"}, body)
end
"""
)


def lua_templates(rows: list[dict[str, Any]]) -> str:
    """Transfers as Lua string literals with `__ID__` for the id and `__PASS__` after the payer account
    (see FILL_LUA)."""
    import json

    out = []
    for row in rows:
        body = {k: v for k, v in row.items() if k not in ("label", "scenario", "synthetic")}
        body["id"] = "__ID__"
        if isinstance(body.get("payer"), dict) and body["payer"].get("account"):
            body["payer"] = {**body["payer"], "account": body["payer"]["account"] + "__PASS__"}
        text = json.dumps(body, ensure_ascii=False)
        out.append("[==[" + text + "]==]")
    return ",".join(out)
