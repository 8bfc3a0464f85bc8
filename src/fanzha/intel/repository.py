"""The intelligence store: reports, feedback and decisions on identifiers, and lookups of their risk.

Identifiers are stored in the normalised form `fanzha.extract` gives them, so `+86 138 0013 8000` and
`13800138000` are one identifier. Reporters are stored only as a salted hash.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, literal, null, select, union_all
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.extract.canonical import canonical, flags_of
from fanzha.intel.cache import TTLCache
from fanzha.intel.changes import ChangeFeed
from fanzha.intel.facts import domain_facts, number_facts
from fanzha.intel.idempotency import IdempotencyConflict
from fanzha.intel.notes import mask_note
from fanzha.intel.public_reports import APPEAL_STATUS_NAMES
from fanzha.intel.reference import brands, official_numbers, official_owner
from fanzha.intel.risk import Evidence, risk_level
from fanzha.store.tables import AppealRow, DecisionRow, FeedbackRow, IdentifierRow, ReportRow
from fanzha.taxonomy.codes import check_fraud_type
from fanzha.timezones import from_db

KINDS = ("phone", "bank_card", "url", "domain", "ip", "qq", "wechat", "alipay")
SOURCES = ("citizen", "police", "bank")


class IntelError(ValueError):
    """Bad input to the store (unknown kind, a value that is not an identifier of that kind)."""


@dataclass(frozen=True, slots=True)
class Appeal:
    id: int
    kind: str
    value: str
    reason: str
    status: str
    reviewed_by: str | None
    review_note: str | None


@dataclass(frozen=True, slots=True)
class Lookup:
    kind: str
    value: str
    level: str
    reasons: list[str]
    report_count: int
    first_seen: datetime | None
    last_seen: datetime | None
    facts: dict[str, object]
    flags: list[str] = field(default_factory=list)  # notes on an odd identifier (号段未分配 …)
    fraud_types: dict[str, int] = field(default_factory=dict)  # reports per fraud type the reporters named


def normalise(kind: str, value: str) -> str:
    """The stored form of an identifier written by a user (`fanzha.extract.canonical`: a value that
    merely fails validation — an unassigned mobile segment, a foreign number, a card failing the Luhn
    check — is kept and flagged, see `flags`), or IntelError for one with no reading as its kind."""
    if kind not in KINDS:
        raise IntelError(f"不支持的类型：{kind}（可选：{', '.join(KINDS)}）")
    stored = canonical(kind, value)
    if stored is None:
        raise IntelError(f"“{value[:50]}”不是有效的{kind}")
    return stored


def flags(kind: str, stored: str) -> list[str]:
    """The notes for the officer on a stored identifier (号段未分配, 校验位不符, 境外号码 …)."""
    return list(flags_of(kind, stored))


def _facts(kind: str, value: str) -> dict[str, object]:
    """Owner, carrier and region of a number; owner or imitated brand of a link (a copy: both are cached)."""
    if kind == "phone":
        return dict(number_facts(value))
    return dict(domain_facts(value)) if kind in ("url", "domain") else {}


SALT_ENV = "FANZHA_REPORTER_SALT"


def reporter_hash(identity: str, *, salt: str | None = None) -> str:
    """The stored form of a reporter: a salted hash, never the identity. The salt is the deployment's
    FANZHA_REPORTER_SALT (set it in production, and keep it: a new salt makes old reporters new)."""
    salt = salt if salt is not None else os.environ.get(SALT_ENV, "fanzha")
    return hashlib.sha256(f"{salt}:{identity}".encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


# A listener hears of every report and decision after its commit: (kind, canonical value, level now,
# fraud type of the report or None, source: citizen | police | bank | officer).
Listener = Callable[[str, str, str, str | None, str], None]
log = logging.getLogger(__name__)
RESET_AFTER = 200  # a batch of more changed identifiers is published as "drop everything"


class IntelStore:
    def __init__(
        self, engine: Engine, *, cache: TTLCache | None = None, feed: ChangeFeed | None = None
    ) -> None:
        """`cache`: answer `risk_of` for hot identifiers from memory (see fanzha.intel.cache); `feed`:
        publish every change to the other processes and drop theirs from `cache` (fanzha.intel.changes)."""
        self.engine = engine
        self.cache = cache
        self.feed = feed
        self.listeners: list[Listener] = []
        if feed is not None and cache is not None:
            feed.subscribe(self._forget, cache.clear)

    def add_listener(self, listener: Listener) -> None:
        """Call `listener` after every committed report, decision and upheld appeal (how the warnings
        raise their collisions at once). A listener's error is logged, never undoes the write."""
        self.listeners.append(listener)

    def _notify(self, kind: str, value: str, fraud_type: str | None, source: str) -> None:
        if not self.listeners:
            return
        found = self._risk_of(kind, value)
        level = found[0] if found is not None else "unknown"
        for listener in self.listeners:
            try:
                listener(kind, value, level, fraud_type, source)
            except Exception:  # the write is committed: a listener must not undo it
                log.exception("intel listener failed for %s", kind)

    def _forget(self, kind: str, value: str) -> None:
        if self.cache is not None:
            self.cache.drop((kind, value))
            self.cache.drop(("lookup", kind, value))

    def _changed(self, kind: str, value: str) -> None:
        """After a committed write: drop this process's cached level and tell the others."""
        self._forget(kind, value)
        if self.feed is not None:
            self.feed.publish(kind, value)

    def changed_many(self, changed: list[tuple[str, str]]) -> None:
        """`_changed` for a committed batch (a bulk import). Past `RESET_AFTER` identifiers the other
        processes are told to drop everything instead: one reload, not one query per identifier."""
        for kind, value in changed:
            self._forget(kind, value)
        if self.feed is None:
            return
        if len(changed) > RESET_AFTER:
            self.feed.publish_reset()
        else:
            self.feed.publish_many(changed)

    def _identifier(self, session: Session, kind: str, value: str, *, create: bool) -> IdentifierRow | None:
        row = session.scalar(
            select(IdentifierRow).where(IdentifierRow.kind == kind, IdentifierRow.value == value)
        )
        if row is None and create:
            row = IdentifierRow(
                kind=kind, value=value, official=self.is_official(kind, value), created_at=_now()
            )
            session.add(row)
            session.flush()
        return row

    @staticmethod
    def is_official(kind: str, value: str) -> bool:
        if kind == "phone":
            return value in official_numbers() or any(value in b.numbers for b in brands())
        if kind in ("url", "domain"):
            return official_owner(value.split("/", 1)[0]) is not None
        return False

    def add_report(
        self,
        *,
        kind: str,
        value: str,
        source: str = "citizen",
        fraud_type: str | None = None,
        text: str | None = None,
        reporter: str | None = None,
        idempotency_key: str | None = None,
        request: str | None = None,
        at: datetime | None = None,
    ) -> int:
        """Store a report; the same idempotency key returns the first report's id. Returns the id.

        With `request` (a hash of the request the key came with, `fanzha.intel.idempotency`), the same
        key with another request raises `IdempotencyConflict` instead.
        """
        if source not in SOURCES:
            raise IntelError(f"不支持的来源：{source}")
        fraud_type = check_fraud_type(fraud_type or None, error=IntelError)
        stored = normalise(kind, value)
        with Session(self.engine) as session:
            if idempotency_key is not None:
                existing = self._first_with_key(session, idempotency_key, request)
                if existing is not None:
                    return existing
            ident = self._identifier(session, kind, stored, create=True)
            assert ident is not None
            report = ReportRow(
                identifier_id=ident.id,
                source=source,
                fraud_type=fraud_type,
                text=self._note(text, kind=kind, stored=stored, source=source),
                reporter_hash=reporter,
                idempotency_key=idempotency_key,
                request_hash=request if idempotency_key is not None else None,
                created_at=at or _now(),
            )
            session.add(report)
            try:
                session.commit()
                self._changed(kind, stored)
            except IntegrityError:
                session.rollback()
                if idempotency_key is None:
                    raise
                # The same key raced in from another request: answer with the report it stored.
                winner = self._first_with_key(session, idempotency_key, request)
                if winner is None:
                    raise
                return winner
            report_id = report.id
        self._notify(kind, stored, fraud_type, source)
        return report_id

    @staticmethod
    def _note(text: str | None, *, kind: str, stored: str, source: str) -> str | None:
        """The note as stored: a citizen's typed note with its personal data masked (the reported
        identifier kept, `fanzha.intel.notes`); the police's and banks' notes are their own records
        (case and transaction references) and are kept as written."""
        if not text:
            return None
        note = text[:2000]
        return mask_note(note, kind=kind, stored=stored) if source == "citizen" else note

    @staticmethod
    def _first_with_key(session: Session, key: str, request: str | None) -> int | None:
        """The id of the report stored under `key`, or None; a different `request` is a conflict."""
        row = session.execute(
            select(ReportRow.id, ReportRow.request_hash).where(ReportRow.idempotency_key == key)
        ).first()
        if row is None:
            return None
        if request is not None and row.request_hash is not None and row.request_hash != request:
            raise IdempotencyConflict()
        return int(row.id)

    def add_feedback(
        self, *, kind: str, value: str, reporter: str | None = None, at: datetime | None = None
    ) -> None:
        stored = normalise(kind, value)
        with Session(self.engine) as session:
            ident = self._identifier(session, kind, stored, create=True)
            assert ident is not None
            session.add(FeedbackRow(identifier_id=ident.id, reporter_hash=reporter, created_at=at or _now()))
            session.commit()
        self._changed(kind, stored)

    def decide(
        self, *, kind: str, value: str, decision: str, officer: str, reason: str, at: datetime | None = None
    ) -> None:
        """An officer confirms an identifier as fraudulent or clears it (e.g. after an appeal); audited
        (`intel.confirmed` / `intel.cleared`, subject `identifier:<id>`) in the same transaction."""
        if decision not in ("confirmed", "cleared"):
            raise IntelError("decision 只能是 confirmed 或 cleared")
        if not reason.strip():
            raise IntelError("请写明理由")
        stored = normalise(kind, value)
        moment = at or _now()

        def work(session: Session) -> None:
            ident = self._identifier(session, kind, stored, create=True)
            assert ident is not None
            session.add(
                DecisionRow(
                    identifier_id=ident.id,
                    decision=decision,
                    officer=officer,
                    reason=reason,
                    created_at=moment,
                )
            )
            append(
                session,
                actor=officer,
                action=f"intel.{decision}",
                subject=f"identifier:{ident.id}",
                detail={"kind": kind, "value": stored, "reason": reason},
                at=moment,
            )

        append_retrying(self.engine, work)
        self._changed(kind, stored)
        self._notify(kind, stored, None, "officer")

    def lookup(self, *, kind: str, value: str, now: datetime | None = None) -> Lookup:
        """Everything known about an identifier; IntelError for a bad kind or value."""
        stored = normalise(kind, value)
        if self.cache is None or now is not None:
            return self._lookup(kind, stored, now or _now())
        found, cached = self.cache.get(("lookup", kind, stored))
        if not found:
            cached = self._lookup(kind, stored, _now())
            self.cache.put(("lookup", kind, stored), cached)
        return cached  # type: ignore[no-any-return]

    def cached_lookup(self, *, kind: str, value: str) -> Lookup | None:
        """The lookup if the cache holds it (no database call: safe on an event loop), else None."""
        if self.cache is None:
            return None
        found, cached = self.cache.get(("lookup", kind, normalise(kind, value)))
        return cached if found else None

    def _lookup(self, kind: str, stored: str, now: datetime) -> Lookup:
        with Session(self.engine) as session:
            ident = self._identifier(session, kind, stored, create=False)
            if ident is None:
                official = self.is_official(kind, stored)
                empty = risk_level(official=official, evidence=[], now=now)
                return Lookup(
                    kind,
                    stored,
                    empty.level,
                    empty.reasons,
                    0,
                    None,
                    None,
                    _facts(kind, stored),
                    flags(kind, stored),
                )
            evidence = self._evidence(session, ident.id)
        level = risk_level(official=ident.official, evidence=evidence, now=now)
        report_times = [e.at for e in evidence if e.kind == "report"]
        types = Counter(e.fraud_type for e in evidence if e.kind == "report" and e.fraud_type)
        return Lookup(
            kind,
            stored,
            level.level,
            level.reasons,
            len(report_times),
            min(report_times) if report_times else None,
            max(report_times) if report_times else None,
            _facts(kind, stored),
            flags(kind, stored),
            dict(types.most_common()),
        )

    @staticmethod
    def _evidence(session: Session, identifier_id: int) -> list[Evidence]:
        """Reports, feedback and decisions on one identifier, in one query."""
        rows: Iterable[Any] = session.execute(
            union_all(
                select(
                    literal("report").label("what"), ReportRow.created_at, ReportRow.source,
                    ReportRow.reporter_hash, null().label("decision"), ReportRow.fraud_type,
                ).where(ReportRow.identifier_id == identifier_id),
                select(
                    literal("feedback"), FeedbackRow.created_at, null(), FeedbackRow.reporter_hash, null(),
                    null(),
                ).where(FeedbackRow.identifier_id == identifier_id),
                select(
                    literal("decision"), DecisionRow.created_at, null(), null(), DecisionRow.decision, null()
                ).where(DecisionRow.identifier_id == identifier_id),
            )
        )  # fmt: skip
        return [
            Evidence(what, from_db(at), source=source, reporter=reporter, decision=decision, fraud_type=kind)
            for what, at, source, reporter, decision, kind in rows
        ]

    def risk_of(self, kind: str, value: str) -> tuple[str, list[str]] | None:
        """`fanzha.detect` hook: the level of an already normalised identifier, None if never seen."""
        if self.cache is not None:
            found, cached = self.cache.get((kind, value))
            if found:
                return cached  # type: ignore[no-any-return]
            result = self._risk_of(kind, value)
            self.cache.put((kind, value), result)
            return result
        return self._risk_of(kind, value)

    def _risk_of(self, kind: str, value: str) -> tuple[str, list[str]] | None:
        with Session(self.engine) as session:
            ident = self._identifier(session, kind, value, create=False)
            if ident is None:
                return None
            level = risk_level(
                official=ident.official, evidence=self._evidence(session, ident.id), now=_now()
            )
            return level.level, level.reasons

    def add_appeal(self, *, kind: str, value: str, reason: str, contact: str | None = None) -> int:
        """The holder of a flagged identifier asks for review."""
        if not reason.strip():
            raise IntelError("请写明申诉理由")
        stored = normalise(kind, value)
        with Session(self.engine) as session:
            ident = self._identifier(session, kind, stored, create=True)
            assert ident is not None
            row = AppealRow(
                identifier_id=ident.id,
                reason=reason[:2000],
                contact=contact,
                status="open",
                created_at=_now(),
            )
            session.add(row)
            session.commit()
            return row.id

    def appeals(self, *, status: str = "open") -> list[Appeal]:
        with Session(self.engine) as session:
            rows: Iterable[Any] = session.execute(
                select(AppealRow, IdentifierRow)
                .join(IdentifierRow, AppealRow.identifier_id == IdentifierRow.id)
                .where(AppealRow.status == status)
                .order_by(AppealRow.id)
            ).all()
            return [
                Appeal(a.id, i.kind, i.value, a.reason, a.status, a.reviewed_by, a.review_note)
                for a, i in rows
            ]

    def review_appeal(self, appeal_id: int, *, upheld: bool, officer: str, note: str) -> Appeal:
        """Decide an open appeal; an upheld one clears the identifier (the record is kept). Audited in the
        same transaction: `appeal.upheld` / `appeal.rejected` (subject `appeal:<id>`) and, when upheld,
        `intel.cleared` on the identifier."""
        if not note.strip():
            raise IntelError("请写明审核意见（理由）")

        def work(session: Session) -> Appeal:
            appeal = session.get(AppealRow, appeal_id)
            if appeal is None:
                raise IntelError(f"没有编号为 {appeal_id} 的申诉")
            if appeal.status != "open":
                done = APPEAL_STATUS_NAMES.get(appeal.status, appeal.status)
                raise IntelError(f"申诉 {appeal_id} 已由{appeal.reviewed_by}审核（{done}）")
            now = _now()
            appeal.status = "upheld" if upheld else "rejected"
            appeal.reviewed_by, appeal.review_note, appeal.reviewed_at = officer, note, now
            ident = session.get(IdentifierRow, appeal.identifier_id)
            assert ident is not None
            detail = {"kind": ident.kind, "value": ident.value, "note": note}
            append(session, actor=officer, action=f"appeal.{appeal.status}", subject=f"appeal:{appeal_id}",
                   detail=detail, at=now)  # fmt: skip
            if upheld:
                reason = f"申诉 #{appeal_id} 成立：{note}"
                session.add(
                    DecisionRow(
                        identifier_id=ident.id,
                        decision="cleared",
                        officer=officer,
                        reason=reason,
                        created_at=now,
                    )
                )
                append(session, actor=officer, action="intel.cleared", subject=f"identifier:{ident.id}",
                       detail={"kind": ident.kind, "value": ident.value, "reason": reason, "appeal": appeal_id},
                       at=now)  # fmt: skip
            return Appeal(appeal.id, ident.kind, ident.value, appeal.reason, appeal.status, officer, note)

        result = append_retrying(self.engine, work)
        self._changed(result.kind, result.value)
        self._notify(result.kind, result.value, None, "officer")
        return result
