"""What every bank console page shares: the bank gate, the stores, and the console's templates and filters.

The gate reads the caller's key like the officer console's (`X-API-Key`, Bearer, or the `fanzha_key`
login cookie). Without a valid key a browser is sent to `/bank/login` (htmx requests get `HX-Redirect`);
a key of another role gets 403. A `bank` key's label names its bank: the pages show that bank's held
transfers, checks and orders only. An `admin` key sees every bank's and records checks in its own name.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse

from fanzha.api.auth import Caller
from fanzha.counter.check_model import OUTCOMES
from fanzha.counter.checks import CounterDesk
from fanzha.orders.repository import OrderStore
from fanzha.text.masking import mask_account, mask_name
from fanzha.web.console.common import services_of, templates
from fanzha.web.login import console_gate
from fanzha.web.login import safe_next as shared_safe_next

BANK_ROLES = ("bank", "admin")

templates.env.filters.update(mask_name=mask_name, mask_account=mask_account)
templates.env.globals.update(check_outcomes=OUTCOMES)


def safe_next(path: str | None) -> str:
    return shared_safe_next(path, base="/bank")


require_bank_page = console_gate(
    base="/bank", roles=BANK_ROLES, refused="银行工作台仅限银行工作人员使用", state="bank_user"
)
BankPage = Annotated[Caller, Depends(require_bank_page)]


def bank_of(caller: Caller) -> str | None:
    """The bank the caller acts for; None for an admin (every bank)."""
    return None if caller.role == "admin" else caller.label


def name_of(caller: Caller) -> str:
    return caller.label or caller.role


def counter_desk(request: Request) -> CounterDesk:
    services = services_of(request)
    return CounterDesk(services.store.engine, cases=services.cases, intel=services.store)


def order_store(request: Request) -> OrderStore:
    return OrderStore(services_of(request).store.engine)


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    """A bank console template, with the logged-in user for the header."""
    context = {"user": getattr(request.state, "bank_user", None), **context}
    return templates.TemplateResponse(request, f"bank/{name}", context, status_code=status_code)
