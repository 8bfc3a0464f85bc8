"""Prevention work (`/v1/outreach…`) and its public side (`/v1/public/quizzes…`, `/v1/public/cases`).

Who: community keys see and record their own community's activities, scorecard and quiz sessions (another
community's answer 404); officer and admin keys see every community, keep the registry and get the 督导考评
report. The public quiz and the case library need no key (anonymous rate limits apply).

Errors: bad input 422, unknown or another community's records 404; every message in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, File, HTTPException, Path, Query, UploadFile
from fastapi.responses import HTMLResponse, Response

from fanzha.api.auth import CallerDep, CommunityDep, OfficerDep, community_of
from fanzha.api.deps import ServicesDep
from fanzha.api.outreach_schemas import (
    ActivityIn,
    ActivityPatch,
    AttemptIn,
    CommunityIn,
    CsvIn,
    QuizIn,
    activity_out,
    community_out,
    quiz_out,
    scorecard_out,
)
from fanzha.api.schemas import MAX_ID
from fanzha.outreach import activities, attachments, casebook, communities, quiz_sessions
from fanzha.outreach.attachments import MAX_BYTES
from fanzha.outreach.model import NotFound, OutreachError
from fanzha.outreach.scorecards import collect
from fanzha.reports.periods import Period, last_complete, parse_period
from fanzha.taxonomy.codes import is_fraud_type

router = APIRouter(tags=["outreach"])
T = TypeVar("T")
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
PeriodQ = Annotated[
    str | None, Query(max_length=40, description="期间：2026-11（月）或 2026-W47（周）；默认上月")
]


def run(fn: Callable[[], T]) -> T:
    """Library errors as HTTP answers: NotFound 404, other bad input 422."""
    try:
        return fn()
    except NotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except OutreachError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


def _period(text: str | None) -> Period:
    if not text:
        return last_complete("month")
    try:
        return parse_period(text)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


def _own(caller: Any, community: str | None) -> str:
    """The community a write is for: a community key's own (another one is 404); officers must name it."""
    mine = community_of(caller)
    if mine is not None:
        if community not in (None, "", mine):
            raise HTTPException(status_code=404, detail=f"没有名为“{community}”的社区")
        return mine
    if not community:
        raise HTTPException(status_code=422, detail="请填写社区（community）")
    return community


# --- the registry ------------------------------------------------------------------------------------
@router.get("/v1/outreach/communities")
def list_communities(
    services: ServicesDep, caller: CommunityDep, district: Annotated[str | None, Query(max_length=64)] = None
) -> list[dict[str, Any]]:
    engine, mine = services.store.engine, community_of(caller)
    found = communities.list_communities(engine, district=district)
    return [community_out(c) for c in found if mine is None or c.name == mine]


@router.put("/v1/outreach/communities/{name}")
def put_community(
    name: Annotated[str, Path(max_length=64)], body: CommunityIn, services: ServicesDep, caller: OfficerDep
) -> dict[str, Any]:
    engine = services.store.engine
    return community_out(run(lambda: communities.upsert_community(engine, name=name, **body.model_dump())))


@router.post("/v1/outreach/communities/import")
def import_communities(body: CsvIn, services: ServicesDep, caller: OfficerDep) -> dict[str, Any]:
    stored, errors = run(lambda: communities.import_csv(services.store.engine, text=body.csv))
    return {"stored": stored, "errors": errors}


# --- activities --------------------------------------------------------------------------------------
@router.post("/v1/outreach/activities", status_code=201)
def record_activity(body: ActivityIn, services: ServicesDep, caller: CommunityDep) -> dict[str, Any]:
    fields = body.model_dump() | {"community": _own(caller, body.community)}
    engine = services.store.engine
    return activity_out(run(lambda: activities.record_activity(engine, recorded_by=caller.label, **fields)))


@router.get("/v1/outreach/activities")
def list_activities(
    services: ServicesDep,
    caller: CommunityDep,
    period: PeriodQ = None,
    community: Annotated[str | None, Query(max_length=64)] = None,
) -> list[dict[str, Any]]:
    mine = community_of(caller)
    if mine is not None and community not in (None, mine):
        raise HTTPException(status_code=404, detail=f"没有名为“{community}”的社区")
    start, end = _period(period).utc_range() if period else (None, None)
    found = activities.list_activities(
        services.store.engine, community=mine or community, start=start, end=end
    )
    return [activity_out(a) for a in found]


@router.get("/v1/outreach/activities/{activity_id}")
def get_activity(activity_id: Id, services: ServicesDep, caller: CommunityDep) -> dict[str, Any]:
    engine, mine = services.store.engine, community_of(caller)
    return activity_out(run(lambda: activities.get_activity(engine, activity_id=activity_id, community=mine)))


@router.patch("/v1/outreach/activities/{activity_id}")
def edit_activity(
    activity_id: Id, body: ActivityPatch, services: ServicesDep, caller: CommunityDep
) -> dict[str, Any]:
    engine, mine = services.store.engine, community_of(caller)
    changes = body.model_dump(exclude_none=True)
    return activity_out(
        run(
            lambda: activities.edit_activity(engine, activity_id=activity_id, changes=changes, community=mine)
        )
    )


@router.post("/v1/outreach/activities/{activity_id}/attachments", status_code=201)
async def add_attachment(
    activity_id: Id, services: ServicesDep, caller: CommunityDep, file: Annotated[UploadFile, File()]
) -> dict[str, Any]:
    data = await file.read(MAX_BYTES + 1)
    engine, mine = services.store.engine, community_of(caller)
    a = run(
        lambda: attachments.add_attachment(
            engine, activity_id=activity_id, name=file.filename or "附件", data=data, uploaded_by=caller.label,
            community=mine,
        )
    )  # fmt: skip
    return {"id": a.id, "name": a.name, "content_type": a.content_type, "size": a.size, "sha256": a.sha256}


@router.get(
    "/v1/outreach/attachments/{attachment_id}",
    response_class=Response,
    responses={
        200: {"content": {"image/jpeg": {}, "image/png": {}, "application/pdf": {}}, "description": "附件"}
    },
)
def get_attachment(attachment_id: Id, services: ServicesDep, caller: CommunityDep) -> Response:
    engine, mine = services.store.engine, community_of(caller)
    a = run(lambda: attachments.get_attachment(engine, attachment_id=attachment_id, community=mine))
    return Response(a.data, media_type=a.content_type, headers={"X-Content-Type-Options": "nosniff"})


# --- scorecards and the report -----------------------------------------------------------------------
@router.get("/v1/outreach/scorecards")
def scorecards(
    services: ServicesDep,
    caller: CommunityDep,
    period: PeriodQ = None,
    district: Annotated[str | None, Query(max_length=64)] = None,
) -> dict[str, Any]:
    mine = community_of(caller)
    engine = services.store.engine
    if mine is not None:
        district = run(lambda: communities.get_community(engine, name=mine)).district
    scores = collect(engine, period=_period(period), district=district, community=mine)
    return {
        "period": scores.period.label, "district": district, "warn_source": scores.warn_source,
        "unmatched_cases": scores.unmatched_cases, "cards": [scorecard_out(c) for c in scores.cards],
    }  # fmt: skip


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get(
    "/v1/outreach/report",
    response_class=Response,
    responses={
        200: {"content": {"text/html": {}, XLSX: {}, "application/pdf": {}}, "description": "督导考评报告"}
    },
)
def report(
    services: ServicesDep,
    caller: OfficerDep,
    period: PeriodQ = None,
    district: Annotated[str | None, Query(max_length=64)] = None,
    format: Literal["html", "xlsx", "pdf"] = "html",
) -> Response:
    from fanzha.outreach.excel import render_xlsx
    from fanzha.outreach.report import build_report, render_html
    from fanzha.outreach.report_pdf import render_pdf

    built = build_report(services.store.engine, period=_period(period), district=district)
    name = f"dudao-{built.period.label}.{format}"
    if format == "html":
        return HTMLResponse(render_html(built))
    if format == "xlsx":
        return Response(render_xlsx(built), media_type=XLSX, headers=_download(name))
    return Response(render_pdf(built), media_type="application/pdf", headers=_download(name))


def _download(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


# --- quiz sessions -----------------------------------------------------------------------------------
@router.post("/v1/outreach/quizzes", status_code=201)
def create_quiz(body: QuizIn, services: ServicesDep, caller: CommunityDep) -> dict[str, Any]:
    fields = body.model_dump()
    mine = community_of(caller)
    fields["community"] = _own(caller, body.community) if mine or body.community else ""
    engine = services.store.engine
    s = run(lambda: quiz_sessions.create_session(engine, created_by=caller.label, **fields))
    return quiz_out(s, with_answers=True)


@router.get("/v1/outreach/quizzes")
def list_quizzes(services: ServicesDep, caller: CommunityDep) -> list[dict[str, Any]]:
    found = quiz_sessions.list_sessions(services.store.engine, community=community_of(caller))
    return [quiz_out(s, with_answers=False) | {"questions": len(s.questions)} for s in found]


@router.get("/v1/outreach/quizzes/{session_id}")
def get_quiz(session_id: Id, services: ServicesDep, caller: CommunityDep) -> dict[str, Any]:
    engine, mine = services.store.engine, community_of(caller)
    s = run(lambda: quiz_sessions.get_session(engine, session_id=session_id, community=mine))
    return quiz_out(s, with_answers=True) | {
        "scoreboard": quiz_sessions.scoreboard(engine, session_id=session_id)
    }


@router.post("/v1/outreach/quizzes/{session_id}/attempts", status_code=201)
def submit_quiz(
    session_id: Id, body: AttemptIn, services: ServicesDep, caller: CommunityDep
) -> dict[str, Any]:
    engine, mine = services.store.engine, community_of(caller)
    a = run(lambda: quiz_sessions.submit(engine, session_id=session_id, community=mine, **body.model_dump()))
    return {"score": a.score, "total": a.total, "right": a.right, "explanations": a.explanations}


# --- public: this week's quiz and the case library ---------------------------------------------------
@router.get("/v1/public/quizzes/current")
def public_quiz(services: ServicesDep, caller: CallerDep) -> dict[str, Any]:
    return quiz_out(quiz_sessions.public_quiz(services.store.engine), with_answers=False)


@router.post("/v1/public/quizzes/{session_id}/attempts", status_code=201)
def public_attempt(
    session_id: Id, body: AttemptIn, services: ServicesDep, caller: CallerDep
) -> dict[str, Any]:
    engine = services.store.engine
    a = run(
        lambda: quiz_sessions.submit(engine, session_id=session_id, public_only=True, **body.model_dump())
    )
    return {"score": a.score, "total": a.total, "right": a.right, "explanations": a.explanations}


@router.get("/v1/public/cases")
def public_cases(
    services: ServicesDep,
    caller: CallerDep,
    fraud_type: Annotated[str | None, Query(max_length=32)] = None,
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> dict[str, Any]:
    """典型案例库：民警在警情通报中审核发布的典型案例（已脱敏），最新的在前；未经选用的案件不公开。"""
    if fraud_type and not is_fraud_type(fraud_type):
        raise HTTPException(status_code=422, detail=f"未知的诈骗类型“{fraud_type}”")
    engine, size = services.store.engine, 20
    found = casebook.library(engine, fraud_type=fraud_type, limit=size, offset=(page - 1) * size)
    return {
        "total": casebook.count_cases(engine, fraud_type=fraud_type), "page": page,
        "cases": [c.to_dict() for c in found],
    }  # fmt: skip
