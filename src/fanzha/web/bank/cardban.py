"""断卡 from the bank's side: the opening check (before an account is opened or a non-counter service added:
可办理 / 仅限柜面 / 需核实, with the reasons) and the bank's record of its own accounts found sold or rented,
with the holder masked once stored. A refused form comes back as typed, with the reason."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.cardban import (
    KINDS,
    SERVICES,
    STATUSES,
    VERDICTS,
    CardbanError,
    CardbanStore,
    CheckIn,
    CheckResult,
    EntryIn,
    OpeningChecks,
    today_in_beijing,
)
from fanzha.web.bank.common import BankPage, bank_of, name_of, render
from fanzha.web.console.cardban import entry_listing
from fanzha.web.console.common import services_of
from fanzha.web.problems import PageRoute

router = APIRouter(route_class=PageRoute)
CHECK_FIELDS = ("service", "holder_name", "holder_id", "account", "phone")
ENTRY_FIELDS = (
    "kind",
    "value",
    "holder_name",
    "holder_id",
    "review_ref",
    "issuer",
    "starts_on",
    "ends_on",
    "note",
)


def _engine(request: Request) -> Any:
    return services_of(request).store.engine


async def _opening_page(
    request: Request,
    user: BankPage,
    *,
    form: dict[str, str] | None = None,
    result: CheckResult | None = None,
    error: str = "",
) -> HTMLResponse:
    recent = await run_in_threadpool(
        lambda: OpeningChecks(_engine(request)).recent(bank=bank_of(user), limit=50)
    )
    context = {
        "services": SERVICES, "verdicts": VERDICTS, "form": form or {"service": "open_account"}, "result": result,
        "recent": recent, "error": error,
    }  # fmt: skip
    return render(request, "opening.html", context, status_code=422 if error else 200)


@router.get("/opening", response_class=HTMLResponse)
async def opening_page(request: Request, user: BankPage) -> HTMLResponse:
    return await _opening_page(request, user)


@router.post("/opening", response_class=HTMLResponse)
async def opening_check(request: Request, user: BankPage) -> HTMLResponse:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in CHECK_FIELDS}
    check = CheckIn(
        service=form["service"], holder_name=form["holder_name"], holder_id=form["holder_id"],
        account=form["account"], phone=form["phone"],
    )  # fmt: skip
    checks = OpeningChecks(_engine(request))
    try:
        result = await run_in_threadpool(
            lambda: checks.check(check, bank=name_of(user), staff=name_of(user), actor=name_of(user))
        )
    except CardbanError as exc:
        return await _opening_page(request, user, form=form, error=str(exc))
    return await _opening_page(request, user, form={"service": form["service"]}, result=result)


def _day(text: str, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CardbanError(f"{what}“{text[:20]}”不是日期（例如 2026-11-06）") from None


async def _entries_page(
    request: Request,
    user: BankPage,
    *,
    form: dict[str, str] | None = None,
    error: str = "",
    done: bool = False,
) -> HTMLResponse:
    listing, entries, list_error = await entry_listing(
        request, path="/bank/cardban", recorded_by=bank_of(user)
    )
    context = {
        "entries": [e.masked() for e in entries], "kinds": KINDS, "statuses": STATUSES, "today": today_in_beijing(),
        "form": form or {"kind": "bank_card"}, "error": error, "done": done, "listing": listing,
        "list_error": list_error,
    }  # fmt: skip
    return render(request, "cardban.html", context, status_code=422 if error or list_error else 200)


@router.get("/cardban", response_class=HTMLResponse)
async def entries_page(
    request: Request, user: BankPage, done: Annotated[str, Query(max_length=16)] = ""
) -> HTMLResponse:
    return await _entries_page(request, user, done=done == "added")


@router.post("/cardban", response_model=None)
async def add_entry(request: Request, user: BankPage) -> HTMLResponse | RedirectResponse:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in ENTRY_FIELDS}
    store = CardbanStore(_engine(request))

    def add() -> None:
        entry = EntryIn(
            kind=form["kind"], value=form["value"], holder_name=form["holder_name"], holder_id=form["holder_id"],
            evidence="bank_review", review_ref=form["review_ref"], issuer=form["issuer"] or name_of(user),
            note=form["note"], starts_on=_day(form["starts_on"], "起始日期"), ends_on=_day(form["ends_on"], "截止日期"),
        )  # fmt: skip
        store.add(entry, actor=name_of(user), role="bank" if user.role == "bank" else "admin")

    try:
        await run_in_threadpool(add)
    except CardbanError as exc:
        return await _entries_page(request, user, form=form, error=str(exc))
    return RedirectResponse("/bank/cardban?done=added", status_code=303)
