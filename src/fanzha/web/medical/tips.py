"""The citizens' 骗保 reports on the medical console: the queue (filter by status and institution;
contacts masked), one report with its contact (the view is in the audit log) and the form that moves it
to 核查中 or 已办结 with the reply the reporter reads by the reference."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from fanzha.claims.office.institutions import list_institutions
from fanzha.claims.office.model import STATUSES, NotFound, OfficeError
from fanzha.claims.office.tips import get_tip, handle_tip, list_tips
from fanzha.web.console.common import local
from fanzha.web.medical.common import MedicalPage, engine_of, name_of, render
from fanzha.web.problems import PageError, RowId

router = APIRouter()


@router.get("/reports", response_class=HTMLResponse)
def queue_page(
    request: Request,
    user: MedicalPage,
    status: Literal["", "pending", "checking", "closed"] = "",
    institution: Annotated[str, Query(max_length=64)] = "",
) -> HTMLResponse:
    engine = engine_of(request)
    found, total = list_tips(engine, status=status or None, institution_id=institution or None, limit=200)
    context = {
        "tips": found, "total": total, "status": status, "institution": institution, "statuses": STATUSES,
        "institutions": list_institutions(engine), "local": local,
    }  # fmt: skip
    return render(request, "reports.html", context)


def _view(
    request: Request, user: MedicalPage, report_id: int, error: str = "", status_code: int = 200
) -> HTMLResponse:
    engine = engine_of(request)
    try:
        tip = get_tip(engine, tip_id=report_id, viewer=name_of(user))
    except NotFound as exc:
        raise PageError(404, str(exc)) from None
    context = {"t": tip, "statuses": STATUSES, "institutions": list_institutions(engine), "local": local,
               "error": error}  # fmt: skip
    return render(request, "report_view.html", context, status_code=status_code)


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, report_id: RowId, user: MedicalPage) -> HTMLResponse:
    return _view(request, user, report_id)


@router.post("/reports/{report_id}", response_class=HTMLResponse)
async def handle(request: Request, report_id: RowId, user: MedicalPage) -> Response:
    form = await request.form()
    status = str(form.get("status") or "")
    reply = str(form.get("reply") or "")
    institution = str(form.get("institution_id") or "")
    engine = engine_of(request)
    try:
        await run_in_threadpool(
            lambda: handle_tip(engine, tip_id=report_id, status=status, reply=reply, actor=name_of(user),
                               institution_id=institution[:64] if "institution_id" in form else None)
        )  # fmt: skip
    except NotFound as exc:
        raise PageError(404, str(exc)) from None
    except OfficeError as exc:
        return _view(request, user, report_id, str(exc), 422)
    return RedirectResponse(f"/medical/reports/{report_id}", status_code=303)
