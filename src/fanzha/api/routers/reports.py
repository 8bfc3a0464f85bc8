"""串并 groups, trends, desk statistics and the bulletin (警情通报), for officers.

Thin: the work is in `fanzha.cases.groups` and `fanzha.reports`; a bad period or dimension is a 422
with the library's Chinese message.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import OfficerDep
from fanzha.api.bulletin_schemas import BulletinIssueIn, BulletinReviewOut, IssuedOut
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import MAX_ID
from fanzha.api.times import api_time
from fanzha.cardban import listed_by_group, listed_groups_of, today_in_beijing
from fanzha.cases.groups import group_view
from fanzha.reports.bulletin import build_bulletin
from fanzha.reports.issue import AlreadyIssued, BulletinError
from fanzha.reports.issue import issue as issue_bulletin
from fanzha.reports.issue import issued as issued_bulletin
from fanzha.reports.issue import review as review_bulletin
from fanzha.reports.periods import Period, last_complete, parse_period
from fanzha.reports.render import render_html, render_pdf
from fanzha.reports.trends import DIMENSIONS, MAX_PERIODS, desk_stats, trends

router = APIRouter(prefix="/v1", tags=["reports"])

PERIOD_HELP = "2026-W47 或 2026-11；默认上一个完整的周"
PeriodQuery = Annotated[str | None, Query(max_length=64, description=PERIOD_HELP)]


def _period(text: str | None) -> Period:
    """The period asked for (parse_period refuses, in Chinese, anything outside the accepted dates)."""
    try:
        return parse_period(text) if text else last_complete("week")
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


@router.get("/groups")
def groups(
    services: ServicesDep,
    caller: OfficerDep,
    min_cases: int = Query(default=2, ge=1, le=MAX_ID, description="至少多少起案件"),
    limit: int = Query(default=50, ge=1, le=1000),
    order: Literal["size", "loss"] = Query(default="size", description="按案件数或涉案金额排序"),
    two_cards: bool = Query(default=False, description="只列出经过断卡惩戒名单上账户、号码的组"),
) -> list[dict[str, Any]]:
    """串并组：案件最多（或损失最大）的组在前；two_cards 列出各组经过的惩戒名单账户、号码（两卡）。"""
    with Session(services.store.engine) as session:
        listed = listed_groups_of(session, min_cases=min_cases, limit=limit, order=order, only=two_cards)
    return [
        {
            "id": g.id,
            "size": g.size,
            "total_loss": g.total_loss,
            "first_received": api_time(g.first_received),
            "last_received": api_time(g.last_received),
            "two_cards": [asdict(h) for h in hits],
        }
        for g, hits in listed
    ]


@router.get("/groups/{group_id}")
def group(
    group_id: Annotated[int, Path(ge=1, le=MAX_ID, description="串并组编号")],
    services: ServicesDep,
    caller: OfficerDep,
    limit: int = Query(default=500, ge=1, le=5000, description="最多列出多少起案件"),
) -> dict[str, Any]:
    """一个串并组：案件、共用线索（含枢纽线索提示）、总损失、时间跨度、地区和案件—线索关系图。"""
    with Session(services.store.engine) as session:
        view = group_view(session, group_id, limit=limit)
        hits = listed_by_group(session, today=today_in_beijing(), group_ids=[group_id]).get(group_id, [])
    if view is None:
        raise HTTPException(status_code=404, detail=f"没有编号为 {group_id} 的串并组")
    return view.to_dict() | {"two_cards": [asdict(h) for h in hits]}


@router.get("/reports/trends")
def trend_table(
    services: ServicesDep,
    caller: OfficerDep,
    by: Literal["week", "month", "day"] = "week",
    dimension: str = Query(default="fraud_type", description="、".join(DIMENSIONS)),
    last: int = Query(default=12, ge=1, le=MAX_PERIODS),
    period: Annotated[
        str | None,
        Query(max_length=64, description="截至哪一期：2026-W47 或 2026-11；默认最新案件所在的一期"),
    ] = None,
) -> dict[str, Any]:
    """发案走势：最近若干周（月）的报警数、劝阻数、涉案金额，按类型、地区、年龄段等分组。

    受理时间超出可接受范围的案件（数据库中的异常记录）不计入统计，`skipped` 给出件数，`note` 说明。"""
    if dimension not in DIMENSIONS:
        raise HTTPException(
            status_code=422, detail=f"不支持的分组：{dimension}（可选：{'、'.join(DIMENSIONS)}）"
        )
    until = _period(period) if period else None
    return trends(services.store.engine, by=by, dimension=dimension, last=last, until=until).to_dict()


@router.get("/reports/desk")
def desk(services: ServicesDep, caller: OfficerDep, period: PeriodQuery = None) -> dict[str, Any]:
    """接警台统计：报警数、劝阻数、涉案金额，按日、按接警台、按地区。"""
    return desk_stats(services.store.engine, period=_period(period)).to_dict()


@router.get(
    "/reports/bulletin",
    response_model=None,
    responses={
        200: {"content": {"text/html": {}, "application/pdf": {}}, "description": "警情通报（HTML或PDF）"}
    },
)
async def bulletin(
    services: ServicesDep,
    caller: OfficerDep,
    period: PeriodQuery = None,
    format: Literal["html", "pdf"] = "html",
) -> Response:
    """警情通报（HTML 或 PDF）。已发布的期间返回发布时的版本；未发布的返回草稿（标明“草稿”，典型案例已脱敏，
    须经民警审核 /v1/reports/bulletin/review 后发布 /v1/reports/bulletin/issue）。"""
    chosen = _period(period)
    engine = services.store.engine
    done = await run_in_threadpool(issued_bulletin, engine, chosen)
    name = f"bulletin-{chosen.label}.pdf"
    pdf_headers = {"Content-Disposition": f'inline; filename="{name}"'}
    if done is not None:
        if format == "pdf":
            return Response(done.pdf, media_type="application/pdf", headers=pdf_headers)
        return HTMLResponse(done.html)
    built = await run_in_threadpool(build_bulletin, engine, chosen)
    if format == "pdf":
        pdf = await run_in_threadpool(render_pdf, built)
        return Response(pdf, media_type="application/pdf", headers=pdf_headers)
    return HTMLResponse(render_html(built))


@router.get("/reports/bulletin/review", response_model=BulletinReviewOut)
def bulletin_review(services: ServicesDep, caller: OfficerDep, period: PeriodQuery = None) -> dict[str, Any]:
    """发布前审核：通报将刊登的典型案例（案情原文、刊登文字、被脱敏的姓名/地址/车牌/号码等）；已发布的期间给出发布信息。"""
    return review_bulletin(services.store.engine, _period(period)).to_dict()


@router.post("/reports/bulletin/issue", status_code=201, response_model=IssuedOut)
def bulletin_issue(body: BulletinIssueIn, services: ServicesDep, caller: OfficerDep) -> dict[str, Any]:
    """审核后发布警情通报（每期一次）：可指定典型案例（cases）和修改案例文字（texts，刊登前仍会脱敏）。
    通报中写明发布民警和发布时审计日志的最新哈希；发布版本保存备查，并记入审计日志。已发布的期间返回 409。"""
    chosen = _period(body.period)
    try:
        done = issue_bulletin(
            services.store.engine, chosen, officer=caller.label, cases=body.cases, texts=body.texts,
            issuer=body.issuer,
        )  # fmt: skip
    except AlreadyIssued as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    except BulletinError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return done.to_dict()
