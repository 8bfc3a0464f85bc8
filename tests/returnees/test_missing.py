"""Missing daily reports with a frozen clock: due from the day after registration (Beijing days), filled by
a report for that day however late, not due once the worker is back, the run of missing days counted."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from fanzha.returnees import (
    OutboundLedger,
    Reader,
    ReportIn,
    ReturneeError,
    WorkerIn,
    missing_on,
    missing_reports,
)
from fanzha.store import upgrade

OFFICER = Reader("JZ1001", "officer", "api.list")
LATE = datetime(2026, 6, 1, 15, 30, tzinfo=UTC)  # 23:30 Beijing on 1 June (still 1 June in UTC, too)
AFTER_MIDNIGHT = datetime(2026, 6, 1, 16, 30, tzinfo=UTC)  # 00:30 Beijing on 2 June, 1 June in UTC


@pytest.fixture
def outbound(engine: Engine) -> OutboundLedger:
    upgrade(engine)
    return OutboundLedger(engine)


def missing(outbound: OutboundLedger, on: date) -> list[tuple[str, int]]:
    return [(m.worker.name, m.days_missing) for m in missing_reports(outbound, reader=OFFICER, on=on)]


@pytest.mark.parametrize(
    ("registered", "first_due"),
    [(LATE, date(2026, 6, 2)), (AFTER_MIDNIGHT, date(2026, 6, 3))],
)
def test_reports_are_due_from_the_beijing_day_after_registration(
    outbound: OutboundLedger, registered: datetime, first_due: date
) -> None:
    outbound.register(WorkerIn("王某", "柳树村", "缅甸", reporter="李干部"), actor="admin", now=registered)
    assert missing(outbound, first_due.replace(day=first_due.day - 1)) == []
    assert missing(outbound, first_due) == [("王某", 1)]


def test_a_report_fills_its_day_and_the_run_of_missing_days_is_counted(outbound: OutboundLedger) -> None:
    wid = outbound.register(WorkerIn("王某", "柳树村", "缅甸", place="妙瓦底"), actor="admin", now=LATE)
    now = datetime(2026, 6, 10, 4, tzinfo=UTC)
    outbound.report(wid, ReportIn(date(2026, 6, 2), "妙瓦底"), actor="li", now=now)
    outbound.report(wid, ReportIn(date(2026, 6, 3), "妙瓦底", safe=False), actor="li", now=now)  # filed late
    assert missing(outbound, date(2026, 6, 3)) == []
    [alert] = missing_on(outbound.workers(reader=OFFICER), on=date(2026, 6, 6))
    assert alert.days_missing == 3 and alert.last_reported == date(2026, 6, 3)
    assert "最近一次日报为 2026-06-03" in alert.explanation and "已连续 3 天未报" in alert.explanation


def test_no_report_is_due_once_the_worker_is_back(outbound: OutboundLedger) -> None:
    wid = outbound.register(WorkerIn("王某", "柳树村", "缅甸"), actor="admin", now=LATE)
    now = datetime(2026, 6, 10, 4, tzinfo=UTC)
    outbound.persuade(wid, on=date(2026, 6, 5), method="family", outcome="returned", actor="li", now=now)
    assert missing(outbound, date(2026, 6, 4)) == [("王某", 3)]
    assert missing(outbound, date(2026, 6, 5)) == []
    assert outbound.workers(reader=OFFICER, states=None)[0].state == "returned"


def test_a_report_for_tomorrow_is_refused(outbound: OutboundLedger) -> None:
    wid = outbound.register(WorkerIn("王某", "柳树村", "缅甸"), actor="admin", now=LATE)
    with pytest.raises(ReturneeError, match="晚于今天"):
        outbound.report(wid, ReportIn(date(2026, 6, 3)), actor="li", now=AFTER_MIDNIGHT)
    outbound.report(wid, ReportIn(date(2026, 6, 2)), actor="li", now=AFTER_MIDNIGHT)  # today in Beijing
