"""Log in to the medical console with a medical-insurance office's (or an admin's) API key, and log out."""

from __future__ import annotations

from fanzha.web.login import login_router
from fanzha.web.medical.common import MEDICAL_ROLES, render
from fanzha.web.problems import PageRoute

router = login_router(
    base="/medical",
    roles=MEDICAL_ROLES,
    wrong_role="该密钥不是医保部门密钥，无权使用医保工作台",
    render=render,
    route_class=PageRoute,
)
