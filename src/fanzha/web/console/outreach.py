"""The 督导考评 report on the officer console (`/console/outreach`): a district and a period, the ranking,
the scorecards and the activities as HTML, with the Excel and PDF downloads of the same report."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from fanzha.outreach.communities import list_communities
from fanzha.outreach.report import DistrictReport, build_report, render_html
from fanzha.reports.periods import Period, last_complete, parse_period
from fanzha.web.console.common import OfficerPage, render, services_of
from fanzha.web.problems import PageError

router = APIRouter()
PeriodQ = Annotated[str, Query(max_length=40)]
DistrictQ = Annotated[str, Query(max_length=64)]


def _period(text: str) -> Period:
    try:
        return parse_period(text) if text else last_complete("month")
    except ValueError as exc:
        raise PageError(422, str(exc)) from None


def _report(request: Request, period: str, district: str) -> DistrictReport:
    return build_report(services_of(request).store.engine, period=_period(period), district=district or None)


@router.get("/outreach", response_class=HTMLResponse)
async def outreach_page(
    request: Request, officer: OfficerPage, period: PeriodQ = "", district: DistrictQ = ""
) -> HTMLResponse:
    built = await run_in_threadpool(_report, request, period, district)
    districts = sorted(
        {c.district for c in list_communities(services_of(request).store.engine) if c.district}
    )
    context = {
        "report": Markup(render_html(built, standalone=False)),
        "period": built.period.label, "district": district, "districts": districts,
    }  # fmt: skip
    return render(request, "outreach.html", context)


@router.get("/outreach/report.{fmt}")
async def outreach_download(
    request: Request,
    officer: OfficerPage,
    fmt: Literal["xlsx", "pdf"],
    period: PeriodQ = "",
    district: DistrictQ = "",
) -> Response:
    built = await run_in_threadpool(_report, request, period, district)
    name = f"dudao-{built.period.label}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if fmt == "xlsx":
        from fanzha.outreach.excel import render_xlsx

        data = await run_in_threadpool(render_xlsx, built)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return Response(data, media_type=media, headers=headers)
    from fanzha.outreach.report_pdf import render_pdf

    return Response(await run_in_threadpool(render_pdf, built), media_type="application/pdf", headers=headers)
