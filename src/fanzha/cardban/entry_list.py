"""The 惩戒 list a page at a time, for the desk's and the banks' consoles: filtered, sorted and counted by
the database.

Filters: the status today (`STATUSES`), the kind (bank card / phone card), a range of days the entry was
recorded, and text found in the account or number or the bank review's reference (and, for officers, the
holder's name or ID number). A bank sees the entries it recorded only (`recorded_by`, compared by `bank_name`).
Sort keys: `recorded` (when the entry was recorded), `starts`, `ends` (the term), `value`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, or_
from sqlalchemy.orm import Session

from fanzha.cardban.model import KINDS, STATUSES, Entry
from fanzha.cardban.register import status_clause, to_entry, today_in_beijing
from fanzha.intel.banks import bank_name
from fanzha.store.cardban_tables import CardbanEntryRow
from fanzha.store.paging import sorted_page

SORTS = {"recorded": "登记时间", "starts": "起始日期", "ends": "截止日期", "value": "账户 / 号码"}

_row = CardbanEntryRow
_ORDER: dict[str, Any] = {
    "recorded": _row.created_at, "starts": _row.starts_on, "ends": _row.ends_on, "value": _row.value,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class EntryQuery:
    recorded_by: str | None  # a bank: the entries it recorded; None: every entry (officers)
    status: str = ""
    kind: str = ""
    since: datetime | None = None  # UTC, inclusive
    until: datetime | None = None  # UTC, exclusive
    text: str = ""


def _conditions(q: EntryQuery, today: date) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if q.recorded_by is not None:
        found.append(_row.recorded_by == bank_name(q.recorded_by))
    if q.status in STATUSES:
        found.append(status_clause(q.status, today))
    if q.kind in KINDS:
        found.append(_row.kind == q.kind)
    if q.since is not None:
        found.append(_row.created_at >= q.since)
    if q.until is not None:
        found.append(_row.created_at < q.until)
    text = q.text.strip()[:64]
    if text:
        bare = text.replace(" ", "").replace("-", "")
        found_in = [_row.value.like(f"%{bare}%"), _row.review_ref.like(f"%{text}%")]
        if q.recorded_by is None:  # a bank sees holders masked: it cannot search them either
            found_in += [_row.holder_name.like(f"%{text}%"), _row.holder_id.like(f"%{bare.upper()}%")]
        found.append(or_(*found_in))
    return found


def entry_page(
    engine: Engine,
    query: EntryQuery,
    *,
    sort: str = "recorded",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
    today: date | None = None,
) -> tuple[int, list[Entry]]:
    """(how many entries match, the page of them in the asked order), the status as of `today` (Beijing)."""
    where = _conditions(query, today or today_in_beijing())
    with Session(engine) as session:
        total, rows = sorted_page(
            session, _row, where, by=_ORDER.get(sort, _ORDER["recorded"]), descending=descending,
            limit=limit, offset=offset,
        )  # fmt: skip
        return total, [to_entry(r) for r in rows]
