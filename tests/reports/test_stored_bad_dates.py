"""A case whose stored time is out of the accepted range (written before dates were checked, or by
tampering with the database) never breaks the desk's figures: it is left out with a note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text

from fanzha.cases.model import CaseIn
from fanzha.demo import insert_cases
from fanzha.reports.bulletin import build_bulletin
from fanzha.reports.periods import parse_period
from fanzha.reports.render import render_html
from fanzha.reports.rising import rising_in_period
from fanzha.reports.trends import desk_stats, latest_period, trends
from fanzha.store import upgrade

Make = Callable[..., CaseIn]
BAD = [
    datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(9999, 12, 31, 16, 0, tzinfo=UTC),  # the first instant of 10000-01-01 in Beijing
    datetime(1, 1, 1, tzinfo=UTC),
    datetime(1999, 12, 31, tzinfo=UTC),
]


@pytest.fixture
def store(engine: Engine, make_case: Make) -> Engine:
    upgrade(engine)
    insert_cases(
        engine,
        [
            make_case("2026-11-16 09:00", "loan"),
            make_case("2026-11-17 09:00", "rebate_task"),
            make_case("2026-11-18 09:00", "rebate_task"),
        ],
    )
    return engine


def _tamper(engine: Engine, at: datetime) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE cases SET received_at = :at WHERE id = 1"), {"at": at})


@pytest.mark.parametrize("at", BAD)
@pytest.mark.parametrize("by", ["week", "month", "day"])
def test_trends_leave_a_bad_date_out_with_a_note(store: Engine, at: datetime, by: str) -> None:
    _tamper(store, at)
    table = trends(store, by=by, last=3)  # type: ignore[arg-type]
    assert table.periods and sum(t.cases for t in table.totals) == 2
    assert table.skipped == 1
    out = table.to_dict()
    assert out["skipped"] == 1 and out["note"] == "1 起案件的受理时间超出可接受的范围，未计入统计"


@pytest.mark.parametrize("at", BAD)
def test_the_latest_period_ignores_a_bad_date(store: Engine, at: datetime) -> None:
    _tamper(store, at)
    latest = latest_period(store, "week")
    assert latest is not None and latest.label == "2026-W47"


def test_only_bad_dates_make_an_empty_table_that_says_why(store: Engine) -> None:
    with store.begin() as conn:
        conn.execute(text("UPDATE cases SET received_at = :at"), {"at": BAD[0]})
    table = trends(store, last=3)
    assert table.periods == [] and table.skipped == 3 and "3 起案件" in table.to_dict()["note"]


def test_a_clean_store_has_no_note(store: Engine) -> None:
    out = trends(store, last=3).to_dict()
    assert out["skipped"] == 0 and out["note"] == ""


@pytest.mark.parametrize("at", BAD)
def test_desk_figures_rising_types_and_the_bulletin_still_come_out(store: Engine, at: datetime) -> None:
    _tamper(store, at)
    week = parse_period("2026-W47")
    assert desk_stats(store, period=week).totals.cases == 2
    assert rising_in_period(store, week, k=4) is not None
    bulletin = build_bulletin(store, week)
    assert bulletin.totals.cases == 2 and "警情通报" in render_html(bulletin)
