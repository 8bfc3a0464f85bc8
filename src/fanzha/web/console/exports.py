"""The console's export buttons: the case list, the 串并 groups and the stop-payment / freeze orders as
Excel or CSV, with the filters the list shows (the buttons carry the list's query string). The rows are
built by `fanzha.reports.exports`, sent and audited by `fanzha.api.downloads.send_export`.

Registered before the case and group pages, so `/console/cases/export` is not case number "export".
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from fanzha.api.downloads import send_export
from fanzha.orders.listing import SORTS as ORDER_SORTS
from fanzha.orders.listing import OrderFilter
from fanzha.reports.export_cases import CaseFilter, cases_export
from fanzha.reports.export_desk import groups_export, orders_export
from fanzha.web.console.common import OfficerPage, actor_of, services_of
from fanzha.web.paging import FilterError, amount_range, day_range
from fanzha.web.problems import PageError, PageRoute

router = APIRouter(route_class=PageRoute)
Format = Annotated[str, Query(pattern="^(csv|xlsx)$")]
Text = Annotated[str, Query(max_length=100)]


def _refused(exc: FilterError) -> PageError:
    return PageError(422, f"无法导出：{exc}")


@router.get("/cases/export", response_class=StreamingResponse)
async def export_cases(
    request: Request,
    officer: OfficerPage,
    format: Format = "xlsx",
    status: Text = "",
    district: Text = "",
    fraud_type: Text = "",
    q: Text = "",
    since: Text = "",
    until: Text = "",
) -> StreamingResponse:
    try:
        start, end = day_range(since, until)
    except FilterError as exc:
        raise _refused(exc) from None
    filters = CaseFilter(
        status=status, district=district, fraud_type=fraud_type, text=q, since=start, until=end
    )
    engine = services_of(request).store.engine
    export = await run_in_threadpool(lambda: cases_export(engine, filters, details=format == "xlsx"))
    return await send_export(engine, export, fmt=format, actor=actor_of(officer), via="console")


@router.get("/groups/export", response_class=StreamingResponse)
async def export_groups(
    request: Request,
    officer: OfficerPage,
    format: Format = "xlsx",
    order: Annotated[str, Query(pattern="^(size|loss)$")] = "size",
    two_cards: Annotated[bool, Query()] = False,
) -> StreamingResponse:
    engine = services_of(request).store.engine
    export = await run_in_threadpool(
        lambda: groups_export(
            engine, order="loss" if order == "loss" else "size", two_cards=two_cards, details=format == "xlsx"
        )
    )
    return await send_export(engine, export, fmt=format, actor=actor_of(officer), via="console")


@router.get("/orders/export", response_class=StreamingResponse)
async def export_orders(
    request: Request,
    officer: OfficerPage,
    format: Format = "xlsx",
    state: Text = "",
    kind: Text = "",
    bank: Text = "",
    account: Text = "",
    soon: Annotated[bool, Query()] = False,
    since: Text = "",
    until: Text = "",
    min: Text = "",
    max: Text = "",
    sort: Text = "-requested",
) -> StreamingResponse:
    try:
        start, end = day_range(since, until)
        least, most = amount_range(min, max)
    except FilterError as exc:
        raise _refused(exc) from None
    key = sort.removeprefix("-")
    key, descending = (key, sort.startswith("-")) if key in ORDER_SORTS else ("requested", True)
    filters = OrderFilter(
        state=state, kind=kind, bank=bank, account=account, since=start, until=end, min_amount=least,
        max_amount=most, expiring_within=timedelta(hours=12) if soon else None,
    )  # fmt: skip
    engine = services_of(request).store.engine
    export = await run_in_threadpool(lambda: orders_export(engine, filters, sort=key, descending=descending))
    return await send_export(engine, export, fmt=format, actor=actor_of(officer), via="console")
