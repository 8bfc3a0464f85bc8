"""Log in to the bank console with a bank's API key (kept in an HttpOnly, SameSite=Strict cookie), log out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.intel.keys import role_of
from fanzha.web.bank.common import BANK_ROLES, render, safe_next
from fanzha.web.console.common import COOKIE, services_of
from fanzha.web.console.login import COOKIE_MAX_AGE

router = APIRouter()


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "login.html", {"next": safe_next(next), "error": ""})


@router.post("/login", response_model=None)
async def login(
    request: Request,
    key: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=500)] = "/bank",
) -> HTMLResponse | RedirectResponse:
    key = key.strip()
    found = await run_in_threadpool(role_of, services_of(request).store.engine, key) if key else None
    if found is None or found[0] not in BANK_ROLES:
        error = (
            "请输入API密钥"
            if not key
            else "密钥无效"
            if found is None
            else "该密钥不是银行密钥，无权使用银行工作台"
        )
        return render(request, "login.html", {"next": safe_next(next), "error": error}, status_code=401)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(
        COOKIE,
        key,
        max_age=COOKIE_MAX_AGE,
        path="/bank",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.api_route("/logout", methods=["GET", "POST"])
def logout() -> RedirectResponse:
    response = RedirectResponse("/bank/login", status_code=303)
    response.delete_cookie(COOKIE, path="/bank", httponly=True, samesite="strict")
    return response
