"""The random draws of one synthetic case: when it is received and of which type, the victim's age, the
loss and its payments, the victim and the reporter. All from the caller's `random.Random`, in a fixed
order, so a seed gives the same cases."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from itertools import accumulate

from fanzha.cases.model import Person
from fanzha.demo.identities import Identities
from fanzha.demo.profiles import HOUR_WEIGHTS, PROFILES, RISING, WEEKDAY_FACTOR, TypeProfile

LOCAL_TZ = timezone(timedelta(hours=8), "CST")  # Beijing time: no daylight saving
ESCALATING = frozenset(["rebate_task", "investment", "romance", "loan", "game_trade", "credit_record"])


@lru_cache(maxsize=64)
def cumulative(options: tuple[tuple[str, float], ...]) -> tuple[list[str], list[float]]:
    return [o for o, _ in options], list(accumulate(w for _, w in options))


def pick(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    values, cum = cumulative(options)
    return rng.choices(values, cum_weights=cum)[0]


def schedule(rng: random.Random, n: int, start: date, days: int) -> list[tuple[datetime, str]]:
    """(local receive time, fraud type) of `n` cases, in time order."""
    weights: list[float] = []
    for d in range(days):
        day_factor = WEEKDAY_FACTOR[(start + timedelta(days=d)).weekday()]
        weeks_from_end = (days - 1 - d) // 7
        for profile in PROFILES:
            ramp = RISING.get(profile.code)
            rise = ramp[2 - weeks_from_end] if ramp is not None and weeks_from_end < 3 else 1.0
            weights.append(profile.weight * day_factor * rise)
    picks = rng.choices(range(len(weights)), cum_weights=list(accumulate(weights)), k=n)
    hours = rng.choices(range(24), HOUR_WEIGHTS, k=n)
    slots = []
    for pick, hour in zip(picks, hours, strict=True):
        d, t = divmod(pick, len(PROFILES))
        clock = time(hour, rng.randrange(60), rng.randrange(60))
        slots.append((datetime.combine(start + timedelta(days=d), clock, LOCAL_TZ), PROFILES[t].code))
    slots.sort(key=lambda s: s[0])
    return slots


def victim_age(rng: random.Random, profile: TypeProfile) -> int | None:
    if rng.random() < 0.04:
        return None  # the desk did not record it
    _weight, mean, sd = rng.choices(profile.ages, [c[0] for c in profile.ages])[0]
    low, high = (9, 40) if profile.code == "game_trade" else (16, 92)
    return max(low, min(high, round(rng.gauss(mean, sd))))


def round_amount(amount: float) -> float:
    step = 1 if amount < 1_000 else 10 if amount < 10_000 else 100
    return float(max(step, round(amount / step) * step))


def draw_amounts(rng: random.Random, profile: TypeProfile) -> list[float]:
    total = round_amount(
        min(5_000_000.0, max(50.0, profile.loss_median * rng.lognormvariate(0, profile.loss_sigma)))
    )
    count = rng.choices((1, 2, 3, 4), profile.payments)[0]
    if count == 1 or total < 200:
        return [total]
    if profile.code in ESCALATING:  # small first, then more and more (连单, 加仓, 解冻费)
        shares = [2**k * rng.uniform(0.7, 1.3) for k in range(count)]
    else:
        shares = [rng.uniform(0.5, 1.5) for _ in range(count)]
    parts = [round_amount(total * s / sum(shares)) for s in shares[:-1]]
    last = total - sum(parts)
    return [*parts, last] if last > 0 else [total]


def payment_times(rng: random.Random, received: datetime, count: int, gap_hours: float) -> list[datetime]:
    at = received - timedelta(minutes=max(10.0, rng.expovariate(1 / 360)))
    times = [at]
    for _ in range(count - 1):
        at -= timedelta(minutes=max(2.0, rng.expovariate(1 / (gap_hours * 60))))
        times.append(at)
    return [t.replace(second=0, microsecond=0) for t in reversed(times)]


def people(
    rng: random.Random, ids: Identities, age: int | None, sex: str, district: str
) -> tuple[Person, Person]:
    victim = Person(ids.name(sex, age), age, sex, ids.mobile(scam=False), district, "本人")
    if age is not None and age < 18 and rng.random() < 0.8:
        relation = rng.choice(("父亲", "母亲"))
    elif age is not None and age >= 60 and rng.random() < 0.4:
        relation = rng.choice(("儿子", "女儿"))
    else:
        return victim, Person(victim.name, age, sex, victim.phone, district, "本人")
    sex_of = "男" if relation in ("父亲", "儿子") else "女"
    name = victim.name[0] + ids.name(sex_of, 45)[1:] if relation in ("父亲", "儿子") else ids.name(sex_of, 45)
    return victim, Person(name, None, sex_of, ids.mobile(scam=False), district, relation)
