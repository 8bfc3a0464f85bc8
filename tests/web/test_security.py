"""Cross-site requests and the pages' security headers: the consoles' forms carry a token bound to the
session, state-changing requests from another site are refused (403, in Chinese) whatever they carry,
API clients with a header key are not affected, and every page is sent with a CSP, no framing, no
sniffing, and (the consoles) no caching."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fanzha.api.app import create_app
from fanzha.cases.model import CaseIn, Payment, Person
from fanzha.intel.keys import create_key
from fanzha.orders.repository import OrderStore

HERE = "http://testserver"
SAME = {"Origin": HERE, "Sec-Fetch-Site": "same-origin"}
REFUSED = "请求来源无效"
BANK = "江州农商银行"
MULE = "6222021234567890128"
TOKEN = re.compile(r'<input type="hidden" name="csrf_token" value="([^"]+)">')

# Headers with which a browser announces a request that another site started.
HOSTILE = [
    pytest.param({"Origin": "http://evil.example"}, id="foreign-origin"),
    pytest.param({"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}, id="cross-site"),
    pytest.param({"Sec-Fetch-Site": "cross-site"}, id="cross-site-without-origin"),
    pytest.param({"Origin": "null"}, id="opaque-origin"),
    pytest.param({"Origin": "http://desk.testserver", "Sec-Fetch-Site": "same-site"}, id="sibling-subdomain"),
    pytest.param({"Origin": "http://testserver.evil.example"}, id="lookalike-host"),
    pytest.param({"Origin": "http://testserver:8443"}, id="other-port"),
    pytest.param({"Referer": "http://evil.example/page.html"}, id="foreign-referer"),
]


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return create_app(url=f"sqlite:///{tmp_path / 'security.sqlite3'}")


def _key(app: FastAPI, role: str, label: str = "") -> str:
    return create_key(app.state.services.store.engine, role=role, label=label or f"{role}-001")


def token_of(html: str) -> str:
    found = TOKEN.search(html)
    assert found, "the page has no form token"
    return found.group(1)


def logged_in(app: FastAPI, base: str, key: str) -> TestClient:
    """A browser that opened the login page, typed the key and was let in."""
    client = TestClient(app)
    form = client.get(f"{base}/login")
    response = client.post(
        f"{base}/login",
        data={"key": key, "csrf_token": token_of(form.text)},
        headers=SAME,
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client


def _case(app: FastAPI) -> int:
    now = datetime.now(UTC)
    payment = Payment(50000, now - timedelta(hours=2), "bank_transfer", "6212261234567890123", MULE, BANK)
    case = CaseIn(
        received_at=now, victim=Person(name="王秀英"), payments=[payment], fraud_type="impersonate_authority"
    )
    return int(app.state.services.cases.create(case, actor="JZ1001").id)


def _order(app: FastAPI, case_id: int) -> int:
    store = OrderStore(app.state.services.store.engine)
    order = store.request_stop_payment(
        case_id=case_id, account=MULE, bank=BANK, amount=50000, legal_basis="依法止付", officer="JZ1001"
    )
    return order.id


def _status(app: FastAPI, case_id: int) -> str:
    return str(app.state.services.cases.get(case_id).status)


def _order_state(app: FastAPI, order_id: int) -> str:
    return OrderStore(app.state.services.store.engine).get(order_id=order_id).state


def _reports(app: FastAPI) -> int:
    return int(app.state.services.store.lookup(kind="phone", value="17012345678").report_count)


# ---------------------------------------------------------------------------------- cross-site refused
@pytest.mark.parametrize("hostile", HOSTILE)
def test_another_site_cannot_change_a_case_status_with_the_officer_cookie(
    app: FastAPI, hostile: dict[str, str]
) -> None:
    officer = logged_in(app, "/console", _key(app, "officer"))
    case_id = _case(app)
    token = token_of(officer.get(f"/console/cases/{case_id}").text)  # even with a valid token
    response = officer.post(
        f"/console/cases/{case_id}/status",
        data={"status": "verified", "csrf_token": token},
        headers=hostile,
        follow_redirects=False,
    )
    assert response.status_code == 403 and REFUSED in response.text
    assert response.headers["content-type"].startswith("text/html")
    assert _status(app, case_id) == "received"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_another_site_cannot_refuse_a_bank_order_with_the_bank_cookie(
    app: FastAPI, hostile: dict[str, str]
) -> None:
    bank = logged_in(app, "/bank", _key(app, "bank", BANK))
    order_id = _order(app, _case(app))
    token = token_of(bank.get("/bank/orders").text)
    response = bank.post(
        f"/bank/orders/{order_id}/refuse",
        data={"reason": "账户已销户", "csrf_token": token},
        headers=hostile,
        follow_redirects=False,
    )
    assert response.status_code == 403 and REFUSED in response.text
    assert _order_state(app, order_id) == "requested"


@pytest.mark.parametrize("base", ["/console", "/bank", "/community"])
@pytest.mark.parametrize("hostile", HOSTILE[:3])
def test_another_site_cannot_log_a_console_user_out(app: FastAPI, base: str, hostile: dict[str, str]) -> None:
    client = logged_in(app, base, _key(app, "admin"))
    token = token_of(client.get(base).text)
    response = client.post(
        f"{base}/logout", data={"csrf_token": token}, headers=hostile, follow_redirects=False
    )
    assert response.status_code == 403 and "set-cookie" not in response.headers
    assert client.get(base, follow_redirects=False).status_code == 200


@pytest.mark.parametrize("base", ["/console", "/bank", "/community"])
def test_opening_the_logout_address_does_not_log_out(app: FastAPI, base: str) -> None:
    """A link or an image on another site pointing at …/logout changes nothing (logout is a form post)."""
    client = logged_in(app, base, _key(app, "admin"))
    page = client.get(f"{base}/logout", follow_redirects=False)
    assert page.status_code == 200 and "退出登录" in page.text and token_of(page.text)
    assert "fanzha_key" not in page.headers.get("set-cookie", "")
    assert client.get(base, follow_redirects=False).status_code == 200


@pytest.mark.parametrize("base", ["/console", "/bank", "/community"])
def test_another_site_cannot_log_a_browser_in_with_its_own_key(app: FastAPI, base: str) -> None:
    client = TestClient(app)
    token = token_of(client.get(f"{base}/login").text)
    response = client.post(
        f"{base}/login",
        data={"key": _key(app, "admin"), "csrf_token": token},
        headers={"Origin": "http://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403 and "set-cookie" not in response.headers


@pytest.mark.parametrize("hostile", HOSTILE)
def test_another_site_cannot_post_the_public_report_form(app: FastAPI, hostile: dict[str, str]) -> None:
    client = TestClient(app)
    response = client.post("/report", data={"kind": "phone", "value": "17012345678"}, headers=hostile)
    assert response.status_code == 403 and REFUSED in response.text
    assert _reports(app) == 0
    assert client.post("/check", data={"text": "您涉嫌洗钱"}, headers=hostile).status_code == 403


@pytest.mark.parametrize("hostile", HOSTILE[:4])
def test_a_cross_site_api_call_riding_on_the_console_cookie_is_refused(
    app: FastAPI, hostile: dict[str, str]
) -> None:
    key = _key(app, "officer")
    case_id = _case(app)
    response = TestClient(app).post(
        f"/v1/cases/{case_id}/status",
        json={"status": "verified"},
        headers={**hostile, "Cookie": f"fanzha_key={key}"},
    )
    assert response.status_code == 403 and REFUSED in response.json()["detail"]
    assert _status(app, case_id) == "received"


# ---------------------------------------------------------------------------------- the form token
def test_every_post_form_of_the_consoles_carries_the_session_token(app: FastAPI) -> None:
    officer = logged_in(app, "/console", _key(app, "officer"))
    bank = logged_in(app, "/bank", _key(app, "bank", BANK))
    case_id = _case(app)
    _order(app, case_id)
    app.state.services.persons.add(name="张三", category="mule", actor="JZ1001")
    pages = [
        (TestClient(app), "/console/login"),
        (TestClient(app), "/bank/login"),
        *[(officer, p) for p in ("/console", "/console/intake", f"/console/cases/{case_id}", "/console/orders",
                                 "/console/persons", "/console/logout")],
        *[(bank, p) for p in ("/bank", "/bank/check?transfer_id=t-1", "/bank/orders?state=all", "/bank/logout")],
    ]  # fmt: skip
    for client, path in pages:
        html = client.get(path).text
        forms = re.findall(r"<form\b([^>]*)>(.*?)</form>", html, re.S)
        posts = [body for attrs, body in forms if 'method="post"' in attrs]
        assert posts, path
        tokens = {token_of(body) for body in posts}
        assert len(tokens) == 1, path  # one token per session, in every form
        assert all("csrf_token" not in body for attrs, body in forms if 'method="get"' in attrs), path


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="empty"),
        pytest.param("x" * 43, id="made-up"),
        pytest.param("令牌", id="not-ascii"),
        pytest.param("other-session", id="another-session"),
        pytest.param("before-login", id="before-login"),
    ],
)
def test_a_same_origin_post_without_this_sessions_token_is_refused(app: FastAPI, token: str | None) -> None:
    login = TestClient(app)
    before = token_of(login.get("/console/login").text)
    officer = logged_in(app, "/console", _key(app, "officer"))
    other = logged_in(app, "/console", _key(app, "officer", "officer-002"))
    case_id = _case(app)
    sent = {
        "other-session": token_of(other.get("/console").text),
        "before-login": before,
    }.get(token or "", token)
    data = {"status": "verified"} | ({} if sent is None else {"csrf_token": sent})
    response = officer.post(
        f"/console/cases/{case_id}/status", data=data, headers=SAME, follow_redirects=False
    )
    assert response.status_code == 403 and REFUSED in response.text
    assert _status(app, case_id) == "received"


def test_the_nonce_cookie_is_issued_once_httponly(app: FastAPI) -> None:
    client = TestClient(app)
    first = client.get("/console/login").headers["set-cookie"]
    assert re.match(r"fanzha_csrf=[A-Za-z0-9_-]{43}; ", first)
    assert "; Path=/" in first and "; HttpOnly" in first and "; SameSite=Lax" in first
    assert "set-cookie" not in client.get("/console/login").headers  # kept, not replaced
    assert "set-cookie" not in TestClient(app).get("/").headers  # the public page needs none


def test_the_token_changes_with_the_login(app: FastAPI) -> None:
    client = TestClient(app)
    anonymous = token_of(client.get("/console/login").text)
    response = client.post(
        "/console/login",
        data={"key": _key(app, "officer"), "csrf_token": anonymous},
        headers=SAME,
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert token_of(client.get("/console").text) != anonymous


@pytest.mark.parametrize("headers", [pytest.param(SAME, id="same-origin"), pytest.param({}, id="no-origin")])
def test_same_origin_forms_with_the_token_are_accepted(app: FastAPI, headers: dict[str, str]) -> None:
    officer = logged_in(app, "/console", _key(app, "officer"))
    bank = logged_in(app, "/bank", _key(app, "bank", BANK))
    case_id = _case(app)
    order_id = _order(app, case_id)
    token = token_of(officer.get(f"/console/cases/{case_id}").text)
    changed = officer.post(
        f"/console/cases/{case_id}/status",
        data={"status": "verified", "csrf_token": token},
        headers=headers,
        follow_redirects=False,
    )
    assert changed.status_code == 303 and _status(app, case_id) == "verified"
    refused = bank.post(
        f"/bank/orders/{order_id}/refuse",
        data={"reason": "账户已销户", "csrf_token": token_of(bank.get("/bank/orders").text)},
        headers=headers,
        follow_redirects=False,
    )
    assert refused.status_code == 303 and _order_state(app, order_id) == "refused"
    out = officer.post("/console/logout", data={"csrf_token": token}, headers=headers, follow_redirects=False)
    assert out.status_code == 303 and 'fanzha_key=""' in out.headers["set-cookie"]
    reported = TestClient(app).post(
        "/report", data={"kind": "phone", "value": "17012345678"}, headers=headers
    )
    assert reported.status_code == 200 and "已收到举报" in reported.text and _reports(app) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://testserver:80"},
        {"Origin": "http://TestServer"},
        {"Referer": "http://testserver/console/cases/1"},
        {"Sec-Fetch-Site": "same-origin"},
        {"Sec-Fetch-Site": "none"},  # typed or bookmarked by the user
    ],
)
def test_this_sites_own_requests_are_recognised(app: FastAPI, headers: dict[str, str]) -> None:
    officer = logged_in(app, "/console", _key(app, "officer"))
    case_id = _case(app)
    token = token_of(officer.get("/console").text)
    response = officer.post(
        f"/console/cases/{case_id}/status",
        data={"status": "verified", "csrf_token": token},
        headers=headers,
        follow_redirects=False,
    )
    assert response.status_code == 303 and _status(app, case_id) == "verified"


def test_origins_behind_a_proxy_that_rewrites_the_host_can_be_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "FANZHA_TRUSTED_ORIGINS", "https://fanzha.example.gov.cn, https://desk.example.gov.cn:8443"
    )
    app = create_app(url=f"sqlite:///{tmp_path / 'proxied.sqlite3'}")
    client = TestClient(app)
    data = {"kind": "phone", "value": "17012345678"}
    for origin in ("https://fanzha.example.gov.cn", "https://desk.example.gov.cn:8443", HERE):
        assert client.post("/report", data=data, headers={"Origin": origin}).status_code == 200
    for origin in ("https://desk.example.gov.cn", "http://evil.example.gov.cn"):
        assert client.post("/report", data=data, headers={"Origin": origin}).status_code == 403


def test_the_token_may_come_in_a_header(app: FastAPI) -> None:
    officer = logged_in(app, "/console", _key(app, "officer"))
    case_id = _case(app)
    token = token_of(officer.get("/console").text)
    response = officer.post(
        f"/console/cases/{case_id}/status",
        data={"status": "verified"},
        headers={**SAME, "X-CSRF-Token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303 and _status(app, case_id) == "verified"


# ---------------------------------------------------------------------------------- header keys
@pytest.mark.parametrize("scheme", ["X-API-Key", "Bearer"])
@pytest.mark.parametrize(
    "origin", [pytest.param({}, id="no-origin"), pytest.param(HOSTILE[0].values[0], id="foreign")]
)
def test_clients_with_a_header_key_need_no_token(app: FastAPI, scheme: str, origin: dict[str, str]) -> None:
    key = _key(app, "officer")
    auth = {"X-API-Key": key} if scheme == "X-API-Key" else {"Authorization": f"Bearer {key}"}
    client = TestClient(app)
    first, second = _case(app), _case(app)
    console = client.post(
        f"/console/cases/{first}/status", data={"status": "verified"}, headers={**auth, **origin},
        follow_redirects=False,
    )  # fmt: skip
    assert console.status_code == 303 and _status(app, first) == "verified"
    api = client.post(f"/v1/cases/{second}/status", json={"status": "verified"}, headers={**auth, **origin})
    assert api.status_code == 200 and _status(app, second) == "verified"


def test_anonymous_api_calls_without_the_cookie_are_not_affected(app: FastAPI) -> None:
    response = TestClient(app).post(
        "/v1/reports",
        json={"kind": "phone", "value": "17012345678"},
        headers={"Origin": "http://evil.example"},
    )
    assert response.status_code == 201 and _reports(app) == 1


# ---------------------------------------------------------------------------------- response headers
@pytest.mark.parametrize(
    ("who", "path", "console"),
    [
        ("anonymous", "/console/login", True),
        ("anonymous", "/bank/login", True),
        ("officer", "/console", True),
        ("officer", "/console/cases", True),
        ("officer", "/console/intake", True),
        ("officer", "/console/cases/999", True),  # the Chinese 404
        ("bank", "/bank", True),
        ("bank", "/bank/orders", True),
        ("anonymous", "/", False),
    ],
)
def test_pages_are_sent_with_security_headers(app: FastAPI, who: str, path: str, console: bool) -> None:
    client = {
        "anonymous": lambda: TestClient(app),
        "officer": lambda: logged_in(app, "/console", _key(app, "officer")),
        "bank": lambda: logged_in(app, "/bank", _key(app, "bank", BANK)),
    }[who]()
    response = client.get(path)
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                      "form-action 'self'", "object-src 'none'", "base-uri 'none'"):  # fmt: skip
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    if console:
        assert response.headers["cache-control"] == "no-store"


def test_a_refused_console_post_and_a_login_redirect_are_not_cached(app: FastAPI) -> None:
    client = TestClient(app)
    refused = client.post(
        "/console/cases/1/status", data={"status": "verified"}, headers={"Origin": "http://x.example"}
    )
    assert refused.status_code == 403 and refused.headers["cache-control"] == "no-store"
    assert refused.headers["x-frame-options"] == "DENY"
    redirect = client.get("/console/cases", follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "path", ["/static/console.js", "/healthz", "/v1/lookup?kind=phone&value=17012345678"]
)
def test_other_responses_are_not_sniffed(app: FastAPI, path: str) -> None:
    assert TestClient(app).get(path).headers["x-content-type-options"] == "nosniff"
