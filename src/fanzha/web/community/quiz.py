"""Quiz sessions (知识竞答) on the community console: set one up for a school, a bank hall or the
community, read the questions out (with answers, for the host), and enter each participant's answers to
score them. Participants are known by a nickname only."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from fanzha.outreach.model import NotFound, OutreachError
from fanzha.outreach.quiz_sessions import (
    VENUES,
    create_session,
    get_session,
    list_sessions,
    scoreboard,
    submit,
)
from fanzha.web.community.common import CommunityPage, community_of, name_of, render
from fanzha.web.console.common import services_of
from fanzha.web.problems import PageError, RowId

router = APIRouter()


def _list(request: Request, user: Any, error: str = "", values: dict[str, str] | None = None) -> HTMLResponse:
    engine = services_of(request).store.engine
    context = {"sessions": list_sessions(engine, community=community_of(user)), "venues": VENUES,
               "error": error, "values": values or {"count": "10"}}  # fmt: skip
    return render(request, "quiz.html", context, status_code=422 if error else 200)


@router.get("/quiz", response_class=HTMLResponse)
def quiz_page(request: Request, user: CommunityPage) -> HTMLResponse:
    return _list(request, user)


@router.post("/quiz", response_class=HTMLResponse)
async def create_quiz(request: Request, user: CommunityPage) -> Response:
    form = await request.form()
    values = {k: str(form.get(k) or "") for k in ("title", "venue_kind", "place", "participants", "count")}
    try:
        count = int(values["count"] or "10")
        s = create_session(
            services_of(request).store.engine, title=values["title"], venue_kind=values["venue_kind"],
            place=values["place"], participants=values["participants"] or 0,  # type: ignore[arg-type]
            count=count, community=community_of(user) or "", host=name_of(user), created_by=name_of(user),
        )  # fmt: skip
    except ValueError as exc:  # OutreachError, or a count that is not a number
        message = str(exc) if isinstance(exc, OutreachError) else "题目数量须为 1 到 50 的整数"
        return _list(request, user, message, values)
    return RedirectResponse(f"/community/quiz/{s.id}", status_code=303)


def _session_page(request: Request, user: Any, session_id: int, **extra: Any) -> HTMLResponse:
    engine = services_of(request).store.engine
    try:
        s = get_session(engine, session_id=session_id, community=community_of(user))
    except NotFound as exc:
        raise PageError(404, str(exc)) from None
    context = {"s": s, "board": scoreboard(engine, session_id=session_id), "error": "", "last": None, **extra}
    return render(request, "quiz_session.html", context, status_code=422 if context["error"] else 200)


@router.get("/quiz/{session_id}", response_class=HTMLResponse)
def session_page(request: Request, session_id: RowId, user: CommunityPage) -> HTMLResponse:
    return _session_page(request, user, session_id)


@router.post("/quiz/{session_id}", response_class=HTMLResponse)
async def record_answers(request: Request, session_id: RowId, user: CommunityPage) -> HTMLResponse:
    form = await request.form()
    engine = services_of(request).store.engine
    try:
        s = get_session(engine, session_id=session_id, community=community_of(user))
    except NotFound as exc:
        raise PageError(404, str(exc)) from None
    answers: list[int | None] = []
    for i in range(len(s.questions)):
        value = str(form.get(f"q{i}") or "")
        answers.append(int(value) if value.isdigit() and len(value) < 3 else None)
    try:
        attempt = submit(engine, session_id=session_id, answers=answers, nickname=str(form.get("nickname") or ""),
                         community=community_of(user))  # fmt: skip
    except OutreachError as exc:
        return _session_page(request, user, session_id, error=str(exc))
    return _session_page(request, user, session_id, last=attempt)
