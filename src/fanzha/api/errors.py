"""One shape for every error the API answers, in Chinese, and documented in the OpenAPI schema.

Every 4xx body is `{"detail": "<中文说明>"}`; a 422 from request validation adds `errors`, one
`{"loc", "msg"}` per field, with pydantic's English messages turned into Chinese. `ERROR_RESPONSES`
documents 401/403/404/409/413/422/429 on every /v1 route with that schema, so a client (and
schemathesis) can rely on the shape.

Three exceptions that only bad input raises deep in the stack are answered as 422 rather than 500, as
a last line behind the validation at the edges: OverflowError (an integer no database column holds),
UnicodeEncodeError (text that cannot be encoded) and the database's DataError (a value the column
refuses, such as NUL in PostgreSQL text). The transaction they interrupt is rolled back by its session,
so nothing already stored is touched; each is logged in one line.

A store that is unavailable (the database unreachable, cut off, busy, read-only or full; Redis gone:
fanzha.store.faults) is answered 503 with `Retry-After` and a Chinese reason, never 500: the client
retries, the failed transaction was rolled back, and the next request finds the store again by itself
(a cut PostgreSQL connection costs the one request that found it: the pool then drops its older ones).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from redis import exceptions as redis_errors
from sqlalchemy import exc as sql_errors
from sqlalchemy.exc import DataError, DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from fanzha.store.faults import outage_of

log = logging.getLogger("fanzha.api")


class FieldErrorOut(BaseModel):
    loc: list[str | int] = Field(description='出错的位置，如 ["body", "text"]')
    msg: str = Field(description="中文说明")


class ErrorOut(BaseModel):
    detail: str = Field(description="中文说明")
    errors: list[FieldErrorOut] | None = Field(default=None, description="逐项的校验错误（仅422）")


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in {
        401: "缺少或无效的API密钥",
        403: "密钥的角色无权进行此操作",
        404: "对象不存在",
        409: "与已有记录冲突（重复操作，或同一幂等键对应不同的请求内容）",
        413: "请求体过大",
        422: "请求内容有误（逐项说明见 errors）",
        429: "请求过于频繁（Retry-After 给出等待秒数）",
        503: "服务暂时不可用：数据库或缓存无法连接、繁忙、只读或空间已满（Retry-After 给出等待秒数）",
    }.items()
}

_PLACES = {"body": "", "query": "查询参数 ", "path": "路径参数 ", "header": "请求头 ", "cookie": "Cookie "}

# pydantic error type → Chinese; `{…}` are filled from the error's context.
_MESSAGES = {
    "missing": "缺少必填字段",
    "string_type": "应为字符串",
    "string_too_short": "不能为空",
    "string_too_long": "超过 {max_length} 个字符",
    "string_pattern_mismatch": "格式不正确",
    "string_unicode": "不是有效的Unicode文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "int_parsing_size": "整数超出范围",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "finite_number": "应为有限的数字（不接受 NaN、Infinity）",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "不能小于 {ge}",
    "less_than": "应小于 {lt}",
    "less_than_equal": "不能大于 {le}",
    "too_short": "至少 {min_length} 项",
    "too_long": "至多 {max_length} 项",
    "list_type": "应为数组",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "literal_error": "应为以下之一：{expected}",
    "enum": "应为以下之一：{expected}",
    "datetime_type": "应为时间",
    "datetime_parsing": "不是有效的时间（例如 2026-11-06T14:00:00+08:00）",
    "datetime_from_date_parsing": "不是有效的时间（例如 2026-11-06T14:00:00+08:00）",
    "date_type": "应为日期",
    "date_parsing": "不是有效的日期（例如 2026-11-06）",
    "date_from_datetime_parsing": "不是有效的日期（例如 2026-11-06）",
    "json_invalid": "不是合法的JSON",
    "json_type": "不是合法的JSON",
    "extra_forbidden": "不允许的字段",
    "union_tag_invalid": "类型无效",
    "uuid_parsing": "不是有效的UUID",
    "url_parsing": "不是有效的网址",
}


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):  # our own validators speak Chinese already
        raw = str(ctx.get("error") or error.get("msg", ""))
        return raw.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "string_too_short" and ctx.get("min_length", 1) > 1:
        return f"至少 {ctx['min_length']} 个字符"
    template = _MESSAGES.get(kind, "取值无效")
    try:
        return template.format(**ctx)
    except (KeyError, IndexError, ValueError):
        return template


def _where(loc: list[str | int]) -> str:
    if not loc:
        return "请求"
    place = _PLACES.get(str(loc[0]))
    rest = loc[1:] if place is not None else loc
    name = ".".join(str(part) for part in rest)
    return f"{place or ''}{name}" if name else ("请求体" if loc[0] == "body" else str(loc[0]))


def validation_errors(errors: list[dict[str, Any]]) -> list[FieldErrorOut]:
    return [
        FieldErrorOut(loc=[p if isinstance(p, int) else str(p) for p in e.get("loc", ())], msg=_message(e))
        for e in errors
    ]


async def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    items = validation_errors(list(exc.errors()))
    lines = [f"{_where(i.loc)}：{i.msg}" for i in items[:5]]
    more = f"（另有 {len(items) - 5} 处）" if len(items) > 5 else ""
    body = ErrorOut(detail="请求内容有误：" + "；".join(lines) + more, errors=items)
    return JSONResponse(body.model_dump(), status_code=422)


UNREADABLE_BODY = {
    "Invalid multipart data.": "请求内容有误：multipart 表单格式无效，无法读取",
    "There was an error parsing the body": "请求内容有误：请求体无法解析",
}


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404 and detail == "Not Found":
        detail = "页面或接口不存在"
    elif exc.status_code == 405 and detail == "Method Not Allowed":
        detail = "不支持此请求方法"
    elif exc.status_code == 400 and detail in UNREADABLE_BODY:
        # FastAPI's answer to a body it cannot parse (a broken multipart form, say): the same 422 in
        # Chinese as any other input that cannot be read, so every route keeps its documented codes.
        return JSONResponse({"detail": UNREADABLE_BODY[detail]}, status_code=422, headers=exc.headers)
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


async def _bad_value(request: Request, exc: Exception) -> JSONResponse:
    log.warning("bad input reached %s %s: %s", request.method, request.url.path, type(exc).__name__)
    if isinstance(exc, OverflowError):
        detail = "数值超出范围：整数不能超过 9223372036854775807"
    elif isinstance(exc, DataError):
        detail = "数据格式无效，无法保存（含有空字符或超出字段范围的值）"
    else:
        detail = "文本含有无法保存的字符，请检查编码"
    return JSONResponse({"detail": detail}, status_code=422)


SERVER_ERROR = "服务器内部错误，请稍后再试；如果问题持续，请联系系统管理员（错误已记入服务日志）"


def unavailable(exc: BaseException) -> tuple[int, str, dict[str, str]]:
    """(status, Chinese reason, headers) for an exception from a store: 503 with Retry-After for an
    outage (fanzha.store.faults), else 500."""
    outage = outage_of(exc)
    if outage is None:
        return 500, SERVER_ERROR, {}
    return 503, outage.message, {"Retry-After": str(outage.retry_after)}


def store_failure(request: Request, exc: BaseException) -> tuple[int, str, dict[str, str]]:
    """`unavailable(exc)` for the request that met it, logged in one line (an outage) or with the
    traceback (a bug); the API answers it as JSON, the pages as a page."""
    status, detail, headers = unavailable(exc)
    if status == 503:
        log.warning("store unavailable on %s %s: %s", request.method, request.url.path, type(exc).__name__)
    else:
        log.error("server error on %s %s", request.method, request.url.path, exc_info=exc)
    return status, detail, headers


async def _store_error(request: Request, exc: Exception) -> JSONResponse:
    status, detail, headers = store_failure(request, exc)
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


STORE_ERRORS: tuple[type[Exception], ...] = (
    DBAPIError,
    sql_errors.TimeoutError,
    sql_errors.DisconnectionError,
    redis_errors.ConnectionError,
    redis_errors.TimeoutError,
)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(OverflowError, _bad_value)
    app.add_exception_handler(UnicodeEncodeError, _bad_value)
    app.add_exception_handler(DataError, _bad_value)
    for error in STORE_ERRORS:
        app.add_exception_handler(error, _store_error)
