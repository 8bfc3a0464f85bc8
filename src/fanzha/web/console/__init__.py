"""The officer console (`/console`): server-rendered pages (Jinja2, enhanced with htmx) for the 110 desk —
intake with pre-fill and the elements a case needs, cases (with editing), 串并 groups with their graph, stop-payment and freeze orders, key persons,
the counter alarm from the banks, the 断卡 list, the weekly 警情通报 (review and issue), the citizens'
reports and appeals, and a dashboard of the desk's numbers. Officers and admins
only; personal data is shown in full here.

One router per area; every page but the login goes through the officer gate (`common.OfficerPage`), every
post carries the session's form token and only text a store can hold (`fanzha.web.guards`), and what
cannot be served is answered with a page in Chinese (`fanzha.web.problems.PageRoute`).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from fanzha.web.console import (
    alerts,
    bulletin,
    cardban,
    case_edit,
    cases,
    citizen_reports,
    dashboard,
    exports,
    graph,
    intake,
    login,
    orders,
    outreach,
    persons,
    returnees,
)
from fanzha.web.console.common import require_officer_page
from fanzha.web.guards import require_storable_text, require_token
from fanzha.web.problems import PageRoute
from fanzha.web.warnings import Console, warning_router

router = APIRouter(
    prefix="/console",
    include_in_schema=False,
    route_class=PageRoute,
    dependencies=[Depends(require_token), Depends(require_storable_text)],
)
router.add_api_route("", dashboard.dashboard, methods=["GET"], response_class=HTMLResponse)
for _area in (
    login,
    intake,
    exports,
    cases,
    case_edit,
    graph,
    orders,
    persons,
    alerts,
    cardban,
    outreach,
    bulletin,
    citizen_reports,
):
    router.include_router(_area.router)
router.include_router(returnees.router)
router.include_router(
    warning_router(
        Console(base="/console", layout="console/base.html", gate=require_officer_page, scope=lambda _: None,
                cases_link=True)
    )
)  # fmt: skip

__all__ = ["router"]
