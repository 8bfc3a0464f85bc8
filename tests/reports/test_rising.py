from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from fanzha.cases.model import CaseIn
from fanzha.demo import insert_cases
from fanzha.reports.periods import parse_period
from fanzha.reports.rising import benjamini_hochberg, poisson_sf, rising_in_period, rising_types
from fanzha.store import upgrade


def test_the_poisson_tail_matches_a_hand_computed_value() -> None:
    # P(X >= 10 | mean 4) = 1 - sum_{k=0}^{9} e^-4 4^k / k!  = 0.0081322428 (tables: 0.00813)
    by_hand = 1 - sum(math.exp(-4) * 4**k / math.factorial(k) for k in range(10))
    assert poisson_sf(10, 4.0) == pytest.approx(by_hand, rel=1e-12)
    assert poisson_sf(10, 4.0) == pytest.approx(0.0081322428, rel=1e-8)
    # P(X >= 40 | mean 20) = 5.3202e-5, and a far tail stays accurate (no 1 - 0.9999… cancellation)
    assert poisson_sf(40, 20.0) == pytest.approx(5.3202e-5, rel=1e-4)
    assert poisson_sf(200, 100.0) == pytest.approx(9.3431500729892e-19, rel=1e-9)
    assert poisson_sf(0, 3.0) == 1.0 and poisson_sf(3, 0.0) == 0.0


def test_benjamini_hochberg_by_hand() -> None:
    # sorted p: 0.005 0.01 0.03 0.04 0.5 → p·n/rank: 0.025 0.025 0.05 0.05 0.5, then the running minimum
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.005, 0.5])
    assert q == pytest.approx([0.025, 0.05, 0.05, 0.025, 0.5])


def test_a_doubling_type_is_flagged_and_a_flat_one_is_not() -> None:
    previous = [
        {"rebate_task": 20, "loan": 20, "prize": 1},
        {"rebate_task": 20, "loan": 19, "prize": 1},
        {"rebate_task": 20, "loan": 21, "prize": 1},
        {"rebate_task": 20, "loan": 20, "prize": 1},
    ]
    current = {"rebate_task": 40, "loan": 21, "prize": 4}
    result = {r.fraud_type: r for r in rising_types(current, previous)}
    doubled, flat, small = result["rebate_task"], result["loan"], result["prize"]
    assert doubled.flagged and not flat.flagged
    assert not small.flagged  # four times its baseline, but four cases are not news (min_count 5)
    assert doubled.p_value == pytest.approx(poisson_sf(40, 20.0))
    assert doubled.q_value == pytest.approx(min(1.0, doubled.p_value * 3))  # smallest of three p-values
    assert doubled.explanation == (
        "刷单返利、做任务：本周 40 起，前4周平均 20.0 起，增长 100%，泊松检验 p<0.0001（多重校正后 q=0.0002）"
    )
    assert "下降" not in flat.explanation and flat.p_value > 0.3
    assert next(iter(result)) == "rebate_task"  # flagged types first


def test_a_type_new_this_period_has_a_floor_baseline() -> None:
    [new] = rising_types({"game_trade": 6}, [{}, {}, {}, {}], unit="本月")
    assert new.baseline == 0 and new.ratio == 12 and new.flagged
    assert "此前未发案" in new.explanation and "前4个月" in new.explanation


def test_cases_without_a_type_are_not_a_rising_type() -> None:
    # The demo's untyped cases led 本周上升的诈骗类型 as “未填写 +2500%”.
    result = rising_types({"": 26, "loan": 12}, [{"": 1, "loan": 4}] * 4)
    assert [r.fraud_type for r in result] == ["loan"]
    assert not any("未填写" in r.explanation for r in result) and result[0].flagged


def test_falling_types_say_so() -> None:
    [fall] = rising_types({"loan": 10}, [{"loan": 20}] * 4)
    assert "下降 50%" in fall.explanation and not fall.flagged


def test_rising_in_a_stored_period(engine: Engine, make_case: Callable[..., CaseIn]) -> None:
    upgrade(engine)
    days = ["2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]  # Mondays of W43–W47
    cases = []
    for week, monday in enumerate(days):
        cases += [
            make_case(f"{monday} 10:{i:02d}", "impersonate_service") for i in range(8 if week < 4 else 24)
        ]
        cases += [make_case(f"{monday} 11:{i:02d}", "loan") for i in range(10)]
    insert_cases(engine, cases)
    result = rising_in_period(engine, parse_period("2026-W47"))
    flagged = [r.fraud_type for r in result if r.flagged]
    assert flagged == ["impersonate_service"]
    assert result[0].count == 24 and result[0].baseline == 8


def test_the_test_needs_a_baseline() -> None:
    with pytest.raises(ValueError):
        rising_types({"loan": 3}, [])
