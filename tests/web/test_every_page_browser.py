"""Every page of every console in a real browser (Playwright driving Debian's Chromium), on the live demo
(`fanzha.demo.live`): the officer, bank, community and medical consoles are logged in to through their
login forms, and every GET page the app registers under /console, /bank, /community and /medical is
visited — pages with an id in their address through a link found on the pages before them — at desktop
width and at phone width (390×844). On each: the page answers, the browser reports no script error and
no console error (a Content-Security-Policy refusal is one), the favicon is linked, a screenshot is kept
(`test-artefacts/screenshots/<console>-<page>[-phone].png`); on the phone nothing is wider than the
screen and the menu is a thin bar (≤ 80 px) until its button opens it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
MENU_MAX = 80  # px: the phone's header with the menu collapsed
CONSOLES = ("/console", "/bank", "/community", "/medical")
# GET routes that are not pages to look at: logging in and out, downloads, and fragments htmx swaps in.
NOT_PAGES = re.compile(
    r"/(login|logout)$|/export$|\.\{fmt\}$|/file$|/attachments/|/check/checklist$|/alerts/(list|badge)$"
)


@dataclass
class Site:
    url: str
    keys: dict[str, str]  # console → key
    pages: dict[str, list[str]]  # console → its page routes (templates of paths)


def page_routes(app: Any) -> dict[str, list[str]]:
    """The GET routes under each console, read from the app (routers included in routers included)."""

    def walk(routes: Any, prefix: str = "") -> Iterator[tuple[str, set[str]]]:
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:  # FastAPI ≥ 0.120 keeps an included router whole
                yield from walk(inner.routes, prefix + getattr(route.include_context, "prefix", ""))
            else:
                yield prefix + getattr(route, "path", ""), set(getattr(route, "methods", None) or ())

    found: dict[str, list[str]] = {base: [] for base in CONSOLES}
    for path, methods in walk(app.routes):
        base = next((b for b in CONSOLES if path == b or path.startswith(b + "/")), None)
        if base and "GET" in methods and not NOT_PAGES.search(path) and path not in found[base]:
            found[base].append(path)
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, serve_app: Callable[[Any], str]) -> Site:
    from fanzha.api.app import create_app
    from fanzha.cli.commands import DEMO_COMMUNITY, DEMO_MEDICAL, DEMO_OFFICER
    from fanzha.demo.live import load_live_demo
    from fanzha.demo.orders import DEMO_BANK
    from fanzha.intel.keys import create_key

    app = create_app(url=f"sqlite:///{tmp_path_factory.mktemp('every') / 'demo.sqlite3'}")
    engine = app.state.services.store.engine
    load_live_demo(engine, cases=300)
    intel = app.state.services.store  # a citizen's report and an appeal, for the desk's pages on them
    intel.add_report(
        kind="phone", value="17012345678", fraud_type="impersonate_service", text="自称快递客服要退款"
    )
    intel.add_appeal(
        kind="phone", value="17012345678", reason="这是我本人的号码，从未用于诈骗", contact="本人"
    )
    keys = {
        "/console": create_key(engine, role="officer", label=DEMO_OFFICER),
        "/bank": create_key(engine, role="bank", label=DEMO_BANK),
        "/community": create_key(engine, role="community", label=DEMO_COMMUNITY),
        "/medical": create_key(engine, role="medical", label=DEMO_MEDICAL),
    }
    return Site(serve_app(app), keys, page_routes(app))


def shot_name(path: str) -> str:
    """`/console/cases/{case_id}` → `console-cases-item`; `/bank` → `bank-home`."""
    parts = [("item" if p.startswith("{") else p) for p in path.strip("/").split("/")]
    return "-".join(parts if len(parts) > 1 else [*parts, "home"])


def matcher(route: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{[^}]+\\\}", r"[^/?#]+", re.escape(route))
    return re.compile(f"^{pattern}(?:[?#].*)?$")


@dataclass
class Visit:
    route: str
    path: str


def visit_all(
    page: Any, site: Site, base: str, *, phone: bool, screenshot: Callable[[Any, str], Path]
) -> list[str]:
    """Log in to `base`, then visit every page route of it; returns the problems found."""
    problems: list[str] = []
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(f"script error: {exc}"))
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.goto(f"{site.url}{base}/login")
    page.fill("#key", site.keys[base])
    page.click("#login")
    page.wait_for_url(re.compile(re.escape(site.url + base) + r"(?!/login)"))
    links: list[str] = []
    pending = list(site.pages[base])
    statics = {route for route in pending if "{" not in route}
    done: set[str] = set()
    progress = True
    while pending and progress:
        progress = False
        for route in list(pending):
            if "{" in route:
                test = matcher(route)  # a link to a page of this route, not to another page (`…/new`)
                path = next((x for x in links if test.match(x) and x.split("?")[0] not in statics), None)
                if path is None:
                    continue
            else:
                path = route
            pending.remove(route)
            progress = True
            if path in done:
                continue
            done.add(path)
            errors.clear()
            answer = page.goto(site.url + path)
            page.wait_for_load_state("networkidle")
            where = f"{path} ({'phone' if phone else 'desktop'})"
            if answer is None or answer.status >= 400:
                problems.append(f"{where}: HTTP {answer.status if answer else '?'}")
            problems.extend(f"{where}: {e}" for e in errors)
            if page.locator('head link[rel="icon"][href="/static/favicon.svg"]').count() != 1:
                problems.append(f"{where}: no favicon link")
            if phone:
                wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
                if wide > 0:
                    problems.append(f"{where}: {wide}px wider than the phone's screen")
                head = page.evaluate("() => document.querySelector('header').getBoundingClientRect().height")
                if head > MENU_MAX:
                    problems.append(f"{where}: the header is {head:.0f}px tall with the menu collapsed")
            screenshot(page, shot_name(route) + ("-phone" if phone else ""))
            hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
            links.extend(h for h in hrefs if h and h.startswith(base) and h not in links)
    problems.extend(f"{route}: no link to such a page was found on the console's pages" for route in pending)
    return problems


@pytest.mark.parametrize("base", CONSOLES)
def test_every_console_page_at_desktop_and_phone_width(
    browser: Any, site: Site, base: str, screenshot: Callable[[Any, str], Path]
) -> None:
    assert len(site.pages[base]) >= 5, site.pages[base]  # the walk over the app's routes found them
    problems: list[str] = []
    for phone in (False, True):
        context = browser.new_context(viewport=PHONE if phone else DESKTOP, locale="zh-CN", has_touch=phone)
        page = context.new_page()
        problems += visit_all(page, site, base, phone=phone, screenshot=screenshot)
        if phone:  # the menu opens from its button, and every item is then on screen
            page.goto(site.url + base)
            nav = page.locator("header nav")
            assert not nav.is_visible()
            page.click("label.menu-button")
            assert nav.is_visible()
            assert (
                page.evaluate("() => document.querySelector('header').getBoundingClientRect().height")
                > MENU_MAX
            )
            screenshot(page, f"{base.strip('/')}-menu-open-phone")
        context.close()
    icon = browser.new_page().goto(site.url + "/favicon.ico")
    assert icon is not None and icon.status == 200 and icon.headers["content-type"] == "image/x-icon"
    assert not problems, "\n".join(problems)
