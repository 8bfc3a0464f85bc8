"""Stop-payment and freeze orders: their state, deadline and time left (those expiring within 12 hours
highlighted), and the officer's actions the order's state allows: renew, turn into a freeze, release."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.orders import machine
from fanzha.orders.listing import SORTS, OrderFilter, order_page
from fanzha.orders.machine import ACTIVE, OPEN, STATES, OrderError
from fanzha.orders.repository import Order
from fanzha.web.console.common import OfficerPage, actor_of, order_store, render, time_left
from fanzha.web.paging import FilterError, Listing, amount_range, day_range
from fanzha.web.problems import PageRoute, RowId

router = APIRouter(route_class=PageRoute)
SOON = timedelta(hours=12)
FILTERS = ("state", "kind", "bank", "account", "soon", "since", "until", "min", "max")
DONE = {"renewed": "已续期。", "freeze": "已申请冻结，等待银行执行。", "released": "已解除。"}


def actions(order: Order) -> list[str]:
    """What the officer may do with the order now (the bank executes and refuses)."""
    allowed = []
    if order.state in ACTIVE and order.renewals_left != 0:
        allowed.append("renew")
    if order.kind == "stop_payment" and order.state in ACTIVE:
        allowed.append("freeze")
    if order.state in OPEN:
        allowed.append("release")
    return allowed


def order_rows(orders: list[Order], now: datetime) -> list[dict[str, object]]:
    return [
        {
            "order": o,
            "left": time_left(o.expires_at, now) if o.state in ACTIVE else "",
            "soon": machine.is_expiring(o.status, now, SOON),
            "actions": actions(o),
        }
        for o in orders
    ]


async def _page(request: Request, *, error: str = "", done: str = "") -> HTMLResponse:
    """The orders the address asks for (filters, order, page: `fanzha.web.paging`)."""
    now = datetime.now(UTC)
    listing = Listing.read(request, sorts=SORTS, default="-requested", filters=FILTERS)
    f = listing.filters
    problem = ""
    try:
        since, until = day_range(f["since"], f["until"])
        least, most = amount_range(f["min"], f["max"])
    except FilterError as exc:
        problem, (since, until), (least, most) = str(exc), (None, None), (None, None)
    if f["state"] not in ("", "open", *STATES):
        problem, f["state"] = "状态不正确，已显示全部状态", ""
    if f["soon"] not in ("", "true", "1", "on", "false", "0", "off"):
        problem, f["soon"] = "“即将到期”应为是或否，已忽略", ""
    soon = f["soon"] in ("true", "1", "on")
    filters = OrderFilter(
        state=f["state"], kind=f["kind"], bank=f["bank"], account=f["account"], since=since, until=until,
        min_amount=least, max_amount=most, expiring_within=SOON if soon else None, now=now,
    )  # fmt: skip
    engine = order_store(request).engine

    def load() -> list[Order]:
        def page() -> tuple[int, list[Order]]:
            return order_page(engine, filters, sort=listing.sort, descending=listing.descending,
                              limit=listing.per_page, offset=listing.offset)  # fmt: skip

        total, orders = page()
        if listing.clamp(total):
            total, orders = page()
        return orders

    orders = await run_in_threadpool(load)
    context = {
        "rows": order_rows(orders, now),
        "listing": listing,
        "states": STATES,
        "error": error or problem,
        "done": DONE.get(done, ""),
        "freeze_months": machine.FREEZE_MONTHS,
    }
    return render(request, "orders.html", context, status_code=422 if error or problem else 200)


@router.get("/orders", response_class=HTMLResponse)
async def orders_page(
    request: Request, officer: OfficerPage, done: Annotated[str, Query(max_length=16)] = ""
) -> HTMLResponse:
    return await _page(request, done=done)


async def _act(request: Request, change: Callable[[], Order], done: str) -> HTMLResponse | RedirectResponse:
    try:
        await run_in_threadpool(change)
    except OrderError as exc:
        return await _page(request, error=str(exc))
    return RedirectResponse(f"/console/orders?done={done}", status_code=303)


@router.post("/orders/{order_id}/renew", response_model=None)
async def renew(
    request: Request,
    order_id: RowId,
    officer: OfficerPage,
    months: Annotated[int, Form(ge=1, le=machine.FREEZE_MONTHS)] = machine.FREEZE_MONTHS,
) -> HTMLResponse | RedirectResponse:
    store = order_store(request)
    return await _act(
        request, lambda: store.renew(order_id=order_id, officer=actor_of(officer), months=months), "renewed"
    )


@router.post("/orders/{order_id}/freeze", response_model=None)
async def freeze(
    request: Request,
    order_id: RowId,
    officer: OfficerPage,
    legal_basis: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse | RedirectResponse:
    store = order_store(request)
    return await _act(
        request,
        lambda: store.freeze(order_id=order_id, legal_basis=legal_basis, officer=actor_of(officer)),
        "freeze",
    )


@router.post("/orders/{order_id}/release", response_model=None)
async def release(
    request: Request,
    order_id: RowId,
    officer: OfficerPage,
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse | RedirectResponse:
    store = order_store(request)
    return await _act(
        request,
        lambda: store.release(order_id=order_id, reason=reason, officer=actor_of(officer)),
        "released",
    )
