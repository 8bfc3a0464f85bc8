from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import Engine

from fanzha.outreach.activities import record_activity
from fanzha.outreach.scorecards import collect
from fanzha.reports.periods import parse_period
from fanzha.timezones import BEIJING

NOV = parse_period("2026-11")


def _activity(engine: Engine, community: str, day: int, month: int = 11, reached: int = 50) -> None:
    record_activity(
        engine, kind="入户", title="入户宣传", community=community, started_at=datetime(2026, month, day, 10),
        recorded_by="网格员", reached=reached, now=datetime(2026, 12, 2, tzinfo=BEIJING),
    )  # fmt: skip


def test_activities_and_cases_are_counted_per_community_and_against_last_month(
    registered: Engine, case_adder: Callable[..., None]
) -> None:
    for day in (3, 10, 17, 24):
        _activity(registered, "幸福里社区", day)
    _activity(registered, "幸福里社区", 15, month=10)
    _activity(registered, "东风社区", 5)
    case_adder(registered, ref="A1", at=datetime(2026, 11, 6, 10, tzinfo=BEIJING), district="城关区",
               place="城关区幸福里社区3栋", loss_fen=500_000)  # fmt: skip
    case_adder(registered, ref="A2", at=datetime(2026, 11, 7, 10, tzinfo=BEIJING), district="城关区",
               place="家中", loss_fen=100_000)  # fmt: skip
    case_adder(registered, ref="A3", at=datetime(2026, 11, 8, 10, tzinfo=BEIJING), district="开发区",
               place="幸福里社区", loss_fen=100_000)  # the name, but another district  # fmt: skip
    scores = collect(registered, period=NOV, district="城关区")
    by = {c.community: c for c in scores.cards}
    assert set(by) == {"幸福里社区", "东风社区"}
    assert by["幸福里社区"].figure("activities").value == 4
    assert by["幸福里社区"].figure("reached").value == 200
    assert by["幸福里社区"].figure("cases").value == 1
    assert by["幸福里社区"].figure("loss").value == 500_000
    assert "宣传活动 4场，较上期 1场增加 3场（向好）" in by["幸福里社区"].trend
    assert (scores.unmatched_cases, scores.unmatched_loss_fen) == (1, 100_000)
    assert by["幸福里社区"].score == by["东风社区"].score == 55.0  # activities made up for by fewer cases


def test_one_community_only(registered: Engine) -> None:
    scores = collect(registered, period=NOV, community="新城社区")
    assert [c.community for c in scores.cards] == ["新城社区"]


def test_collect_takes_the_warning_figures_from_fanzha_warn(registered: Engine) -> None:
    try:
        importlib.import_module("fanzha.warn.stats")
        residents = importlib.import_module("fanzha.warn.residents")
        model = importlib.import_module("fanzha.warn.model")
    except ImportError:
        pytest.skip("fanzha.warn.stats 尚未合入")
    store = residents.ResidentStore(registered)
    for phone in ("13912345678", "13812345679"):
        resident = model.ResidentIn(name="李四", phone=phone, community="幸福里社区", district="城关区")
        store.register(resident, actor="网格员", now=datetime(2026, 11, 10, 10, tzinfo=BEIJING))
    scores = collect(registered, period=NOV, district="城关区")
    assert scores.warn_source == "预警数字来自金钟罩预警任务台账"
    card = next(c for c in scores.cards if c.community == "幸福里社区")
    assert card.figure("registered").value == 2
    assert card.figure("coverage").explanation == "注册 2 ÷ 目标 3000"
    assert "新增注册 2人，较上期 0人增加 2人（向好）" in card.trend
