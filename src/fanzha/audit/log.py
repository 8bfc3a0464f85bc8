"""The append-only audit log of every action on cases and orders, hash-chained.

Entry n stores `hash_n = SHA-256(hash_{n-1} | seq | at | actor | action | subject | detail)`, with the
detail as canonical JSON (sorted keys, no spaces). Changing, deleting or reordering any stored entry
breaks the chain at that entry, and `verify` says where. (A forger who can rewrite the whole table
from the first changed entry onward defeats any chain kept in the same database: publish or copy the
latest hash elsewhere — `fanzha audit verify` prints it — to anchor it.)

`append` runs inside the caller's transaction, so an action and its audit entry are stored together
or not at all. Concurrent appends race for the next `seq` (the primary key); the loser's transaction
fails and is retried by `fanzha.audit.log.append_retrying`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fanzha.store.case_tables import AuditRow
from fanzha.timezones import to_utc

GENESIS = "0" * 64
T = TypeVar("T")


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
    head: str  # the hash of the last entry (anchor it elsewhere)
    bad_seq: int | None = None
    reason: str = ""


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
    return row


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


def verify(engine: Engine, *, batch: int = 10_000) -> Verification:
    """Walk the chain from the first entry; the first entry that does not fit is reported."""
    prev, expected_seq, checked = GENESIS, 1, 0
    with Session(engine) as session:
        last_seq = 0
        while True:
            rows = session.scalars(
                select(AuditRow).where(AuditRow.seq > last_seq).order_by(AuditRow.seq).limit(batch)
            ).all()
            if not rows:
                return Verification(True, checked, prev)
            for row in rows:
                if row.seq != expected_seq:
                    return Verification(False, checked, prev, row.seq, f"缺少第 {expected_seq} 条记录")
                if row.prev_hash != prev:
                    return Verification(False, checked, prev, row.seq, "与上一条记录的哈希不衔接")
                digest = _digest(prev, row.seq, row.at, row.actor, row.action, row.subject, row.detail)
                if digest != row.hash:
                    return Verification(False, checked, prev, row.seq, "记录内容与其哈希不符（被改动）")
                prev, expected_seq, checked = row.hash, expected_seq + 1, checked + 1
            last_seq = rows[-1].seq
