"""What every console page shares: the templates, the officer gate, the stores, and time in Beijing.

The gate reads the caller's key from an `X-API-Key` or Bearer header, or from the `fanzha_key` login
cookie. A browser without a valid key is sent to the login page (an htmx request gets `HX-Redirect`,
so the whole page goes there rather than a fragment); a key of another role gets 403.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from fanzha.api.auth import Caller
from fanzha.api.deps import Services
from fanzha.cases.model import CHANNELS, PAYMENT_CHANNELS, STATUS_NAMES
from fanzha.cases.persons import CATEGORIES as PERSON_CATEGORIES
from fanzha.cases.persons import PersonStore
from fanzha.cases.repository import CaseStore
from fanzha.extract.registry import KIND_NAMES
from fanzha.intel.risk import LEVEL_NAMES
from fanzha.orders.machine import KIND_NAMES as ORDER_KIND_NAMES
from fanzha.orders.machine import STATE_NAMES as ORDER_STATE_NAMES
from fanzha.orders.repository import OrderStore
from fanzha.taxonomy.loader import load_taxonomy
from fanzha.web.csrf import csrf_field
from fanzha.web.login import console_gate
from fanzha.web.login import safe_next as shared_safe_next

OFFICER_ROLES = ("officer", "admin")
BEIJING = timezone(timedelta(hours=8), "北京时间")
IDENT_NAMES = {**KIND_NAMES, "app": "APP"}

templates = Jinja2Templates(directory=str(resources.files("fanzha.web").joinpath("templates")))


def fraud_type_names() -> dict[str, str]:
    return {t.code: t.name for t in load_taxonomy().types}


def local(at: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A moment as Beijing time (naive datetimes from SQLite are UTC)."""
    if at is None:
        return ""
    at = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return at.astimezone(BEIJING).strftime(fmt)


def yuan(amount: float | None) -> str:
    if amount is None:
        return ""
    return f"{amount:,.2f}".rstrip("0").rstrip(".") if amount % 1 else f"{amount:,.0f}"


def plain(amount: float | None) -> str:
    """An amount for an input field: 1990, 1990.5 (no grouping, no trailing zeros)."""
    return "" if amount is None else f"{amount:.2f}".rstrip("0").rstrip(".")


def time_left(until: datetime | None, now: datetime) -> str:
    """ "还剩 5 小时 20 分" / "已超期 1 小时 5 分"."""
    if until is None:
        return ""
    until = until if until.tzinfo is not None else until.replace(tzinfo=UTC)
    seconds = int((until - now).total_seconds())
    minutes = abs(seconds) // 60
    days, hours, mins = minutes // 1440, minutes % 1440 // 60, minutes % 60
    span = f"{days} 天 {hours} 小时" if days else f"{hours} 小时 {mins} 分"
    return f"还剩 {span}" if seconds >= 0 else f"已超期 {span}"


templates.env.filters.update(local=local, yuan=yuan, plain=plain)
templates.env.globals.update(
    status_names=STATUS_NAMES,
    channel_names=CHANNELS,
    payment_channel_names=PAYMENT_CHANNELS,
    ident_names=IDENT_NAMES,
    level_names=LEVEL_NAMES,
    order_kind_names=ORDER_KIND_NAMES,
    order_state_names=ORDER_STATE_NAMES,
    person_categories=PERSON_CATEGORIES,
    fraud_type_names=fraud_type_names(),
    csrf_field=csrf_field,
)


# ---------------------------------------------------------------------------------- the officer gate
def safe_next(path: str | None) -> str:
    return shared_safe_next(path, base="/console")


require_officer_page = console_gate(
    base="/console", roles=OFFICER_ROLES, refused="民警工作台仅限民警使用", state="officer"
)
OfficerPage = Annotated[Caller, Depends(require_officer_page)]


def actor_of(caller: Caller) -> str:
    """Who the audit log names for the officer's actions."""
    return caller.label or caller.role


# ---------------------------------------------------------------------------------- the stores
def services_of(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def case_store(request: Request) -> CaseStore:
    return services_of(request).cases


def person_store(request: Request) -> PersonStore:
    return services_of(request).persons


def order_store(request: Request) -> OrderStore:
    services = services_of(request)
    found: Any = getattr(
        services, "orders", None
    )  # not among the app's services (yet): one per request is cheap
    return found if isinstance(found, OrderStore) else OrderStore(services.store.engine)


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    """A console template, with the logged-in officer for the header."""
    context = {"officer": getattr(request.state, "officer", None), **context}
    return templates.TemplateResponse(request, f"console/{name}", context, status_code=status_code)
