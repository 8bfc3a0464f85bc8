"""Outbound workers on a phone (外出务工人员, 广西、云南、缅甸…): the list with today's report state — who
is still to be reported on today, and who was missed yesterday and since when — a worker's page with the
daily report form (today, the last known place filled in, 安全 / 能联系上 as big switches) and the
persuasion form (劝返 and its result), and registering a worker. A community key sees its own village
only (others: 404); every page that shows a worker is logged as a read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import Caller
from fanzha.returnees import (
    METHODS,
    OUTCOMES,
    OutboundLedger,
    ReportIn,
    ReturneeError,
    ReturneeNotFound,
    WorkerIn,
    beijing_day,
    is_due,
    missing_on,
)
from fanzha.web.community.common import CommunityPage, community_of, name_of, render
from fanzha.web.community.returnees import parse_day, reader_of
from fanzha.web.console.common import services_of
from fanzha.web.problems import PageError, RowId

router = APIRouter()
NEW_FIELDS = ("name", "community", "region", "place", "state", "employer", "phone", "family_contact", "family_phone",
              "reporter")  # fmt: skip


def ledger_of(request: Request) -> OutboundLedger:
    return OutboundLedger(services_of(request).store.engine)


@router.get("/outbound", response_class=HTMLResponse)
async def outbound_page(request: Request, user: CommunityPage) -> HTMLResponse:
    today = beijing_day(datetime.now(UTC))
    workers = await run_in_threadpool(
        lambda: ledger_of(request).workers(
            reader=reader_of(user, "page.list"), reports_since=today - timedelta(days=60)
        )
    )
    reported = {w.id for w in workers if any(r.day == today for r in w.reports)}
    pending = [w for w in workers if is_due(w, today) and w.id not in reported]
    missed = missing_on(workers, on=today - timedelta(days=1))
    context = {"workers": workers, "today": today, "reported": reported, "pending": pending, "missed": missed,
               "pending_ids": {w.id for w in pending}, "community": community_of(user)}  # fmt: skip
    return render(request, "outbound.html", context)


async def _detail(request: Request, user: Caller, worker_id: int, *, error: str = "", done: str = "",
                  form: dict[str, str] | None = None) -> HTMLResponse:  # fmt: skip
    try:
        w = await run_in_threadpool(
            lambda: ledger_of(request).view(worker_id, reader=reader_of(user, "page.detail"))
        )
    except ReturneeNotFound as exc:
        raise PageError(404, str(exc)) from None
    today = beijing_day(datetime.now(UTC))
    last = w.last_report
    form = form or {"day": today.isoformat(), "location": last.location if last else w.place, "safe": "1",
                    "in_contact": "1", "note": ""}  # fmt: skip
    context = {"w": w, "today": today, "form": form, "error": error, "done": done, "methods": METHODS,
               "outcomes": OUTCOMES}  # fmt: skip
    return render(request, "outbound_worker.html", context, status_code=422 if error else 200)


@router.get("/outbound/new", response_class=HTMLResponse)
async def new_worker(request: Request, user: CommunityPage) -> HTMLResponse:
    form = {"community": community_of(user) or "", "state": "away", "region": "缅甸"}
    return render(request, "outbound_new.html", {"form": form, "error": "", "fixed": community_of(user)})


@router.post("/outbound", response_model=None)
async def add_worker(request: Request, user: CommunityPage) -> Response:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in NEW_FIELDS}
    form["community"] = community_of(user) or form["community"]

    def add() -> int:
        entry = WorkerIn(name=form["name"], community=form["community"], region=form["region"], state=form["state"],
                         place=form["place"], employer=form["employer"], phone=form["phone"],
                         family_contact=form["family_contact"], family_phone=form["family_phone"],
                         reporter=form["reporter"])  # fmt: skip
        return ledger_of(request).register(entry, actor=name_of(user))

    try:
        wid = await run_in_threadpool(add)
    except ReturneeError as exc:
        context = {"form": form, "error": str(exc), "fixed": community_of(user)}
        return render(request, "outbound_new.html", context, status_code=422)
    return RedirectResponse(f"/community/outbound/{wid}?done=added", status_code=303)


@router.get("/outbound/{worker_id}", response_class=HTMLResponse)
async def worker_page(
    request: Request, worker_id: RowId, user: CommunityPage, done: str = ""
) -> HTMLResponse:
    messages = {
        "reported": "日报已保存。",
        "persuaded": "劝返记录已保存。",
        "added": "已登记，请从明天起每日报告。",
    }
    return await _detail(request, user, worker_id, done=messages.get(done, ""))


@router.post("/outbound/{worker_id}/reports", response_model=None)
async def add_report(request: Request, worker_id: RowId, user: CommunityPage) -> Response:
    data = await request.form()
    form = {
        name: str(data.get(name) or "").strip() for name in ("day", "location", "safe", "in_contact", "note")
    }

    def report() -> None:
        entry = ReportIn(parse_day(form["day"], "报告日期"), form["location"], form["safe"] == "1",
                         form["in_contact"] == "1", form["note"])  # fmt: skip
        ledger_of(request).report(
            worker_id, entry, actor=name_of(user), reader=reader_of(user, "page.report")
        )

    try:
        await run_in_threadpool(report)
    except ReturneeNotFound as exc:
        raise PageError(404, str(exc)) from None
    except ReturneeError as exc:
        return await _detail(request, user, worker_id, error=str(exc), form=form)
    return RedirectResponse(f"/community/outbound/{worker_id}?done=reported", status_code=303)


@router.post("/outbound/{worker_id}/persuasions", response_model=None)
async def add_persuasion(request: Request, worker_id: RowId, user: CommunityPage) -> Response:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in ("day", "method", "outcome", "note")}

    def persuade() -> None:
        ledger_of(request).persuade(worker_id, on=parse_day(form["day"], "劝返日期"), method=form["method"],
                                    outcome=form["outcome"], note=form["note"], actor=name_of(user),
                                    reader=reader_of(user, "page.persuade"))  # fmt: skip

    try:
        await run_in_threadpool(persuade)
    except ReturneeNotFound as exc:
        raise PageError(404, str(exc)) from None
    except ReturneeError as exc:
        return await _detail(request, user, worker_id, error=str(exc))
    return RedirectResponse(f"/community/outbound/{worker_id}?done=persuaded", status_code=303)
