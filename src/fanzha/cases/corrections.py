"""Correcting a stored case as a whole: the officer's edit of every element, the reporter and the
victim, the payments, and identifiers learned later, in one transaction with one audit entry.

`correct_case(store, case_id, corrected, actor=…)` compares the stored case with `corrected` (a
`CaseIn`, as the intake form builds it) and writes only what differs. The audit entry
(`case.update`, subject `case:<id>`) holds each changed element before and after, in plain JSON
(times as ISO 8601 in UTC, money in yuan — `"elements": "yuan"` tells it from the API's entries, whose
`before` holds the raw columns — payments as lists), so the history says who changed what from what to
what. New identifiers are stored and linked as `CaseStore.add_identifiers` does (with their own
`case.identifiers` entry in the same transaction); identifiers are never removed here (that would
undo 串并 links). Nothing is written when the corrected case fails `check_case`, names an invalid
identifier, or the stored case changed since the officer opened it (`expected_version`).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from fanzha.audit.log import append, append_retrying
from fanzha.cases.linking import link_case
from fanzha.cases.model import Case, CaseIn, Payment, Person, to_fen
from fanzha.cases.repository import CaseError, CaseStore, check_case, clean_identifiers
from fanzha.store.case_tables import CaseIdentifierRow, CasePaymentRow
from fanzha.timezones import to_utc

# The elements compared, in the order the history lists them.
ELEMENTS = ("fraud_type", "contact_channel", "occurred_at", "desk", "district", "place", "loss", "dissuaded",
            "reporter", "victim", "payments", "narrative")  # fmt: skip


class StaleCase(CaseError):
    """The case was changed by someone else after the officer opened the edit page."""


def version_of(case: Case) -> str:
    """What the edit page sends back to prove it edited the case as stored (its last change)."""
    at = case.updated_at
    return "" if at is None else to_utc(at).isoformat()


def _time(at: datetime | None) -> str | None:
    return None if at is None else to_utc(at).isoformat()


def _payment(p: Payment) -> dict[str, Any]:
    return {"amount": p.amount, "paid_at": _time(p.paid_at), "channel": p.channel,
            "from_account": p.from_account, "to_account": p.to_account, "to_bank": p.to_bank}  # fmt: skip


def _person(person: Person) -> dict[str, Any]:
    return asdict(person)


def elements(case: CaseIn) -> dict[str, Any]:
    """The comparable elements of a case, as JSON values."""
    return {
        "fraud_type": case.fraud_type,
        "contact_channel": case.contact_channel,
        "occurred_at": _time(case.occurred_at),
        "desk": case.desk,
        "district": case.district,
        "place": case.place,
        "loss": case.total_loss(),
        "dissuaded": case.dissuaded,
        "reporter": _person(case.reporter),
        "victim": _person(case.victim),
        "payments": [_payment(p) for p in case.payments],
        "narrative": case.narrative,
    }


def changes_between(stored: Case, corrected: CaseIn) -> tuple[dict[str, Any], dict[str, Any]]:
    """(before, after) of the elements that differ."""
    old, new = elements(stored), elements(corrected)
    changed = [name for name in ELEMENTS if old[name] != new[name]]
    return {n: old[n] for n in changed}, {n: new[n] for n in changed}


def correct_case(
    store: CaseStore, case_id: int, corrected: CaseIn, *, actor: str, expected_version: str | None = None
) -> tuple[Case, dict[str, Any]]:
    """Store the officer's corrections (see the module); returns the case as stored now and the
    `after` of what changed ({} when nothing did). CaseError (Chinese) when refused."""
    check_case(corrected)
    wanted = clean_identifiers(corrected.identifiers)
    stored = store.get(case_id)
    if stored is None:
        raise CaseError(f"没有编号为 {case_id} 的案件")
    have = {(i.kind, i.value) for i in stored.identifiers}
    new_idents = [i for i in wanted if (i.kind, i.value) not in have]

    def work(session: Session) -> dict[str, Any]:
        row = store._row_or_error(session, case_id)
        current = store._case(session, row)
        if expected_version is not None and version_of(current) != expected_version:
            raise StaleCase("案件在您打开编辑页后已被修改，请重新打开编辑页核对后再保存")
        before, after = changes_between(current, corrected)
        if "payments" in after:
            session.execute(delete(CasePaymentRow).where(CasePaymentRow.case_id == case_id))
            if corrected.payments:
                session.execute(insert(CasePaymentRow), [
                    {"case_id": case_id, "paid_at": to_utc(p.paid_at), "amount_fen": to_fen(p.amount),
                     "channel": p.channel, "from_account": p.from_account, "to_account": p.to_account,
                     "to_bank": p.to_bank} for p in corrected.payments
                ])  # fmt: skip
        for name in ("fraud_type", "contact_channel", "desk", "district", "place", "dissuaded", "narrative"):
            if name in after:
                setattr(row, name, getattr(corrected, name))
        if "occurred_at" in after:
            row.occurred_at = to_utc(corrected.occurred_at)
        if "loss" in after:
            row.loss_fen = to_fen(corrected.total_loss())
        if "reporter" in after or "victim" in after:
            row.persons = {"reporter": asdict(corrected.reporter), "victim": asdict(corrected.victim)}
            row.victim_age, row.victim_sex = corrected.victim.age, corrected.victim.sex
        if after:
            append(session, actor=actor, action="case.update", subject=f"case:{case_id}",
                   detail={"before": before, "after": after, "elements": "yuan"})  # fmt: skip
        if new_idents:
            session.add_all(
                CaseIdentifierRow(case_id=case_id, kind=i.kind, value=i.value, raw=i.raw[:512])
                for i in new_idents
            )
            session.flush()
            row.group_id = link_case(session, case_id, new_idents)
            append(session, actor=actor, action="case.identifiers", subject=f"case:{case_id}",
                   detail={"added": [f"{i.kind}:{i.value}" for i in new_idents]})  # fmt: skip
        if after or new_idents:
            row.updated_at = datetime.now(UTC)
        return after

    after = append_retrying(store.engine, work)
    confirmed = [(i.kind, i.value) for i in new_idents if i.confirmed]
    if confirmed:
        store.confirm_identifiers(case_id, actor=actor, which=confirmed)
    found = store.get(case_id)
    assert found is not None
    if new_idents:
        store._notify(case_id, found.group_id)
    return found, after
