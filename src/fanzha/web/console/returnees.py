"""The returnee ledger at the desk: every returnee with the weekly-meeting flag (逾期, 逾期超过14天, 未分包)
and, per cadre, officer and supervisor, how many of theirs are overdue; a returnee's page with the full
record, the pair's history, the meetings, 双岗分包 and lifting control, and the access log of the record
(who read it, when, through which view). Officers and admins; every page that shows a returnee is logged as
a read."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import Caller
from fanzha.returnees import (
    HOW,
    RISK,
    STATUS,
    Access,
    PairIn,
    Reader,
    Returnee,
    ReturneeError,
    ReturneeLedger,
    ReturneeNotFound,
    access_log,
    meeting_status,
)
from fanzha.web.console.common import OfficerPage, actor_of, local, render, services_of
from fanzha.web.problems import PageError, RowId

router = APIRouter()
PAIR_FIELDS = ("cadre", "officer", "supervisor", "cadre_phone", "officer_phone", "supervisor_phone", "reason")


def _reader(officer: Caller, view: str) -> Reader:
    return Reader(actor_of(officer), officer.role, view)


def _ledger(request: Request) -> ReturneeLedger:
    return ReturneeLedger(services_of(request).store.engine)


@router.get("/returnees", response_class=HTMLResponse)
async def returnees_page(request: Request, officer: OfficerPage, lifted: bool = False) -> HTMLResponse:
    now = datetime.now(UTC)
    found = await run_in_threadpool(
        lambda: _ledger(request).records(
            reader=_reader(officer, "page.list"), status="lifted" if lifted else "active"
        )
    )
    rows = [(r.masked(), meeting_status(r, now=now)) for r in found]
    rows.sort(key=lambda rs: (not rs[1].flagged, -rs[1].days_overdue, rs[0].id))
    load: dict[str, Counter[str]] = {"cadre": Counter(), "officer": Counter(), "supervisor": Counter()}
    late: dict[str, Counter[str]] = {"cadre": Counter(), "officer": Counter(), "supervisor": Counter()}
    for r, s in rows:
        if r.assignment is None:
            continue
        for role in load:
            name = getattr(r.assignment, role) or "（未指定）"
            load[role][name] += 1
            if s.state in ("overdue", "escalated"):  # all three are told from the first overdue day
                late[role][name] += 1
    context = {"rows": rows, "load": load, "late": late, "lifted": lifted, "how": HOW, "risk": RISK,
               "unassigned": sum(1 for _, s in rows if s.state == "unassigned")}  # fmt: skip
    return render(request, "returnees.html", context)


async def _page(request: Request, officer: Caller, returnee_id: int, *, error: str = "", done: str = "",
                form: dict[str, str] | None = None) -> HTMLResponse:  # fmt: skip
    engine = services_of(request).store.engine

    def load() -> tuple[Returnee, list[Access]]:
        r = ReturneeLedger(engine).view(returnee_id, reader=_reader(officer, "page.detail"))
        return r, list(access_log(engine, kind="returnee", record_id=returnee_id))

    try:
        r, log = await run_in_threadpool(load)
    except ReturneeNotFound as exc:
        raise PageError(404, str(exc)) from None
    context = {"r": r, "status": meeting_status(r, now=datetime.now(UTC)), "log": log, "how": HOW, "risk": RISK,
               "statuses": STATUS, "local": local, "error": error, "done": done, "form": form or {}}  # fmt: skip
    return render(request, "returnee.html", context, status_code=422 if error else 200)


@router.get("/returnees/{returnee_id}", response_class=HTMLResponse)
async def returnee_page(
    request: Request, returnee_id: RowId, officer: OfficerPage, done: str = ""
) -> HTMLResponse:
    messages = {"assigned": "已分包。", "lifted": "已解除管控。"}
    return await _page(request, officer, returnee_id, done=messages.get(done, ""))


@router.post("/returnees/{returnee_id}/assign", response_model=None)
async def assign(request: Request, returnee_id: RowId, officer: OfficerPage) -> Response:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in PAIR_FIELDS}
    pair = PairIn(form["cadre"], form["officer"], form["cadre_phone"], form["officer_phone"], form["supervisor"],
                  form["supervisor_phone"], form["reason"])  # fmt: skip
    try:
        await run_in_threadpool(lambda: _ledger(request).assign(returnee_id, pair, actor=actor_of(officer)))
    except ReturneeNotFound as exc:
        raise PageError(404, str(exc)) from None
    except ReturneeError as exc:
        return await _page(request, officer, returnee_id, error=str(exc), form=form)
    return RedirectResponse(f"/console/returnees/{returnee_id}?done=assigned", status_code=303)


@router.post("/returnees/{returnee_id}/lift", response_model=None)
async def lift(request: Request, returnee_id: RowId, officer: OfficerPage) -> Response:
    reason = str((await request.form()).get("reason") or "")
    try:
        await run_in_threadpool(
            lambda: _ledger(request).lift(returnee_id, reason=reason, actor=actor_of(officer))
        )
    except ReturneeNotFound as exc:
        raise PageError(404, str(exc)) from None
    except ReturneeError as exc:
        return await _page(request, officer, returnee_id, error=str(exc))
    return RedirectResponse(f"/console/returnees/{returnee_id}?done=lifted", status_code=303)
