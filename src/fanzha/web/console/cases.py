"""Cases: the list with filters, sorting and paging, and one case with everything the desk knows about it —
elements, payments, identifiers with their risk level, status changes, confirmations, stop-payment
requests on the receiving accounts, its orders, its 串并 group, key persons and the audit history.

Actions are plain form posts answered with a redirect back to the case (they work without JavaScript);
a refused action shows the case again with the reason.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.cases.listing import SORTS, CaseFilter, CaseOrder, ListingError, day_span
from fanzha.cases.model import STATUS_NAMES, Case
from fanzha.cases.repository import CaseError
from fanzha.orders.machine import OrderError
from fanzha.web.console.case_view import case_context
from fanzha.web.console.common import OfficerPage, actor_of, case_store, order_store, render
from fanzha.web.paging import FilterError, Listing, day_of
from fanzha.web.problems import PageRoute, RowId

router = APIRouter(route_class=PageRoute)
FILTERS = ("status", "district", "fraud_type", "q", "since", "until")
DONE = {
    "created": "案件已保存。",
    "status": "案件状态已更新。",
    "confirmed": "所选线索已确认，并已作为警方报告进入风险情报库。",
    "order": "紧急止付申请已发出，等待银行执行。",
    "edited": "案件已修改，改动已记入操作记录。",
    "unchanged": "没有改动任何内容。",
}
LEGAL_BASIS = "《中华人民共和国反电信网络诈骗法》第二十条"


def case_listing(request: Request) -> tuple[Listing, CaseFilter, CaseOrder, str]:
    """The case list the address asks for (`fanzha.web.paging`): its page, its filters, its order, and the
    Chinese message for a date range it cannot use (then the list is shown without it)."""
    listing = Listing.read(request, sorts=SORTS, default="-received", filters=FILTERS)
    f = listing.filters
    problem = ""
    try:
        since, until = day_span(day_of(f["since"], "起始日期"), day_of(f["until"], "截止日期"))
    except (FilterError, ListingError) as exc:
        problem, since, until = str(exc), None, None
    filters = CaseFilter(status=f["status"], district=f["district"], fraud_type=f["fraud_type"], text=f["q"],
                         since=since, until=until)  # fmt: skip
    return listing, filters, CaseOrder(listing.sort, listing.descending), problem


@router.get("/cases", response_class=HTMLResponse)
def case_list(request: Request, officer: OfficerPage) -> HTMLResponse:
    listing, filters, order, problem = case_listing(request)

    def page() -> tuple[int, list[Case]]:
        return case_store(request).search(filters, order=order, limit=listing.per_page, offset=listing.offset)

    total, cases = page()
    if listing.clamp(total):
        total, cases = page()
    context = {"cases": cases, "listing": listing, "error": problem}
    return render(request, "cases.html", context, status_code=422 if problem else 200)


async def _show(request: Request, case_id: int, *, error: str = "", done: str = "") -> HTMLResponse:
    context = await run_in_threadpool(case_context, request, case_id)
    if context is None:
        return render(request, "missing.html", {"what": f"案件 #{case_id}"}, status_code=404)
    context.update(error=error, done=DONE.get(done, ""), legal_basis=LEGAL_BASIS)
    return render(request, "case.html", context, status_code=422 if error else 200)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
async def case_page(
    request: Request, case_id: RowId, officer: OfficerPage, done: Annotated[str, Query(max_length=16)] = ""
) -> HTMLResponse:
    return await _show(request, case_id, done=done)


def _back(case_id: int, done: str) -> RedirectResponse:
    return RedirectResponse(f"/console/cases/{case_id}?done={done}", status_code=303)


@router.post("/cases/{case_id}/status", response_model=None)
async def change_status(
    request: Request,
    case_id: RowId,
    officer: OfficerPage,
    status: Annotated[str, Form(max_length=24)],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse | RedirectResponse:
    if status not in STATUS_NAMES:
        return await _show(request, case_id, error=f"不支持的状态：{status}")
    try:
        await run_in_threadpool(
            case_store(request).set_status, case_id, status, actor=actor_of(officer), note=note
        )
    except CaseError as exc:
        return await _show(request, case_id, error=str(exc))
    return _back(case_id, "status")


@router.post("/cases/{case_id}/confirm", response_model=None)
async def confirm(request: Request, case_id: RowId, officer: OfficerPage) -> HTMLResponse | RedirectResponse:
    chosen = [v for v in (await request.form()).getlist("ident") if isinstance(v, str) and ":" in v]
    if not chosen:
        return await _show(request, case_id, error="请勾选要确认的线索")
    case = await run_in_threadpool(case_store(request).get, case_id)
    known = {(i.kind, i.value) for i in case.identifiers} if case is not None else set()
    which = [(kind, value) for kind, _, value in (v.partition(":") for v in chosen[:200])]
    if case is not None and not set(which) <= known:  # a stale page, or a crafted post
        return await _show(request, case_id, error="所选线索不属于本案件，请刷新页面后重新勾选")
    try:
        await run_in_threadpool(
            case_store(request).confirm_identifiers, case_id, actor=actor_of(officer), which=which
        )
    except CaseError as exc:
        return await _show(request, case_id, error=str(exc))
    return _back(case_id, "confirmed")


@router.post("/cases/{case_id}/stop-payment", response_model=None)
async def stop_payment(
    request: Request,
    case_id: RowId,
    officer: OfficerPage,
    account: Annotated[str, Form(max_length=64)],
    bank: Annotated[str, Form(max_length=64)] = "",
    amount: Annotated[str, Form(max_length=20)] = "",
    legal_basis: Annotated[str, Form(max_length=2000)] = LEGAL_BASIS,
) -> HTMLResponse | RedirectResponse:
    try:
        yuan = float(amount.replace(",", "") or "nan")
    except ValueError:
        yuan = float("nan")
    kwargs: dict[str, Any] = {
        "case_id": case_id,
        "account": account,
        "bank": bank,
        "amount": yuan,
        "legal_basis": legal_basis,
        "officer": actor_of(officer),
    }
    try:
        await run_in_threadpool(lambda: order_store(request).request_stop_payment(**kwargs))
    except OrderError as exc:
        return await _show(request, case_id, error=str(exc))
    return _back(case_id, "order")
