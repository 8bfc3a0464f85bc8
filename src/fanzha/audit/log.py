"""The append-only audit log of every action on cases and orders, hash-chained.

Entry n stores `hash_n = SHA-256(hash_{n-1} | seq | at | actor | action | subject | detail)`, with the
detail as canonical JSON (sorted keys, no spaces). Changing, deleting or reordering any stored entry
breaks the chain at that entry, and `verify` says where. Deleting the newest entries, or rewriting the
whole table from the first changed entry onward, leaves a consistent chain: so every committed append
also records the new head outside the table (`fanzha.audit.anchor`), and `verify(engine, anchor=head)`
checks the table against a head kept there or by an officer.

`append` runs inside the caller's transaction, so an action and its audit entry are stored together
or not at all; the anchor moves when that transaction commits. Concurrent appends race for the next
`seq` (the primary key); the loser's transaction fails and is retried by
`fanzha.audit.log.append_retrying`.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, SessionTransaction

from fanzha.audit.anchor import Head, anchor_for
from fanzha.store.case_tables import AuditRow
from fanzha.timezones import to_utc

GENESIS = "0" * 64
T = TypeVar("T")
_PENDING = "fanzha.audit.head"  # session.info: the head this transaction appended, anchored on commit
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    detail: dict[str, Any]
    hash: str


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    checked: int
    head: str  # the hash of the last entry that fits (anchor it elsewhere)
    bad_seq: int | None = None
    reason: str = ""
    after_anchor: int = 0  # entries after the anchored head (with `anchor`)


def _canonical(detail: dict[str, Any]) -> str:
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _stamp(at: datetime) -> str:
    at = at if at.tzinfo is not None else at.replace(tzinfo=UTC)  # SQLite returns naive datetimes
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _digest(prev: str, seq: int, at: datetime, actor: str, action: str, subject: str, detail: str) -> str:
    payload = "|".join((prev, str(seq), _stamp(at), actor, action, subject, detail))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    session: Session,
    *,
    actor: str,
    action: str,
    subject: str,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditRow:
    """Add an entry in the session's transaction (flushed, not committed)."""
    last = session.execute(select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)).first()
    seq, prev = (last[0] + 1, last[1]) if last is not None else (1, GENESIS)
    at = to_utc(at) if at is not None else datetime.now(UTC)
    text = _canonical(detail or {})
    row = AuditRow(
        seq=seq,
        at=at,
        actor=actor[:64],
        action=action[:48],
        subject=subject[:64],
        detail=text,
        prev_hash=prev,
        hash=_digest(prev, seq, at, actor[:64], action[:48], subject[:64], text),
    )
    session.add(row)
    session.flush()
    session.info[_PENDING] = Head(seq, row.hash)
    return row


def record_head(engine: Engine, head: Head) -> None:
    """Move `engine`'s anchor to `head` (never back). A failure is logged: the action it follows is
    already committed, and `fanzha audit verify` shows an anchor that fell behind."""
    try:
        anchor = anchor_for(engine)
        if anchor is not None and not anchor.advance(head):
            kept = anchor.read()
            if kept is not None and kept != head:  # entries deleted or rewritten: verify will say where
                log.warning("audit anchor holds %s but the log reached %s", kept, head)
    except Exception as exc:  # the anchor's file or Redis is unavailable: say so, the action stands
        log.warning("could not record the audit head %s: %s", head, exc)


@event.listens_for(Session, "after_commit")
def _anchor_committed(session: Session) -> None:
    head = session.info.pop(_PENDING, None)
    if head is None:
        return
    bind = session.get_bind()
    record_head(bind if isinstance(bind, Engine) else bind.engine, head)


@event.listens_for(Session, "after_transaction_end")
def _forget_uncommitted(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # rolled back or closed: what it appended is gone
        session.info.pop(_PENDING, None)


def append_retrying(engine: Engine, work: Callable[[Session], T], *, attempts: int = 5) -> T:
    """Run `work(session)` (which appends audit entries) and commit; retry when another writer took
    the same `seq` first."""
    for attempt in range(attempts):
        with Session(engine) as session:
            try:
                result = work(session)
                session.commit()
                return result
            except IntegrityError:
                session.rollback()
                if attempt == attempts - 1:
                    raise
    raise AssertionError("unreachable")


def history(session: Session, subject: str) -> list[AuditEntry]:
    rows = session.scalars(select(AuditRow).where(AuditRow.subject == subject).order_by(AuditRow.seq))
    return [_entry(r) for r in rows]


def recent(session: Session, *, limit: int = 100) -> list[AuditEntry]:
    rows = session.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(limit))
    return [_entry(r) for r in rows]


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(row.seq, row.at, row.actor, row.action, row.subject, json.loads(row.detail), row.hash)


def verify(engine: Engine, *, batch: int = 10_000, anchor: Head | None = None) -> Verification:
    """Walk the chain from the first entry; the first entry that does not fit is reported. With
    `anchor` (a head kept outside the table), also report the log ending before it (its newest entries
    deleted) or holding another entry under its number (the log rewritten)."""
    prev, expected_seq, checked = GENESIS, 1, 0
    anchor_at = 0 if anchor is None or anchor.hash != GENESIS else -1  # -1: the empty log's head
    with Session(engine) as session:
        last_seq = 0
        while True:
            rows = session.scalars(
                select(AuditRow).where(AuditRow.seq > last_seq).order_by(AuditRow.seq).limit(batch)
            ).all()
            if not rows:
                break
            for row in rows:
                if row.seq != expected_seq:
                    return Verification(False, checked, prev, row.seq, f"缺少第 {expected_seq} 条记录")
                if row.prev_hash != prev:
                    return Verification(False, checked, prev, row.seq, "与上一条记录的哈希不衔接")
                digest = _digest(prev, row.seq, row.at, row.actor, row.action, row.subject, row.detail)
                if digest != row.hash:
                    return Verification(False, checked, prev, row.seq, "记录内容与其哈希不符（被改动）")
                if anchor is not None and (
                    row.seq == anchor.seq or (anchor.seq == 0 and row.hash == anchor.hash)
                ):
                    if row.hash != anchor.hash:
                        return Verification(
                            False, checked, prev, row.seq,
                            f"第 {row.seq} 条记录的哈希与锚定值不符：审计日志在锚定之后被改写"
                            f"（锚定 {anchor.hash[:16]}…，现为 {row.hash[:16]}…）",
                        )  # fmt: skip
                    anchor_at = row.seq
                prev, expected_seq, checked = row.hash, expected_seq + 1, checked + 1
            last_seq = rows[-1].seq
    if anchor is None:
        return Verification(True, checked, prev)
    if anchor.seq > checked:
        if checked == 0:
            reason = f"锚定的最新记录为第 {anchor.seq} 条，但审计日志为空：全部记录被删除"
        else:
            reason = (
                f"锚定的最新记录为第 {anchor.seq} 条，审计日志只到第 {checked} 条："
                f"其后 {anchor.seq - checked} 条记录被删除"
            )
        return Verification(False, checked, prev, checked + 1, reason)
    if anchor_at == 0:
        reason = f"锚定的哈希 {anchor.hash[:16]}… 不在审计日志中：它所在的记录被删除或日志被改写"
        return Verification(False, checked, prev, None, reason)
    return Verification(True, checked, prev, after_anchor=checked - max(anchor_at, 0))
