"""The counter alarm from the bank's side: the teller's form (what happened at which counter, what the customer
presented and looks like, drill or real) that reaches the desk at once, and the bank's own alerts with the
desk's answer (待接警 → 已接警 → 已处置), refreshed by htmx every few seconds."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.api.schemas import MAX_ID
from fanzha.counter import KINDS, AlertError, AlertIn, alert_list
from fanzha.counter.alert_list import AlertQuery
from fanzha.counter.alert_model import KIND_SHORT, LIMITS, STATES
from fanzha.counter.alerts import AlertStore
from fanzha.timezones import BEIJING
from fanzha.web.bank.common import BankPage, bank_of, name_of, render
from fanzha.web.console.alerts import waited
from fanzha.web.console.common import services_of
from fanzha.web.list_pages import days_of, fetch_page
from fanzha.web.paging import Listing
from fanzha.web.problems import PageRoute

router = APIRouter(route_class=PageRoute)
FIELDS = ("kind", "branch", "counter", "occurred_at", "presented", "customer", "note", "teller", "bank")
LIST_FILTERS = ("state", "kind", "drill", "since", "until", "q")
POLL_SECONDS = 10
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"  # <input type="datetime-local">


def alert_store(request: Request) -> AlertStore:
    services = services_of(request)
    return AlertStore(services.store.engine, cases=services.cases)


def alert_from_form(form: dict[str, str], *, drill: bool) -> AlertIn:
    """The alert as the form posted it; the time typed is Beijing time."""
    occurred = None
    if form.get("occurred_at"):
        try:
            occurred = datetime.fromisoformat(form["occurred_at"]).replace(tzinfo=BEIJING)
        except ValueError:
            raise AlertError(
                f"发生时间“{form['occurred_at'][:20]}”无法识别，请写成 2026-11-06 14:05"
            ) from None
    return AlertIn(
        kind=form.get("kind", ""), branch=form.get("branch", ""), counter=form.get("counter", ""),
        occurred_at=occurred, presented=form.get("presented", ""), customer=form.get("customer", ""),
        note=form.get("note", ""), drill=drill, teller=form.get("teller", ""),
    )  # fmt: skip


async def _list_context(request: Request, user: BankPage) -> dict[str, Any]:
    """The bank's alerts, a page at a time, with the filters and the order in the address (the page's
    address: the list polled alone at `/bank/alerts/list` links back to `/bank/alerts`)."""
    listing = Listing.read(request, sorts=alert_list.SORTS, default="-raised", filters=LIST_FILTERS)
    listing.path = "/bank/alerts"
    f, now = listing.filters, datetime.now(UTC)
    since, until, error = days_of(listing)
    query = AlertQuery(
        bank=bank_of(user), state=f["state"], kind=f["kind"], drill=f["drill"], since=since, until=until,
        text=f["q"],
    )  # fmt: skip
    engine = services_of(request).store.engine
    found = await run_in_threadpool(fetch_page, listing, partial(alert_list.alert_page, engine, query))
    rows = [
        {
            "alert": a,
            "kind": KIND_SHORT.get(a.kind, a.kind),
            "waited": waited(a.waiting_seconds(now))
            if a.state == "open"
            else waited(a.seconds_to_acknowledge),
        }
        for a in found
    ]
    return {
        "rows": rows, "poll": POLL_SECONDS, "listing": listing, "list_error": error, "states": STATES,
        "drills": alert_list.DRILLS, "kind_names": KIND_SHORT,
        "poll_query": urlencode(listing.params()),
    }  # fmt: skip


async def _page(
    request: Request,
    user: BankPage,
    *,
    form: dict[str, str] | None = None,
    error: str = "",
    done: int | None = None,
) -> HTMLResponse:
    context = await _list_context(request, user)
    context |= {"kinds": KINDS, "limits": LIMITS, "form": form or {}, "error": error, "done": done}
    context["admin"] = user.role == "admin"
    return render(request, "alerts.html", context, status_code=422 if error or context["list_error"] else 200)


@router.get("/alerts", response_class=HTMLResponse)
async def alerts_page(
    request: Request, user: BankPage, done: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None
) -> HTMLResponse:
    return await _page(request, user, done=done)


@router.get("/alerts/list", response_class=HTMLResponse)
async def alerts_list(request: Request, user: BankPage) -> HTMLResponse:
    """The bank's alerts alone (htmx polls it)."""
    return render(request, "_alert_list.html", await _list_context(request, user))


@router.post("/alerts", response_model=None)
async def raise_alert(request: Request, user: BankPage) -> HTMLResponse | RedirectResponse:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in FIELDS}
    drill = str(data.get("drill") or "") in ("1", "on", "true")
    bank = form["bank"] if user.role == "admin" else user.label  # an admin names the bank
    try:
        alert = alert_from_form(form, drill=drill)
        raised = await run_in_threadpool(
            lambda: alert_store(request).raise_alert(alert, bank=bank, actor=name_of(user))
        )
    except AlertError as exc:
        return await _page(request, user, form=form | {"drill": "1" if drill else ""}, error=str(exc))
    return RedirectResponse(f"/bank/alerts?done={raised.id}", status_code=303)
