"""The bank console's 核查记录, one page at a time: filtered, sorted and counted by the database.

Filters: the outcome (劝阻成功 / 客户坚持 / 报警), the checklist (counter / ATM), a range of times the check
was recorded, and text found in the transfer id or the payee account. A bank sees its own checks only.
Sort keys: `at` (when the check was recorded), `amount`, `outcome`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, or_
from sqlalchemy.orm import Session

from fanzha.counter.check_model import OUTCOMES, CounterCheck
from fanzha.counter.checks import check_of
from fanzha.store.bank_tables import CounterCheckRow
from fanzha.store.paging import sorted_page

SORTS = {"at": "时间", "amount": "金额", "outcome": "结果"}

_row = CounterCheckRow
_ORDER: dict[str, Any] = {"at": _row.created_at, "amount": _row.amount_fen, "outcome": _row.outcome}


@dataclass(frozen=True, slots=True)
class CheckQuery:
    bank: str | None  # the caller's bank; None: an admin, every bank's
    outcome: str = ""
    checklist: str = ""
    since: datetime | None = None  # UTC, inclusive
    until: datetime | None = None  # UTC, exclusive
    text: str = ""


def _conditions(q: CheckQuery) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if q.bank is not None:
        found.append(_row.bank == q.bank)
    if q.outcome in OUTCOMES:
        found.append(_row.outcome == q.outcome)
    if q.checklist:
        found.append(_row.checklist == q.checklist)
    if q.since is not None:
        found.append(_row.created_at >= q.since)
    if q.until is not None:
        found.append(_row.created_at < q.until)
    if q.text.strip():
        like = f"%{q.text.strip()[:64]}%"
        found.append(or_(_row.transfer_id.like(like), _row.payee_account.like(like)))
    return found


def check_page(
    engine: Engine,
    query: CheckQuery,
    *,
    sort: str = "at",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[CounterCheck]]:
    """(how many checks match, the page of them in the asked order)."""
    with Session(engine) as session:
        total, rows = sorted_page(
            session, _row, _conditions(query), by=_ORDER.get(sort, _ORDER["at"]), descending=descending,
            limit=limit, offset=offset,
        )  # fmt: skip
        return total, [check_of(r) for r in rows]
