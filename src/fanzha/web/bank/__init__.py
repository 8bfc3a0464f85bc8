"""The bank console (`/bank`): server-rendered pages (Jinja2, enhanced with htmx) for bank and payment
staff — the held transfers screening stopped, the counter and ATM checklists with the signed
《防范电信诈骗告知书》 and the outcome, and the stop-payment and freeze orders from the case desk (execute
with the amount stopped, refuse, report inflows), the counter alarm to the desk, and 断卡 (the opening check
and the bank's record of accounts found sold or rented). Bank and admin keys only; every page but the login
goes through the bank gate (`common.BankPage`), every post carries the session's form token and only text
a store can hold (`fanzha.web.guards`), and what cannot be served is answered with a page in Chinese
(`fanzha.web.problems.PageRoute`).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from fanzha.web.bank import alerts, cardban, checks, login, orders
from fanzha.web.guards import require_storable_text, require_token
from fanzha.web.problems import PageRoute

router = APIRouter(
    prefix="/bank",
    include_in_schema=False,
    route_class=PageRoute,
    dependencies=[Depends(require_token), Depends(require_storable_text)],
)
router.add_api_route("", checks.held_page, methods=["GET"], response_class=HTMLResponse)
for _area in (login, checks, orders, alerts, cardban):
    router.include_router(_area.router)

__all__ = ["router"]
