"""Which 串并 groups run through listed accounts and numbers: named by a case, or paid into by a victim;
only entries whose term runs today count."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fanzha.cardban import CardbanStore, EntryIn, groups_through_listed, listed_by_group
from fanzha.cases.model import CaseIdentifier, CaseIn, Payment
from fanzha.cases.repository import CaseStore
from fanzha.store import upgrade

TODAY = date(2026, 6, 3)
NOW = datetime(2026, 6, 3, 4, 0, tzinfo=UTC)
MULE = "6222021234567890128"
PAID_ONLY = "6212261234567890123"
PHONE = "17012345678"


def _case(cases: CaseStore, *idents: CaseIdentifier, paid_to: str = "") -> int:
    payments = [Payment(amount=5000, to_account=paid_to)] if paid_to else []
    return (
        cases.create(
            CaseIn(received_at=NOW, identifiers=list(idents), payments=payments), actor="JZ1"
        ).group_id
        or 0
    )


def _list(register: CardbanStore, kind: str, value: str, **term: date) -> None:
    register.add(
        EntryIn(kind=kind, value=value, holder_name="张三", holder_id="11010519491231002X", evidence="bank_review",
                review_ref="R", **term),  # type: ignore[arg-type]
        actor="工行", role="bank", today=term.get("starts_on", TODAY), now=NOW,
    )  # fmt: skip


@pytest.fixture
def groups(engine: Engine) -> dict[str, int]:
    upgrade(engine)
    cases, register = CaseStore(engine), CardbanStore(engine)
    named = _case(cases, CaseIdentifier("bank_card", MULE))
    _case(cases, CaseIdentifier("bank_card", MULE), CaseIdentifier("qq", "123456789"))
    by_phone = _case(cases, CaseIdentifier("phone", "+86 170 1234 5678"))
    paid = _case(cases, CaseIdentifier("qq", "987654321"), paid_to=PAID_ONLY)
    expired = _case(cases, CaseIdentifier("bank_card", "6228480402564890018"))
    _case(cases, CaseIdentifier("qq", "555555555"))
    _list(register, "bank_card", MULE)
    _list(register, "phone", PHONE)
    _list(register, "bank_card", PAID_ONLY)
    _list(
        register, "bank_card", "6228480402564890018", starts_on=date(2020, 1, 1), ends_on=date(2024, 12, 31)
    )
    return {"named": named, "phone": by_phone, "paid": paid, "expired": expired}


def test_groups_that_name_or_were_paid_into_a_listed_account_are_found(
    engine: Engine, groups: dict[str, int]
) -> None:
    with Session(engine) as session:
        found = listed_by_group(session, today=TODAY)
    assert set(found) == {groups["named"], groups["phone"], groups["paid"]}
    assert [(h.kind, h.value, h.via) for h in found[groups["named"]]] == [("bank_card", MULE, "identifier")]
    assert [(h.value, h.via) for h in found[groups["phone"]]] == [(PHONE, "identifier")]
    assert [(h.value, h.via) for h in found[groups["paid"]]] == [(PAID_ONLY, "payment")]


def test_the_largest_groups_through_listed_accounts_come_first(
    engine: Engine, groups: dict[str, int]
) -> None:
    with Session(engine) as session:
        found = groups_through_listed(session, today=TODAY)
        two_or_more = groups_through_listed(session, today=TODAY, min_cases=2)
        only = listed_by_group(session, today=TODAY, group_ids=[groups["phone"], 424242])
    assert found[0][0].id == groups["named"] and found[0][0].size == 2
    assert [g.id for g, _ in two_or_more] == [groups["named"]]
    assert set(only) == {groups["phone"]}


def test_nothing_runs_through_a_list_that_has_not_started(engine: Engine, groups: dict[str, int]) -> None:
    with Session(engine) as session:
        assert listed_by_group(session, today=date(2026, 6, 2)) == {}
        assert listed_by_group(session, today=TODAY, group_ids=[]) == {}
