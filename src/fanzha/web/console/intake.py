"""Case intake: the officer types what the caller says, fanzha pre-fills the form, the officer corrects it
and saves the case; a case lacking what a 受案 record needs (`intake_rules`) comes back with a message
beside each field to complete. htmx pre-fills as the officer types; without JavaScript the "预填" button posts the
whole form and the page comes back filled."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.cases.intake import prefill
from fanzha.cases.model import LINK_KINDS
from fanzha.cases.repository import CaseError
from fanzha.text.limits import InputError
from fanzha.web.console.common import (
    BEIJING,
    OfficerPage,
    actor_of,
    case_store,
    fraud_type_names,
    render,
    services_of,
)
from fanzha.web.console.intake_form import IntakeForm
from fanzha.web.console.intake_rules import checked_case, page_context
from fanzha.web.problems import PageRoute

router = APIRouter(route_class=PageRoute)
MAX_NARRATIVE = 20_000


def _context(form: IntakeForm, error: str = "", field: str = "") -> dict[str, object]:
    """The page's context; `field` names the field the error belongs beside, if one."""
    return {
        "form": form.with_blank_rows(),
        "error": error,
        "error_field": field,
        "link_kinds": LINK_KINDS,
        "max_chars": MAX_NARRATIVE,
    }


async def _prefilled(request: Request, form: IntakeForm) -> tuple[IntakeForm, str]:
    """The form merged with a fresh pre-fill of its narrative, or unchanged with the reason why not."""
    if not form.narrative.strip():
        return form, ""
    if len(form.narrative) > MAX_NARRATIVE:
        return form, f"叙述超过 {MAX_NARRATIVE} 字，请分段记录"
    detector = services_of(request).detector
    try:
        found = await run_in_threadpool(prefill, form.narrative, detector=detector, now=datetime.now(BEIJING))
    except InputError as exc:
        return form, str(exc)
    return form.merged_with(
        IntakeForm.from_prefill(form.narrative, found, fraud_types=fraud_type_names())
    ), ""


@router.get("/intake", response_class=HTMLResponse)
def intake_page(request: Request, officer: OfficerPage) -> HTMLResponse:
    return render(request, "intake.html", _context(IntakeForm()))


@router.post("/intake/prefill", response_class=HTMLResponse)
async def intake_prefill(request: Request, officer: OfficerPage) -> HTMLResponse:
    """The form's fields, filled from the narrative (an htmx fragment)."""
    form, error = await _prefilled(request, IntakeForm.from_form(await request.form()))
    return render(request, "_intake_fields.html", _context(form, error))


@router.post("/intake", response_model=None)
async def intake_submit(request: Request, officer: OfficerPage) -> HTMLResponse | RedirectResponse:
    data = await request.form()
    form = IntakeForm.from_form(data)
    if data.get("action") == "prefill":  # the no-JavaScript pre-fill
        form, error = await _prefilled(request, form)
        return render(request, "intake.html", _context(form, error))
    if len(form.narrative) > MAX_NARRATIVE:
        error = f"叙述超过 {MAX_NARRATIVE} 字，请分段记录"
        return render(request, "intake.html", _context(form, error, "narrative"), status_code=422)
    case_in, problems = checked_case(
        form, officer=officer.label, now=datetime.now(BEIJING), fraud_types=fraud_type_names()
    )
    if case_in is None:
        refused = {**_context(form), **page_context(problems)}
        return render(request, "intake.html", refused, status_code=422)
    try:
        case = await run_in_threadpool(case_store(request).create, case_in, actor=actor_of(officer))
    except CaseError as exc:
        return render(request, "intake.html", _context(form, str(exc)), status_code=422)
    return RedirectResponse(f"/console/cases/{case.id}?done=created", status_code=303)
