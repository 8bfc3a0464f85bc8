"""Institutions on the medical console: each with its audit findings and the citizens' reports about it
side by side, and one institution's page — its 自查自纠报告 (rendered in the page), the citizens' reports
about it, and the report to download as HTML, Excel or PDF. Opening a report is in the audit log."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from fanzha.claims.office.institutions import list_institutions, log_view
from fanzha.claims.office.model import NotFound
from fanzha.claims.office.report import InstitutionReport, build_report, render_html
from fanzha.claims.office.tips import list_tips
from fanzha.web.console.common import local
from fanzha.web.medical.common import MedicalPage, engine_of, name_of, render
from fanzha.web.problems import PageError

router = APIRouter()
InstitutionId = Annotated[str, Path(min_length=1, max_length=64)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/institutions", response_class=HTMLResponse)
def institutions_page(request: Request, user: MedicalPage) -> HTMLResponse:
    engine = engine_of(request)
    unmatched, count = list_tips(engine, institution_id=None, limit=1000)
    loose = [t for t in unmatched if t.institution_id is None and t.status != "closed"]
    return render(request, "institutions.html", {"institutions": list_institutions(engine), "loose": loose,
                                                 "tips_total": count})  # fmt: skip


def _report(request: Request, user: MedicalPage, institution_id: str) -> InstitutionReport:
    engine = engine_of(request)
    try:
        built = build_report(engine, institution_id=institution_id)
    except NotFound as exc:
        raise PageError(404, str(exc)) from None

    log_view(engine, institution_id=institution_id, viewer=name_of(user))
    return built


@router.get("/institutions/{institution_id}", response_class=HTMLResponse)
def institution_page(request: Request, institution_id: InstitutionId, user: MedicalPage) -> HTMLResponse:
    built = _report(request, user, institution_id)
    found, _ = list_tips(engine_of(request), institution_id=institution_id, limit=200)
    body = Markup(render_html(built, standalone=False))
    context = {"r": built, "report": body, "tips": found, "local": local}
    return render(request, "institution.html", context)


@router.get("/institutions/{institution_id}/report.{fmt}")
def download(
    request: Request, institution_id: InstitutionId, fmt: Literal["html", "xlsx", "pdf"], user: MedicalPage
) -> Response:
    from fanzha.claims.office.report_excel import render_xlsx
    from fanzha.claims.office.report_pdf import render_pdf

    built = _report(request, user, institution_id)
    name = "".join(c for c in institution_id if c.isascii() and (c.isalnum() or c in "-_")) or "report"
    headers = {
        "Content-Disposition": f'attachment; filename="zicha-{name}.{fmt}"',
        "Cache-Control": "no-store",
    }
    if fmt == "html":
        return Response(render_html(built), media_type="text/html; charset=utf-8", headers=headers)
    if fmt == "xlsx":
        return Response(render_xlsx(built), media_type=XLSX, headers=headers)
    return Response(render_pdf(built), media_type="application/pdf", headers=headers)
