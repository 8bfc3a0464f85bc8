"""The public side of the fight against 骗保: a form on the public page to report fraud on the medical
insurance fund (what happened, where, when, an optional contact — nothing else personal), a confirmation
with the reference to quote and what was reported shown back with the contact masked, and a page to read
a report's status and the office's reply by its reference. No login; the anonymous rate limit applies."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import CallerDep
from fanzha.api.deps import ServicesDep
from fanzha.claims.office.model import NotFound, OfficeError
from fanzha.claims.office.tips import submit_tip, tip_by_reference
from fanzha.web.guards import require_storable_text
from fanzha.web.problems import PageRoute, templates

router = APIRouter(
    include_in_schema=False, route_class=PageRoute, dependencies=[Depends(require_storable_text)]
)
FIELDS = ("what", "place", "happened_on", "contact")


def _day(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise OfficeError(f"发生日期“{text[:20]}”无法识别，请写成 2026-05-01 的样子") from None


@router.get("/medical-report", response_class=HTMLResponse)
def report_form(request: Request, caller: CallerDep) -> HTMLResponse:
    return templates.TemplateResponse(request, "claims/report.html", {"values": {}, "error": ""})


@router.post("/medical-report", response_class=HTMLResponse)
async def submit(request: Request, services: ServicesDep, caller: CallerDep) -> HTMLResponse:
    form = await request.form()
    values = {k: str(form.get(k) or "")[:5000] for k in FIELDS}
    engine = services.store.engine
    try:
        happened = _day(values["happened_on"])
        tip = await run_in_threadpool(
            lambda: submit_tip(engine, what=values["what"], place=values["place"], happened_on=happened,
                               contact=values["contact"])
        )  # fmt: skip
    except OfficeError as exc:
        context = {"values": values, "error": str(exc)}
        return templates.TemplateResponse(request, "claims/report.html", context, status_code=422)
    return templates.TemplateResponse(request, "claims/received.html", {"t": tip}, status_code=201)


@router.get("/medical-report/status", response_class=HTMLResponse)
def status(
    request: Request,
    services: ServicesDep,
    caller: CallerDep,
    reference: Annotated[str, Query(max_length=24)] = "",
) -> HTMLResponse:
    tip, error = None, ""
    if reference.strip():
        try:
            tip = tip_by_reference(services.store.engine, reference=reference)
        except NotFound as exc:
            error = str(exc)
    context = {"t": tip, "reference": reference, "error": error}
    return templates.TemplateResponse(
        request, "claims/status.html", context, status_code=404 if error else 200
    )
