"""What every community console page shares: the community gate and the console's templates.

The gate reads the caller's key like the other consoles (`X-API-Key`, Bearer, or the `fanzha_key` login
cookie). Without a valid key a browser is sent to `/community/login` (htmx requests get `HX-Redirect`);
a key of another role gets 403. A `community` key's label names its community: the pages show that
community's residents, tasks, activities and returnees only (`community_of`); officer and admin keys see
every community.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import Caller, community_of
from fanzha.intel.keys import role_of
from fanzha.web.console.common import caller_key, services_of, templates
from fanzha.web.login import COOKIE
from fanzha.web.login import safe_next as shared_safe_next

COMMUNITY_ROLES = ("community", "officer", "admin")

__all__ = ["COMMUNITY_ROLES", "CommunityPage", "community_of", "name_of", "render", "safe_next"]


def safe_next(path: str | None) -> str:
    return shared_safe_next(path, base="/community")


def _to_login(request: Request) -> HTTPException:
    target = "/community/login?next=" + quote(
        request.url.path + (f"?{request.url.query}" if request.url.query else "")
    )
    headers = {"Cache-Control": "no-store"}
    if request.cookies.get(COOKIE):  # a stale or revoked key: forget it
        headers["Set-Cookie"] = f"{COOKIE}=; Max-Age=0; Path=/community; HttpOnly; SameSite=Strict"
    if request.headers.get("hx-request"):
        return HTTPException(status_code=401, detail="请先登录", headers={**headers, "HX-Redirect": target})
    return HTTPException(status_code=303, detail="请先登录", headers={**headers, "Location": target})


async def require_community_page(request: Request) -> Caller:
    found = await run_in_threadpool(role_of, services_of(request).store.engine, caller_key(request))
    if found is None:
        raise _to_login(request)
    caller = Caller(*found)
    if caller.role not in COMMUNITY_ROLES:
        raise HTTPException(status_code=403, detail="社区工作台仅限社区工作人员和民警使用")
    request.state.community_user = caller
    return caller


CommunityPage = Annotated[Caller, Depends(require_community_page)]


def name_of(caller: Caller) -> str:
    """Who the audit log names for the caller's actions."""
    return caller.label or caller.role


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    """A community console template, with the logged-in user for the header."""
    context = {"user": getattr(request.state, "community_user", None), **context}
    return templates.TemplateResponse(request, f"community/{name}", context, status_code=status_code)
