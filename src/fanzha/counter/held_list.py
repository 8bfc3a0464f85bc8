"""The bank console's list of held transfers, one page at a time: filtered, sorted and counted by the
database, so a bank with thousands of held transfers gets its page as fast as one with ten.

Filters: whether the transfer was checked yet (`pending`, the default; `checked`; `all`), the screening
outcome (暂停 hold / 拦截 block), the channel, a range of transfer times, a range of amounts, the
screening bank (for an admin, who sees every bank's), and text found in the transfer id or either account.
Sort keys: `at` (the transfer's time, else the screening time), `amount`, `bank`, `outcome`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from fanzha.counter.held import HeldTransfer, held_of
from fanzha.store.bank_tables import CounterCheckRow
from fanzha.store.paging import sorted_page
from fanzha.store.screen_tables import ScreenDecisionRow

STATES = {"pending": "待核查", "checked": "已核查", "all": "全部"}
OUTCOMES = {"hold": "暂停", "block": "拦截"}
SORTS = {"at": "时间", "amount": "金额", "bank": "银行", "outcome": "处置"}

_row = ScreenDecisionRow
_when = func.coalesce(_row.transfer_at, _row.decided_at)
_ORDER: dict[str, Any] = {"at": _when, "amount": _row.amount_fen, "bank": _row.bank, "outcome": _row.outcome}


@dataclass(frozen=True, slots=True)
class HeldQuery:
    bank: str | None  # the caller's bank; None: an admin, every bank's
    state: str = "pending"
    outcome: str = ""
    channel: str = ""
    screened_by: str = ""  # an admin's choice of bank
    since: datetime | None = None  # UTC, inclusive
    until: datetime | None = None  # UTC, exclusive
    min_amount: float | None = None  # yuan
    max_amount: float | None = None
    text: str = ""


def _conditions(q: HeldQuery) -> list[ColumnElement[bool]]:
    checked = exists().where(
        and_(CounterCheckRow.bank == _row.bank, CounterCheckRow.transfer_id == _row.transfer_id)
    )
    found: list[ColumnElement[bool]] = [_row.outcome.in_(tuple(OUTCOMES)), _row.review == ""]
    if q.bank is not None:
        found.append(_row.bank == q.bank)
    elif q.screened_by:
        found.append(_row.bank == q.screened_by)
    if q.state == "pending":
        found.append(~checked)
    elif q.state == "checked":
        found.append(checked)
    if q.outcome in OUTCOMES:
        found.append(_row.outcome == q.outcome)
    if q.channel:
        found.append(_row.channel == q.channel)
    if q.since is not None:
        found.append(_when >= q.since)
    if q.until is not None:
        found.append(_when < q.until)
    if q.min_amount is not None:
        found.append(_row.amount_fen >= round(q.min_amount * 100))
    if q.max_amount is not None:
        found.append(_row.amount_fen <= round(q.max_amount * 100))
    if q.text.strip():
        like = f"%{q.text.strip()[:64]}%"
        found.append(
            or_(_row.transfer_id.like(like), _row.payee_account.like(like), _row.payer_account.like(like))
        )
    return found


def held_page(
    engine: Engine,
    query: HeldQuery,
    *,
    sort: str = "at",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[HeldTransfer]]:
    """(how many transfers match, the page of them in the asked order)."""
    column = _ORDER.get(sort, _ORDER["at"])
    with Session(engine) as session:
        total, rows = sorted_page(
            session, _row, _conditions(query), by=column, descending=descending, limit=limit, offset=offset
        )
        done = {
            (b, t)
            for b, t in session.execute(
                select(CounterCheckRow.bank, CounterCheckRow.transfer_id).where(
                    CounterCheckRow.transfer_id.in_({r.transfer_id for r in rows})
                )
            )
        }
        return total, [held_of(r, checked=(r.bank, r.transfer_id) in done) for r in rows]


def banks_held(engine: Engine) -> list[str]:
    """The banks that have held or blocked transfers (an admin's bank filter)."""
    with Session(engine) as session:
        stmt = select(_row.bank).where(_row.outcome.in_(tuple(OUTCOMES))).distinct().order_by(_row.bank)
        return list(session.scalars(stmt.limit(500)))
