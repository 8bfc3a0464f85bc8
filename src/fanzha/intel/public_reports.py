"""What the public sent the police, read back for the desk: the reports on identifiers (from citizens,
and those the police and banks filed) and the appeals of holders of flagged identifiers (反电信网络诈骗法
第三十二条), as filtered pages; and the audit entry each opened report or appeal leaves.

Read-only: `IntelStore` (`fanzha.intel.repository`) writes these tables and decides an appeal
(`IntelStore.review_appeal`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from fanzha.audit.log import append, append_retrying
from fanzha.store.tables import AppealRow, IdentifierRow, ReportRow
from fanzha.timezones import from_db

SOURCE_NAMES = {"citizen": "群众举报", "police": "警方案件", "bank": "银行"}
APPEAL_STATUS_NAMES = {"open": "待审核", "upheld": "申诉成立", "rejected": "已驳回"}
Equal = Iterable[tuple[InstrumentedAttribute[Any], str | None]]  # (column, value) pairs; empty: any value


@dataclass(frozen=True, slots=True)
class ReportItem:
    id: int
    kind: str
    value: str
    source: str
    fraud_type: str
    text: str
    created_at: datetime
    reports_on_identifier: int = 0  # every report on the same identifier (this one included)


@dataclass(frozen=True, slots=True)
class AppealItem:
    id: int
    kind: str
    value: str
    reason: str
    contact: str
    status: str
    reviewed_by: str
    review_note: str
    created_at: datetime
    reviewed_at: datetime | None


def _with_identifier(row: type[ReportRow] | type[AppealRow]) -> Select[Any, IdentifierRow]:
    """`row`'s table (reports or appeals) joined to the identifier each row is about."""
    return select(row, IdentifierRow).join(IdentifierRow, row.identifier_id == IdentifierRow.id)


def _page(
    engine: Engine, row: type[ReportRow] | type[AppealRow], equal: Equal, text: str | None, *,
    order: ColumnElement[Any], limit: int, offset: int,
) -> tuple[int, Sequence[Any]]:  # fmt: skip
    """(how many `row`s with their identifiers match, one page of them in `order`): the rows whose column
    equals each given value (an empty value narrows nothing) and whose identifier contains `text`."""
    query = _with_identifier(row).where(*(column == value for column, value in equal if value))
    if text:
        query = query.where(IdentifierRow.value.like(f"%{text.strip()[:50]}%"))
    with Session(engine) as session:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        rows = session.execute(query.order_by(order).limit(limit).offset(offset)).all()
    return total, rows


def _report(r: ReportRow, i: IdentifierRow, count: int = 0) -> ReportItem:
    return ReportItem(r.id, i.kind, i.value, r.source, r.fraud_type or "", r.text or "",
                      from_db(r.created_at), count)  # fmt: skip


def list_reports(
    engine: Engine, *, source: str | None = "citizen", kind: str | None = None, fraud_type: str | None = None,
    text: str | None = None, limit: int = 30, offset: int = 0,
) -> tuple[int, list[ReportItem]]:  # fmt: skip
    """(how many match, one page of them, newest first)."""
    equal = ((ReportRow.source, source), (IdentifierRow.kind, kind), (ReportRow.fraud_type, fraud_type))
    total, rows = _page(engine, ReportRow, equal, text, order=ReportRow.id.desc(), limit=limit, offset=offset)
    return total, [_report(r, i) for r, i in rows]


def get_report(engine: Engine, report_id: int) -> ReportItem | None:
    with Session(engine) as session:
        found = session.execute(_with_identifier(ReportRow).where(ReportRow.id == report_id)).first()
        if found is None:
            return None
        r, i = found
        count = session.scalar(select(func.count()).where(ReportRow.identifier_id == i.id)) or 0
        return _report(r, i, count)


def _appeal(a: AppealRow, i: IdentifierRow) -> AppealItem:
    return AppealItem(a.id, i.kind, i.value, a.reason, a.contact or "", a.status, a.reviewed_by or "",
                      a.review_note or "", from_db(a.created_at), from_db(a.reviewed_at))  # fmt: skip


def list_appeals(
    engine: Engine, *, status: str | None = "open", kind: str | None = None, text: str | None = None,
    limit: int = 30, offset: int = 0,
) -> tuple[int, list[AppealItem]]:  # fmt: skip
    """(how many match, one page of them: open ones oldest first, as a queue; decided ones newest first)."""
    equal = ((AppealRow.status, status), (IdentifierRow.kind, kind))
    order = AppealRow.id.asc() if status == "open" else AppealRow.id.desc()
    total, rows = _page(engine, AppealRow, equal, text, order=order, limit=limit, offset=offset)
    return total, [_appeal(a, i) for a, i in rows]


def get_appeal(engine: Engine, appeal_id: int) -> AppealItem | None:
    with Session(engine) as session:
        found = session.execute(_with_identifier(AppealRow).where(AppealRow.id == appeal_id)).first()
        return None if found is None else _appeal(*found)


def reports_on(engine: Engine, kind: str, value: str, *, limit: int = 20) -> list[ReportItem]:
    """The latest reports on one identifier (the evidence an appeal is weighed against)."""
    with Session(engine) as session:
        rows = session.execute(
            _with_identifier(ReportRow)
            .where(IdentifierRow.kind == kind, IdentifierRow.value == value)
            .order_by(ReportRow.id.desc())
            .limit(limit)
        ).all()
        return [_report(r, i) for r, i in rows]


def record_view(engine: Engine, *, actor: str, subject: str) -> None:
    """An officer opened a report or an appeal with its personal data: `<kind>.view` in the audit log."""
    action = subject.split(":", 1)[0] + ".view"
    append_retrying(engine, lambda session: append(session, actor=actor, action=action, subject=subject))
