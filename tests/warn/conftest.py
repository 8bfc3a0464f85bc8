"""Fixtures of the warning tests: a migrated store and a warning service on it with an intelligence store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade
from fanzha.warn import FamilyIn, ResidentIn, WarnService
from fanzha.warn.model import AccountIn

NOW = datetime(2026, 11, 6, 2, 0, tzinfo=UTC)  # 10:00 Beijing time


@pytest.fixture
def warn(engine: Engine) -> WarnService:
    upgrade(engine)
    intel = IntelStore(engine)
    service = WarnService(engine, intel=intel)
    intel.add_listener(service.on_intel)
    return service


def _resident(
    name: str = "王秀英",
    phone: str = "13800138000",
    *,
    community: str = "幸福里社区",
    age: int | None = 72,
    family: list[FamilyIn] | None = None,
    accounts: list[AccountIn] | None = None,
) -> ResidentIn:
    return ResidentIn(
        name=name, phone=phone, community=community, age=age, district="城关区", police_station="城关派出所",
        family=family or [], accounts=accounts or [],
    )  # fmt: skip


@pytest.fixture
def person():  # type: ignore[no-untyped-def]
    """`person(name, phone, community=…, age=…, family=…, accounts=…)`: a registration to store."""
    return _resident
