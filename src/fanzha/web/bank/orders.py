"""The bank's side of stop-payment and freeze orders from the case desk: the orders addressed to this bank,
executing one with the amount actually stopped, refusing one with the reason, and reporting an account's
inflows, from which the desk finds other victims' money that reached it in the same window.

Inflows are typed or pasted one per line: `time, amount[, sender account[, sender name]]`, the time in
Beijing time (2026-11-06 12:05), within the accepted range (`fanzha.timezones.check_date`). A bad line
is named and nothing is stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.orders import Inflow, OrderError
from fanzha.orders.listing import SORTS, OrderFilter, order_page
from fanzha.orders.machine import STATES, Order
from fanzha.timezones import BEIJING, DateOutOfRange, check_date
from fanzha.web.bank.common import BankPage, bank_of, name_of, order_store, render
from fanzha.web.console.common import time_left
from fanzha.web.paging import FilterError, Listing, amount_range, day_range
from fanzha.web.problems import PageRoute, RowId

router = APIRouter(route_class=PageRoute)
DONE = {"executed": "已执行，期限自此刻起算。", "refused": "已拒绝执行并说明理由。"}
MAX_LINES = 1000
FILTERS = ("state", "bank", "account", "since", "until", "min", "max")
_SPLIT = re.compile(r"\s*[,，\t]\s*")


def parse_inflows(text: str) -> list[Inflow]:
    """The inflows of the pasted lines; OrderError naming the first bad line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise OrderError("请填写入账流水，每行一笔：时间, 金额, 付款账户, 付款人")
    if len(lines) > MAX_LINES:
        raise OrderError(f"每次最多报送 {MAX_LINES} 笔")
    out: list[Inflow] = []
    for number, line in enumerate(lines, 1):
        parts = _SPLIT.split(line)
        if len(parts) < 2:
            raise OrderError(f"第{number}行至少要有时间和金额，用逗号分隔")
        try:
            at = check_date(datetime.fromisoformat(parts[0].replace("/", "-")), f"第{number}行的时间")
        except DateOutOfRange as exc:
            raise OrderError(str(exc)) from None
        except ValueError:
            raise OrderError(
                f"第{number}行的时间“{parts[0][:30]}”无法识别，请写成 2026-11-06 12:05"
            ) from None
        try:
            amount = float(parts[1].replace("元", ""))
        except ValueError:
            raise OrderError(f"第{number}行的金额“{parts[1][:20]}”不是数字") from None
        if not 0 < amount <= 1e12:
            raise OrderError(f"第{number}行的金额须大于零")
        at = at if at.tzinfo is not None else at.replace(tzinfo=BEIJING)
        sender = parts[2][:64] if len(parts) > 2 else ""
        out.append(
            Inflow(
                at=at, amount=amount, from_account=sender, from_name=parts[3][:64] if len(parts) > 3 else ""
            )
        )
    return out


async def _page(
    request: Request, user: BankPage, *, state: str, error: str = "", note: str = ""
) -> HTMLResponse:
    """The orders addressed to the bank, a page at a time, with the filters and order in the address
    (`fanzha.web.paging`); `state` is the state shown ("all": every state)."""
    now = datetime.now(UTC)
    listing = Listing.read(request, sorts=SORTS, default="-requested", filters=FILTERS)
    listing.filters["state"] = state
    f = listing.filters
    problem = ""
    try:
        since, until = day_range(f["since"], f["until"])
        least, most = amount_range(f["min"], f["max"])
    except FilterError as exc:
        problem, (since, until), (least, most) = str(exc), (None, None), (None, None)
    filters = OrderFilter(
        state="" if state == "all" else state, bank=bank_of(user) or f["bank"], account=f["account"],
        since=since, until=until, min_amount=least, max_amount=most,
    )  # fmt: skip
    engine = order_store(request).engine

    def page() -> tuple[int, list[Order]]:
        return order_page(engine, filters, sort=listing.sort, descending=listing.descending,
                          limit=listing.per_page, offset=listing.offset)  # fmt: skip

    def load() -> list[Order]:
        total, orders = page()
        if listing.clamp(total):
            total, orders = page()
        return orders

    orders = await run_in_threadpool(load)
    rows = [{"order": o, "left": time_left(o.expires_at, now) if o.expires_at else ""} for o in orders]
    context = {
        "rows": rows, "listing": listing, "state": state, "states": STATES, "error": error or problem,
        "done": note, "admin": bank_of(user) is None,
    }  # fmt: skip
    return render(request, "orders.html", context, status_code=422 if error or problem else 200)


@router.get("/orders", response_class=HTMLResponse)
async def orders_page(
    request: Request,
    user: BankPage,
    state: Annotated[str, Query(max_length=16)] = "requested",
    done: Annotated[str, Query(max_length=16)] = "",
) -> HTMLResponse:
    shown = state if state in STATES or state == "all" else "requested"
    return await _page(request, user, state=shown, note=DONE.get(done, ""))


async def _act(
    request: Request, user: BankPage, change: Callable[[], Any], done: str
) -> HTMLResponse | RedirectResponse:
    try:
        await run_in_threadpool(change)
    except OrderError as exc:
        return await _page(request, user, state="all", error=str(exc))
    return RedirectResponse(f"/bank/orders?state=all&done={done}", status_code=303)


@router.post("/orders/{order_id}/execute", response_model=None)
async def execute(
    request: Request,
    order_id: RowId,
    user: BankPage,
    amount_stopped: Annotated[str, Form(max_length=32)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse | RedirectResponse:
    try:
        amount = float(amount_stopped.replace(",", "").strip())
    except ValueError:
        return await _page(request, user, state="all", error="请填写实际止付（冻结）金额（元）")
    store = order_store(request)
    return await _act(
        request,
        user,
        lambda: store.execute(
            order_id=order_id, amount_stopped=amount, bank_actor=name_of(user), bank=bank_of(user), note=note
        ),
        "executed",
    )


@router.post("/orders/{order_id}/refuse", response_model=None)
async def refuse(
    request: Request, order_id: RowId, user: BankPage, reason: Annotated[str, Form(max_length=2000)] = ""
) -> HTMLResponse | RedirectResponse:
    store = order_store(request)
    return await _act(
        request,
        user,
        lambda: store.refuse(order_id=order_id, reason=reason, bank_actor=name_of(user), bank=bank_of(user)),
        "refused",
    )


@router.post("/inflows", response_class=HTMLResponse)
async def report_inflows(
    request: Request,
    user: BankPage,
    account: Annotated[str, Form(max_length=64)] = "",
    lines: Annotated[str, Form(max_length=200_000)] = "",
) -> HTMLResponse:
    store = order_store(request)
    try:
        inflows = parse_inflows(lines)
        report = await run_in_threadpool(
            lambda: store.report_inflows(
                account=account, inflows=inflows, reported_by=name_of(user), bank=bank_of(user)
            )
        )
    except OrderError as exc:
        return await _page(request, user, state="all", error=str(exc))
    updated = "、".join(f"#{i}" for i in report.orders_updated) or "无"
    note = f"已报送 {report.stored} 笔（重复跳过 {report.skipped} 笔），更新了指令 {updated} 的同时间段其他受害人资金。"
    return await _page(request, user, state="all", note=note)
