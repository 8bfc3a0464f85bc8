"""Log in to the community console with a community's (or an officer's or admin's) API key, and log out."""

from __future__ import annotations

from fanzha.web.community.common import COMMUNITY_ROLES, render
from fanzha.web.login import login_router
from fanzha.web.problems import PageRoute

router = login_router(
    base="/community",
    roles=COMMUNITY_ROLES,
    wrong_role="该密钥不是社区或民警密钥，无权使用社区工作台",
    render=render,
    route_class=PageRoute,
)
