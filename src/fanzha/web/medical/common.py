"""What every medical console page shares: the gate and the console's templates.

The gate reads the caller's key like the other consoles (`X-API-Key`, Bearer, or the `fanzha_key` login
cookie). Without a valid key a browser is sent to `/medical/login` (htmx requests get `HX-Redirect`); a
key of another role gets 403. `medical` keys (whose label names the office) and `admin` keys.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse

from fanzha.api.auth import Caller
from fanzha.web.console.common import services_of, templates
from fanzha.web.login import console_gate

MEDICAL_ROLES = ("medical", "admin")

__all__ = ["MEDICAL_ROLES", "MedicalPage", "engine_of", "name_of", "render"]


require_medical_page = console_gate(
    base="/medical", roles=MEDICAL_ROLES, refused="医保工作台仅限医保部门使用", state="medical_user"
)
MedicalPage = Annotated[Caller, Depends(require_medical_page)]


def name_of(caller: Caller) -> str:
    """Who the audit log names for the caller's actions."""
    return caller.label or caller.role


def engine_of(request: Request) -> Any:
    return services_of(request).store.engine


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    """A medical console template, with the logged-in user for the header."""
    context = {"user": getattr(request.state, "medical_user", None), **context}
    return templates.TemplateResponse(request, f"medical/{name}", context, status_code=status_code)
