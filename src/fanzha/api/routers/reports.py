"""串并 groups, trends, desk statistics and the bulletin (警情通报), for officers.

Thin: the work is in `fanzha.cases.groups` and `fanzha.reports`; a bad period or dimension is a 422
with the library's Chinese message.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import OfficerDep
from fanzha.api.deps import ServicesDep
from fanzha.cases.groups import group_view, list_groups
from fanzha.reports.bulletin import build_bulletin, render_html, render_pdf
from fanzha.reports.periods import Period, last_complete, parse_period
from fanzha.reports.trends import DIMENSIONS, desk_stats, trends

router = APIRouter(prefix="/v1", tags=["reports"])


def _period(text: str | None) -> Period:
    try:
        return parse_period(text) if text else last_complete("week")
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


@router.get("/groups")
def groups(
    services: ServicesDep,
    caller: OfficerDep,
    min_cases: int = Query(default=2, ge=1, description="至少多少起案件"),
    limit: int = Query(default=50, ge=1, le=1000),
    order: Literal["size", "loss"] = Query(default="size", description="按案件数或涉案金额排序"),
) -> list[dict[str, Any]]:
    """串并组：案件最多（或损失最大）的组在前。"""
    with Session(services.store.engine) as session:
        found = list_groups(session, min_cases=min_cases, limit=limit, order=order)
    return [
        {
            "id": g.id,
            "size": g.size,
            "total_loss": g.total_loss,
            "first_received": g.first_received.isoformat() if g.first_received else None,
            "last_received": g.last_received.isoformat() if g.last_received else None,
        }
        for g in found
    ]


@router.get("/groups/{group_id}")
def group(
    group_id: int,
    services: ServicesDep,
    caller: OfficerDep,
    limit: int = Query(default=500, ge=1, le=5000, description="最多列出多少起案件"),
) -> dict[str, Any]:
    """一个串并组：案件、共用线索（含枢纽线索提示）、总损失、时间跨度、地区和案件—线索关系图。"""
    with Session(services.store.engine) as session:
        view = group_view(session, group_id, limit=limit)
    if view is None:
        raise HTTPException(status_code=404, detail=f"没有编号为 {group_id} 的串并组")
    return view.to_dict()


@router.get("/reports/trends")
def trend_table(
    services: ServicesDep,
    caller: OfficerDep,
    by: Literal["week", "month", "day"] = "week",
    dimension: str = Query(default="fraud_type", description="、".join(DIMENSIONS)),
    last: int = Query(default=12, ge=1, le=520),
) -> dict[str, Any]:
    """发案走势：最近若干周（月）的报警数、劝阻数、涉案金额，按类型、地区、年龄段等分组。"""
    if dimension not in DIMENSIONS:
        raise HTTPException(
            status_code=422, detail=f"不支持的分组：{dimension}（可选：{'、'.join(DIMENSIONS)}）"
        )
    return trends(services.store.engine, by=by, dimension=dimension, last=last).to_dict()


@router.get("/reports/desk")
def desk(
    services: ServicesDep,
    caller: OfficerDep,
    period: str | None = Query(default=None, description="2026-W47 或 2026-11；默认上一个完整的周"),
) -> dict[str, Any]:
    """接警台统计：报警数、劝阻数、涉案金额，按日、按接警台、按地区。"""
    return desk_stats(services.store.engine, period=_period(period)).to_dict()


@router.get("/reports/bulletin", response_model=None)
async def bulletin(
    services: ServicesDep,
    caller: OfficerDep,
    period: str | None = Query(default=None, description="2026-W47 或 2026-11；默认上一个完整的周"),
    format: Literal["html", "pdf"] = "html",
) -> Response:
    """警情通报（HTML 或 PDF），典型案例已脱敏，可直接发布。"""
    chosen = _period(period)
    built = await run_in_threadpool(build_bulletin, services.store.engine, chosen)
    if format == "pdf":
        pdf = await run_in_threadpool(render_pdf, built)
        name = f"bulletin-{chosen.label}.pdf"
        return Response(
            pdf, media_type="application/pdf", headers={"Content-Disposition": f'inline; filename="{name}"'}
        )
    return HTMLResponse(render_html(built))
