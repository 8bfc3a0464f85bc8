"""The case store takes only fraud-type codes of the taxonomy (or none), on intake, bulk import and
correction; a bad code is a CaseError listing the valid ones, and nothing is stored."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from fanzha.cases.model import CaseIn
from fanzha.cases.repository import CaseError, CaseStore
from fanzha.store import upgrade
from fanzha.store.case_tables import CaseRow


@pytest.fixture
def cases(engine: Engine) -> CaseStore:
    upgrade(engine)
    return CaseStore(engine)


def _case(fraud_type: str, ref: str = "") -> CaseIn:
    return CaseIn(
        received_at=datetime(2026, 11, 17, 2, tzinfo=UTC), ref=ref, fraud_type=fraud_type, narrative="x"
    )


def _count(cases: CaseStore) -> int:
    with Session(cases.engine) as session:
        return int(session.scalar(select(func.count()).select_from(CaseRow)) or 0)


@pytest.mark.parametrize("code", ["impersonate_police", "Loan", " loan", "刷单返利", "normal"])
def test_an_unknown_code_is_refused_on_every_entry_path(cases: CaseStore, code: str) -> None:
    with pytest.raises(CaseError, match=r"不支持的诈骗类型.*impersonate_authority"):
        cases.create(_case(code), actor="民警甲")
    with pytest.raises(CaseError, match="不支持的诈骗类型"):
        cases.add_many([_case("loan", "A1"), _case(code, "A2")], actor="民警甲")
    assert _count(cases) == 0
    stored = cases.create(_case("loan"), actor="民警甲")
    with pytest.raises(CaseError, match="不支持的诈骗类型"):
        cases.update(stored.id, actor="民警乙", fraud_type=code)
    assert cases.get(stored.id).fraud_type == "loan"  # type: ignore[union-attr]


@pytest.mark.parametrize("code", ["", "rebate_task", "impersonate_authority"])
def test_a_taxonomy_code_or_none_is_stored(cases: CaseStore, code: str) -> None:
    assert cases.create(_case(code), actor="民警甲").fraud_type == code
