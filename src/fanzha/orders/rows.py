"""Rows of orders and their checks: conversion to `Order`, money and text validation, the lock that
orders audit appends, and the audit entry of an order step. Used by `fanzha.orders.repository`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, select, text, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from fanzha.audit.log import append
from fanzha.cases.model import to_fen
from fanzha.orders.machine import OPEN, Order, OrderConflict, OrderError, Status, utc
from fanzha.orders.sweep import covers_for
from fanzha.store.case_tables import OrderRow

MAX_YUAN = 1e12
AUDIT_LOCK = 0x6F7264657273  # the advisory lock key of audit appends by order steps ("orders")


@dataclass(frozen=True, slots=True)
class InflowReport:
    stored: int
    skipped: int  # already stored (the same time, amount and sender)
    orders_updated: tuple[int, ...]  # open orders on the account whose covers changed


def opt_utc(moment: datetime | None) -> datetime | None:
    return utc(moment) if moment is not None else None


def to_order(row: OrderRow) -> Order:
    return Order(
        id=row.id,
        case_id=row.case_id,
        kind=row.kind,
        parent_id=row.parent_id,
        account=row.account,
        bank=row.bank,
        amount_requested=row.amount_requested_fen / 100,
        amount_stopped=row.amount_stopped_fen / 100,
        amount_returned=row.amount_returned_fen / 100,
        legal_basis=row.legal_basis,
        officer=row.officer,
        state=row.state,
        renewals=row.renewals,
        requested_at=utc(row.requested_at),
        executed_at=opt_utc(row.executed_at),
        expires_at=opt_utc(row.expires_at),
        closed_at=opt_utc(row.closed_at),
        note=row.note,
        covers=list(row.covers or []),
    )


def apply_status(row: OrderRow, status: Status) -> None:
    row.state, row.renewals = status.state, status.renewals
    row.executed_at, row.expires_at, row.closed_at = status.executed_at, status.expires_at, status.closed_at


def status_of(row: OrderRow) -> Status:
    return Status(
        row.kind,
        row.state,
        row.renewals,
        opt_utc(row.executed_at),
        opt_utc(row.expires_at),
        opt_utc(row.closed_at),
    )


def checked_fen(amount: float, what: str, *, zero_ok: bool = False) -> int:
    if not math.isfinite(amount) or amount < 0 or (amount == 0 and not zero_ok) or amount > MAX_YUAN:
        raise OrderError(f"{what}须为{'不小于' if zero_ok else '大于'}零的金额（元）")
    return to_fen(amount)


def checked_text(value: str, what: str, *, limit: int) -> str:
    value = value.strip()
    if not value:
        raise OrderError(f"请填写{what}")
    if len(value) > limit:
        raise OrderError(f"{what}不能超过 {limit} 个字符")
    return value


def lock_audit(session: Session, column: InstrumentedAttribute[str], *where: ColumnElement[bool]) -> None:
    """Take the write lock on the rows a step is about to read and change, before reading them: a
    no-op UPDATE (`column` = itself) locks the rows on PostgreSQL and the database on SQLite (where
    SELECT … FOR UPDATE does nothing), so two banks executing one order at once cannot both find it
    `requested`."""
    statement = update(column.class_).where(*where).values({column: column})
    session.execute(statement, execution_options={"synchronize_session": False})


def audit_step(session: Session, row: OrderRow, actor: str, verb: str, now: datetime, **detail: Any) -> None:
    """Append the step to the audit log. On PostgreSQL, order steps take turns for the next sequence
    number (a transaction-scoped advisory lock) instead of colliding and retrying; so that no two steps
    wait on each other, a step takes all its row locks (`_lock`) before its first audit entry."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK})
    base = {"case_id": row.case_id, "kind": row.kind, "state": row.state}
    append(
        session, actor=actor, action=f"order.{verb}", subject=f"order:{row.id}", detail=base | detail, at=now
    )


def new_order(
    session: Session, case_id: int | None, kind: str, basis: str, officer: str, now: datetime, **fields: Any
) -> OrderRow:
    """Add an order in state `requested`, with its covers, and audit it."""
    covers = covers_for(session, case_id=case_id, account=fields["account"])
    row = OrderRow(case_id=case_id, kind=kind, legal_basis=basis, officer=officer[:64], **fields)
    row.state, row.requested_at, row.covers = "requested", now, covers
    session.add(row)
    session.flush()
    audit_step(session, row, officer, "requested", now, legal_basis=basis, covers=len(row.covers), **fields)
    return row


def refuse_duplicate(session: Session, case_id: int, account: str) -> None:
    query = select(OrderRow.id).where(
        OrderRow.case_id == case_id, OrderRow.account == account, OrderRow.state.in_(OPEN)
    )
    open_id = session.scalar(query)
    if open_id is not None:
        raise OrderConflict(f"该案件对此账户已有未结束的指令 #{open_id}")


def now_or(now: datetime | None) -> datetime:
    return utc(now) if now is not None else datetime.now(UTC)
