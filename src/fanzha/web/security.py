"""The pages' outer gate (plain ASGI, added by the app factory): requests another site started are refused,
and every page goes out with the headers that keep it from being framed, sniffed or cached.

Cross-site requests. A state-changing request (any method but GET, HEAD, OPTIONS, TRACE) is refused with
403 — a Chinese page, or `{"detail": …}` under /v1 — when the browser says another site started it:
`Sec-Fetch-Site: cross-site` or `same-site` (a sibling subdomain is another site to us), or an `Origin`
(without one, a `Referer`) whose host is not this one, `Origin: null` included. The check covers
- the pages: the consoles (login and logout included) and the public forms;
- every request carrying a console's login cookie, /v1 included (`fanzha.api.auth.get_caller` accepts it);
and leaves alone requests that authenticate with a header key and anonymous API calls: a page on another
site cannot set those headers, and an anonymous call carries no authority. A request with none of these
headers (a script, an old browser) passes here; the consoles' form tokens (`fanzha.web.csrf`) still
apply to it. Behind a proxy that rewrites the Host header, list the public origins in
FANZHA_TRUSTED_ORIGINS (comma-separated, e.g. `https://fanzha.example.gov.cn`).

Headers. Every response: `X-Content-Type-Options: nosniff`. Pages: a Content-Security-Policy that allows
this origin's scripts, styles and connections only (the templates have no inline script or style, and
htmx is told not to insert its indicator style: console.css has it), no framing (`frame-ancestors
'none'`, `X-Frame-Options: DENY`), `Referrer-Policy: same-origin` (console addresses name cases).
Console pages, which show personal data: `Cache-Control: no-store`.

The nonce behind the form tokens is issued here: a console request without a valid `fanzha_csrf` cookie
gets a new nonce, in the scope for the page's forms and in a Set-Cookie on the response.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi.responses import JSONResponse
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request, cookie_parser
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fanzha.web.claims_pages import router as claims_pages
from fanzha.web.csrf import CSRF_COOKIE, SAFE_METHODS, SCOPE_KEY, has_header_key, new_nonce, valid_nonce
from fanzha.web.guards import REFUSED
from fanzha.web.login import COOKIE
from fanzha.web.outreach_pages import router as outreach_pages
from fanzha.web.pages import router as public_pages
from fanzha.web.problems import AREAS, problem_page

log = logging.getLogger("fanzha.web")

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PAGE_HEADERS = (
    ("content-security-policy", CSP),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "same-origin"),
)
_PUBLIC_ROUTES = [
    getattr(route, "path", "")
    for route in (*public_pages.routes, *outreach_pages.routes, *claims_pages.routes)
]
PUBLIC_PAGES = frozenset(path for path in _PUBLIC_ROUTES if "{" not in path)
PUBLIC_PREFIXES = tuple(
    path.split("{", 1)[0] for path in _PUBLIC_ROUTES if "{" in path
)  # /quiz/{id} → /quiz/
CONSOLES = tuple(prefix for prefix, *_ in AREAS)
_DEFAULT_PORTS = {"": (80, 443), "http": (80,), "https": (443,)}


def host_of(url: str) -> str | None:
    """`host` or `host:port` (a port only when not the scheme's default) of a URL, an origin or, written
    `//host:port`, a Host header; None when there is none (`null`, garbage)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname or parts.scheme not in _DEFAULT_PORTS:
        return None
    return (
        parts.hostname if port is None or port in _DEFAULT_PORTS[parts.scheme] else f"{parts.hostname}:{port}"
    )


def area_of(path: str) -> str:
    """What is at `path`: "console" (either console), "public" (the public pages) or "" (the API, …)."""
    if any(path == prefix or path.startswith(prefix + "/") for prefix in CONSOLES):
        return "console"
    return "public" if path in PUBLIC_PAGES or path.startswith(PUBLIC_PREFIXES) else ""


class WebSecurity:
    """See the module's docstring. `trusted_origins` default to FANZHA_TRUSTED_ORIGINS."""

    def __init__(self, app: ASGIApp, *, trusted_origins: Iterable[str] | None = None) -> None:
        self.app = app
        if trusted_origins is None:
            trusted_origins = os.environ.get("FANZHA_TRUSTED_ORIGINS", "").split(",")
        self.trusted = {host for origin in trusted_origins if (host := host_of(origin))}

    def foreign(self, headers: Headers) -> str | None:
        """Why the browser's headers say another site started the request, or None."""
        site = headers.get("sec-fetch-site")
        if site in ("cross-site", "same-site"):
            return f"Sec-Fetch-Site: {site}"
        own = {host for host in (host_of("//" + headers.get("host", "")),) if host} | self.trusted
        for name in ("origin", "referer"):
            value = headers.get(name)
            if value is not None and (name == "origin" or value):
                return None if host_of(value) in own else f"{name}: {value[:100]!r}"
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        area = area_of(scope["path"])
        unsafe = scope["method"] not in SAFE_METHODS
        headers = Headers(scope=scope)
        cookies = cookie_parser(headers.get("cookie", "")) if area == "console" or unsafe else {}
        issued = ""
        if area == "console":
            nonce = valid_nonce(cookies.get(CSRF_COOKIE))
            if nonce is None:
                nonce = issued = new_nonce()
            scope = {**scope, SCOPE_KEY: nonce}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                out["x-content-type-options"] = "nosniff"
                if area:
                    for name, value in PAGE_HEADERS:
                        out[name] = value
                if area == "console":
                    out["cache-control"] = "no-store"
                if issued:
                    secure = "; Secure" if scope["scheme"] == "https" else ""
                    out.append(
                        "set-cookie", f"{CSRF_COOKIE}={issued}; Path=/; HttpOnly; SameSite=Lax{secure}"
                    )
            await send(message)

        checked = unsafe and (area or COOKIE in cookies) and not has_header_key(headers)
        reason = self.foreign(headers) if checked else None
        if reason is None:
            await self.app(scope, receive, send_with_headers)
            return
        log.warning("refused a cross-site %s %s (%s)", scope["method"], scope["path"], reason)
        request = Request(scope)
        response: Response = (
            problem_page(request, 403, REFUSED)
            if area
            else JSONResponse({"detail": REFUSED}, status_code=403)
        )
        await response(scope, receive, send_with_headers)
