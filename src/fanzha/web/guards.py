"""The checks every page request passes before its route runs (dependencies of the page routers).

- `require_token`: a POST to a console carries this session's form token (`fanzha.web.csrf`), or is
  refused with 403 — unless it authenticates with a header key, as API clients do.
- `require_storable_text`: no form field holds what no store can keep — a NUL character (PostgreSQL
  refuses it) or a lone surrogate (no encoder writes it; a multipart form declaring `charset=utf-7` or
  `unicode_escape` produces one, a browser never does) — else 422, before any store is touched. (Query
  strings cannot carry a surrogate, their escapes are decoded as UTF-8 with replacement, and a NUL in
  one is refused before routing by `fanzha.api.input_guard`.)
"""

from __future__ import annotations

import hmac
import re

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request

from fanzha.web.csrf import CSRF_FIELD, CSRF_HEADER, SAFE_METHODS, expected_token, has_header_key
from fanzha.web.problems import PageError

REFUSED = "请求来源无效，请刷新页面后重试"
UNSTORABLE = "内容含有无法保存的字符（空字符或孤立的代理项），请检查编码后重新输入"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


async def _form(request: Request) -> FormData:
    try:
        return await request.form()
    except HTTPException:  # a malformed multipart body
        raise PageError(400, "表单格式无效，请刷新页面后重试") from None


async def require_token(request: Request) -> None:
    """403 for a POST to a console without this session's token (in the form or the header)."""
    if request.method in SAFE_METHODS or has_header_key(request.headers):
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        value = (await _form(request)).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    expected = expected_token(request)
    if not (sent and expected and sent.isascii() and hmac.compare_digest(sent, expected)):
        raise PageError(403, REFUSED)


async def require_storable_text(request: Request) -> None:
    """422 for a post with a field no store can hold."""
    if request.method in SAFE_METHODS:
        return
    form = await _form(request)
    if any(isinstance(value, str) and _UNSTORABLE.search(value) for _, value in form.multi_items()):
        raise PageError(422, UNSTORABLE)
