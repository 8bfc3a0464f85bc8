"""Held transfers and their checks: the list of the bank's held and blocked transfers, the checklist form
(三问二看一核对 at the counter, 一问二看三提醒 at the ATM; htmx swaps one for the other) opened from a held
transfer or from a transfer id typed in, and the completed checks with what they fed (the case at the desk).
"""

from __future__ import annotations

import math
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.api.schemas import MAX_ID
from fanzha.counter import check_list, held_list
from fanzha.counter.check_list import CheckQuery
from fanzha.counter.check_model import CheckIn, CounterError
from fanzha.counter.checklists import checklist, load_checklists
from fanzha.counter.held import CHANNEL_NAMES, HeldTransfer
from fanzha.counter.held_list import SORTS, STATES, HeldQuery
from fanzha.web.bank.common import BankPage, bank_of, counter_desk, name_of, render
from fanzha.web.list_pages import days_of, fetch_page
from fanzha.web.paging import FilterError, Listing, amount_range
from fanzha.web.problems import PageRoute

router = APIRouter(route_class=PageRoute)
TEXT_FIELDS = ("transfer_id", "checklist", "outcome", "signed_by", "fraud_type", "suspect_phone", "note")
HELD_FILTERS = ("state", "outcome", "channel", "bank", "since", "until", "min", "max", "q")
CHECK_FILTERS = ("outcome", "checklist", "since", "until", "q")
MANUAL_FIELDS = ("amount", "lost", "payer_name", "payer_age", "payer_district", "payee_account", "payee_bank")


def _number(raw: str, what: str) -> float | None:
    text = raw.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise CounterError(f"{what}“{raw[:20]}”不是数字") from None
    if not math.isfinite(value) or value < 0 or value > 1e12:
        raise CounterError(f"{what}须为不小于零的金额（元）")
    return value


def check_from_form(form: dict[str, str]) -> CheckIn:
    """The completed checklist as the form posted it (answers are the fields `a_<question id>`)."""
    answers = {key[2:]: value for key, value in form.items() if key.startswith("a_")}
    payer = {"name": form.get("payer_name", ""), "age": form.get("payer_age", ""),
             "district": form.get("payer_district", "")}  # fmt: skip
    return CheckIn(
        transfer_id=form.get("transfer_id", "").strip(),
        checklist=form.get("checklist", "counter"),
        answers=answers,
        outcome=form.get("outcome", ""),
        notice_signed=form.get("notice_signed", "") in ("on", "true", "1"),
        signed_by=form.get("signed_by", ""),
        amount=_number(form.get("amount", ""), "转账金额"),
        payer=payer,
        payee_account=form.get("payee_account", ""),
        payee_bank=form.get("payee_bank", ""),
        fraud_type=form.get("fraud_type", ""),
        suspect_phone=form.get("suspect_phone", ""),
        lost=_number(form.get("lost", ""), "已被骗金额") or 0.0,
        note=form.get("note", ""),
    )


async def held_page(request: Request, user: BankPage) -> HTMLResponse:
    """`/bank` itself (registered on the bank console's router: a sub-router cannot have an empty path):
    the held transfers, a page at a time, with the filters and the order in the address."""
    listing = Listing.read(request, sorts=SORTS, default="-at", filters=HELD_FILTERS)
    f = listing.filters
    engine = counter_desk(request).engine
    since, until, error = days_of(listing)
    try:
        least, most = amount_range(f["min"], f["max"])
    except FilterError as exc:
        error, least, most = error or str(exc), None, None
    query = HeldQuery(
        bank=bank_of(user),
        state=f["state"] if f["state"] in STATES else "pending",
        outcome=f["outcome"],
        channel=f["channel"],
        screened_by=f["bank"],
        since=since,
        until=until,
        min_amount=least,
        max_amount=most,
        text=f["q"],
    )
    held = await run_in_threadpool(fetch_page, listing, partial(held_list.held_page, engine, query))
    banks = await run_in_threadpool(held_list.banks_held, engine) if bank_of(user) is None else []
    context = {
        "held": held,
        "listing": listing,
        "error": error,
        "states": STATES,
        "outcomes": held_list.OUTCOMES,
        "channels": CHANNEL_NAMES,
        "banks": banks,
    }
    return render(request, "held.html", context, status_code=422 if error else 200)


async def _form_page(
    request: Request, user: BankPage, values: dict[str, str], *, error: str = ""
) -> HTMLResponse:
    desk = counter_desk(request)
    transfer_id = values.get("transfer_id", "").strip()
    held: HeldTransfer | None = None
    if transfer_id:
        held = await run_in_threadpool(lambda: desk.transfer(bank=bank_of(user), transfer_id=transfer_id))
    code = values.get("checklist") if values.get("checklist") in load_checklists() else None
    code = code or ("atm" if held is not None and held.channel == "atm" else "counter")
    context = {
        "held": held,
        "values": values,
        "form": checklist(code),
        "forms": load_checklists(),
        "error": error,
    }
    return render(request, "check.html", context, status_code=422 if error else 200)


@router.get("/check", response_class=HTMLResponse)
async def check_form(
    request: Request,
    user: BankPage,
    transfer_id: Annotated[str, Query(max_length=128)] = "",
    checklist: Annotated[str, Query(max_length=16)] = "",
) -> HTMLResponse:
    return await _form_page(request, user, {"transfer_id": transfer_id, "checklist": checklist})


@router.get("/check/checklist", response_class=HTMLResponse)
def checklist_fragment(
    request: Request, user: BankPage, checklist: Annotated[str, Query(max_length=16)] = "counter"
) -> HTMLResponse:
    """The questions of one checklist (htmx swaps them in when the teller switches counter / ATM)."""
    forms = load_checklists()
    form = forms.get(checklist, forms["counter"])
    return render(request, "_checklist.html", {"form": form, "values": {}})


@router.post("/check", response_model=None)
async def record_check(request: Request, user: BankPage) -> HTMLResponse | RedirectResponse:
    raw = await request.form()
    values = {key: str(value)[:2000] for key, value in raw.items() if isinstance(value, str)}
    desk = counter_desk(request)
    bank = bank_of(user)
    if bank is None:  # an admin checks a transfer in the name of the bank that screened it
        found = await run_in_threadpool(
            lambda: desk.transfer(bank=None, transfer_id=values.get("transfer_id", ""))
        )
        bank = found.bank if found is not None else name_of(user)
    try:
        check = check_from_form(values)
        done = await run_in_threadpool(lambda: desk.record(check, bank=str(bank), staff=name_of(user)))
    except CounterError as exc:
        return await _form_page(request, user, values, error=str(exc))
    return RedirectResponse(f"/bank/checks?done={done.id}", status_code=303)


@router.get("/checks", response_class=HTMLResponse)
async def checks_page(
    request: Request, user: BankPage, done: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None
) -> HTMLResponse:
    """The bank's completed checks, a page at a time, with the filters and the order in the address."""
    listing = Listing.read(request, sorts=check_list.SORTS, default="-at", filters=CHECK_FILTERS)
    f = listing.filters
    since, until, error = days_of(listing)
    query = CheckQuery(
        bank=bank_of(user),
        outcome=f["outcome"],
        checklist=f["checklist"],
        since=since,
        until=until,
        text=f["q"],
    )
    engine = counter_desk(request).engine
    checks = await run_in_threadpool(fetch_page, listing, partial(check_list.check_page, engine, query))
    context = {
        "checks": checks, "done": next((c for c in checks if c.id == done), None), "forms": load_checklists(),
        "listing": listing, "error": error,
    }  # fmt: skip
    return render(request, "checks.html", context, status_code=422 if error else 200)
