from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine

from fanzha.cases.model import CaseIn
from fanzha.demo import insert_cases
from fanzha.reports.periods import parse_period, periods_back
from fanzha.reports.trends import aggregate, desk_stats, key_name, trend_table, trends
from fanzha.store import upgrade

Make = Callable[..., CaseIn]


@pytest.fixture
def store(engine: Engine, make_case: Make) -> Engine:
    upgrade(engine)
    insert_cases(
        engine,
        [
            make_case("2026-10-31 23:50", "loan", loss=500),  # October, Beijing time (15:50 UTC)
            make_case("2026-11-01 00:10", "loan", loss=700),  # November, though still Oct 31 in UTC
            make_case("2026-11-15 23:30", "rebate_task", loss=2000, age=17),  # Sunday: week 46
            make_case(
                "2026-11-16 00:30", "rebate_task", loss=3000, age=18, district="西城区"
            ),  # Monday: week 47
            make_case("2026-11-17 10:00", "rebate_task", dissuaded=True, age=29, desk="96110预警专线"),
            make_case("2026-11-17 11:00", "rebate_task", loss=50.5, age=45, channel="qq"),
            make_case("2026-11-20 09:00", "impersonate_authority", loss=100_000, age=70, sex="男"),
            make_case(
                "2026-11-22 23:59", "impersonate_authority", loss=20_000, age=None, channel="phone_call"
            ),
            make_case("2026-11-23 00:01", "shopping", loss=300, age=60),  # week 48
        ],
    )
    return engine


def test_weeks_follow_beijing_time(store: Engine) -> None:
    table = trend_table(store, periods=periods_back(parse_period("2026-W47"), 2))
    assert [p.label for p in table.periods] == ["2026-W46", "2026-W47"]
    assert [t.cases for t in table.totals] == [1, 5]
    assert table.series("rebate_task") == [1, 3] and table.series("impersonate_authority") == [0, 2]
    assert table.keys == ["rebate_task", "impersonate_authority"]
    w47 = table.totals[1]
    assert (w47.dissuaded, w47.loss_fen) == (1, 300_000 + 5_050 + 10_000_000 + 2_000_000)


def test_months_follow_beijing_time(store: Engine) -> None:
    table = trends(store, by="month", last=2)  # up to the month of the latest case
    assert [p.label for p in table.periods] == ["2026-10", "2026-11"]
    assert [t.cases for t in table.totals] == [1, 8]
    assert table.totals[0].loss_fen == 50_000


@pytest.mark.parametrize(
    ("dimension", "expected"),
    [
        ("age_band", {"<18": 1, "18–29": 2, "45–59": 1, "60+": 1, "未知": 1}),
        ("district", {"东湖区": 5, "西城区": 1}),
        ("contact_channel", {"wechat": 4, "qq": 1, "phone_call": 1}),
        ("victim_sex", {"女": 5, "男": 1}),
        ("desk", {"110报警服务台": 5, "96110预警专线": 1}),
    ],
)
def test_cases_by_dimension(store: Engine, dimension: str, expected: dict[str, int]) -> None:
    periods = periods_back(parse_period("2026-W47"), 2)
    cells = aggregate(store, periods=periods, by=dimension)
    counts: dict[str, int] = {}
    for cell in cells:
        counts[cell.key] = counts.get(cell.key, 0) + cell.cases
    assert counts == expected


def test_desk_statistics_per_day_desk_and_district(store: Engine) -> None:
    stats = desk_stats(store, period=parse_period("2026-W47"))
    assert (stats.totals.cases, stats.totals.dissuaded) == (5, 1)
    assert [(day, t.cases) for day, t in stats.by_day] == [
        ("11月16日", 1),
        ("11月17日", 2),
        ("11月18日", 0),
        ("11月19日", 0),
        ("11月20日", 1),
        ("11月21日", 0),
        ("11月22日", 1),
    ]
    assert [(desk, t.cases, t.dissuaded) for desk, t in stats.by_desk] == [
        ("110报警服务台", 4, 0),
        ("96110预警专线", 1, 1),
    ]
    assert stats.by_district[0][0] == "东湖区" and stats.by_district[0][1].cases == 4


def test_trends_default_to_the_latest_period(store: Engine) -> None:
    table = trends(store, by="week", last=3)
    assert [p.label for p in table.periods] == ["2026-W46", "2026-W47", "2026-W48"]
    assert table.to_dict()["keys"][0]["name"] == "刷单返利、做任务"


def test_an_empty_store_has_no_trend(engine: Engine) -> None:
    upgrade(engine)
    assert trends(engine).periods == []


def test_keys_have_chinese_names() -> None:
    assert key_name("fraud_type", "rebate_task") == "刷单返利、做任务"
    assert key_name("contact_channel", "phone_call") == "电话"
    assert key_name("district", "") == "未填写"
    with pytest.raises(ValueError, match="不支持的统计维度"):
        aggregate(None, periods=[parse_period("2026-W47")], by="colour")  # type: ignore[arg-type]
