"""Which fraud types are rising (上升类型)?

The test, for each fraud type: this period's count x against the mean m of the previous k periods
(k = 4 by default), with the one-sided **exact Poisson test**: under "nothing changed" the count is
Poisson with mean m, and the p-value is P(X ≥ x | λ = m). A baseline of zero is taken as 0.5 cases, so
a type new this period is not certain to be flagged on a handful of cases. The p-values of all types
tested are adjusted with the **Benjamini–Hochberg** procedure (false discovery rate), because a bulletin
looks at a dozen types at once. A type is flagged when all of these hold:

- adjusted p-value (q) ≤ `alpha` (0.05);
- x ≥ `min_count` (5): a rise from 1 to 3 cases is not news;
- x / m ≥ `min_ratio` (1.5): a significant rise of 10% is not news either.

Each flag carries its explanation in Chinese, e.g.
"刷单返利：本周 37 起，前4周平均 18.5 起，增长 100%，泊松检验 p=0.0003（多重校正后 q=0.0021）".
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine

from fanzha.reports.periods import Period, periods_back
from fanzha.reports.trends import TrendTable, key_name, trend_table

METHOD = (
    "上升类型的判定：对每一类诈骗，以前{k}期的平均发案数为基线，用单侧精确泊松检验计算本期发案数不低于实际数的概率（p值），"
    "并对各类型的p值做Benjamini–Hochberg多重比较校正；校正后q≤{alpha}、本期不少于{min_count}起且达到基线的{min_ratio}倍以上时判为上升。"
)
ZERO_BASELINE = 0.5
UNTYPED = ""  # the key of the cases recorded without a fraud type
ALPHA, MIN_COUNT, MIN_RATIO = 0.05, 5, 1.5
_BEFORE = {"本周": "前{k}周", "本月": "前{k}个月", "当日": "前{k}日"}


def poisson_sf(x: int, mean: float) -> float:
    """P(X ≥ x) for X ~ Poisson(mean), summed exactly in log space (no scipy needed)."""
    if x <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    if x <= mean:  # the upper tail is large here: one minus the lower tail is accurate
        term = math.exp(-mean)
        lower = term
        for k in range(1, x):
            term *= mean / k
            lower += term
        return max(0.0, min(1.0, 1.0 - lower))
    log_term = -mean + x * math.log(mean) - math.lgamma(x + 1)
    term = math.exp(log_term)
    total = 0.0
    k = x
    while term > total * 1e-17 and k < x + 10_000:
        total += term
        k += 1
        term *= mean / k
    return min(1.0, total)


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Adjusted p-values (q-values) of the Benjamini–Hochberg step-up procedure, in input order."""
    n = len(p_values)
    order = sorted(range(n), key=lambda i: p_values[i])
    adjusted = [0.0] * n
    running = 1.0
    for rank in range(n, 0, -1):
        i = order[rank - 1]
        running = min(running, p_values[i] * n / rank)
        adjusted[i] = running
    return adjusted


@dataclass(frozen=True, slots=True)
class Rising:
    """The test of one fraud type; `flagged` says whether it is reported as rising."""

    fraud_type: str
    name: str
    count: int
    baseline: float  # mean of the previous k periods
    k: int
    ratio: float  # count / baseline (baseline 0 counts as 0.5)
    p_value: float
    q_value: float
    flagged: bool
    explanation: str


def _p_text(p: float) -> str:
    return "<0.0001" if p < 0.0001 else f"={p:.4f}"


def rising_types(
    current: Mapping[str, int],
    previous: Sequence[Mapping[str, int]],
    *,
    unit: str = "本周",
    alpha: float = ALPHA,
    min_count: int = MIN_COUNT,
    min_ratio: float = MIN_RATIO,
) -> list[Rising]:
    """Test every type seen this period or in the previous ones (not the cases without a type); flagged
    types first, by p-value."""
    k = len(previous)
    if k < 1:
        raise ValueError("至少需要前1期的数据作为基线")
    # A case without a type (未填写) is no fraud type: its count is the desk's backlog, not a trend.
    codes = sorted((set(current) | {c for p in previous for c in p}) - {UNTYPED})
    tests = []
    for code in codes:
        count = current.get(code, 0)
        baseline = sum(p.get(code, 0) for p in previous) / k
        expected = baseline if baseline > 0 else ZERO_BASELINE
        tests.append((code, count, baseline, count / expected, poisson_sf(count, expected)))
    q_values = benjamini_hochberg([t[4] for t in tests])
    out = []
    for (code, count, baseline, ratio, p), q in zip(tests, q_values, strict=True):
        flagged = q <= alpha and count >= min_count and ratio >= min_ratio
        name = key_name("fraud_type", code)
        change = round((count / baseline - 1) * 100) if baseline > 0 else 0
        growth = "此前未发案" if baseline <= 0 else f"增长 {change}%" if change >= 0 else f"下降 {-change}%"
        explanation = (
            f"{name}：{unit} {count} 起，{_BEFORE.get(unit, '前{k}期').format(k=k)}平均 {baseline:.1f} 起，{growth}，"
            f"泊松检验 p{_p_text(p)}（多重校正后 q{_p_text(q)}）"
        )
        out.append(Rising(code, name, count, baseline, k, ratio, p, q, flagged, explanation))
    return sorted(out, key=lambda r: (not r.flagged, r.p_value, r.fraud_type))


def rising_in(
    table: TrendTable,
    *,
    k: int = 4,
    unit: str = "本周",
    alpha: float = ALPHA,
    min_count: int = MIN_COUNT,
    min_ratio: float = MIN_RATIO,
) -> list[Rising]:
    """The test on the last period of a fraud-type trend table against the `k` periods before it."""
    if len(table.periods) < k + 1:
        raise ValueError(f"需要至少 {k + 1} 期数据")
    last = len(table.periods) - 1
    current = {key: t.cases for key, t in table.column(last).items()}
    previous = [{key: t.cases for key, t in table.column(b).items()} for b in range(last - k, last)]
    return rising_types(current, previous, unit=unit, alpha=alpha, min_count=min_count, min_ratio=min_ratio)


def rising_in_period(
    engine: Engine,
    period: Period,
    *,
    k: int = 4,
    alpha: float = ALPHA,
    min_count: int = MIN_COUNT,
    min_ratio: float = MIN_RATIO,
) -> list[Rising]:
    """Rising fraud types in `period` compared with the `k` periods before it."""
    table = trend_table(engine, periods=periods_back(period, k + 1), dimension="fraud_type")
    return rising_in(table, k=k, unit=period.unit, alpha=alpha, min_count=min_count, min_ratio=min_ratio)
