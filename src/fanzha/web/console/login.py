"""Log in with an officer's API key (kept in an HttpOnly, SameSite=Strict cookie) and log out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.intel.keys import role_of
from fanzha.web.console.common import COOKIE, OFFICER_ROLES, render, safe_next, services_of

router = APIRouter()
COOKIE_MAX_AGE = 12 * 3600  # one shift


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "login.html", {"next": safe_next(next), "error": ""})


@router.post("/login", response_model=None)
async def login(
    request: Request,
    key: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=500)] = "/console",
) -> HTMLResponse | RedirectResponse:
    key = key.strip()
    found = await run_in_threadpool(role_of, services_of(request).store.engine, key) if key else None
    if found is None or found[0] not in OFFICER_ROLES:
        error = (
            "请输入API密钥"
            if not key
            else "密钥无效"
            if found is None
            else "该密钥不是民警密钥，无权使用工作台"
        )
        return render(request, "login.html", {"next": safe_next(next), "error": error}, status_code=401)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        COOKIE,
        key,
        max_age=COOKIE_MAX_AGE,
        path="/console",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.api_route("/logout", methods=["GET", "POST"])
def logout() -> RedirectResponse:
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE, path="/console", httponly=True, samesite="strict")
    return response
