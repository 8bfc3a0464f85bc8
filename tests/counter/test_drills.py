"""Drills and real alerts counted apart, with the time the desk took to acknowledge them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from fanzha.counter import AlertError, AlertIn, AlertStore
from fanzha.counter.drills import alert_report
from fanzha.store import upgrade

T0 = datetime(2026, 6, 3, 2, 0, tzinfo=UTC)


@pytest.fixture
def store(engine: Engine) -> AlertStore:
    upgrade(engine)
    return AlertStore(engine)


def _raise(
    store: AlertStore, *, drill: bool, at: datetime, bank: str = "中国工商银行", ack_after: int | None = None
) -> int:
    alert = AlertIn(kind="forged_document", branch="江州支行", drill=drill)
    alert_id = store.raise_alert(alert, bank=bank, actor=bank, now=at).id
    if ack_after is not None:
        store.acknowledge(alert_id, officer="JZ1", now=at + timedelta(seconds=ack_after))
    return alert_id


def test_drills_and_real_alerts_are_counted_apart_with_the_time_to_acknowledge(store: AlertStore) -> None:
    drill = _raise(store, drill=True, at=T0, ack_after=60)
    store.close(drill, outcome="drill_completed", officer="JZ1", now=T0 + timedelta(minutes=30))
    _raise(store, drill=True, at=T0 + timedelta(days=1), ack_after=180)
    _raise(store, drill=False, at=T0 + timedelta(days=2), ack_after=30, bank="江州农商银行")
    _raise(store, drill=False, at=T0 + timedelta(days=3))
    report = alert_report(store.engine)
    assert (report.drills.raised, report.drills.acknowledged, report.drills.closed) == (2, 2, 1)
    assert (report.drills.median_seconds, report.drills.max_seconds) == (120.0, 180.0)
    assert report.drills.outcomes == {"drill_completed": 1}
    assert (report.real.raised, report.real.acknowledged, report.real.waiting) == (2, 1, 1)
    assert report.real.median_seconds == 30.0
    assert [(b.bank, b.drills, b.real) for b in report.banks] == [
        ("中国工商银行", 2, 1),
        ("江州农商银行", 0, 1),
    ]


def test_the_report_keeps_to_its_period_and_bank(store: AlertStore) -> None:
    _raise(store, drill=True, at=T0)
    _raise(store, drill=True, at=T0 + timedelta(days=10))
    _raise(store, drill=False, at=T0 + timedelta(days=10), bank="江州农商银行")
    june = alert_report(
        store.engine, since=T0 + timedelta(days=5), until=T0 + timedelta(days=20), bank="工行"
    )
    assert (june.drills.raised, june.real.raised, june.bank) == (1, 0, "中国工商银行")


@pytest.mark.parametrize(
    ("since", "until", "message"),
    [
        (datetime(1900, 1, 1), None, "超出可接受的范围"),
        (T0, T0 - timedelta(days=1), "起始时间应早于截止时间"),
    ],
)
def test_a_bad_period_is_refused(
    store: AlertStore, since: datetime, until: datetime | None, message: str
) -> None:
    with pytest.raises(AlertError, match=message):
        alert_report(store.engine, since=since, until=until)
