from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fanzha.warn.priority import Evidence, score

NOW = datetime(2026, 11, 6, tzinfo=UTC)
RECENT = NOW - timedelta(hours=2)
OLD = NOW - timedelta(days=30)


def _points(evidence: Evidence, age: int | None = 40, level: str = "suspicious") -> int:
    return score(evidence, age=age, level=level, now=NOW)[0]


CALL = Evidence().add(kind="call", at=OLD)
SMS = Evidence().add(kind="sms", at=OLD)
SMALL_PAYMENT = Evidence().add(kind="payment", at=OLD, amount=200)
LARGE_PAYMENT = Evidence().add(kind="payment", at=OLD, amount=80_000)
IN_PROGRESS = Evidence().add(kind="payment", at=OLD, amount=200, in_progress=True)


@pytest.mark.parametrize(
    ("higher", "lower", "why"),
    [
        (SMALL_PAYMENT, CALL, "a payment ranks above a call"),
        (CALL, SMS, "a call ranks above an SMS"),
        (LARGE_PAYMENT, SMALL_PAYMENT, "a large payment first"),
        (Evidence().add(kind="call", at=RECENT), CALL, "a recent contact first"),
        (IN_PROGRESS, LARGE_PAYMENT, "a payment in progress goes to the top"),
    ],
)
def test_priority_orders_the_evidence(higher: Evidence, lower: Evidence, why: str) -> None:
    assert _points(higher) > _points(lower), why


def test_an_elderly_resident_comes_first_and_is_said_to() -> None:
    points, reasons = score(CALL, age=78, level="suspicious", now=NOW)
    assert points > _points(CALL, age=40)
    assert any("78岁" in r for r in reasons)


def test_a_confirmed_identifier_outranks_a_reported_one() -> None:
    assert _points(CALL, level="confirmed") > _points(CALL, level="suspicious")


def test_every_point_has_its_reason() -> None:
    points, reasons = score(IN_PROGRESS.add(kind="call", at=RECENT), age=66, level="confirmed", now=NOW)
    assert points == 40 + 40 + 3 + 15 + 15 + 10
    assert any("正在进行" in r for r in reasons) and any("24小时内" in r for r in reasons)


def test_evidence_merges_counts_times_and_the_largest_payment() -> None:
    merged = LARGE_PAYMENT.merge(CALL.add(kind="payment", at=RECENT, amount=500))
    assert (merged.calls, merged.payments, merged.largest_payment) == (1, 2, 80_000)
    assert (merged.first_at, merged.last_at) == (OLD, RECENT)
