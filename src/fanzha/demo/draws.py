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


TODAY_FLOOR = 0.25  # the day the window ends on gets at least this share of a whole day's cases


def _hour_shares(day_start: datetime, begin: datetime | None, until: datetime | None) -> list[float]:
    """For each hour of the day starting at `day_start`, the share of it inside [begin, until]."""
    shares = []
    for hour in range(24):
        lo, hi = day_start + timedelta(hours=hour), day_start + timedelta(hours=hour + 1)
        lo, hi = max(lo, begin) if begin else lo, min(hi, until) if until else hi
        shares.append(max(0.0, (hi - lo).total_seconds() / 3600))
    return shares


def _floored(day: datetime, begin: datetime | None, until: datetime | None) -> bool:
    """Whether `day` is the window's last day and the window covers it from midnight."""
    last = until is not None and day.date() == until.astimezone(LOCAL_TZ).date()
    return last and (begin is None or begin <= day)


def window_days(start: date, days: int, *, begin: datetime | None, until: datetime | None) -> float:
    """How many whole days of cases the window of `schedule` holds (cut days count for their share)."""
    whole, total = sum(HOUR_WEIGHTS), 0.0
    for d in range(days):
        day = datetime.combine(start + timedelta(days=d), time(0), LOCAL_TZ)
        share = sum(w * s for w, s in zip(HOUR_WEIGHTS, _hour_shares(day, begin, until), strict=True)) / whole
        if _floored(day, begin, until) and share > 0:
            share = max(share, TODAY_FLOOR)
        total += share
    return total


def schedule(
    rng: random.Random,
    n: int,
    start: date,
    days: int,
    *,
    begin: datetime | None = None,
    until: datetime | None = None,
) -> list[tuple[datetime, str]]:
    """(local receive time, fraud type) of `n` cases over `days` days from `start`, in time order.

    `begin` and `until` (aware) cut the window's first and last day: no case before `begin` or after
    `until`, and a cut day gets the share of its cases that its hours carry (`HOUR_WEIGHTS`). The day
    `until` falls on, when the window covers it from midnight, gets at least `TODAY_FLOOR` of a day's
    cases (and at least one), so a window ending "now" in the small hours still has a few cases today.
    """
    day_starts = [datetime.combine(start + timedelta(days=d), time(0), LOCAL_TZ) for d in range(days)]
    hour_shares = [_hour_shares(day, begin, until) for day in day_starts]
    whole = sum(HOUR_WEIGHTS)
    weights: list[float] = []
    today: int | None = None  # the index of the day in progress, when the window covers it from midnight
    for d, day in enumerate(day_starts):
        share = sum(w * s for w, s in zip(HOUR_WEIGHTS, hour_shares[d], strict=True)) / whole
        if _floored(day, begin, until) and share > 0:
            share, today = max(share, TODAY_FLOOR), d
        day_factor = WEEKDAY_FACTOR[day.weekday()] * share
        weeks_from_end = (days - 1 - d) // 7
        for profile in PROFILES:
            ramp = RISING.get(profile.code)
            rise = ramp[2 - weeks_from_end] if ramp is not None and weeks_from_end < 3 else 1.0
            weights.append(profile.weight * day_factor * rise)
    if n and not any(weights):
        raise ValueError("时间窗口为空，无法生成案件")
    picks = rng.choices(range(len(weights)), cum_weights=list(accumulate(weights)), k=n)
    kinds = len(PROFILES)
    if today is not None and picks and all(p // kinds != today for p in picks):
        picks[-1] = today * kinds + picks[-1] % kinds  # the day in progress is never left empty
    hours = rng.choices(range(24), HOUR_WEIGHTS, k=n)
    slots = []
    for pick, hour in zip(picks, hours, strict=True):
        d, t = divmod(pick, len(PROFILES))
        shares = hour_shares[d]
        if shares[hour] < 1.0:  # a cut day: an hour inside the window, then a moment inside that hour
            hour = rng.choices(range(24), [w * s for w, s in zip(HOUR_WEIGHTS, shares, strict=True)])[0]
        at = datetime.combine(
            day_starts[d].date(), time(hour, rng.randrange(60), rng.randrange(60)), LOCAL_TZ
        )
        if shares[hour] < 1.0:
            hour_start = day_starts[d] + timedelta(hours=hour)
            hour_end = hour_start + timedelta(hours=1)
            lo = max(hour_start, begin) if begin else hour_start
            hi = min(hour_end, until) if until else hour_end
            at = lo + (hi - lo) * rng.random()
            at = at.replace(microsecond=0)
        slots.append((at, PROFILES[t].code))
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
