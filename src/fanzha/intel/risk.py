"""The risk level of an identifier, derived from its evidence — a pure function, so it can be tested
at its edges and explained line by line.

Levels, in order of precedence:

1. `official`  — on the official lists (95588, a bank's own domain). Reports cannot change that.
2. an officer's latest decision — `confirmed` or `cleared` (an upheld appeal, 反电信网络诈骗法 art. 32).
   A police-case report counts as a confirmation.
3. `suspicious` — independent evidence adds up to at least SUSPICIOUS_SCORE, where each *reporter*
   counts once (ten reports from one person are one report; all anonymous reports are one), a report's weight halves every
   HALF_LIFE_DAYS, a bank interception weighs BANK_WEIGHT, and each independent "not a scam" feedback
   subtracts FEEDBACK_WEIGHT (decayed the same way).
4. `unknown` — everything else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from fanzha.timezones import BEIJING

HALF_LIFE_DAYS = 90.0
SUSPICIOUS_SCORE = 2.0
BANK_WEIGHT = 2.0
FEEDBACK_WEIGHT = 0.5
LEVELS = ("official", "confirmed", "suspicious", "unknown", "cleared")
# How each level is named to citizens and officers.
LEVEL_NAMES = {
    "official": "官方",
    "confirmed": "已确认涉诈",
    "suspicious": "有多人举报",
    "unknown": "未达到风险标记",
    "cleared": "已解除",
}


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str  # report | feedback | decision
    at: datetime
    source: str | None = None  # report: citizen | police | bank
    reporter: str | None = None  # salted hash; None counts as its own anonymous reporter
    decision: str | None = None  # confirmed | cleared
    fraud_type: str | None = None  # report: the fraud type the reporter named, if any


@dataclass(frozen=True, slots=True)
class RiskLevel:
    level: str
    score: float
    reasons: list[str]


def _decay(at: datetime, now: datetime) -> float:
    age_days = max(0, (now - at).days)  # whole days: a report made today weighs exactly 1
    return float(0.5 ** (age_days / HALF_LIFE_DAYS))


def risk_level(*, official: bool, evidence: Iterable[Evidence], now: datetime) -> RiskLevel:
    items = sorted(evidence, key=lambda e: e.at)
    if official:
        return RiskLevel("official", 0.0, ["在官方号码或官方域名名单上"])
    decisions = [e for e in items if e.kind == "decision" or (e.kind == "report" and e.source == "police")]
    if decisions:
        last = decisions[-1]
        if last.kind == "report" or last.decision == "confirmed":
            why = "公安机关在案件中确认" if last.kind == "report" else "民警已确认为涉诈"
            return RiskLevel("confirmed", 0.0, [f"{why}（{last.at.astimezone(BEIJING):%Y-%m-%d}）"])
        return RiskLevel(
            "cleared", 0.0, [f"经核查已解除标记（{last.at.astimezone(BEIJING):%Y-%m-%d}），保留记录"]
        )
    per_reporter: dict[str, float] = {}
    feedback: dict[str, float] = {}
    for e in items:
        # All anonymous reports together count as one reporter: anyone could send them all.
        key = e.reporter if e.reporter is not None else "anonymous"
        if e.kind == "report":
            weight = (BANK_WEIGHT if e.source == "bank" else 1.0) * _decay(e.at, now)
            per_reporter[key] = max(per_reporter.get(key, 0.0), weight)
        elif e.kind == "feedback":
            feedback[key] = max(feedback.get(key, 0.0), FEEDBACK_WEIGHT * _decay(e.at, now))
    score = sum(per_reporter.values()) - sum(feedback.values())
    reasons = []
    if per_reporter:
        reasons.append(
            f"{len(per_reporter)}个独立来源举报（按时间衰减后计{sum(per_reporter.values()):.1f}分）"
        )
    if feedback:
        reasons.append(f"{len(feedback)}人反馈“不是诈骗”（减{sum(feedback.values()):.1f}分）")
    if score >= SUSPICIOUS_SCORE:
        return RiskLevel("suspicious", round(score, 2), reasons)
    return RiskLevel("unknown", round(score, 2), reasons or ["没有举报记录"])
