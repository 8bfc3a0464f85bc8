"""断卡 at the desk: the 惩戒 list of holders of sold or rented accounts and phone cards (in full, for
officers), a form to add one on a case's evidence or a bank's review, lifting one early, the 串并 groups
that run through listed accounts, and the banks' latest opening checks. A field the store refuses is named
beside the form and nothing is stored."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from fanzha.cardban import (
    EVIDENCE,
    KINDS,
    SERVICES,
    STATUSES,
    VERDICTS,
    CardbanError,
    CardbanNotFound,
    CardbanStore,
    Entry,
    EntryIn,
    OpeningChecks,
    entry_list,
    groups_through_listed,
    today_in_beijing,
)
from fanzha.cardban.entry_list import EntryQuery
from fanzha.cases.model import fits_id
from fanzha.web.console.common import OfficerPage, actor_of, case_store, render, services_of
from fanzha.web.list_pages import days_of, fetch_page
from fanzha.web.paging import Listing
from fanzha.web.problems import PageRoute, RowId

router = APIRouter(route_class=PageRoute)
FIELDS = ("kind", "value", "holder_name", "holder_id", "evidence", "case", "review_ref", "issuer",
          "starts_on", "ends_on", "note")  # fmt: skip
LIST_FILTERS = ("status", "kind", "since", "until", "q")
DONE = {"added": "已登记。", "lifted": "已解除。"}


def _day(text: str, what: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CardbanError(f"{what}“{text[:20]}”不是日期（例如 2026-11-06）") from None


def _case_id(request: Request, text: str) -> int | None:
    text = text.strip().lstrip("#")
    if not text:
        return None
    if text.isdigit() and fits_id(int(text)):
        return int(text)
    found = case_store(request).get_by_ref(text)
    if found is None:
        raise CardbanNotFound(f"没有编号或案号为 {text} 的案件")
    return found.id


async def entry_listing(
    request: Request, *, path: str, recorded_by: str | None, status: str = "all"
) -> tuple[Listing, list[Entry], str]:
    """The 惩戒 list's page the address asks for at `path` (a bank: only the entries it recorded; `status`
    when the address names none), and the message of a filter that does not parse ("" when they all do)."""
    listing = Listing.read(request, sorts=entry_list.SORTS, default="-recorded", filters=LIST_FILTERS)
    listing.path, f = path, listing.filters
    f["status"] = f["status"] if f["status"] in STATUSES or f["status"] == "all" else status
    since, until, error = days_of(listing)
    query = EntryQuery(recorded_by=recorded_by, status=f["status"], kind=f["kind"], since=since, until=until,
                       text=f["q"])  # fmt: skip
    engine = services_of(request).store.engine
    entries = await run_in_threadpool(fetch_page, listing, partial(entry_list.entry_page, engine, query))
    return listing, entries, error


async def _page(
    request: Request,
    *,
    form: dict[str, str] | None = None,
    error: str = "",
    done: str = "",
) -> HTMLResponse:
    engine = services_of(request).store.engine
    today = today_in_beijing()

    def load() -> dict[str, Any]:
        with Session(engine) as session:
            groups = groups_through_listed(session, today=today, limit=20)
        checks = OpeningChecks(engine).recent(masked=False, limit=20)
        return {"groups": groups, "checks": checks}

    listing, entries, list_error = await entry_listing(
        request, path="/console/cardban", recorded_by=None, status="active"
    )
    context = await run_in_threadpool(load)
    context |= {
        "entries": entries, "listing": listing, "list_error": list_error, "statuses": STATUSES, "kinds": KINDS,
        "evidence_names": EVIDENCE, "services": SERVICES, "verdicts": VERDICTS, "today": today, "form": form or {"evidence": "case"},
        "error": error, "done": done,
    }  # fmt: skip
    return render(request, "cardban.html", context, status_code=422 if error or list_error else 200)


@router.get("/cardban", response_class=HTMLResponse)
async def cardban_page(
    request: Request,
    officer: OfficerPage,
    done: Annotated[str, Query(max_length=16)] = "",
) -> HTMLResponse:
    return await _page(request, done=DONE.get(done, ""))


@router.post("/cardban", response_model=None)
async def add_entry(request: Request, officer: OfficerPage) -> HTMLResponse | RedirectResponse:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in FIELDS}
    store = CardbanStore(services_of(request).store.engine)

    def add() -> None:
        entry = EntryIn(
            kind=form["kind"], value=form["value"], holder_name=form["holder_name"], holder_id=form["holder_id"],
            evidence=form["evidence"], case_id=_case_id(request, form["case"]) if form["evidence"] == "case" else None,
            review_ref=form["review_ref"], issuer=form["issuer"], note=form["note"],
            starts_on=_day(form["starts_on"], "起始日期"), ends_on=_day(form["ends_on"], "截止日期"),
        )  # fmt: skip
        store.add(entry, actor=actor_of(officer), role="officer")

    try:
        await run_in_threadpool(add)
    except CardbanError as exc:
        return await _page(request, form=form, error=str(exc))
    return RedirectResponse("/console/cardban?done=added", status_code=303)


@router.post("/cardban/{entry_id}/lift", response_model=None)
async def lift(
    request: Request,
    entry_id: RowId,
    officer: OfficerPage,
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse | RedirectResponse:
    store = CardbanStore(services_of(request).store.engine)
    try:
        await run_in_threadpool(lambda: store.lift(entry_id, reason=reason, actor=actor_of(officer)))
    except CardbanNotFound:
        return render(request, "missing.html", {"what": f"惩戒名单记录 #{entry_id}"}, status_code=404)
    except CardbanError as exc:
        return await _page(request, error=str(exc))
    return RedirectResponse("/console/cardban?status=all&done=lifted", status_code=303)
