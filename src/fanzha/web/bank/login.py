"""Log in to the bank console with a bank's (or admin's) API key, and log out."""

from __future__ import annotations

from fanzha.web.bank.common import BANK_ROLES, render
from fanzha.web.login import login_router
from fanzha.web.problems import PageRoute

router = login_router(
    base="/bank",
    roles=BANK_ROLES,
    wrong_role="该密钥不是银行密钥，无权使用银行工作台",
    render=render,
    route_class=PageRoute,
)
