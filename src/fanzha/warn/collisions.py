"""Collisions, incrementally, each a handful of index lookups, never a scan:

(a) an identifier becomes flagged → its stored contact events by (other_kind, other_value) joined with the
    residents' identifiers by (kind, value) → one task per resident and identifier (`collide_flag`);
(b) an incoming event whose other side is already flagged → the residents behind its resident-side
    identifier → their task (`collide_event`);
(c) a resident registered after the contacts → their stored events by the values of their identifiers
    (`contact_events.resident_value` index) against the flags → their tasks (`collide_resident`).

One task per resident and identifier (a unique key): a later collision updates the task's evidence, level
and priority instead of adding a task. A task already done is reopened by a later contact (unless it was a
false alarm), with the reason said.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from fanzha.store.warn_tables import (
    ContactEventRow,
    ResidentIdentifierRow,
    WarningTaskRow,
)
from fanzha.timezones import from_db
from fanzha.warn.flags import Flag, stronger
from fanzha.warn.identifiers import key
from fanzha.warn.matches import ACCOUNT_MATCH, ANY_ACCOUNT, Match, residents_behind, stored_match
from fanzha.warn.priority import Evidence, score

# Built once with bound parameters (building a statement costs more than running it).
_EXISTING_FOR = select(WarningTaskRow).where(
    WarningTaskRow.identifier_kind == bindparam("kind"),
    WarningTaskRow.identifier_value == bindparam("value"),
    WarningTaskRow.resident_id.in_(bindparam("ids", expanding=True)),
)


def _evidence_of(row: WarningTaskRow) -> Evidence:
    return Evidence(
        row.calls, row.messages, row.payments, from_db(row.first_event_at), from_db(row.last_event_at),
        row.largest_payment_fen / 100 if row.largest_payment_fen is not None else None, row.in_progress,
    )  # fmt: skip


def upsert_task(
    session: Session,
    match: Match,
    flag: Flag,
    evidence: Evidence,
    *,
    now: datetime,
    source: str,
    replace: bool,
    synthetic: bool = False,
    existing: WarningTaskRow | None = None,
) -> WarningTaskRow:
    """Create or update (`existing`) the task of `match`'s resident and `flag`'s identifier, not flushed;
    `replace`: `evidence` is the whole evidence (recounted from the events), else it is added to the
    task's."""
    row = existing
    if row is not None and not match.same_as(row.matched):
        # a task keeps the strongest grounds of all its matches: a later contact through a younger family
        # member's phone does not take away the elderly resident's age or their own contact
        match = match.stronger(stored_match(session, row.resident_id, row.matched))
        row.matched = match.matched()
    if row is None:
        row = WarningTaskRow(
            resident_id=match.resident_id, identifier_kind=flag.kind, identifier_value=flag.value,
            identifier_flags=list(key(flag.kind, flag.value)[1]), matched=match.matched(), level=flag.level,
            fraud_type=flag.fraud_type, source=source, community=match.community, district=match.district,
            police_station=match.police_station, state="open", collided_at=now, updated_at=now,
            outcome="", method="", outcome_note="", done_by="", family_notified=[], synthetic=synthetic,
        )  # fmt: skip
        session.add(row)
        total, reopened = evidence, ""
    else:
        total = evidence if replace else _evidence_of(row).merge(evidence)
        row.level = stronger(row.level, flag.level)
        row.fraud_type = row.fraud_type or flag.fraud_type
        reopened = ""
        done_at = from_db(row.done_at)
        if (
            row.state == "done" and row.outcome != "false_alarm" and evidence.last_at is not None
            and done_at is not None and evidence.last_at > done_at
        ):  # fmt: skip
            row.state = "open"
            reopened = "处置后又发生联系，重新预警"
    row.calls, row.messages, row.payments = total.calls, total.messages, total.payments
    row.first_event_at, row.last_event_at = total.first_at, total.last_at
    row.largest_payment_fen = (
        round(total.largest_payment * 100) if total.largest_payment is not None else None
    )
    row.in_progress = total.in_progress
    points, reasons = score(total, age=match.age, level=row.level, now=now, who=match.who)
    if match.whose == "family":
        reasons.insert(0, f"联系的是{match.who}{match.family_name}的号码")
    if reopened:
        reasons.insert(0, reopened)
    if flag.reason:
        reasons.append(f"标记依据：{flag.reason}")
    row.priority, row.reasons, row.updated_at = points, reasons, now
    return row


def _existing(session: Session, flag: Flag, resident_ids: list[int]) -> dict[int, WarningTaskRow]:
    """The tasks of `flag`'s identifier for these residents, by resident (one index lookup)."""
    if not resident_ids:
        return {}
    if len(resident_ids) <= 50:
        found = session.scalars(_EXISTING_FOR, {"kind": flag.kind, "value": flag.value, "ids": resident_ids})
    else:
        found = session.scalars(
            select(WarningTaskRow).where(
                WarningTaskRow.identifier_kind == flag.kind, WarningTaskRow.identifier_value == flag.value
            )
        )
    return {row.resident_id: row for row in found}


def collide_flag(session: Session, flag: Flag, *, now: datetime, source: str) -> list[int]:
    """(a) The tasks a newly flagged identifier raises: every resident with a stored event with it."""
    events = session.execute(
        select(
            ContactEventRow.resident_kind, ContactEventRow.resident_value, ContactEventRow.kind,
            ContactEventRow.at, ContactEventRow.amount_fen, ContactEventRow.in_progress,
        ).where(ContactEventRow.other_kind == flag.kind, ContactEventRow.other_value == flag.value)
    ).all()  # fmt: skip
    if not events:
        return []
    per_pair: dict[tuple[str, str], Evidence] = {}
    for rkind, rvalue, kind, at, fen, in_progress in events:
        evidence = per_pair.get((rkind, rvalue), Evidence())
        amount = fen / 100 if fen is not None else None
        per_pair[(rkind, rvalue)] = evidence.add(
            kind=kind, at=from_db(at), amount=amount, in_progress=in_progress
        )
    lookups: dict[tuple[str, str], list[tuple[str, str]]] = {}  # a resident's (kind, value) → event sides
    for rkind, rvalue in per_pair:
        for kind in ACCOUNT_MATCH if rkind == ANY_ACCOUNT else (rkind,):
            lookups.setdefault((kind, rvalue), []).append((rkind, rvalue))
    per_resident: dict[int, tuple[Match, Evidence]] = {}
    for match in residents_behind(session, lookups):
        sides = lookups[(match.kind, match.value)]
        evidence = per_pair[sides[0]]
        for side in sides[1:]:
            evidence = evidence.merge(per_pair[side])
        if match.resident_id in per_resident:
            first, before = per_resident[match.resident_id]
            evidence = before.merge(evidence)
            match = first.stronger(match)  # the strongest grounds speak for the task
        per_resident[match.resident_id] = (match, evidence)
    existing = _existing(session, flag, list(per_resident))
    rows = [
        upsert_task(session, match, flag, evidence, now=now, source=source, replace=True,
                    existing=existing.get(match.resident_id))
        for match, evidence in per_resident.values()
    ]  # fmt: skip
    session.flush()
    return [row.id for row in rows]


def collide_event(
    session: Session, flag: Flag, matches: Sequence[Match], evidence: Evidence, *, now: datetime
) -> list[int]:
    """(b) The tasks an incoming event with a flagged identifier raises (its evidence added)."""
    strongest: dict[int, Match] = {}  # per resident, the match with the strongest grounds
    for m in matches:
        strongest[m.resident_id] = m.stronger(strongest.get(m.resident_id))
    firsts = list(strongest.values())
    existing = _existing(session, flag, [m.resident_id for m in firsts])
    rows = [
        upsert_task(session, match, flag, evidence, now=now, source="event", replace=False,
                    existing=existing.get(match.resident_id))
        for match in firsts
    ]  # fmt: skip
    session.flush()
    return [row.id for row in rows]


def collide_resident(
    session: Session, resident_id: int, flag_of: Callable[[str, str], Flag | None], *, now: datetime
) -> list[int]:
    """(c) A resident registered (or changed) after their contacts: their stored events, by the values of
    their identifiers, checked against the flags → their tasks."""
    idents = session.execute(
        select(ResidentIdentifierRow.kind, ResidentIdentifierRow.value).where(
            ResidentIdentifierRow.resident_id == resident_id
        )
    ).all()
    kinds_of: dict[str, set[str]] = {}
    for kind, value in idents:
        kinds_of.setdefault(value, set()).add(kind)
    if not kinds_of:
        return []
    events = session.execute(
        select(
            ContactEventRow.resident_kind, ContactEventRow.resident_value, ContactEventRow.kind,
            ContactEventRow.other_kind, ContactEventRow.other_value, ContactEventRow.at,
            ContactEventRow.amount_fen, ContactEventRow.in_progress,
        ).where(ContactEventRow.resident_value.in_(list(kinds_of)))
    ).all()  # fmt: skip
    per_other: dict[tuple[str, str], tuple[tuple[str, str], Evidence]] = {}
    for rkind, rvalue, kind, okind, ovalue, at, fen, in_progress in events:
        mine = kinds_of[rvalue]
        if not (rkind in mine or (rkind == ANY_ACCOUNT and mine & set(ACCOUNT_MATCH))):
            continue
        side = (rkind if rkind in mine else sorted(mine & set(ACCOUNT_MATCH))[0], rvalue)
        before = per_other.get((okind, ovalue), (side, Evidence()))
        amount = fen / 100 if fen is not None else None
        per_other[(okind, ovalue)] = (
            before[0],
            before[1].add(kind=kind, at=from_db(at), amount=amount, in_progress=in_progress),
        )
    rows = []
    for (okind, ovalue), (side, evidence) in per_other.items():
        flag = flag_of(okind, ovalue)
        if flag is None:
            continue
        match = next((m for m in residents_behind(session, [side]) if m.resident_id == resident_id), None)
        if match is None:
            continue
        existing = _existing(session, flag, [resident_id]).get(resident_id)
        rows.append(upsert_task(session, match, flag, evidence, now=now, source="event", replace=True,
                                existing=existing))  # fmt: skip
    session.flush()
    return [row.id for row in rows]
