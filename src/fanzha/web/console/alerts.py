"""The counter alarm at the desk: the alerts from bank counters (a badge in the menu and a list that htmx
refreshes every few seconds, since the pages carry no inline script), and one alert with what the officer
does: acknowledge it, attach it to a case or open one from it (the form pre-filled from the alert), and
record the outcome. Drills are marked; the figures of drills and real alerts are shown apart."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.cases.model import fits_id
from fanzha.counter import KINDS, OUTCOMES, STATES, Alert, AlertError, AlertNotFound
from fanzha.counter.alert_cases import case_from_alert
from fanzha.counter.alert_model import CASE_LINKS, KIND_SHORT
from fanzha.counter.alerts import AlertStore
from fanzha.counter.drills import alert_report
from fanzha.web.console.common import OfficerPage, actor_of, case_store, render, services_of
from fanzha.web.problems import PageRoute, RowId

router = APIRouter(route_class=PageRoute)
FILTERS = {"active": "未处置", **STATES, "all": "全部"}
DONE = {
    "acknowledged": "已接警。",
    "attached": "已并入案件。",
    "opened": "已据此立案。",
    "closed": "已登记处置结果。",
}
ACTIONS = {"alert.raised": "报警", "alert.acknowledged": "接警", "alert.case_attached": "并入案件",
           "alert.case_opened": "据此立案", "alert.closed": "登记处置结果"}  # fmt: skip
POLL_SECONDS = 5
REPORT_DAYS = 30


def alert_store(request: Request) -> AlertStore:
    services = services_of(request)
    return AlertStore(services.store.engine, cases=services.cases)


def waited(seconds: float | None) -> str:
    """ "3 分 20 秒", "1 小时 5 分"."""
    if seconds is None:
        return ""
    total = int(seconds)
    hours, minutes, secs = total // 3600, total % 3600 // 60, total % 60
    return f"{hours} 小时 {minutes} 分" if hours else f"{minutes} 分 {secs} 秒"


def alert_rows(alerts: list[Alert], now: datetime) -> list[dict[str, Any]]:
    return [
        {
            "alert": a,
            "kind": KIND_SHORT.get(a.kind, a.kind),
            "waited": waited(a.waiting_seconds(now))
            if a.state == "open"
            else waited(a.seconds_to_acknowledge),
        }
        for a in alerts
    ]


def _shown(state: str) -> str:
    return state if state in FILTERS else "active"


async def _list_context(request: Request, state: str) -> dict[str, Any]:
    store, now = alert_store(request), datetime.now(UTC)
    found = await run_in_threadpool(
        lambda: store.list_alerts(state=None if state == "all" else state, limit=300)
    )
    return {"rows": alert_rows(found, now), "state": state, "poll": POLL_SECONDS, "filters": FILTERS}


@router.get("/alerts", response_class=HTMLResponse)
async def alerts_page(
    request: Request,
    officer: OfficerPage,
    state: Annotated[str, Query(max_length=16)] = "active",
) -> HTMLResponse:
    context = await _list_context(request, _shown(state))
    now = datetime.now(UTC)
    report = await run_in_threadpool(
        lambda: alert_report(services_of(request).store.engine, since=now - timedelta(days=REPORT_DAYS))
    )
    context |= {"report": report, "report_days": REPORT_DAYS, "outcomes": OUTCOMES, "waited": waited}
    return render(request, "alerts.html", context)


@router.get("/alerts/list", response_class=HTMLResponse)
async def alerts_list(
    request: Request, officer: OfficerPage, state: Annotated[str, Query(max_length=16)] = "active"
) -> HTMLResponse:
    """The list alone (htmx polls it)."""
    return render(request, "_alert_list.html", await _list_context(request, _shown(state)))


@router.get("/alerts/badge", response_class=HTMLResponse)
async def alerts_badge(request: Request, officer: OfficerPage) -> HTMLResponse:
    """The menu's count of alerts waiting for the desk (htmx polls it on every console page)."""
    real, drills = await run_in_threadpool(alert_store(request).open_counts)
    return render(request, "_alert_badge.html", {"real": real, "drills": drills})


async def _detail(
    request: Request, alert_id: int, *, error: str = "", done: str = "", form: dict[str, str] | None = None
) -> HTMLResponse:
    store = alert_store(request)
    try:
        alert = await run_in_threadpool(store.get, alert_id)
    except AlertNotFound:
        return render(request, "missing.html", {"what": f"柜面报警 #{alert_id}"}, status_code=404)
    entries = await run_in_threadpool(store.history, alert_id)
    officer = getattr(request.state, "officer", None)
    prefill = case_from_alert(alert, officer=officer.label if officer else "")
    values = {"fraud_type": prefill.fraud_type, "district": "", "narrative": prefill.narrative, "case": ""}
    context = {
        "alert": alert,
        "kind_names": KINDS,
        "outcomes": {k: v for k, v in OUTCOMES.items() if alert.drill or k != "drill_completed"},
        "case_links": CASE_LINKS,
        "history": entries,
        "actions": ACTIONS,
        "form": values | (form or {}),
        "error": error,
        "done": done,
        "waited": waited(alert.waiting_seconds(datetime.now(UTC))),
        "may_link": not alert.drill and alert.state != "open" and alert.case_id is None,
    }
    return render(request, "alert.html", context, status_code=422 if error else 200)


@router.get("/alerts/{alert_id}", response_class=HTMLResponse)
async def alert_page(
    request: Request, alert_id: RowId, officer: OfficerPage, done: Annotated[str, Query(max_length=16)] = ""
) -> HTMLResponse:
    return await _detail(request, alert_id, done=DONE.get(done, ""))


async def _act(
    request: Request, alert_id: int, change: Callable[[], Any], done: str, form: dict[str, str] | None = None
) -> HTMLResponse | RedirectResponse:
    try:
        await run_in_threadpool(change)
    except AlertNotFound as exc:
        if "案件" in str(exc):
            return await _detail(request, alert_id, error=str(exc), form=form)
        return render(request, "missing.html", {"what": f"柜面报警 #{alert_id}"}, status_code=404)
    except AlertError as exc:
        return await _detail(request, alert_id, error=str(exc), form=form)
    return RedirectResponse(f"/console/alerts/{alert_id}?done={done}", status_code=303)


@router.post("/alerts/{alert_id}/acknowledge", response_model=None)
async def acknowledge(
    request: Request, alert_id: RowId, officer: OfficerPage
) -> HTMLResponse | RedirectResponse:
    store = alert_store(request)
    return await _act(
        request, alert_id, lambda: store.acknowledge(alert_id, officer=actor_of(officer)), "acknowledged"
    )


@router.post("/alerts/{alert_id}/attach", response_model=None)
async def attach(
    request: Request, alert_id: RowId, officer: OfficerPage, case: Annotated[str, Form(max_length=64)] = ""
) -> HTMLResponse | RedirectResponse:
    """Attach to a case named by its number (#12 or 12) or its reference (AJ…)."""
    store, text = alert_store(request), case.strip().lstrip("#")

    def change() -> Alert:
        if not text:
            raise AlertError("请填写案件编号或案号")
        if text.isdigit() and fits_id(int(text)):
            return store.attach_case(alert_id, case_id=int(text), officer=actor_of(officer))
        found = case_store(request).get_by_ref(text)
        if found is None:
            raise AlertNotFound(f"没有编号或案号为 {text} 的案件")
        return store.attach_case(alert_id, case_id=found.id, officer=actor_of(officer))

    return await _act(request, alert_id, change, "attached", {"case": case})


@router.post("/alerts/{alert_id}/open-case", response_model=None)
async def open_case(
    request: Request,
    alert_id: RowId,
    officer: OfficerPage,
    fraud_type: Annotated[str, Form(max_length=32)] = "",
    district: Annotated[str, Form(max_length=64)] = "",
    narrative: Annotated[str, Form(max_length=20_000)] = "",
) -> HTMLResponse | RedirectResponse:
    store = alert_store(request)
    form = {"fraud_type": fraud_type, "district": district, "narrative": narrative}
    change = lambda: store.open_case(  # noqa: E731
        alert_id, officer=actor_of(officer), fraud_type=fraud_type, district=district, narrative=narrative
    )
    return await _act(request, alert_id, change, "opened", form)


@router.post("/alerts/{alert_id}/close", response_model=None)
async def close(
    request: Request,
    alert_id: RowId,
    officer: OfficerPage,
    outcome: Annotated[str, Form(max_length=24)] = "",
    note: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse | RedirectResponse:
    store = alert_store(request)
    if not outcome:
        return await _detail(request, alert_id, error="请选择处置结果", form={"note": note})
    change = lambda: store.close(alert_id, outcome=outcome, note=note, officer=actor_of(officer))  # noqa: E731
    return await _act(request, alert_id, change, "closed", {"note": note, "outcome": outcome})
