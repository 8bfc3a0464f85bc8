"""Cases built by hand at known Beijing times, for tests whose expected numbers are worked out here."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest

from fanzha.cases.model import CaseIn, Payment, Person

BEIJING = timezone(timedelta(hours=8))
_refs = itertools.count(1)


def case(
    at: str,
    fraud_type: str = "rebate_task",
    *,
    loss: float = 1000.0,
    dissuaded: bool = False,
    age: int | None = 30,
    sex: str = "女",
    district: str = "东湖区",
    desk: str = "110报警服务台",
    channel: str = "wechat",
    synthetic: bool = False,
) -> CaseIn:
    """A case received at `at` ("2026-11-16 09:30", Beijing time), stored in UTC as the desk does."""
    received = datetime.strptime(at, "%Y-%m-%d %H:%M").replace(tzinfo=BEIJING)
    payments = [] if dissuaded else [Payment(loss, received - timedelta(hours=1), "bank_transfer")]
    return CaseIn(
        received_at=received.astimezone(UTC),
        ref=f"T-{next(_refs):06d}",
        desk=desk,
        district=district,
        contact_channel=channel,
        fraud_type=fraud_type,
        dissuaded=dissuaded,
        victim=Person(name="测试人", age=age, sex=sex),
        payments=payments,
        narrative="测试案件",
        synthetic=synthetic,
        loss=0.0 if dissuaded else None,
    )


@pytest.fixture
def make_case() -> Callable[..., CaseIn]:
    return case
