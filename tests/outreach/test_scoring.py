from __future__ import annotations

from dataclasses import dataclass

import pytest

from fanzha.outreach.model import Community
from fanzha.outreach.scoring import PeriodFigures, per_10k, period_target, score_communities


@dataclass
class Warn:
    community: str
    district: str = "城关区"
    registered: int = 0
    registered_in_period: int = 0
    tasks: int = 0
    done: int = 0
    done_in_time: int = 0
    prevented: int = 0
    deceived: int = 0


def _c(name: str, population: int = 10_000, target: int = 2_000, monthly: int = 4) -> Community:
    return Community(0, name, "", "城关区", "", population, population // 3, target, monthly, False)


@pytest.mark.parametrize(
    ("monthly", "days", "target"), [(4, 30, 4), (4, 31, 4), (4, 7, 1), (8, 7, 2), (0, 30, 0)]
)
def test_the_activities_target_follows_the_period_length(monthly: int, days: int, target: int) -> None:
    assert period_target(monthly, days) == target


def test_per_10k_needs_a_population() -> None:
    assert per_10k(3, 15_000) == pytest.approx(2.0)
    assert per_10k(3, 0) is None


def test_figures_and_their_explanations() -> None:
    [card] = score_communities(
        communities=[_c("幸福里社区")],
        figures={"幸福里社区": PeriodFigures(activities=2, reached=300, cases=3, loss_fen=1_500_000)},
        previous={"幸福里社区": PeriodFigures(activities=4, cases=1)},
        warn={"幸福里社区": Warn("幸福里社区", registered=1_500, registered_in_period=100, tasks=10, done=8,
                                done_in_time=6, prevented=5, deceived=1)},
        warn_previous={}, period="2026-11", days=30,
    )  # fmt: skip
    assert card.figure("coverage").value == pytest.approx(0.75)
    assert card.figure("coverage").explanation == "注册 1500 ÷ 目标 2000"
    assert card.figure("population_share").shown == "15.0%"
    assert card.figure("activities").shown == "2/4"
    assert card.figure("completion").value == pytest.approx(0.8)
    assert card.figure("in_time").value == pytest.approx(0.6)
    assert card.figure("cases_per_10k").value == pytest.approx(3.0)
    assert card.figure("loss").shown == "1.50万元"
    # alone, its case rate is the average: half the case score
    assert card.score == pytest.approx(0.75 * 30 + 0.5 * 20 + 0.8 * 20 + 0.6 * 15 + 0.5 * 15)
    assert "宣传活动 2场，较上期 4场减少 2场（需关注）" in card.trend
    assert "发案 3起，较上期 1起增加 2起（需关注）" in card.trend


def test_missing_targets_and_tasks_are_explained_not_divided_by_zero() -> None:
    [card] = score_communities(
        communities=[_c("柳树村", population=0, target=0, monthly=0)], figures={}, previous={}, warn={},
        warn_previous={}, period="2026-11", days=30,
    )  # fmt: skip
    assert card.figure("coverage").value is None
    assert card.figure("coverage").explanation == "未设注册目标，无法计算完成率"
    assert card.figure("completion").explanation == "本期没有预警任务"
    assert card.figure("cases_per_10k").shown == "—"


def test_communities_are_ranked_best_first() -> None:
    cards = score_communities(
        communities=[_c("甲"), _c("乙"), _c("丙")],
        figures={"甲": PeriodFigures(activities=4), "乙": PeriodFigures(activities=1, cases=6), "丙": PeriodFigures()},
        previous={}, warn={"甲": Warn("甲", registered=2_000), "乙": Warn("乙", registered=100)},
        warn_previous={}, period="2026-11", days=30,
    )  # fmt: skip
    assert [(c.rank, c.community) for c in cards] == [(1, "甲"), (2, "丙"), (3, "乙")]
    assert cards[0].score == 100.0
    assert "发案控制 0.0/15" in cards[2].score_explanation
