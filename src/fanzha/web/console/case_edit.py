"""Editing a saved case (编辑案件): every element the intake form holds — type, contact, times, place,
loss, the reporter and the victim, the narrative, the payments — and identifiers learned later.

The page is the intake form filled from the stored case; saving compares it with the case and stores
only what changed, with the change (who, when, old → new) in the audit log
(`fanzha.cases.corrections.correct_case`). A receiving account added to a payment makes the case page
offer the stop-payment section at once. A refused form comes back as typed with a message beside each
field to correct, and the stored case is untouched; so it is when someone else changed the case after
the page was opened. Identifiers are only added here (removing one would undo 串并 links).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.cases.corrections import correct_case, version_of
from fanzha.cases.model import LINK_KINDS, Case, CaseIn
from fanzha.cases.repository import CaseError
from fanzha.web.console.common import (
    BEIJING,
    OfficerPage,
    actor_of,
    case_store,
    fraud_type_names,
    plain,
    render,
)
from fanzha.web.console.intake import MAX_NARRATIVE
from fanzha.web.console.intake_form import LOCAL_FORMAT, IdentRow, IntakeForm, PaymentRow
from fanzha.web.console.intake_rules import checked_case, missing, page_context
from fanzha.web.problems import PageRoute, RowId

router = APIRouter(route_class=PageRoute)


def _local(at: datetime | None) -> str:
    return "" if at is None else at.astimezone(BEIJING).strftime(LOCAL_FORMAT)


def form_of_case(case: Case) -> IntakeForm:
    """The intake form filled with the stored case (no identifier rows: those are only added)."""
    paid = round(sum(p.amount for p in case.payments), 2)
    return IntakeForm(
        narrative=case.narrative,
        fraud_type=case.fraud_type,
        contact_channel=case.contact_channel,
        occurred_at=_local(case.occurred_at),
        received_at=_local(case.received_at),
        desk=case.desk,
        district=case.district,
        place=case.place,
        reporter_name=case.reporter.name,
        reporter_phone=case.reporter.phone,
        reporter_relation=case.reporter.relation,
        victim_name=case.victim.name,
        victim_age="" if case.victim.age is None else str(case.victim.age),
        victim_sex=case.victim.sex,
        victim_phone=case.victim.phone,
        # Blank when the loss is the payments' sum, so adding a payment adds to the loss.
        loss="" if case.payments and case.total_loss() == paid else plain(case.total_loss()),
        dissuaded="1" if case.dissuaded else "",
        payments=[
            PaymentRow(plain(p.amount), _local(p.paid_at), p.channel, p.from_account, p.to_account, p.to_bank)
            for p in case.payments
        ],
    )


def _same_minute(a: datetime | None, b: datetime | None) -> bool:
    return a is not None and b is not None and _local(a) == _local(b)


def _as_stored(stored: Case, corrected: CaseIn) -> CaseIn:
    """The corrected case without the differences the form cannot express: seconds the minute-wide
    time inputs dropped, and the details of the reporter and victim the form does not show."""
    if _same_minute(stored.occurred_at, corrected.occurred_at):
        corrected.occurred_at = stored.occurred_at
    for old, new in zip(stored.payments, corrected.payments, strict=False):
        if _same_minute(old.paid_at, new.paid_at):
            new.paid_at = old.paid_at
    corrected.reporter = replace(
        stored.reporter,
        name=corrected.reporter.name,
        phone=corrected.reporter.phone,
        relation=corrected.reporter.relation,
    )
    victim = corrected.victim
    corrected.victim = replace(
        stored.victim,
        name=victim.name,
        age=victim.age,
        sex=victim.sex,
        phone=victim.phone,
        district=stored.victim.district if corrected.district == stored.district else corrected.district,
    )
    return corrected


def _page(
    request: Request, case: Case, form: IntakeForm, version: str, *, problems: dict[str, str] | None = None
) -> HTMLResponse:
    context = {
        "case": case,
        "form": form.with_blank_rows(),
        "version": version,
        "editing": True,
        "link_kinds": LINK_KINDS,
        "max_chars": MAX_NARRATIVE,
        **page_context(problems or {}),
    }
    return render(request, "case_edit.html", context, status_code=422 if problems else 200)


def _missing(request: Request, case_id: int) -> HTMLResponse:
    return render(request, "missing.html", {"what": f"案件 #{case_id}"}, status_code=404)


@router.get("/cases/{case_id}/edit", response_class=HTMLResponse)
async def edit_page(request: Request, case_id: RowId, officer: OfficerPage) -> HTMLResponse:
    case = await run_in_threadpool(case_store(request).get, case_id)
    if case is None:
        return _missing(request, case_id)
    return _page(request, case, form_of_case(case), version_of(case))


@router.post("/cases/{case_id}/edit", response_model=None)
async def edit_submit(
    request: Request, case_id: RowId, officer: OfficerPage
) -> HTMLResponse | RedirectResponse:
    data = await request.form()
    store = case_store(request)
    case = await run_in_threadpool(store.get, case_id)
    if case is None:
        return _missing(request, case_id)
    form = IntakeForm.from_form(data)
    version = data.get("version")
    version = version if isinstance(version, str) else ""
    if len(form.narrative) > MAX_NARRATIVE:
        return _page(
            request, case, form, version, problems={"narrative": f"叙述超过 {MAX_NARRATIVE} 字，请分段记录"}
        )
    # An element the case had may not be emptied; one it never had is not demanded by an edit.
    had = form_of_case(case)
    had.identifiers = [IdentRow(i.kind, i.value) for i in case.identifiers]
    required = {k: v for k, v in missing(form).items() if k not in missing(had)}
    corrected, problems = checked_case(
        form,
        officer=case.officer,
        now=datetime.now(BEIJING),
        fraud_types=fraud_type_names(),
        required=required,
    )
    if corrected is None:
        return _page(request, case, form, version, problems=problems)
    corrected = _as_stored(case, corrected)
    try:
        _, changed = await run_in_threadpool(
            lambda: correct_case(store, case_id, corrected, actor=actor_of(officer), expected_version=version)
        )
    except CaseError as exc:
        return _page(request, case, form, version, problems={"": str(exc)})
    done = "edited" if changed or form.identifiers else "unchanged"
    return RedirectResponse(f"/console/cases/{case_id}?done={done}", status_code=303)
