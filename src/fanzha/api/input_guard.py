"""The first gate of every request: a size limit, and JSON bodies that the rest of the service can trust.

`InputGuard` is plain ASGI (no per-request task). It refuses, before routing and before any store is
touched:
- bodies over `MAX_BODY_BYTES` (413), whether announced by Content-Length or streamed in chunks;
- NUL characters (`\\u0000` in JSON, `%00` in the path or query), which PostgreSQL cannot store in text;
- JSON bodies that are not strict JSON: lone surrogates (`"\\ud800"`, which no database can store and no
  encoder can write back), `NaN`, `Infinity` and numbers that overflow a double (`1e309`), which
  Python's own parser lets through as floats that poison sums and comparisons. orjson parses strictly
  (RFC 8259) and says which of these it met; the body then goes on to the route unchanged.

Form posts (the consoles) and other content types pass through: their fields are checked where they are
parsed.
"""

from __future__ import annotations

import re

import orjson
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 1_000_000
_WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})


# `\u0000` in a JSON string: valid JSON, but PostgreSQL cannot store NUL in text (an odd number of
# backslashes before the `u`, so an escaped backslash followed by "u0000" is not one).
_NUL_ESCAPE = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
NUL_MESSAGE = "请求中含有空字符（\\u0000），无法保存"


def json_problem(body: bytes) -> str | None:
    """None when `body` is strict JSON (or empty), else a Chinese message saying what is wrong."""
    if not body.strip():
        return None
    if b"\\u0000" in body and _NUL_ESCAPE.search(body):
        return NUL_MESSAGE
    try:
        orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        reason = str(exc).lower()
        if "valid utf-8" in reason:
            return "请求体不是有效的UTF-8编码"
        if "surrogate" in reason:
            return "请求体含有无效的Unicode字符（孤立的代理项，如 \\ud800），请检查文本编码"
        if "infinity" in reason:
            return "请求体中的数字超出范围（不接受 NaN、Infinity 或超出双精度范围的数）"
        where = f"（第 {exc.lineno} 行第 {exc.colno} 列）" if exc.lineno else ""
        if exc.pos < len(body) and body[exc.pos : exc.pos + 1] in (b"N", b"I", b"-"):
            return "请求体中的数字无效（不接受 NaN、Infinity）" + where
        return "请求体不是合法的JSON" + where
    return None


def _is_json(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"content-type":
            return b"json" in value.lower()
    return True  # no content type: checked as JSON too (harmless: FastAPI itself reads only JSON types)


class InputGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length" and (not value.isdigit() or int(value) > MAX_BODY_BYTES):
                await _refuse(scope, receive, send, 413, f"请求体超过 {MAX_BODY_BYTES} 字节")
                return
        if "\x00" in scope["path"] or b"%00" in scope["query_string"]:
            await _refuse(scope, receive, send, 422, NUL_MESSAGE)
            return
        if scope["method"] not in _WITH_BODY or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                await _refuse(scope, receive, send, 413, f"请求体超过 {MAX_BODY_BYTES} 字节")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        problem = json_problem(body)
        if problem is not None:
            await _refuse(scope, receive, send, 422, problem)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
    await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)
