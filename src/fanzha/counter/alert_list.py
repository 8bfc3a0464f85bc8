"""A bank's 柜面报警, one page at a time: filtered, sorted and counted by the database.

Filters: the state (待接警 / 已接警 / 已处置), the kind, real or drill, a range of times the alert was
raised, and text found in the branch, the counter or the teller. A bank sees its own alerts only.
Sort keys: `raised` (when the desk received it), `occurred` (when it happened), `state`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, or_
from sqlalchemy.orm import Session

from fanzha.counter.alert_model import KINDS, STATES, Alert
from fanzha.counter.alerts import to_alert
from fanzha.intel.banks import bank_name
from fanzha.store.counter_tables import CounterAlertRow
from fanzha.store.paging import sorted_page

SORTS = {"raised": "报警时间", "occurred": "发生时间", "state": "状态"}
DRILLS = {"real": "真实报警", "drill": "演练"}

_row = CounterAlertRow
_ORDER: dict[str, Any] = {"raised": _row.raised_at, "occurred": _row.occurred_at, "state": _row.state}


@dataclass(frozen=True, slots=True)
class AlertQuery:
    bank: str | None  # the caller's bank; None: an admin, every bank's
    state: str = ""
    kind: str = ""
    drill: str = ""  # "" | real | drill
    since: datetime | None = None  # UTC, inclusive
    until: datetime | None = None  # UTC, exclusive
    text: str = ""


def _conditions(q: AlertQuery) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if q.bank is not None:
        found.append(_row.bank == bank_name(q.bank))
    if q.state in STATES:
        found.append(_row.state == q.state)
    if q.kind in KINDS:
        found.append(_row.kind == q.kind)
    if q.drill in DRILLS:
        found.append(_row.drill == (q.drill == "drill"))
    if q.since is not None:
        found.append(_row.raised_at >= q.since)
    if q.until is not None:
        found.append(_row.raised_at < q.until)
    if q.text.strip():
        like = f"%{q.text.strip()[:64]}%"
        found.append(or_(_row.branch.like(like), _row.counter.like(like), _row.teller.like(like)))
    return found


def alert_page(
    engine: Engine,
    query: AlertQuery,
    *,
    sort: str = "raised",
    descending: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> tuple[int, list[Alert]]:
    """(how many alerts match, the page of them in the asked order)."""
    with Session(engine) as session:
        total, rows = sorted_page(
            session, _row, _conditions(query), by=_ORDER.get(sort, _ORDER["raised"]), descending=descending,
            limit=limit, offset=offset,
        )  # fmt: skip
        return total, [to_alert(r) for r in rows]
