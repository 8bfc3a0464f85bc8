"""The public side of prevention work: this week's 反诈知识竞答 (anyone can take it, no login; only the
score is kept, with a nickname if one is given) and the library of masked typical cases (典型案例),
filterable by fraud type. Plain forms, no JavaScript needed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from fanzha.api.auth import CallerDep
from fanzha.api.deps import ServicesDep
from fanzha.outreach import casebook, quiz_sessions
from fanzha.outreach.model import NotFound, OutreachError
from fanzha.taxonomy import load_taxonomy
from fanzha.web.guards import require_storable_text
from fanzha.web.problems import PageError, PageRoute, RowId, templates

router = APIRouter(
    include_in_schema=False, route_class=PageRoute, dependencies=[Depends(require_storable_text)]
)
PAGE = 20


@router.get("/quiz", response_class=HTMLResponse)
def quiz(request: Request, services: ServicesDep, caller: CallerDep) -> HTMLResponse:
    session = quiz_sessions.public_quiz(services.store.engine)
    return templates.TemplateResponse(request, "outreach/quiz.html", {"s": session})


@router.post("/quiz/{session_id}", response_class=HTMLResponse)
async def answer(
    request: Request, session_id: RowId, services: ServicesDep, caller: CallerDep
) -> HTMLResponse:
    engine = services.store.engine
    form = await request.form()
    try:
        session = quiz_sessions.get_session(engine, session_id=session_id, public_only=True)
    except NotFound as exc:
        raise PageError(404, str(exc)) from None
    answers: list[int | None] = []
    for i in range(len(session.questions)):
        value = str(form.get(f"q{i}") or "")
        answers.append(int(value) if value.isdigit() and len(value) < 3 else None)
    try:
        attempt = quiz_sessions.submit(
            engine, session_id=session_id, answers=answers, nickname=str(form.get("nickname") or ""),
            public_only=True,
        )  # fmt: skip
    except OutreachError as exc:
        return templates.TemplateResponse(
            request, "outreach/quiz.html", {"s": session, "error": str(exc)}, 422
        )
    context = {"s": session, "a": attempt, "answers": answers}
    return templates.TemplateResponse(request, "outreach/quiz_result.html", context)


@router.get("/cases", response_class=HTMLResponse)
def cases(
    request: Request,
    services: ServicesDep,
    caller: CallerDep,
    fraud_type: Annotated[str, Query(max_length=32)] = "",
    page: Annotated[int, Query(ge=1, le=1000)] = 1,
) -> HTMLResponse:
    types = [(t.code, t.name) for t in load_taxonomy().types]
    chosen = fraud_type if fraud_type in dict(types) else None
    engine = services.store.engine
    found = casebook.library(engine, fraud_type=chosen, limit=PAGE, offset=(page - 1) * PAGE)
    total = casebook.count_cases(engine, fraud_type=chosen)
    context = {
        "cases": found, "types": types, "chosen": chosen or "", "page": page, "total": total,
        "more": page * PAGE < total,
    }  # fmt: skip
    return templates.TemplateResponse(request, "outreach/cases.html", context)
