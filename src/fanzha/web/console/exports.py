"""The console's export buttons: the case list, the 串并 groups and the stop-payment / freeze orders as
Excel or CSV, with the filters the list shows (the buttons carry the list's query string). The rows are
built by `fanzha.reports.exports`, sent and audited by `fanzha.api.downloads.send_export`.

Registered before the case and group pages, so `/console/cases/export` is not case number "export".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from fanzha.api.downloads import send_export
from fanzha.orders.listing import SORTS as ORDER_SORTS
from fanzha.orders.listing import OrderFilter
from fanzha.reports.export_cases import cases_export
from fanzha.reports.export_desk import groups_export, orders_export
from fanzha.web.console.cases import case_listing
from fanzha.web.console.common import OfficerPage, actor_of, services_of
from fanzha.web.paging import FilterError, amount_range, day_range
from fanzha.web.problems import PageError, PageRoute

if TYPE_CHECKING:
    from sqlalchemy import Engine


router = APIRouter(route_class=PageRoute)


def _engine(request: Request) -> Engine:
    return services_of(request).store.engine


Format = Annotated[str, Query(pattern="^(csv|xlsx)$")]
Text = Annotated[str, Query(max_length=100)]


@contextmanager
def _refusing() -> Iterator[None]:
    """A filter that cannot be read refuses the export with its message."""
    try:
        yield
    except FilterError as exc:
        raise PageError(422, f"无法导出：{exc}") from None


@router.get("/cases/export", response_class=StreamingResponse)
async def export_cases(request: Request, officer: OfficerPage, format: Format = "xlsx") -> StreamingResponse:
    """What the case list with the same address shows (its filters and order), every page."""
    _, filters, order, problem = case_listing(request)
    if problem:
        raise PageError(422, f"无法导出：{problem}")
    return await send_export(
        _engine(request),
        lambda e: cases_export(e, filters, order=order, details=format == "xlsx"),
        fmt=format,
        actor=actor_of(officer),
        via="console",
    )


@router.get("/groups/export", response_class=StreamingResponse)
async def export_groups(
    request: Request,
    officer: OfficerPage,
    format: Format = "xlsx",
    order: Annotated[str, Query(pattern="^(size|loss)$")] = "size",
    two_cards: Annotated[bool, Query()] = False,
) -> StreamingResponse:
    by: Literal["size", "loss"] = "loss" if order == "loss" else "size"
    xlsx = format == "xlsx"
    return await send_export(
        _engine(request),
        lambda e: groups_export(e, order=by, two_cards=two_cards, details=xlsx),
        fmt=format,
        actor=actor_of(officer),
        via="console",
    )


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
    with _refusing():
        start, end = day_range(since, until)
        least, most = amount_range(min, max)
    key = sort.removeprefix("-")
    key, descending = (key, sort.startswith("-")) if key in ORDER_SORTS else ("requested", True)
    filters = OrderFilter(
        state=state, kind=kind, bank=bank, account=account, since=start, until=end, min_amount=least,
        max_amount=most, expiring_within=timedelta(hours=12) if soon else None,
    )  # fmt: skip
    return await send_export(
        _engine(request),
        lambda e: orders_export(e, filters, sort=key, descending=descending),
        fmt=format,
        actor=actor_of(officer),
        via="console",
    )
