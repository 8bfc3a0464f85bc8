"""The warning task pages: the queue, one task with what to say, and the outcome form."""

# No `from __future__ import annotations`: the routes' parameters name the console's gate, a local
# that FastAPI must see as an object, not as a string to look up in this module.

import math
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import Caller
from fanzha.warn import OUTCOMES, Task, WarnConflict, WarnError, WarnNotFound
from fanzha.warn.model import FLAG_LEVELS, METHODS, SOURCES, TASK_STATES
from fanzha.warn.scripts import call_script, family_text, sms_text
from fanzha.web.console.common import services_of
from fanzha.web.problems import RowId
from fanzha.web.warnings.console import Console, actor_of, warn_service

PAGE = 30
COUNT_DAYS = 7
STATES = {"open": "待预警", "done": "已处置", "all": "全部"}
DONE = {"recorded": "已登记处置结果。"}


def _amount(text: str, what: str) -> float | None:
    """A yuan amount typed in a form ("" → None); WarnError in Chinese for anything else."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise WarnError(f"{what}须为数字（元）") from None
    if not math.isfinite(value) or value < 0:
        raise WarnError(f"{what}须为不小于0的金额（元）")
    return value


def _missing(task_id: int) -> HTTPException:
    return HTTPException(status_code=404, detail=f"没有编号为 {task_id} 的预警任务")


def task_routes(router: APIRouter, console: Console) -> None:
    User = Annotated[Caller, Depends(console.gate)]
    base = console.base

    @router.get("/warnings", response_class=HTMLResponse)
    async def queue_page(
        request: Request,
        user: User,
        state: Annotated[str, Query(max_length=8)] = "open",
        community: Annotated[str, Query(max_length=64)] = "",
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    ) -> HTMLResponse:
        """The queue of warning tasks; officers may narrow it to one community."""
        state = state if state in STATES else "open"
        held = console.scope(user)
        shown = held if held is not None else (community.strip() or None)
        service, now = warn_service(request), datetime.now(UTC)

        def read() -> tuple[list[Task], int, dict[str, Any]]:
            tasks, total = service.tasks.queue(
                community=shown, state=None if state == "all" else state, limit=PAGE, offset=(page - 1) * PAGE
            )
            counts = service.tasks.counts(start=now - timedelta(days=COUNT_DAYS), end=now, community=shown)
            return tasks, total, counts

        tasks, total, counts = await run_in_threadpool(read)
        context = {
            "tasks": tasks, "total": total, "page": page, "pages": max(1, math.ceil(total / PAGE)),
            "state": state, "states": STATES, "community": shown or "", "held": held, "counts": counts,
            "count_days": COUNT_DAYS, "outcomes": OUTCOMES, "levels": FLAG_LEVELS,
        }  # fmt: skip
        return console.render(request, "tasks.html", context)

    async def detail(
        request: Request,
        user: Caller,
        task_id: int,
        *,
        error: str = "",
        done: str = "",
        form: dict[str, str] | None = None,
        status_code: int = 200,
    ) -> HTMLResponse:
        service = warn_service(request)
        held = console.scope(user)

        def read() -> dict[str, Any]:
            task = service.tasks.get(task_id, community=held, actor=actor_of(user))  # audited: full numbers
            resident = service.residents.get(task.resident_id, actor=None, community=held)
            family = [
                (member, family_text(task, relation=member.relation))
                for member in resident.family
                if member.notify
            ]
            return {"task": task, "resident": resident, "family": family,
                    "script": call_script(task), "sms": sms_text(task)}  # fmt: skip

        try:
            context = await run_in_threadpool(read)
        except WarnNotFound:
            raise _missing(task_id) from None
        context |= {
            "error": error, "done": done, "form": form or {}, "outcomes": OUTCOMES, "methods": METHODS,
            "levels": FLAG_LEVELS, "sources": SOURCES, "task_states": TASK_STATES,
        }  # fmt: skip
        return console.render(request, "task.html", context, status_code=status_code)

    @router.get("/warnings/{task_id}", response_class=HTMLResponse)
    async def task_page(
        request: Request, task_id: RowId, user: User, done: Annotated[str, Query(max_length=16)] = ""
    ) -> HTMLResponse:
        return await detail(request, user, task_id, done=DONE.get(done, ""))

    @router.post("/warnings/{task_id}/outcome", response_model=None)
    async def record_outcome(
        request: Request,
        task_id: RowId,
        user: User,
        outcome: Annotated[str, Form(max_length=16)] = "",
        method: Annotated[str, Form(max_length=16)] = "",
        note: Annotated[str, Form(max_length=2000)] = "",
        prevented: Annotated[str, Form(max_length=32)] = "",
        loss: Annotated[str, Form(max_length=32)] = "",
    ) -> HTMLResponse | RedirectResponse:
        form = {"outcome": outcome, "method": method, "note": note, "prevented": prevented, "loss": loss}
        service, cases = warn_service(request), services_of(request).cases

        def change() -> None:
            if not outcome:
                raise WarnError("请选择处置结果")
            if not method:
                raise WarnError("请选择预警方式")
            service.tasks.record_outcome(
                task_id, outcome=outcome, method=method, by=actor_of(user), note=note.strip(),
                community=console.scope(user), prevented_amount=_amount(prevented, "挽回金额"),
                loss=_amount(loss, "被骗金额"), cases=cases,
            )  # fmt: skip

        try:
            await run_in_threadpool(change)
        except WarnNotFound:
            raise _missing(task_id) from None
        except WarnConflict as exc:
            return await detail(request, user, task_id, error=str(exc), form=form, status_code=409)
        except WarnError as exc:
            return await detail(request, user, task_id, error=str(exc), form=form, status_code=422)
        return RedirectResponse(f"{base}/warnings/{task_id}?done=recorded", status_code=303)
