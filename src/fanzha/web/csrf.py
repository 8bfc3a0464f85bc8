"""Form tokens against cross-site request forgery on the consoles (`/console`, `/bank`, `/community`), login and logout
included.

The scheme is a signed double submit, keyed by the session:
- a browser that opens a console page gets `fanzha_csrf`, a random 256-bit nonce in an HttpOnly,
  SameSite=Lax session cookie (set by `fanzha.web.security.WebSecurity`; Lax, so that following a link
  to the console from another site does not replace it and spoil the forms open in other tabs — it is
  no credential, and other sites' posts do not carry it);
- a form's token is HMAC-SHA256(nonce, session key), the session key being the console's login cookie
  (`fanzha_key`: the officer's or bank's API key; empty before login). Every state-changing form carries
  it in the hidden field `csrf_token` (`{{ csrf_field() }}`); htmx posts from inside the form send it
  along, and a script may send it as the `X-CSRF-Token` header instead;
- `fanzha.web.guards.require_token` refuses (403) a POST to a console whose token differs from the one computed from the
  cookies the request arrives with.

Why this shape: nothing is stored on the server and no server secret has to be shared by the workers of
`fanzha serve --workers N` or kept across restarts; the token changes with the login key and with the
browser session, so a token seen under one is worthless under another; and a site able to plant a
cookie on the console's domain (a sibling subdomain) still cannot compute a token, since that needs
the login key, which is HttpOnly and never written into a page. The origin check of `WebSecurity` is a
second, independent line.

Clients that authenticate with a header (`X-API-Key`, `Authorization: Bearer`) need no token: the gate
then ignores the cookie, and a page on another site cannot set such headers.
"""

from __future__ import annotations

import base64
import hmac
import re
import secrets
from collections.abc import Mapping

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from starlette.requests import Request

from fanzha.web.login import COOKIE

CSRF_COOKIE = "fanzha_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SCOPE_KEY = "fanzha.csrf_nonce"  # the nonce of this request (cookie or newly issued), in the ASGI scope
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

_NONCE = re.compile(r"[A-Za-z0-9_-]{43}")


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


def valid_nonce(value: str | None) -> str | None:
    """The cookie's nonce if it has the shape of one `new_nonce` makes, else None (a new one is issued)."""
    return value if value is not None and _NONCE.fullmatch(value) else None


def form_token(nonce: str, session_key: str) -> str:
    """The token of the session `session_key` ("" before login) in the browser holding `nonce`."""
    message = b"fanzha-csrf\x00" + session_key.encode("utf-8", "replace")
    mac = hmac.new(nonce.encode("ascii"), message, "sha256")
    return base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode("ascii")


def expected_token(request: Request) -> str:
    """The token this request's forms carry and its posts must send back ("" without a nonce)."""
    nonce = request.scope.get(SCOPE_KEY) or valid_nonce(request.cookies.get(CSRF_COOKIE))
    return form_token(nonce, request.cookies.get(COOKIE, "")) if nonce else ""


def has_header_key(headers: Mapping[str, str]) -> bool:
    """Whether the request names its key in a header, as API clients do (the gates then use that key)."""
    if headers.get("x-api-key"):
        return True
    auth = headers.get("authorization", "")
    return auth[:7].lower() == "bearer " and bool(auth[7:].strip())


@pass_context
def csrf_field(context: Context) -> Markup:
    """`{{ csrf_field() }}`: the hidden input with the token, for every form that posts."""
    token = expected_token(context["request"])
    return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, token)
