"""Paged lists: the count of what the filters select, and a page in a stable order (empty values last,
ties broken by id in the same direction), on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import ColumnElement, Engine
from sqlalchemy.orm import Session

from fanzha.store import upgrade
from fanzha.store.case_tables import OrderRow
from fanzha.store.paging import count_where, sorted_by, sorted_page

T0 = datetime(2026, 11, 6, 6, 0, tzinfo=UTC)
H = timedelta(hours=1)
MULE = "6222021234567890128"
# id: (deadline, state); ids 1 and 4 share a deadline, 2 and 5 have none
ORDERS = {
    1: (T0 + 2 * H, "executed"),
    2: (None, "requested"),
    3: (T0 + H, "executed"),
    4: (T0 + 2 * H, "requested"),
    5: (None, "executed"),
}
EXECUTED = [OrderRow.state == "executed"]


@pytest.fixture
def db(engine: Engine) -> Engine:
    upgrade(engine)
    with Session(engine) as session:
        session.add_all(
            OrderRow(
                id=i, kind="stop_payment", account=MULE, state=state, requested_at=T0, expires_at=expires
            )
            for i, (expires, state) in ORDERS.items()
        )
        session.commit()
    return engine


@pytest.mark.parametrize(
    ("where", "descending", "limit", "offset", "total", "ids"),
    [
        ([], False, 10, 0, 5, [3, 1, 4, 2, 5]),  # nulls last, ties by id ascending
        ([], True, 10, 0, 5, [4, 1, 3, 5, 2]),  # nulls still last, ties by id descending
        ([], True, 2, 1, 5, [1, 3]),  # a page from the middle
        ([], True, 2, 4, 5, [2]),  # the last, short page
        ([], True, 10, 9, 5, []),  # past the end: counted, nothing shown
        ([], True, -1, 0, 5, []),  # a negative limit shows nothing
        ([], False, 2, -3, 5, [3, 1]),  # a negative offset starts at the top
        (EXECUTED, False, 10, 0, 3, [3, 1, 5]),  # the count and the page follow the filters
    ],
)
def test_sorted_page_counts_the_matches_and_pages_them_in_a_stable_order(
    db: Engine,
    where: list[ColumnElement[bool]],
    descending: bool,
    limit: int,
    offset: int,
    total: int,
    ids: list[int],
) -> None:
    with Session(db) as session:
        found, rows = sorted_page(
            session,
            OrderRow,
            where,
            by=OrderRow.expires_at,
            descending=descending,
            limit=limit,
            offset=offset,
        )
    assert (found, [r.id for r in rows]) == (total, ids)


def test_count_where_counts_what_the_conditions_select(db: Engine) -> None:
    with Session(db) as session:
        assert count_where(session, OrderRow, []) == 5
        assert count_where(session, OrderRow, EXECUTED) == 3
        assert count_where(session, OrderRow, [OrderRow.state == "closed"]) == 0


@pytest.mark.parametrize("descending", [False, True])
def test_sorted_by_orders_the_tie_break_in_the_same_direction(descending: bool) -> None:
    first, tie = sorted_by(OrderRow.expires_at, tie=OrderRow.id, descending=descending)
    way = "DESC" if descending else "ASC"
    assert str(first) == f"orders.expires_at {way} NULLS LAST"
    assert str(tie) == f"orders.id {way}"
