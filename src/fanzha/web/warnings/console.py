"""Where the warning pages live and who sees what: one `Console` per console that shows them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from fanzha.api.auth import Caller
from fanzha.text.masking import mask_name, mask_phone
from fanzha.warn import WarnService
from fanzha.web.console.common import services_of, templates

templates.env.filters.update(mask_name=mask_name, mask_phone=mask_phone)


@dataclass(frozen=True, slots=True)
class Console:
    base: str  # "/console" | "/community": the pages are at {base}/warnings and {base}/residents
    layout: str  # the template the pages extend
    gate: Callable[[Request], Awaitable[Caller]]  # the console's gate (a FastAPI dependency)
    scope: Callable[[Caller], str | None]  # the community the caller is held to; None: every community
    cases_link: bool = False  # link a desk case opened from a task (only officers open case pages)

    def render(
        self, request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
    ) -> HTMLResponse:
        """A `warn/` template inside this console's layout, with the logged-in user for the header."""
        context = {
            "layout": self.layout,
            "base": self.base,
            "cases_link": self.cases_link,
            "officer": getattr(request.state, "officer", None),
            "user": getattr(request.state, "community_user", None),
            **context,
        }
        return templates.TemplateResponse(request, f"warn/{name}", context, status_code=status_code)


def warn_service(request: Request) -> WarnService:
    """The app's warning service (wired to the intelligence store's and case desk's listeners), or one
    over the same store when the app was built without it."""
    services = services_of(request)
    found = getattr(services, "warn", None)
    return (
        found if isinstance(found, WarnService) else WarnService(services.store.engine, intel=services.store)
    )


def actor_of(caller: Caller) -> str:
    """Who the audit log names for the caller's actions."""
    return caller.label or caller.role
