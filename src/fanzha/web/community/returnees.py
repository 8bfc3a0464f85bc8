"""The returnees a community worker looks after (涉诈回流人员), on a phone: the list with a badge for each
one whose weekly meeting is due or overdue (and why), a returnee's page with the meeting form filled in
from the 双岗分包 pair (the day is today: a meeting is recorded in a few taps), and registering a new
returnee. A community key sees its own village only (others: 404); every page that shows a returnee is
logged as a read (`page.list`, `page.detail`)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import Caller
from fanzha.returnees import (
    HOW,
    RISK,
    MeetingIn,
    Reader,
    ReturneeError,
    ReturneeIn,
    ReturneeLedger,
    ReturneeNotFound,
    beijing_day,
    meeting_status,
)
from fanzha.web.community.common import CommunityPage, community_of, name_of, render
from fanzha.web.console.common import services_of
from fanzha.web.problems import PageError, RowId

router = APIRouter()
MEETING_FIELDS = ("met_on", "cadre", "officer", "place", "findings", "next_steps")
NEW_FIELDS = ("name", "community", "returned_on", "how", "risk_level", "id_number", "phone", "sex", "address",
              "from_country", "from_city", "risk_notes")  # fmt: skip


def reader_of(user: Caller, view: str) -> Reader:
    return Reader(name_of(user), user.role, view, community=community_of(user))


def parse_day(text: str, what: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ReturneeError(f"{what}“{text[:20]}”不是日期（例如 2026-11-06）") from None


def ledger_of(request: Request) -> ReturneeLedger:
    return ReturneeLedger(services_of(request).store.engine)


@router.get("/returnees", response_class=HTMLResponse)
async def returnees_page(request: Request, user: CommunityPage) -> HTMLResponse:
    now = datetime.now(UTC)
    found = await run_in_threadpool(lambda: ledger_of(request).records(reader=reader_of(user, "page.list")))
    rows = sorted(((r.masked(), meeting_status(r, now=now)) for r in found),
                  key=lambda rs: (not rs[1].flagged, rs[1].state != "due", -rs[1].days_overdue))  # fmt: skip
    flagged = sum(1 for _, s in rows if s.flagged)
    return render(
        request, "returnees.html", {"rows": rows, "flagged": flagged, "community": community_of(user)}
    )


async def _detail(request: Request, user: Caller, returnee_id: int, *, form: dict[str, str] | None = None,
                  error: str = "", done: str = "") -> HTMLResponse:  # fmt: skip
    try:
        r = await run_in_threadpool(
            lambda: ledger_of(request).view(returnee_id, reader=reader_of(user, "page.detail"))
        )
    except ReturneeNotFound as exc:
        raise PageError(404, str(exc)) from None
    now = datetime.now(UTC)
    pair = r.assignment
    form = form or {"met_on": beijing_day(now).isoformat(), "cadre": pair.cadre if pair else "",
                    "officer": pair.officer if pair else "", "place": "", "findings": "", "next_steps": ""}  # fmt: skip
    context = {"r": r, "status": meeting_status(r, now=now), "form": form, "error": error, "done": done,
               "how": HOW, "risk": RISK}  # fmt: skip
    return render(request, "returnee.html", context, status_code=422 if error else 200)


@router.get("/returnees/new", response_class=HTMLResponse)
async def new_returnee(request: Request, user: CommunityPage) -> HTMLResponse:
    form = {"community": community_of(user) or "", "how": "self", "risk_level": "medium"}
    return render(request, "returnee_new.html", {"form": form, "error": "", "how": HOW, "risk": RISK,
                                                 "fixed": community_of(user)})  # fmt: skip


@router.post("/returnees", response_model=None)
async def add_returnee(request: Request, user: CommunityPage) -> Response:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in NEW_FIELDS}
    form["community"] = community_of(user) or form["community"]

    def add() -> int:
        entry = ReturneeIn(name=form["name"], community=form["community"], returned_on=parse_day(form["returned_on"], "回流日期"),
                           how=form["how"], risk_level=form["risk_level"], id_number=form["id_number"], phone=form["phone"],
                           sex=form["sex"], address=form["address"], from_country=form["from_country"],
                           from_city=form["from_city"], risk_notes=form["risk_notes"])  # fmt: skip
        return ledger_of(request).register(entry, actor=name_of(user))

    try:
        rid = await run_in_threadpool(add)
    except ReturneeError as exc:
        context = {"form": form, "error": str(exc), "how": HOW, "risk": RISK, "fixed": community_of(user)}
        return render(request, "returnee_new.html", context, status_code=422)
    return RedirectResponse(f"/community/returnees/{rid}?done=added", status_code=303)


@router.get("/returnees/{returnee_id}", response_class=HTMLResponse)
async def returnee_page(
    request: Request, returnee_id: RowId, user: CommunityPage, done: str = ""
) -> HTMLResponse:
    messages = {"met": "会面已记录。", "added": "已登记。请联系派出所落实双岗分包。"}
    return await _detail(request, user, returnee_id, done=messages.get(done, ""))


@router.post("/returnees/{returnee_id}/meetings", response_model=None)
async def record_meeting(request: Request, returnee_id: RowId, user: CommunityPage) -> Response:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in MEETING_FIELDS}

    def meet() -> None:
        entry = MeetingIn(parse_day(form["met_on"], "会面日期"), form["cadre"], form["officer"], form["place"],
                          form["findings"], form["next_steps"])  # fmt: skip
        ledger_of(request).meet(returnee_id, entry, actor=name_of(user), reader=reader_of(user, "page.meet"))

    try:
        await run_in_threadpool(meet)
    except ReturneeNotFound as exc:
        raise PageError(404, str(exc)) from None
    except ReturneeError as exc:
        return await _detail(request, user, returnee_id, form=form, error=str(exc))
    return RedirectResponse(f"/community/returnees/{returnee_id}?done=met", status_code=303)
