"""The resident pages: the register of residents (phones masked in the list), registration with consent,
family (up to MAX_FAMILY) and protected accounts, and one resident in full (each view audited)."""

# No `from __future__ import annotations`: the routes' parameters name the console's gate, a local
# that FastAPI must see as an object, not as a string to look up in this module.

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from fanzha.api.auth import Caller
from fanzha.warn import AccountIn, FamilyIn, ResidentIn, WarnError, WarnNotFound
from fanzha.warn.model import CONSENT_TEXT, MAX_ACCOUNTS, MAX_FAMILY, STATUSES, VIA
from fanzha.web.problems import RowId
from fanzha.web.warnings.console import Console, actor_of, warn_service

PAGE = 50
FAMILY_FIELDS = ("name", "relation", "phone", "age")
RESIDENT_FIELDS = ("name", "phone", "age", "community", "township", "district", "police_station", "address",
                   "accounts", "consent_by")  # fmt: skip


def _age(text: str, who: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 3:
        raise WarnError(f"{who}的年龄须为0到130之间的整数")
    return int(text)


def resident_from_form(form: FormData, *, community: str | None, via: str) -> ResidentIn:
    """A registration from the form's fields; WarnError in Chinese for what cannot be read. A community
    worker's registration is always in their own community."""

    def field(name: str) -> str:
        value = form.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    if field("consent") != "yes":
        raise WarnError("请先确认居民（或代其同意的家属）已同意登记，并填写同意人")
    family = []
    for i in range(MAX_FAMILY):
        values = {name: field(f"family_{name}_{i}") for name in FAMILY_FIELDS}
        if not any(values.values()):
            continue
        if not values["name"]:
            raise WarnError(f"第{i + 1}位家属须填写姓名")
        family.append(
            FamilyIn(name=values["name"], relation=values["relation"], phone=values["phone"],
                     age=_age(values["age"], f"家属{values['name']}"), notify=field(f"family_notify_{i}") == "yes")
        )  # fmt: skip
    accounts = [AccountIn(value=line.strip()) for line in field("accounts").splitlines() if line.strip()]
    if len(accounts) > MAX_ACCOUNTS:
        raise WarnError(f"账户最多登记{MAX_ACCOUNTS}个")
    if not field("phone"):
        raise WarnError("请填写居民手机号")
    return ResidentIn(
        name=field("name"), phone=field("phone"), community=community or field("community"),
        age=_age(field("age"), "居民"), township=field("township"), district=field("district"),
        police_station=field("police_station"), address=field("address"), accounts=accounts, family=family,
        registered_via=via, consent_by=field("consent_by") or field("name"),
    )  # fmt: skip


DONE = {
    "registered": "已登记，居民今后与涉诈号码、账户的接触会生成预警任务。",
    "confirmed": "已确认本人登记，居民今后与涉诈号码、账户的接触会生成预警任务。",
}


def resident_routes(router: APIRouter, console: Console) -> None:
    User = Annotated[Caller, Depends(console.gate)]
    base = console.base

    @router.get("/residents", response_class=HTMLResponse)
    async def residents_page(
        request: Request,
        user: User,
        community: Annotated[str, Query(max_length=64)] = "",
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        held = console.scope(user)
        shown = held if held is not None else (community.strip() or None)
        service = warn_service(request)
        residents, total = await run_in_threadpool(
            lambda: service.residents.list(community=shown, limit=PAGE, offset=(page - 1) * PAGE)
        )
        pending, waiting = await run_in_threadpool(  # self-registrations for the worker to confirm
            lambda: service.residents.list(community=shown, status="pending", limit=PAGE)
        )
        context = {"residents": residents, "total": total, "page": page, "pages": max(1, math.ceil(total / PAGE)),
                   "community": shown or "", "held": held, "pending": pending, "waiting": waiting}  # fmt: skip
        return console.render(request, "residents.html", context)

    def form_page(
        request: Request, user: Caller, *, values: dict[str, str], error: str = "", status_code: int = 200
    ) -> HTMLResponse:
        context = {"values": values, "error": error, "held": console.scope(user), "max_family": MAX_FAMILY,
                   "consent_text": CONSENT_TEXT}  # fmt: skip
        return console.render(request, "register.html", context, status_code=status_code)

    @router.get("/residents/new", response_class=HTMLResponse)
    async def register_page(request: Request, user: User) -> HTMLResponse:
        return form_page(request, user, values={"community": console.scope(user) or ""})

    @router.post("/residents", response_model=None)
    async def register(request: Request, user: User) -> HTMLResponse | RedirectResponse:
        form = await request.form()
        values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
        held = console.scope(user)
        service = warn_service(request)
        via = "worker" if user.role == "community" else "officer"
        try:
            resident = resident_from_form(form, community=held, via=via)
            stored = await run_in_threadpool(
                lambda: service.register(resident, actor=actor_of(user))  # also raises tasks of past contacts
            )
        except WarnError as exc:
            return form_page(request, user, values=values, error=str(exc), status_code=422)
        return RedirectResponse(f"{base}/residents/{stored.id}?done=registered", status_code=303)

    @router.get("/residents/{resident_id}", response_class=HTMLResponse)
    async def resident_page(
        request: Request, resident_id: RowId, user: User, done: Annotated[str, Query(max_length=16)] = ""
    ) -> HTMLResponse:
        service, held = warn_service(request), console.scope(user)

        def read() -> dict[str, Any]:
            resident = service.residents.get(resident_id, actor=actor_of(user), community=held)
            tasks, _ = service.tasks.queue(community=held, state=None, resident_id=resident_id, limit=200)
            return {"resident": resident, "tasks": tasks}

        try:
            context = await run_in_threadpool(read)
        except WarnNotFound:
            raise HTTPException(status_code=404, detail=f"没有编号为 {resident_id} 的居民") from None
        context |= {"done": DONE.get(done, ""), "via_names": VIA, "statuses": STATUSES}
        return console.render(request, "resident.html", context)

    @router.post("/residents/{resident_id}/confirm", response_model=None)
    async def confirm(request: Request, resident_id: RowId, user: User) -> RedirectResponse:
        """The worker confirms a resident's own registration (待社区确认 → 在册), audited."""
        service, held = warn_service(request), console.scope(user)
        try:
            await run_in_threadpool(
                lambda: service.confirm(resident_id, actor=actor_of(user), community=held)
            )
        except WarnNotFound:
            raise HTTPException(status_code=404, detail=f"没有编号为 {resident_id} 的居民") from None
        except WarnError as exc:
            raise HTTPException(status_code=409, detail=str(exc)) from None
        return RedirectResponse(f"{base}/residents/{resident_id}?done=confirmed", status_code=303)
