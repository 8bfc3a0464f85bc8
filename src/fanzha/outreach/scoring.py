"""Scorecards (考评): pure arithmetic over one period's figures of each community, every figure with the
Chinese sentence that explains it. The figures are gathered by `fanzha.outreach.scorecards`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from fanzha.outreach.model import Community
from fanzha.reports.formats import money

# Weights of the composite score (out of 100).
WEIGHTS = {"coverage": 30, "activities": 20, "completion": 20, "in_time": 15, "cases": 15}


class WarnFigures(Protocol):
    """What `fanzha.warn.stats.community_figures` gives per community."""

    community: str
    district: str
    registered: int
    registered_in_period: int
    tasks: int
    done: int
    done_in_time: int
    prevented: int
    deceived: int


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """One community's raw figures for one period (activities and cases; the warnings come apart)."""

    activities: int = 0
    reached: int = 0
    posters: int = 0
    leaflets: int = 0
    banners: int = 0
    screens: int = 0
    cases: int = 0
    loss_fen: int = 0


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    value: float | None  # None: cannot be computed (no target, no task…)
    shown: str
    explanation: str
    kind: str = "count"  # count | ratio | money | rate


@dataclass(slots=True)
class Scorecard:
    community: str
    district: str
    period: str
    score: float
    figures: list[Figure]
    score_explanation: str
    trend: list[str] = field(default_factory=list)
    rank: int = 0

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


def ratio(part: float, whole: float) -> float | None:
    return None if whole <= 0 else part / whole


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def period_target(monthly: int, days: int) -> int:
    """The activities a community owes in a period of `days` days, from its monthly target."""
    if monthly <= 0:
        return 0
    return monthly if 28 <= days <= 31 else max(1, round(monthly * days / 30))


def per_10k(value: float, population: int) -> float | None:
    return None if population <= 0 else value * 10_000 / population


def _zero_warn() -> dict[str, int]:
    return dict(
        registered=0, registered_in_period=0, tasks=0, done=0, done_in_time=0, prevented=0, deceived=0
    )


def _warn(w: WarnFigures | None) -> dict[str, int]:
    return _zero_warn() if w is None else {k: int(getattr(w, k)) for k in _zero_warn()}


def _figures(c: Community, f: PeriodFigures, w: dict[str, int], days: int, matched: str) -> list[Figure]:
    target = period_target(c.activities_target, days)
    coverage = ratio(w["registered"], c.registration_target)
    pop_share = ratio(w["registered"], c.population)
    done = ratio(w["done"], w["tasks"])
    in_time = ratio(w["done_in_time"], w["tasks"])
    rate = per_10k(f.cases, c.population)
    loss = per_10k(f.loss_fen, c.population)
    return [
        Figure("registered", "金钟罩/反诈APP注册", w["registered"], f"{w['registered']}",
               f"累计注册 {w['registered']} 人，本期新增 {w['registered_in_period']} 人"),
        Figure("coverage", "注册完成率", coverage, _pct(coverage),
               f"注册 {w['registered']} ÷ 目标 {c.registration_target}" if c.registration_target
               else "未设注册目标，无法计算完成率", "ratio"),
        Figure("population_share", "人口覆盖率", pop_share, _pct(pop_share),
               f"注册 {w['registered']} ÷ 常住人口 {c.population}" if c.population
               else "未登记常住人口，无法计算覆盖率", "ratio"),
        Figure("activities", "宣传活动", f.activities, f"{f.activities}/{target}" if target else f"{f.activities}",
               f"本期开展 {f.activities} 场（目标 {target} 场，按每月 {c.activities_target} 场折算），"
               f"覆盖 {f.reached} 人次，海报 {f.posters} 张、宣传单 {f.leaflets} 份、横幅 {f.banners} 条、"
               f"LED屏 {f.screens} 块"),
        Figure("reached", "覆盖人次", f.reached, f"{f.reached}", "各场活动登记的覆盖人数之和"),
        Figure("completion", "预警任务完成率", done, _pct(done),
               f"已处置 {w['done']} ÷ 下发 {w['tasks']}" if w["tasks"] else "本期没有预警任务", "ratio"),
        Figure("in_time", "按时完成率", in_time, _pct(in_time),
               f"按时处置 {w['done_in_time']} ÷ 下发 {w['tasks']}；劝阻成功 {w['prevented']} 起，已受骗 "
               f"{w['deceived']} 起" if w["tasks"] else "本期没有预警任务", "ratio"),
        Figure("cases", "发案数", f.cases, f"{f.cases}", f"案发地点写明本社区的案件 {f.cases} 起（{matched}）"),
        Figure("cases_per_10k", "万人发案率", rate, "—" if rate is None else f"{rate:.2f}",
               f"{f.cases} 起 × 10000 ÷ 常住人口 {c.population}" if c.population else "未登记常住人口",
               "rate"),
        Figure("loss", "损失金额", f.loss_fen, money(f.loss_fen), "上述案件登记的损失之和", "money"),
        Figure("loss_per_10k", "万人损失", loss, "—" if loss is None else money(loss),
               "损失 × 10000 ÷ 常住人口" if c.population else "未登记常住人口", "money"),
    ]  # fmt: skip


def _trend(now: PeriodFigures, before: PeriodFigures, w: dict[str, int], wb: dict[str, int]) -> list[str]:
    def line(label: str, a: int, b: int, unit: str, good_up: bool) -> str:
        if a == b:
            return f"{label}与上期持平（{a}{unit}）"
        up = a > b
        verdict = "向好" if up == good_up else "需关注"
        return (
            f"{label} {a}{unit}，较上期 {b}{unit}{'增加' if up else '减少'} {abs(a - b)}{unit}（{verdict}）"
        )

    return [
        line("宣传活动", now.activities, before.activities, "场", True),
        line("新增注册", w["registered_in_period"], wb["registered_in_period"], "人", True),
        line("发案", now.cases, before.cases, "起", False),
        line("劝阻成功", w["prevented"], wb["prevented"], "起", True),
    ]


def score_communities(
    *,
    communities: Sequence[Community],
    figures: Mapping[str, PeriodFigures],
    previous: Mapping[str, PeriodFigures],
    warn: Mapping[str, WarnFigures],
    warn_previous: Mapping[str, WarnFigures],
    period: str,
    days: int,
    matched: str = "按案发地点匹配社区名称",
) -> list[Scorecard]:
    """The scorecards of `communities`, ranked (best first). The case score compares each community's
    rate per 10,000 residents with the average of the communities scored together."""
    rates = [per_10k(figures.get(c.name, PeriodFigures()).cases, c.population) for c in communities]
    known = [r for r in rates if r is not None]
    mean = sum(known) / len(known) if known else 0.0
    cards = []
    for c, rate in zip(communities, rates, strict=True):
        f, w = figures.get(c.name, PeriodFigures()), _warn(warn.get(c.name))
        figs = _figures(c, f, w, days, matched)
        target = period_target(c.activities_target, days)
        parts = {
            "coverage": min(1.0, ratio(w["registered"], c.registration_target) or 0.0),
            "activities": min(1.0, f.activities / target) if target else 1.0 if f.activities else 0.0,
            "completion": ratio(w["done"], w["tasks"]) if w["tasks"] else 1.0,
            "in_time": ratio(w["done_in_time"], w["tasks"]) if w["tasks"] else 1.0,
            "cases": 1.0 if rate is None or mean <= 0 else max(0.0, 1 - rate / (2 * mean)),
        }
        score = round(sum(WEIGHTS[k] * float(v or 0.0) for k, v in parts.items()), 1)
        why = "；".join(
            f"{_NAMES[k]} {WEIGHTS[k] * float(v or 0.0):.1f}/{WEIGHTS[k]}" for k, v in parts.items()
        )
        why += (f"。无预警任务时完成率按满分计；发案得分比较本社区万人发案率与参评社区平均（{mean:.2f}），"
                "达到平均的两倍得 0 分")  # fmt: skip
        trend = _trend(f, previous.get(c.name, PeriodFigures()), w, _warn(warn_previous.get(c.name)))
        cards.append(Scorecard(c.name, c.district, period, score, figs, why, trend))
    cards.sort(key=lambda s: (-s.score, s.community))
    for i, card in enumerate(cards, start=1):
        card.rank = i
    return cards


_NAMES = {"coverage": "注册完成", "activities": "宣传活动", "completion": "预警处置", "in_time": "按时处置",
          "cases": "发案控制"}  # fmt: skip
