"""What the pages answer to a request they cannot serve: a page in Chinese with the reason (to htmx, the
reason alone), in the look of the console or public page it was meant for — never pydantic's English,
JSON meant for API clients, or a stack trace.

`PageRoute` is the route class of every page router. A path that does not validate (an id beyond what a
store column holds, a word where a number belongs) is a page that does not exist: 404. A query string or
form that does not validate: 422, naming the field. `PageError`, and any other HTTP error a page raises
(the gates' 403, the pages' checks), answers with its own status and message.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Coroutine, Mapping
from importlib import resources
from typing import Annotated, Any

from fastapi import Path
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from fanzha.api.errors import SERVER_ERROR, STORE_ERRORS, store_failure, validation_errors
from fanzha.api.schemas import MAX_ID
from fanzha.web.csrf import csrf_field

log = logging.getLogger("fanzha.web")
templates = Jinja2Templates(directory=str(resources.files("fanzha.web").joinpath("templates")))
templates.env.globals.update(csrf_field=csrf_field)

# (path prefix, the layout its pages extend, its front page, that page's name)
AREAS = (
    ("/console", "console/base.html", "/console", "民警工作台"),
    ("/bank", "bank/base.html", "/bank", "银行工作台"),
    ("/community", "community/base.html", "/community", "社区工作台"),
    ("/medical", "medical/base.html", "/medical", "医保工作台"),
)
PUBLIC = ("base.html", "/", "反诈查询")
TITLES = {400: "请求无效", 403: "无法完成操作", 404: "页面不存在", 405: "不支持此操作", 413: "内容过大",
          422: "填写有误", 429: "请求过于频繁", 500: "服务器内部错误", 503: "服务暂时不可用"}  # fmt: skip
GENERIC = {400: "请求格式无效，请刷新页面后重试", 404: "页面不存在", 405: "不支持此请求方法"}
_PLACES = {"path": "地址中的 ", "query": "查询参数 ", "body": "表单字段 "}
_CHINESE = re.compile(r"[\u4e00-\u9fff]")

# A row's id in a page's address: beyond what a store column holds, it is a page that does not exist.
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]


class PageError(HTTPException):
    """A request a page refuses, with the Chinese message to show."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(status_code=status_code, detail=message)


def layout_of(path: str) -> tuple[str, str, str]:
    """(layout, front page, its name) of the console or public page at `path`."""
    for prefix, layout, home, name in AREAS:
        if path == prefix or path.startswith(prefix + "/"):
            return layout, home, name
    return PUBLIC


def problem_page(
    request: Request, status_code: int, message: str, *, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    """The page (to htmx, the fragment) saying why `request` cannot be served."""
    wait = (headers or {}).get("Retry-After", "")
    if status_code in (429, 503) and wait.isdigit():  # too many requests, store away: say how long to wait
        message = f"{message.removesuffix('，请稍后再试').removesuffix('，请稍后重试')}，请在{wait}秒后再试"
    if request.headers.get("hx-request"):
        fragment = Markup('<p class="error" role="alert" id="problem">{}</p>').format(message)
        return HTMLResponse(fragment, status_code=status_code, headers=headers)
    layout, home, name = layout_of(request.url.path)
    context = {
        "layout": layout,
        "title": TITLES.get(status_code, "无法完成请求"),
        "message": message,
        "home": home,
        "home_name": name,
        "officer": getattr(request.state, "officer", None),  # the consoles' headers show who is logged in
        "user": getattr(request.state, "bank_user", None),
    }
    return templates.TemplateResponse(
        request, "problem.html", context, status_code=status_code, headers=headers
    )


def explain(exc: RequestValidationError) -> tuple[int, str]:
    """The status and the Chinese message for a request that does not validate."""
    errors = list(exc.errors())
    if errors and all((e.get("loc") or ("",))[0] == "path" for e in errors):
        return 404, "页面不存在：地址中的编号或名称无效"
    items = validation_errors(errors)
    lines = [
        f"{_PLACES.get(str(i.loc[0]), '')}{'.'.join(str(p) for p in i.loc[1:])}：{i.msg}" for i in items[:5]
    ]
    return 422, "请求内容有误：" + "；".join(lines)


class PageRoute(APIRoute):
    """A page's route: errors become pages (see the module's docstring)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def page(request: Request) -> Response:
            try:
                return await handle(request)
            except RequestValidationError as exc:
                return problem_page(request, *explain(exc))
            except HTTPException as exc:
                if exc.status_code < 400:  # the gates' redirects to the login page
                    raise
                message = exc.detail if _CHINESE.search(str(exc.detail)) else None
                message = message or GENERIC.get(exc.status_code, "无法完成请求，请刷新页面后重试")
                return problem_page(request, exc.status_code, message, headers=exc.headers)

        return page


# Where an address that matches no route, or no method of its route, is answered with a page rather than
# JSON: under a console, and wherever a browser asks for HTML outside the API and the static files.
_NOT_PAGES = ("/v1/", "/static/", "/openapi.json")


def wants_page(request: Request) -> bool:
    path = request.url.path
    if any(path == prefix or path.startswith(prefix + "/") for prefix, *_ in AREAS):
        return True
    return "text/html" in request.headers.get("accept", "") and not path.startswith(_NOT_PAGES)


def install_page_errors(app: Any) -> None:
    """Unknown addresses (404), wrong methods (405) and server errors (500) in Chinese: a page for a
    browser (see `wants_page`), the API's JSON `{"detail": …}` otherwise. Call after the API's handlers
    are installed (`fanzha.api.errors.install_error_handlers`): their answer stays the JSON one."""
    json_answer = app.exception_handlers[HTTPException]

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code in (404, 405) and wants_page(request):
            message = exc.detail if _CHINESE.search(str(exc.detail)) else GENERIC[exc.status_code]
            return problem_page(request, exc.status_code, message, headers=exc.headers)
        response: Response = await json_answer(request, exc)
        return response

    async def server_error(request: Request, exc: Exception) -> Response:
        log.error("server error on %s %s", request.method, request.url.path, exc_info=exc)
        if wants_page(request):
            return problem_page(request, 500, SERVER_ERROR)
        return JSONResponse({"detail": SERVER_ERROR}, status_code=500)

    async def store_error(request: Request, exc: Exception) -> Response:
        if not wants_page(request):
            answer: Response = await json_store_error(request, exc)
            return answer
        status, message, headers = store_failure(request, exc)
        return problem_page(request, status, message, headers=headers)

    json_store_error = app.exception_handlers[STORE_ERRORS[0]]
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, server_error)
    for error in STORE_ERRORS:
        app.add_exception_handler(error, store_error)
