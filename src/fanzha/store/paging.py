"""Lists read a page at a time: how many rows the filters select, and one page of them in a stable order.

`sorted_by` orders by one column in the asked direction with empty values last, then by a unique id in
the same direction, so that rows with equal keys keep their places from one page to the next;
`count_where` counts what the filters select; `sorted_page` does both for one table (the bank console's
held transfers, the consoles' order lists).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session


def sorted_by(column: Any, *, tie: Any, descending: bool) -> tuple[Any, Any]:
    """ORDER BY terms: `column` (nulls last), then `tie` (a unique id), both in the asked direction."""
    if descending:
        return column.desc().nulls_last(), tie.desc()
    return column.asc().nulls_last(), tie.asc()


def count_where(session: Session, table: type[Any], where: Sequence[ColumnElement[bool]]) -> int:
    """How many rows of `table` the conditions select."""
    return session.scalar(select(func.count()).select_from(table).where(*where)) or 0


def sorted_page(
    session: Session,
    table: type[Any],
    where: Sequence[ColumnElement[bool]],
    *,
    by: Any,
    descending: bool,
    limit: int,
    offset: int,
) -> tuple[int, list[Any]]:
    """(how many rows of `table` the conditions select, the page of them by `by`, then by id); a
    negative limit or offset counts as 0."""
    order = sorted_by(by, tie=table.id, descending=descending)
    stmt = select(table).where(*where).order_by(*order).limit(max(limit, 0)).offset(max(offset, 0))
    return count_where(session, table, where), list(session.scalars(stmt))
