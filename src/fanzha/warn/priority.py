"""The priority of a warning task, a pure function of its evidence, with every point explained.

Points add up (higher is more urgent):

- the strongest contact: a payment 40, a call 20, an SMS 10;
- a payment still in progress (not settled, e.g. held by the bank): +40 — it goes to the top;
- the largest payment: ≥ 50,000 元 +20, ≥ 10,000 元 +15, ≥ 1,000 元 +8, any other +3;
- the latest contact: within 24 hours +15, 3 days +10, 7 days +5;
- the person contacted (the resident, or the family member whose phone it was): aged ≥ 75 +20, ≥ 60 +15;
- the identifier confirmed as fraudulent (not only reported by several people): +10;
- three or more contacts with it: +5.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from fanzha.warn.model import ELDERLY_AGE

CONTACT_POINTS = {"payment": 40, "call": 20, "sms": 10}
IN_PROGRESS_POINTS = 40
AMOUNT_STEPS = ((50_000.0, 20), (10_000.0, 15), (1_000.0, 8), (0.0, 3))
RECENT_STEPS = (
    (timedelta(hours=24), 15, "24小时内"),
    (timedelta(days=3), 10, "3天内"),
    (timedelta(days=7), 5, "7天内"),
)
OLD_AGE = 75


@dataclass(frozen=True, slots=True)
class Evidence:
    """What connects a resident and a flagged identifier: counts per kind of contact, the first and the
    latest contact, the largest payment (yuan) and whether a payment is still in progress."""

    calls: int = 0
    messages: int = 0
    payments: int = 0
    first_at: datetime | None = None
    last_at: datetime | None = None
    largest_payment: float | None = None
    in_progress: bool = False

    @property
    def count(self) -> int:
        return self.calls + self.messages + self.payments

    def add(
        self, *, kind: str, at: datetime, amount: float | None = None, in_progress: bool = False
    ) -> Evidence:
        """This evidence with one more event."""
        largest = self.largest_payment
        if kind == "payment" and amount is not None:
            largest = amount if largest is None else max(largest, amount)
        return replace(
            self,
            calls=self.calls + (kind == "call"),
            messages=self.messages + (kind == "sms"),
            payments=self.payments + (kind == "payment"),
            first_at=at if self.first_at is None else min(self.first_at, at),
            last_at=at if self.last_at is None else max(self.last_at, at),
            largest_payment=largest,
            in_progress=self.in_progress or (kind == "payment" and in_progress),
        )

    def merge(self, other: Evidence) -> Evidence:
        largest = [x for x in (self.largest_payment, other.largest_payment) if x is not None]
        firsts = [x for x in (self.first_at, other.first_at) if x is not None]
        lasts = [x for x in (self.last_at, other.last_at) if x is not None]
        return Evidence(
            self.calls + other.calls,
            self.messages + other.messages,
            self.payments + other.payments,
            min(firsts) if firsts else None,
            max(lasts) if lasts else None,
            max(largest) if largest else None,
            self.in_progress or other.in_progress,
        )


def grounds(age: int | None, *, own: bool) -> tuple[int, bool, int]:
    """How strongly the person contacted speaks for a task, to keep the strongest of its matches (the
    stored path and `fanzha warn match` alike): an elderly person's points first, then the resident's own
    phone or account over a family member's, then the older person."""
    elderly = 0 if age is None or age < ELDERLY_AGE else (20 if age >= OLD_AGE else 15)
    return elderly, own, age or 0


def _yuan(amount: float) -> str:
    return f"{amount / 10_000:g}万元" if amount >= 10_000 else f"{amount:g}元"


def score(
    evidence: Evidence, *, age: int | None, level: str, now: datetime, who: str = "居民"
) -> tuple[int, list[str]]:
    """(priority, reasons): the points of `evidence` for a person aged `age` (None: unknown), the
    identifier at `level` (confirmed | suspicious), judged at `now`. `who` names the person in the reasons
    (居民, 家属（母亲）…)."""
    points, reasons = 0, []
    if evidence.payments:
        points += CONTACT_POINTS["payment"]
        reasons.append(f"向该账户付款{evidence.payments}次（付款优先于通话、短信）")
    elif evidence.calls:
        points += CONTACT_POINTS["call"]
        reasons.append(f"与该号码通话{evidence.calls}次")
    elif evidence.messages:
        points += CONTACT_POINTS["sms"]
        reasons.append(f"收到该号码短信{evidence.messages}条")
    else:
        reasons.append("尚无联系记录（仅因登记的账户或号码涉及）")
    if evidence.in_progress:
        points += IN_PROGRESS_POINTS
        reasons.append("有一笔付款正在进行、尚未到账，须立即劝阻")
    if evidence.largest_payment is not None and evidence.payments:
        for floor, extra in AMOUNT_STEPS:
            if evidence.largest_payment >= floor:
                points += extra
                reasons.append(f"最大一笔付款{_yuan(evidence.largest_payment)}")
                break
    if evidence.last_at is not None:
        for window, extra, words in RECENT_STEPS:
            if now - evidence.last_at <= window:
                points += extra
                reasons.append(f"最近一次联系在{words}")
                break
    if age is not None and age >= ELDERLY_AGE:
        extra = 20 if age >= OLD_AGE else 15
        points += extra
        reasons.append(f"{who}{age}岁，属老年人，易受骗")
    if level == "confirmed":
        points += 10
        reasons.append("该标识已确认涉诈")
    else:
        reasons.append("该标识有多人举报，尚未确认")
    if evidence.count >= 3:
        points += 5
        reasons.append(f"共联系{evidence.count}次")
    return points, reasons
