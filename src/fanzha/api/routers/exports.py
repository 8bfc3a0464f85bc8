"""Exports for the desk (officer and admin keys): cases, 串并 groups and stop-payment / freeze orders as
CSV (UTF-8 with a byte-order mark, for Excel in China) or Excel (.xlsx, with detail sheets), filtered as
the lists are, streamed, and audited (`fanzha.reports.exports`).

Registered before the cases, orders and reports routers, so that `/v1/cases/export` is this and not
case number "export".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse

from fanzha.api.auth import Caller, OfficerDep
from fanzha.api.deps import ServicesDep
from fanzha.api.downloads import send_export
from fanzha.api.routers.cases import CaseQuery
from fanzha.api.schemas import MAX_ID
from fanzha.cases.listing import ListingError, day_span
from fanzha.orders.listing import SORTS as ORDER_SORTS
from fanzha.orders.listing import OrderFilter
from fanzha.reports.export_cases import cases_export
from fanzha.reports.export_desk import groups_export, orders_export

router = APIRouter(prefix="/v1", tags=["exports"])


def _actor(caller: Caller) -> str:
    return caller.label or caller.role


Format = Literal["csv", "xlsx"]
FORMAT_HELP = "csv（UTF-8，带BOM，Excel可直接打开）或 xlsx（Excel，另附明细工作表）"


def _days(since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    try:
        return day_span(since, until)
    except ListingError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


@router.get("/cases/export", response_class=StreamingResponse)
async def export_cases(
    services: ServicesDep,
    caller: OfficerDep,
    query: CaseQuery,
    format: Annotated[Format, Query(description=FORMAT_HELP)] = "csv",
) -> StreamingResponse:
    """导出案件（与案件列表相同的筛选和排序，默认新案在前）：每案一行，转账和线索汇总；Excel 另附转账明细、涉案线索两张工作表。
    每次导出都记入审计日志。"""
    filters, order = query
    return await send_export(
        services.store.engine,
        lambda e: cases_export(e, filters, order=order, details=format == "xlsx"),
        fmt=format,
        actor=_actor(caller),
        via="api",
    )


@router.get("/groups/export", response_class=StreamingResponse)
async def export_groups(
    services: ServicesDep,
    caller: OfficerDep,
    format: Annotated[Format, Query(description=FORMAT_HELP)] = "csv",
    order: Annotated[Literal["size", "loss"], Query(description="按案件数或涉案金额排序")] = "size",
    two_cards: Annotated[bool, Query(description="只导出经过断卡惩戒名单上账户、号码的组")] = False,
) -> StreamingResponse:
    """导出两起以上案件的串并组：案件数、损失、时间、辖区、类型、共享线索（枢纽标出）、两卡；Excel 另附组内案件表。"""
    xlsx = format == "xlsx"
    return await send_export(
        services.store.engine,
        lambda e: groups_export(e, order=order, two_cards=two_cards, details=xlsx),
        fmt=format,
        actor=_actor(caller),
        via="api",
    )


@router.get("/orders/export", response_class=StreamingResponse)
async def export_orders(
    services: ServicesDep,
    caller: OfficerDep,
    format: Annotated[Format, Query(description=FORMAT_HELP)] = "csv",
    state: Annotated[
        str, Query(max_length=16, description="状态（requested、executed …，open 为未结束）")
    ] = "",
    kind: Annotated[Literal["", "stop_payment", "freeze"], Query(description="类型")] = "",
    bank: Annotated[str, Query(max_length=64, description="银行")] = "",
    case_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="案件（系统编号）")] = None,
    soon: Annotated[bool, Query(description="只导出 12 小时内到期（或已超期）的有效指令")] = False,
    since: Annotated[date | None, Query(description="申请日期起（北京时间，含）")] = None,
    until: Annotated[date | None, Query(description="申请日期止（北京时间，含）")] = None,
    sort: Annotated[
        str, Query(max_length=16, description="排序：requested、expires、amount、bank、state，前加 - 为降序")
    ] = "-requested",
) -> StreamingResponse:
    """导出止付、冻结指令（与指令列表相同的筛选和排序）。"""
    start, end = _days(since, until)
    key = sort.removeprefix("-")
    if key not in ORDER_SORTS:
        raise HTTPException(
            status_code=422, detail=f"不支持的排序“{sort[:16]}”，可选：{'、'.join(ORDER_SORTS)}"
        )
    filters = OrderFilter(
        state=state, kind=kind, bank=bank, case_id=case_id, since=start, until=end,
        expiring_within=timedelta(hours=12) if soon else None,
    )  # fmt: skip
    descending = sort.startswith("-")
    return await send_export(
        services.store.engine,
        lambda e: orders_export(e, filters, sort=key, descending=descending),
        fmt=format,
        actor=_actor(caller),
        via="api",
    )
