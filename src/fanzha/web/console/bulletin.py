"""警情通报 on the console: choose a week or a month, review what the bulletin would print (each typical
case's narrative, the text as it would be published and everything masked in it), choose the cases
and correct their wording, and issue it — once per period, after ticking the confirmation — then
download the published PDF or HTML. A draft can be downloaded too, marked 草稿.

The work is `fanzha.reports.issue` (review, issue: stored as published with an audit entry) and
`fanzha.reports.render`; the page only reads the form and shows the answers.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from fanzha.reports.bulletin import build_bulletin
from fanzha.reports.issue import BulletinError, BulletinReview, issue, issued, review
from fanzha.reports.periods import Period, last_complete, parse_period, periods_back
from fanzha.reports.render import render_html, render_pdf
from fanzha.web.console.common import OfficerPage, actor_of, render, services_of
from fanzha.web.problems import PageError, PageRoute

router = APIRouter(route_class=PageRoute)
MAX_TEXT = 2000  # an officer's wording of one typical case
PeriodText = Annotated[str, Query(max_length=40)]


def _period(text: str) -> Period:
    try:
        return parse_period(text) if text.strip() else last_complete("week")
    except ValueError as exc:
        raise PageError(422, str(exc)) from None


def choices(chosen: Period) -> list[Period]:
    """The periods offered: the last eight weeks and six months, and the one chosen."""
    offered = [
        *reversed(periods_back(last_complete("week"), 8)),
        *reversed(periods_back(last_complete("month"), 6)),
    ]
    return offered if chosen in offered else [chosen, *offered]


def _page(
    request: Request,
    found: BulletinReview,
    *,
    error: str = "",
    done: bool = False,
    form: dict[int, str] | None = None,
) -> HTMLResponse:
    context = {
        "review": found,
        "period": found.period,
        "choices": choices(found.period),
        "error": error,
        "done": done,
        "texts": form or {c.case_id: c.text for c in found.cases},
        "max_text": MAX_TEXT,
    }
    return render(request, "bulletin.html", context, status_code=422 if error else 200)


@router.get("/bulletin", response_class=HTMLResponse)
async def bulletin_page(
    request: Request, officer: OfficerPage, period: PeriodText = "", done: PeriodText = ""
) -> HTMLResponse:
    chosen = _period(period)
    found = await run_in_threadpool(review, services_of(request).store.engine, chosen)
    return _page(request, found, done=done == "issued")


@router.post("/bulletin/issue", response_model=None)
async def bulletin_issue(request: Request, officer: OfficerPage) -> HTMLResponse | RedirectResponse:
    data = await request.form()
    chosen = _period(str(data.get("period") or ""))
    engine = services_of(request).store.engine
    found = await run_in_threadpool(review, engine, chosen)
    offered = {c.case_id: c for c in found.cases}
    picked = [
        int(v) for v in data.getlist("case") if isinstance(v, str) and v.isdigit() and int(v) in offered
    ]
    typed = {i: str(data.get(f"text_{i}") or "").strip() for i in offered}
    if any(len(t) > MAX_TEXT for t in typed.values()):
        return _page(request, found, error=f"案例文字不能超过 {MAX_TEXT} 字", form=typed)
    if data.get("confirm") != "1":
        return _page(request, found, error="请先勾选“已核对”，确认刊登的文字和脱敏内容无误", form=typed)
    if offered and not picked:
        return _page(request, found, error="请至少勾选一个刊登的典型案例", form=typed)
    texts = {i: t for i, t in typed.items() if i in picked and t and t != offered[i].text}
    cases = None if picked == list(offered) else picked
    try:
        await run_in_threadpool(
            lambda: issue(engine, chosen, officer=actor_of(officer), cases=cases, texts=texts or None)
        )
    except BulletinError as exc:
        return _page(request, found, error=str(exc), form=typed)
    return RedirectResponse(f"/console/bulletin?period={chosen.label}&done=issued", status_code=303)


@router.get("/bulletin/file", response_model=None)
async def bulletin_file(
    request: Request, officer: OfficerPage, period: PeriodText = "", format: Literal["pdf", "html"] = "pdf"
) -> Response:
    """The published bulletin (or the draft, marked 草稿) as PDF or HTML."""
    chosen = _period(period)
    engine = services_of(request).store.engine
    done = await run_in_threadpool(issued, engine, chosen)
    stem = f"bulletin-{chosen.label}" + ("" if done is not None else "-draft")
    disposition = {"Content-Disposition": f'attachment; filename="{stem}.{format}"'}
    if done is not None:
        if format == "pdf":
            return Response(done.pdf, media_type="application/pdf", headers=disposition)
        return Response(done.html, media_type="text/html; charset=utf-8", headers=disposition)
    draft = await run_in_threadpool(build_bulletin, engine, chosen)
    if format == "pdf":
        return Response(
            await run_in_threadpool(render_pdf, draft), media_type="application/pdf", headers=disposition
        )
    return Response(render_html(draft), media_type="text/html; charset=utf-8", headers=disposition)
