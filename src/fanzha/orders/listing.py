"""Stop-payment and freeze orders a page at a time, for the consoles' order lists and the exports: one
set of filters (`OrderFilter`), counted, sorted and paged by the database.

Filters: state (or `open`: not yet final), kind, the bank, the case, a range of request times, a range of
requested amounts, `expiring_within` (active orders whose deadline falls within it, overdue ones
included), text in the account. Sort keys: `requested` (the default, newest first), `expires`, `amount`,
`bank`, `state`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Engine, select
from sqlalchemy.orm import Session

from fanzha.intel.banks import bank_name
from fanzha.orders.machine import ACTIVE, KIND_NAMES, OPEN, STATES, Order
from fanzha.orders.rows import to_order
from fanzha.store.case_tables import CaseRow, OrderRow
from fanzha.store.paging import count_where, sorted_by, sorted_page

SORTS = {"requested": "申请时间", "expires": "期限", "amount": "申请金额", "bank": "银行", "state": "状态"}
_ORDER: dict[str, Any] = {
    "requested": OrderRow.requested_at,
    "expires": OrderRow.expires_at,
    "amount": OrderRow.amount_requested_fen,
    "bank": OrderRow.bank,
    "state": OrderRow.state,
}


@dataclass(frozen=True, slots=True)
class OrderFilter:
    state: str = ""  # one of STATES, "open", or "" (every state)
    kind: str = ""
    bank: str = ""  # the bank the order is addressed to
    case_id: int | None = None
    since: datetime | None = None  # requested at or after (UTC)
    until: datetime | None = None  # requested before (UTC)
    min_amount: float | None = None  # yuan requested
    max_amount: float | None = None
    account: str = ""  # text in the account
    expiring_within: timedelta | None = None
    now: datetime | None = None  # for `expiring_within`; the clock when None

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.state == "open":
            found.append(OrderRow.state.in_(OPEN))
        elif self.state in STATES:
            found.append(OrderRow.state == self.state)
        if self.kind in KIND_NAMES:
            found.append(OrderRow.kind == self.kind)
        if self.bank.strip():
            found.append(OrderRow.bank == bank_name(self.bank))
        if self.case_id is not None:
            found.append(OrderRow.case_id == self.case_id)
        if self.since is not None:
            found.append(OrderRow.requested_at >= self.since)
        if self.until is not None:
            found.append(OrderRow.requested_at < self.until)
        if self.min_amount is not None:
            found.append(OrderRow.amount_requested_fen >= round(self.min_amount * 100))
        if self.max_amount is not None:
            found.append(OrderRow.amount_requested_fen <= round(self.max_amount * 100))
        if self.account.strip():
            found.append(OrderRow.account.like(f"%{''.join(self.account.split())[:64]}%"))
        if self.expiring_within is not None:
            until = (self.now or datetime.now(UTC)) + self.expiring_within
            found.append(OrderRow.state.in_(ACTIVE))
            found.append(OrderRow.expires_at <= until)
        return found

    def shown(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items() if v not in (None, "") and k != "now"}


def _column(sort: str) -> Any:
    return _ORDER.get(sort, _ORDER["requested"])


def order_page(
    engine: Engine,
    filters: OrderFilter,
    *,
    sort: str = "requested",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[Order]]:
    """(how many orders match, the page of them in the asked order)."""
    where = filters.conditions()
    with Session(engine) as session:
        total, rows = sorted_page(
            session, OrderRow, where, by=_column(sort), descending=descending, limit=limit, offset=offset
        )
        return total, [to_order(r) for r in rows]


def count_orders(engine: Engine, filters: OrderFilter) -> int:
    with Session(engine) as session:
        return count_where(session, OrderRow, filters.conditions())


def each_order(
    engine: Engine,
    filters: OrderFilter,
    *,
    sort: str = "requested",
    descending: bool = True,
    batch: int = 1000,
) -> Iterator[tuple[Order, str]]:
    """Every matching order with its case's number, read `batch` at a time (for exports)."""
    stmt = (
        select(OrderRow, CaseRow.ref)
        .outerjoin(CaseRow, CaseRow.id == OrderRow.case_id)
        .where(*filters.conditions())
        .order_by(*sorted_by(_column(sort), tie=OrderRow.id, descending=descending))
        .execution_options(yield_per=batch)
    )
    with Session(engine) as session:
        for row, ref in session.execute(stmt):
            yield to_order(row), ref or ""
