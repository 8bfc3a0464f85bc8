"""Fixtures of the outreach tests: a registry of two districts, and a way to put cases on the desk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, insert

from fanzha.outreach.communities import upsert_community
from fanzha.store import upgrade
from fanzha.store.case_tables import CaseRow

COMMUNITIES = (
    ("幸福里社区", "城关区", 8000, 3000, 4),
    ("东风社区", "城关区", 5000, 2000, 4),
    ("新城社区", "开发区", 10000, 4000, 2),
)


def registry(engine: Engine) -> None:
    upgrade(engine)
    for name, district, population, target, monthly in COMMUNITIES:
        upsert_community(
            engine, name=name, district=district, population=population, households=population // 3,
            registration_target=target, activities_target=monthly, township="城关街道", police_station="城关派出所",
        )  # fmt: skip


def add_case(
    engine: Engine, *, ref: str, at: datetime, district: str, place: str, loss_fen: int = 0,
    fraud_type: str = "investment", narrative: str = "", synthetic: bool = False, persons: dict | None = None,
) -> None:  # fmt: skip
    stamp = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(CaseRow).values(
                ref=ref, received_at=at, district=district, place=place, loss_fen=loss_fen, fraud_type=fraud_type,
                narrative=narrative, synthetic=synthetic, persons=persons or {}, created_at=stamp, updated_at=stamp,
            )
        )  # fmt: skip


@pytest.fixture
def registered(engine: Engine) -> Engine:
    """The engine, migrated, with the three communities of COMMUNITIES."""
    registry(engine)
    return engine


@pytest.fixture
def case_adder() -> Callable[..., None]:
    return add_case
