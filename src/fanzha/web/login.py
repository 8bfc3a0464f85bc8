"""Log in to a console (the officer console at /console, the bank console at /bank) with an API key of
one of its roles, kept in an HttpOnly, SameSite=Strict cookie scoped to the console's path — so one
browser can be logged into both — and log out. `login_router` builds the routes for a console.

Logging in and out are form posts with the form token (`fanzha.web.csrf`): another site can neither log
a browser in with its own key nor out. Opening the logout address shows the button to log out.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import Caller
from fanzha.intel.keys import role_of

COOKIE = "fanzha_key"
COOKIE_MAX_AGE = 12 * 3600  # one shift
MAX_NEXT = 500  # the longest path followed after login

Render = Callable[..., HTMLResponse]


def safe_next(path: str | None, *, base: str) -> str:
    """Only the console's own paths are followed after login (no open redirect), up to MAX_NEXT long."""
    if (
        path
        and len(path) <= MAX_NEXT
        and path.startswith(base)
        and not path.startswith("//")
        and "\\" not in path
    ):
        return path
    return base


def login_router(
    *,
    base: str,
    roles: tuple[str, ...],
    wrong_role: str,
    render: Render,
    route_class: type[APIRoute] = APIRoute,
) -> APIRouter:
    """GET/POST `login` and `logout` for the console at `base`; `wrong_role` is the message for a
    valid key of another role; `render(request, "login.html", context, status_code=…)` draws the pages
    (`login.html`, `logout.html`)."""
    router = APIRouter(route_class=route_class)

    @router.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str | None = None) -> HTMLResponse:
        return render(request, "login.html", {"next": safe_next(next, base=base), "error": ""})

    @router.post("/login", response_model=None)
    async def login(
        request: Request,
        key: Annotated[str, Form(max_length=200)] = "",
        next: Annotated[str, Form(max_length=500)] = base,
    ) -> HTMLResponse | RedirectResponse:
        key = key.strip()
        engine: Any = request.app.state.services.store.engine
        found = await run_in_threadpool(role_of, engine, key) if key else None
        if found is None or found[0] not in roles:
            error = "请输入API密钥" if not key else "密钥无效" if found is None else wrong_role
            context = {"next": safe_next(next, base=base), "error": error}
            return render(request, "login.html", context, status_code=401)
        response = RedirectResponse(safe_next(next, base=base), status_code=303)
        response.set_cookie(
            COOKIE,
            key,
            max_age=COOKIE_MAX_AGE,
            path=base,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    @router.get("/logout", response_model=None)
    def logout_page(request: Request) -> HTMLResponse | RedirectResponse:
        """Opening the address logs no one out (a link or an image on another site could): a button does."""
        if not request.cookies.get(COOKIE):
            return RedirectResponse(base + "/login", status_code=303)
        return render(request, "logout.html", {})

    @router.post("/logout")
    def logout() -> RedirectResponse:
        response = RedirectResponse(base + "/login", status_code=303)
        response.delete_cookie(COOKIE, path=base, httponly=True, samesite="strict")
        return response

    return router


def caller_key(request: Request) -> str | None:
    """The key a console request carries: `X-API-Key`, a Bearer header, or the login cookie."""
    if key := request.headers.get("x-api-key"):
        return key
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.cookies.get(COOKIE) or None


def _to_login(request: Request, base: str) -> HTTPException:
    target = f"{base}/login?next=" + quote(
        request.url.path + (f"?{request.url.query}" if request.url.query else "")
    )
    headers = {"Cache-Control": "no-store"}
    if request.cookies.get(COOKIE):  # a stale or revoked key: forget it
        headers["Set-Cookie"] = f"{COOKIE}=; Max-Age=0; Path={base}; HttpOnly; SameSite=Strict"
    if request.headers.get("hx-request"):
        return HTTPException(status_code=401, detail="请先登录", headers={**headers, "HX-Redirect": target})
    return HTTPException(status_code=303, detail="请先登录", headers={**headers, "Location": target})


def console_gate(
    *, base: str, roles: tuple[str, ...], refused: str, state: str
) -> Callable[[Request], Awaitable[Caller]]:
    """The gate of the console at `base` (a FastAPI dependency): a browser without a valid key is sent to
    its login page (an htmx request gets `HX-Redirect`, so the whole page goes there), a key of another
    role gets 403 with `refused`; the caller is kept on `request.state.<state>` for the page header."""

    async def gate(request: Request) -> Caller:
        engine = request.app.state.services.store.engine
        found = await run_in_threadpool(role_of, engine, caller_key(request))
        if found is None:
            raise _to_login(request, base)
        caller = Caller(*found)
        if caller.role not in roles:
            raise HTTPException(status_code=403, detail=refused)
        setattr(request.state, state, caller)
        return caller

    return gate
