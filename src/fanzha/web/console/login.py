"""Log in to the officer console with an officer's (or admin's) API key, and log out."""

from __future__ import annotations

from fanzha.web.console.common import OFFICER_ROLES, render
from fanzha.web.login import login_router
from fanzha.web.problems import PageRoute

router = login_router(
    base="/console",
    roles=OFFICER_ROLES,
    wrong_role="该密钥不是民警密钥，无权使用工作台",
    render=render,
    route_class=PageRoute,
)
