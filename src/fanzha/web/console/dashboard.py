"""The console's front page: today's and this week's desk numbers, the charts and the rising fraud
types of `fanzha.reports`, the orders about to expire, and the newest cases."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from fanzha.web.console.common import BEIJING, OfficerPage, case_store, order_store, render
from fanzha.web.console.desk import desk_numbers, desk_trends, periods_now
from fanzha.web.console.orders import SOON, order_rows


def dashboard_context(request: Request) -> dict[str, Any]:
    now = datetime.now(UTC)
    today, week = periods_now(now)
    engine = case_store(request).engine
    _, newest = case_store(request).search(limit=10)
    return {
        "today": desk_numbers(engine, period=today),
        "week": desk_numbers(engine, period=week),
        "week_span": week.span,
        "trends": desk_trends(engine, week=week),
        "expiring": order_rows(order_store(request).expiring(within=SOON, now=now), now),
        "newest": newest,
        "now_text": now.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M"),
    }


async def dashboard(request: Request, officer: OfficerPage) -> HTMLResponse:
    """`/console` itself (registered on the console's router: a sub-router cannot have an empty path)."""
    return render(request, "dashboard.html", await run_in_threadpool(dashboard_context, request))
