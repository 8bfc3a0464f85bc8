"""What every medical console page shares: the gate and the console's templates.

The gate reads the caller's key like the other consoles (`X-API-Key`, Bearer, or the `fanzha_key` login
cookie). Without a valid key a browser is sent to `/medical/login` (htmx requests get `HX-Redirect`); a
key of another role gets 403. `medical` keys (whose label names the office) and `admin` keys.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import Caller
from fanzha.intel.keys import role_of
from fanzha.web.console.common import caller_key, services_of, templates
from fanzha.web.login import COOKIE

MEDICAL_ROLES = ("medical", "admin")

__all__ = ["MEDICAL_ROLES", "MedicalPage", "engine_of", "name_of", "render"]


def _to_login(request: Request) -> HTTPException:
    target = "/medical/login?next=" + quote(
        request.url.path + (f"?{request.url.query}" if request.url.query else "")
    )
    headers = {"Cache-Control": "no-store"}
    if request.cookies.get(COOKIE):  # a stale or revoked key: forget it
        headers["Set-Cookie"] = f"{COOKIE}=; Max-Age=0; Path=/medical; HttpOnly; SameSite=Strict"
    if request.headers.get("hx-request"):
        return HTTPException(status_code=401, detail="请先登录", headers={**headers, "HX-Redirect": target})
    return HTTPException(status_code=303, detail="请先登录", headers={**headers, "Location": target})


async def require_medical_page(request: Request) -> Caller:
    found = await run_in_threadpool(role_of, services_of(request).store.engine, caller_key(request))
    if found is None:
        raise _to_login(request)
    caller = Caller(*found)
    if caller.role not in MEDICAL_ROLES:
        raise HTTPException(status_code=403, detail="医保工作台仅限医保部门使用")
    request.state.medical_user = caller
    return caller


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
