"""The authorisation matrix: every route the app registers (API, public pages, the four consoles) × every
role, in one table. A route missing from the table, or a row whose route the app no longer has, fails
`test_the_table_has_a_row_for_every_route_and_no_other`: a new route cannot be added without saying who
may use it.

Each route is called once per role with that role's credentials:
- the API, the public pages and the documentation: `Authorization: Bearer <key>` (anonymous: none);
- the consoles (/console, /bank, /community, /medical): the console session — the `fanzha_key` login
  cookie and the form token of the session (`fanzha.web.csrf`), as a logged-in browser sends them. Only
  the console's roles can get that cookie from its login form (the `POST …/login` rows, called with the
  role's key); the other roles' keys are sent in the cookie all the same, to show the gate refuses them.

Refused means what the app does consistently: the API answers 401 without a key and 403 with a key of
another role; a console sends a browser without a valid session to its login page (303 to
`<console>/login?next=…`) and answers 403 to a key of another role; a console's login form answers 401 to
a key it does not take. Anything else is let in — 200, 404 for an id that does not exist, 422 for an empty
body: only the access decision is checked here, with path ids that may or may not exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from starlette.routing import Mount

from fanzha.api.app import create_app
from fanzha.intel.keys import ROLES, create_key
from fanzha.web.csrf import CSRF_COOKIE, CSRF_HEADER, form_token, new_nonce
from fanzha.web.guards import REFUSED as FORM_TOKEN_REFUSED
from fanzha.web.login import COOKIE

ANONYMOUS = "anonymous"
EVERYONE = frozenset((ANONYMOUS, *ROLES))
OFFICER = frozenset({"officer", "admin"})
BANK = frozenset({"bank", "admin"})
DESK_OR_BANK = frozenset({"officer", "bank", "admin"})
COMMUNITY = frozenset({"community", "officer", "admin"})
MEDICAL = frozenset({"medical", "admin"})
CONSOLES = ("/console", "/bank", "/community", "/medical")
LABELS = {"public": "反诈APP", "officer": "反诈中心-001", "bank": "城关农商银行", "community": "城关社区",
          "medical": "城关区医保局", "admin": "系统管理员"}  # fmt: skip

# "METHOD /path" → the roles that may use it. A console's login and logout pages are everyone's; posting
# to its login form succeeds with a key of the console's roles only.
EXPECTED: dict[str, frozenset[str]] = {
    # exports
    "GET /v1/cases/export": OFFICER,
    "GET /v1/groups/export": OFFICER,
    "GET /v1/orders/export": OFFICER,
    # the public API: checking, looking up, reporting, feedback, appeals
    "POST /v1/assess": EVERYONE,
    "GET /v1/lookup": EVERYONE,
    "POST /v1/reports": EVERYONE,
    "POST /v1/feedback": EVERYONE,
    "POST /v1/appeals": EVERYONE,
    # officer decisions and appeals
    "POST /v1/decisions": OFFICER,
    "GET /v1/appeals": OFFICER,
    "POST /v1/appeals/{appeal_id}/review": OFFICER,
    # cases and key persons
    "POST /v1/cases/prefill": OFFICER,
    "POST /v1/cases": OFFICER,
    "GET /v1/cases": OFFICER,
    "GET /v1/cases/{case_id}": OFFICER,
    "PATCH /v1/cases/{case_id}": OFFICER,
    "POST /v1/cases/{case_id}/status": OFFICER,
    "POST /v1/cases/{case_id}/identifiers": OFFICER,
    "POST /v1/cases/{case_id}/confirm": OFFICER,
    "POST /v1/persons": OFFICER,
    "GET /v1/persons": OFFICER,
    "GET /v1/persons/{person_id}": OFFICER,
    # stop-payment and freeze orders: the desk
    "POST /v1/orders": OFFICER,
    "GET /v1/orders": OFFICER,
    "GET /v1/orders/{order_id}": OFFICER,
    "GET /v1/orders/{order_id}/history": OFFICER,
    "GET /v1/orders/{order_id}/other-victims": OFFICER,
    "POST /v1/orders/{order_id}/renew": OFFICER,
    "POST /v1/orders/{order_id}/freeze": OFFICER,
    "POST /v1/orders/{order_id}/release": OFFICER,
    "POST /v1/orders/{order_id}/returns": OFFICER,
    # orders: the bank's side
    "GET /v1/bank/orders": BANK,
    "GET /v1/bank/orders/{order_id}": BANK,
    "POST /v1/bank/orders/{order_id}/execute": BANK,
    "POST /v1/bank/orders/{order_id}/refuse": BANK,
    "POST /v1/bank/accounts/{account}/inflows": BANK,
    # 串并 groups and reports
    "GET /v1/groups": OFFICER,
    "GET /v1/groups/{group_id}": OFFICER,
    "GET /v1/reports/trends": OFFICER,
    "GET /v1/reports/desk": OFFICER,
    "GET /v1/reports/bulletin": OFFICER,
    "GET /v1/reports/bulletin/review": OFFICER,
    "POST /v1/reports/bulletin/issue": OFFICER,
    # payment order guard (payment firms hold bank keys)
    "POST /v1/guard/merchants": BANK,
    "GET /v1/guard/merchants/{merchant_id}": BANK,
    "POST /v1/guard/orders": BANK,
    "POST /v1/guard/orders/{order_id}/steps": BANK,
    "GET /v1/guard/orders/{order_id}": BANK,
    # transfer screening
    "POST /v1/screen": BANK,
    "GET /v1/screen/pending": BANK,
    "GET /v1/screen/{transfer_id}": BANK,
    "POST /v1/screen/{transfer_id}/confirm": BANK,
    "POST /v1/screen/{transfer_id}/clear": BANK,
    # the counter alarm
    "POST /v1/counter-alerts": BANK,
    "GET /v1/counter-alerts": DESK_OR_BANK,
    "GET /v1/counter-alerts/report": DESK_OR_BANK,
    "GET /v1/counter-alerts/{alert_id}": DESK_OR_BANK,
    "GET /v1/counter-alerts/{alert_id}/history": OFFICER,
    "POST /v1/counter-alerts/{alert_id}/acknowledge": OFFICER,
    "POST /v1/counter-alerts/{alert_id}/attach": OFFICER,
    "POST /v1/counter-alerts/{alert_id}/open-case": OFFICER,
    "POST /v1/counter-alerts/{alert_id}/close": OFFICER,
    # 断卡
    "POST /v1/cardban": OFFICER,
    "GET /v1/cardban": OFFICER,
    "GET /v1/cardban/groups": OFFICER,
    "GET /v1/cardban/checks": OFFICER,
    "GET /v1/cardban/{entry_id}": OFFICER,
    "GET /v1/cardban/{entry_id}/history": OFFICER,
    "POST /v1/cardban/{entry_id}/lift": OFFICER,
    "POST /v1/bank/cardban": BANK,
    "GET /v1/bank/cardban": BANK,
    "POST /v1/bank/opening-checks": BANK,
    "GET /v1/bank/opening-checks": BANK,
    # warnings and 金钟罩
    "POST /v1/warn/residents": COMMUNITY,
    "POST /v1/warn/residents/{resident_id}/confirm": COMMUNITY,
    "GET /v1/warn/residents": COMMUNITY,
    "GET /v1/warn/residents/{resident_id}": COMMUNITY,
    "PUT /v1/warn/residents/{resident_id}": COMMUNITY,
    "POST /v1/warn/residents/{resident_id}/withdraw": COMMUNITY,
    "POST /v1/warn/events": DESK_OR_BANK,
    "POST /v1/warn/events/batch": DESK_OR_BANK,
    "GET /v1/warn/tasks": COMMUNITY,
    "GET /v1/warn/tasks/{task_id}": COMMUNITY,
    "POST /v1/warn/tasks/{task_id}/outcome": COMMUNITY,
    "GET /v1/warn/counts": COMMUNITY,
    # returnees, outbound workers and the household survey
    "POST /v1/returnees": COMMUNITY,
    "GET /v1/returnees": COMMUNITY,
    "GET /v1/returnees/overdue": COMMUNITY,
    "GET /v1/returnees/{returnee_id}": COMMUNITY,
    "POST /v1/returnees/{returnee_id}/assign": COMMUNITY,
    "POST /v1/returnees/{returnee_id}/meetings": COMMUNITY,
    "POST /v1/returnees/{returnee_id}/lift": OFFICER,
    "GET /v1/returnees/{returnee_id}/access": OFFICER,
    "POST /v1/outbound": COMMUNITY,
    "GET /v1/outbound": COMMUNITY,
    "GET /v1/outbound/missing": COMMUNITY,
    "GET /v1/outbound/{worker_id}": COMMUNITY,
    "POST /v1/outbound/{worker_id}/reports": COMMUNITY,
    "POST /v1/outbound/{worker_id}/persuasions": COMMUNITY,
    "POST /v1/outbound/{worker_id}/returned": COMMUNITY,
    "POST /v1/survey/households": COMMUNITY,
    "GET /v1/survey/households": COMMUNITY,
    "GET /v1/survey/coverage": COMMUNITY,
    # outreach
    "GET /v1/outreach/communities": COMMUNITY,
    "PUT /v1/outreach/communities/{name}": OFFICER,
    "POST /v1/outreach/communities/import": OFFICER,
    "POST /v1/outreach/activities": COMMUNITY,
    "GET /v1/outreach/activities": COMMUNITY,
    "GET /v1/outreach/activities/{activity_id}": COMMUNITY,
    "PATCH /v1/outreach/activities/{activity_id}": COMMUNITY,
    "POST /v1/outreach/activities/{activity_id}/attachments": COMMUNITY,
    "GET /v1/outreach/attachments/{attachment_id}": COMMUNITY,
    "GET /v1/outreach/scorecards": COMMUNITY,
    "GET /v1/outreach/report": OFFICER,
    "POST /v1/outreach/quizzes": COMMUNITY,
    "GET /v1/outreach/quizzes": COMMUNITY,
    "GET /v1/outreach/quizzes/{session_id}": COMMUNITY,
    "POST /v1/outreach/quizzes/{session_id}/attempts": COMMUNITY,
    # outreach: the public side
    "GET /v1/public/quizzes/current": EVERYONE,
    "POST /v1/public/quizzes/{session_id}/attempts": EVERYONE,
    "GET /v1/public/cases": EVERYONE,
    "POST /v1/public/residents": EVERYONE,
    # medical-insurance claims
    "POST /v1/claims/runs": MEDICAL,
    "GET /v1/claims/runs": MEDICAL,
    "GET /v1/claims/runs/{run_id}": MEDICAL,
    "GET /v1/claims/rules": MEDICAL,
    "GET /v1/claims/institutions": MEDICAL,
    "GET /v1/claims/institutions/{institution_id}": MEDICAL,
    "GET /v1/claims/institutions/{institution_id}/report": MEDICAL,
    "GET /v1/claims/reports": MEDICAL,
    "GET /v1/claims/reports/{report_id}": MEDICAL,
    "PATCH /v1/claims/reports/{report_id}": MEDICAL,
    # claims: citizens' reports
    "POST /v1/public/claims-reports": EVERYONE,
    "GET /v1/public/claims-reports/{reference}": EVERYONE,
    # public pages
    "GET /": EVERYONE,
    "POST /check": EVERYONE,
    "POST /report": EVERYONE,
    "POST /appeal": EVERYONE,
    "GET /favicon.ico": EVERYONE,
    "GET /quiz": EVERYONE,
    "POST /quiz/{session_id}": EVERYONE,
    "GET /cases": EVERYONE,
    "GET /medical-report": EVERYONE,
    "POST /medical-report": EVERYONE,
    "GET /medical-report/status": EVERYONE,
    # the officer console
    "GET /console": OFFICER,
    "GET /console/login": EVERYONE,
    "POST /console/login": OFFICER,
    "GET /console/logout": EVERYONE,
    "POST /console/logout": EVERYONE,
    "GET /console/intake": OFFICER,
    "POST /console/intake/prefill": OFFICER,
    "POST /console/intake": OFFICER,
    "GET /console/cases/export": OFFICER,
    "GET /console/groups/export": OFFICER,
    "GET /console/orders/export": OFFICER,
    "GET /console/cases": OFFICER,
    "GET /console/cases/{case_id}": OFFICER,
    "POST /console/cases/{case_id}/status": OFFICER,
    "POST /console/cases/{case_id}/confirm": OFFICER,
    "POST /console/cases/{case_id}/stop-payment": OFFICER,
    "GET /console/cases/{case_id}/edit": OFFICER,
    "POST /console/cases/{case_id}/edit": OFFICER,
    "GET /console/groups": OFFICER,
    "GET /console/groups/{group_id}": OFFICER,
    "GET /console/orders": OFFICER,
    "POST /console/orders/{order_id}/renew": OFFICER,
    "POST /console/orders/{order_id}/freeze": OFFICER,
    "POST /console/orders/{order_id}/release": OFFICER,
    "GET /console/persons": OFFICER,
    "POST /console/persons": OFFICER,
    "GET /console/alerts": OFFICER,
    "GET /console/alerts/list": OFFICER,
    "GET /console/alerts/badge": OFFICER,
    "GET /console/alerts/{alert_id}": OFFICER,
    "POST /console/alerts/{alert_id}/acknowledge": OFFICER,
    "POST /console/alerts/{alert_id}/attach": OFFICER,
    "POST /console/alerts/{alert_id}/open-case": OFFICER,
    "POST /console/alerts/{alert_id}/close": OFFICER,
    "GET /console/cardban": OFFICER,
    "POST /console/cardban": OFFICER,
    "POST /console/cardban/{entry_id}/lift": OFFICER,
    "GET /console/outreach": OFFICER,
    "GET /console/outreach/report.{fmt}": OFFICER,
    "GET /console/bulletin": OFFICER,
    "POST /console/bulletin/issue": OFFICER,
    "GET /console/bulletin/file": OFFICER,
    "GET /console/reports": OFFICER,
    "GET /console/reports/{report_id}": OFFICER,
    "GET /console/appeals": OFFICER,
    "GET /console/appeals/{appeal_id}": OFFICER,
    "POST /console/appeals/{appeal_id}/review": OFFICER,
    "GET /console/returnees": OFFICER,
    "GET /console/returnees/{returnee_id}": OFFICER,
    "POST /console/returnees/{returnee_id}/assign": OFFICER,
    "POST /console/returnees/{returnee_id}/lift": OFFICER,
    "GET /console/warnings": OFFICER,
    "GET /console/warnings/{task_id}": OFFICER,
    "POST /console/warnings/{task_id}/outcome": OFFICER,
    "GET /console/residents": OFFICER,
    "GET /console/residents/new": OFFICER,
    "POST /console/residents": OFFICER,
    "POST /console/residents/{resident_id}/confirm": OFFICER,
    "GET /console/residents/{resident_id}": OFFICER,
    # the bank console
    "GET /bank": BANK,
    "GET /bank/login": EVERYONE,
    "POST /bank/login": BANK,
    "GET /bank/logout": EVERYONE,
    "POST /bank/logout": EVERYONE,
    "GET /bank/check": BANK,
    "GET /bank/check/checklist": BANK,
    "POST /bank/check": BANK,
    "GET /bank/checks": BANK,
    "GET /bank/orders": BANK,
    "POST /bank/orders/{order_id}/execute": BANK,
    "POST /bank/orders/{order_id}/refuse": BANK,
    "POST /bank/inflows": BANK,
    "GET /bank/alerts": BANK,
    "GET /bank/alerts/list": BANK,
    "POST /bank/alerts": BANK,
    "GET /bank/opening": BANK,
    "POST /bank/opening": BANK,
    "GET /bank/cardban": BANK,
    "POST /bank/cardban": BANK,
    # the community console
    "GET /community": COMMUNITY,
    "GET /community/login": EVERYONE,
    "POST /community/login": COMMUNITY,
    "GET /community/logout": EVERYONE,
    "POST /community/logout": EVERYONE,
    "GET /community/activities": COMMUNITY,
    "GET /community/activities/new": COMMUNITY,
    "POST /community/activities": COMMUNITY,
    "GET /community/activities/{activity_id}": COMMUNITY,
    "GET /community/attachments/{attachment_id}": COMMUNITY,
    "GET /community/activities/{activity_id}/edit": COMMUNITY,
    "POST /community/activities/{activity_id}/edit": COMMUNITY,
    "POST /community/activities/{activity_id}/photo": COMMUNITY,
    "GET /community/targets": COMMUNITY,
    "GET /community/quiz": COMMUNITY,
    "POST /community/quiz": COMMUNITY,
    "GET /community/quiz/{session_id}": COMMUNITY,
    "POST /community/quiz/{session_id}": COMMUNITY,
    "GET /community/returnees": COMMUNITY,
    "GET /community/returnees/new": COMMUNITY,
    "POST /community/returnees": COMMUNITY,
    "GET /community/returnees/{returnee_id}": COMMUNITY,
    "POST /community/returnees/{returnee_id}/meetings": COMMUNITY,
    "GET /community/outbound": COMMUNITY,
    "GET /community/outbound/new": COMMUNITY,
    "POST /community/outbound": COMMUNITY,
    "GET /community/outbound/{worker_id}": COMMUNITY,
    "POST /community/outbound/{worker_id}/reports": COMMUNITY,
    "POST /community/outbound/{worker_id}/persuasions": COMMUNITY,
    "GET /community/survey": COMMUNITY,
    "GET /community/survey/household": COMMUNITY,
    "POST /community/survey/household": COMMUNITY,
    "GET /community/warnings": COMMUNITY,
    "GET /community/warnings/{task_id}": COMMUNITY,
    "POST /community/warnings/{task_id}/outcome": COMMUNITY,
    "GET /community/residents": COMMUNITY,
    "GET /community/residents/new": COMMUNITY,
    "POST /community/residents": COMMUNITY,
    "POST /community/residents/{resident_id}/confirm": COMMUNITY,
    "GET /community/residents/{resident_id}": COMMUNITY,
    # the medical console
    "GET /medical": MEDICAL,
    "GET /medical/login": EVERYONE,
    "POST /medical/login": MEDICAL,
    "GET /medical/logout": EVERYONE,
    "POST /medical/logout": EVERYONE,
    "POST /medical/runs": MEDICAL,
    "GET /medical/runs/{run_id}": MEDICAL,
    "GET /medical/institutions": MEDICAL,
    "GET /medical/institutions/{institution_id}": MEDICAL,
    "GET /medical/institutions/{institution_id}/report.{fmt}": MEDICAL,
    "GET /medical/reports": MEDICAL,
    "GET /medical/reports/{report_id}": MEDICAL,
    "POST /medical/reports/{report_id}": MEDICAL,
    # documentation, health
    "GET /docs": EVERYONE,
    "GET /redoc": EVERYONE,
    "GET /healthz": EVERYONE,
    "GET /openapi.json": EVERYONE,
    "HEAD /openapi.json": EVERYONE,
    "GET /static/{path}": EVERYONE,
}
# A value for each path parameter (an id that may or may not exist: only the access decision matters).
PATH_VALUES = {"account": "6222021234567890128", "transfer_id": "t-1", "reference": "FZ00000000",
               "name": "城关社区", "fmt": "csv", "path": "site.css"}  # fmt: skip
_PARAM = re.compile(r"\{(\w+)(?::\w+)?\}")


def app_routes(app: FastAPI) -> set[str]:
    """Every "METHOD /path" the app answers, routers included in routers included."""

    def walk(routes: Any, prefix: str) -> Iterator[str]:
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:  # FastAPI ≥ 0.137 keeps an included router whole
                yield from walk(inner.routes, prefix + getattr(route.include_context, "prefix", ""))
            elif isinstance(route, Mount):
                yield f"GET {prefix}{route.path}/{{path}}"
            else:
                methods = getattr(route, "methods", None) or {"(no method)"}  # a websocket: give it a row
                yield from (f"{method} {prefix}{route.path}" for method in methods)

    return set(walk(app.routes, ""))


def console_of(path: str) -> str | None:
    return next((base for base in CONSOLES if path == base or path.startswith(base + "/")), None)


def is_login_post(method: str, path: str) -> bool:
    return method == "POST" and console_of(path) is not None and path == f"{console_of(path)}/login"


class Matrix:
    """One app, one database and a key of each role for the whole module."""

    def __init__(self, folder: Path) -> None:
        # The rate limits are not under test here: some 2,000 calls come from one address.
        self.app = create_app(url=f"sqlite:///{folder / 'matrix.sqlite3'}", anonymous_per_minute=1_000_000,
                              public_per_minute=1_000_000)  # fmt: skip
        self.client = TestClient(self.app)
        engine = self.app.state.services.store.engine
        self.keys = {role: create_key(engine, role=role, label=LABELS.get(role, role)) for role in ROLES}
        self.nonce = new_nonce()

    def call(self, route: str, role: str) -> Response:
        method, path = route.split(" ", 1)
        url = _PARAM.sub(lambda m: PATH_VALUES.get(m.group(1), "1"), path)
        key = self.keys.get(role, "")
        headers: dict[str, str] = {}
        data: dict[str, str] | None = None
        if console_of(path) is None:
            if key:
                headers["Authorization"] = f"Bearer {key}"
        else:  # the session a logged-in browser holds; the login form is posted to before there is one
            session = "" if is_login_post(method, path) else key
            cookies = [f"{CSRF_COOKIE}={self.nonce}"] + ([f"{COOKIE}={session}"] if session else [])
            headers = {"Cookie": "; ".join(cookies), CSRF_HEADER: form_token(self.nonce, session)}
            data = {"key": key} if is_login_post(method, path) else None
        try:
            return self.client.request(method, url, headers=headers, data=data, follow_redirects=False)
        finally:
            self.client.cookies.clear()  # each call carries its own session, nothing left from the last


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matrix]:
    found = Matrix(tmp_path_factory.mktemp("matrix"))
    with found.client:  # one event loop for every call (a loop per call costs more than most calls)
        yield found


def refusal(route: str, role: str) -> int:
    """The status with which the app refuses `role` at `route`."""
    method, path = route.split(" ", 1)
    if is_login_post(method, path):
        return 401
    if role == ANONYMOUS:
        return 303 if console_of(path) else 401
    return 403


def refused(response: Response, path: str) -> bool:
    if response.status_code in (401, 403):
        return True
    base = console_of(path)
    location = response.headers.get("location", "")
    return base is not None and response.status_code == 303 and location.startswith(f"{base}/login?next=")


def test_the_table_has_a_row_for_every_route_and_no_other(matrix: Matrix) -> None:
    routes = app_routes(matrix.app)
    missing, gone = sorted(routes - EXPECTED.keys()), sorted(EXPECTED.keys() - routes)
    assert not missing, f"routes without a row in EXPECTED (say who may use them): {missing}"
    assert not gone, f"rows of routes the app no longer has: {gone}"
    assert {role for allowed in EXPECTED.values() for role in allowed} <= EVERYONE


@pytest.mark.parametrize("route", sorted(EXPECTED))
def test_each_role_is_let_in_or_refused_as_the_table_says(matrix: Matrix, route: str) -> None:
    path = route.split(" ", 1)[1]
    wrong: list[str] = []
    for role in sorted(EVERYONE):
        response = matrix.call(route, role)
        got = f"{response.status_code} {response.headers.get('location', '')}".strip()
        if role in EXPECTED[route]:
            if refused(response, path) or response.status_code >= 500:
                wrong.append(f"{role} should be let in, got {got}")
        elif response.status_code != refusal(route, role) or not refused(response, path):
            wrong.append(f"{role} should be refused with {refusal(route, role)}, got {got}")
        elif FORM_TOKEN_REFUSED in response.text:  # the gate must refuse, not the form token check
            wrong.append(f"{role} was refused for its form token, not its role")
    assert not wrong, f"{route}: " + "; ".join(wrong)


@pytest.mark.parametrize("base", CONSOLES)
def test_a_consoles_login_form_opens_a_session_for_its_roles_only(matrix: Matrix, base: str) -> None:
    """The session the matrix sends to a console's pages is the one its login form gives to its roles."""
    for role in sorted(EVERYONE):
        response = matrix.call(f"POST {base}/login", role)
        sessions = [c for c in response.headers.get_list("set-cookie") if c.startswith(f"{COOKIE}=")]
        if role in EXPECTED[f"GET {base}"]:
            assert (response.status_code, response.headers["location"]) == (303, base), role
            (cookie,) = sessions
            parts = {part.strip() for part in cookie.split(";")}
            assert {f"{COOKIE}={matrix.keys[role]}", "HttpOnly", f"Path={base}", "SameSite=strict"} <= parts
        else:
            assert (response.status_code, sessions) == (401, []), role
