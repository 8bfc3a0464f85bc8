"""What every community console page shares: the community gate and the console's templates.

The gate reads the caller's key like the other consoles (`X-API-Key`, Bearer, or the `fanzha_key` login
cookie). Without a valid key a browser is sent to `/community/login` (htmx requests get `HX-Redirect`);
a key of another role gets 403. A `community` key's label names its community: the pages show that
community's residents, tasks, activities and returnees only (`community_of`); officer and admin keys see
every community.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse

from fanzha.api.auth import Caller, community_of
from fanzha.web.console.common import templates
from fanzha.web.login import console_gate
from fanzha.web.login import safe_next as shared_safe_next

COMMUNITY_ROLES = ("community", "officer", "admin")

__all__ = ["COMMUNITY_ROLES", "CommunityPage", "community_of", "name_of", "render", "safe_next"]


def safe_next(path: str | None) -> str:
    return shared_safe_next(path, base="/community")


require_community_page = console_gate(
    base="/community",
    roles=COMMUNITY_ROLES,
    refused="社区工作台仅限社区工作人员和民警使用",
    state="community_user",
)
CommunityPage = Annotated[Caller, Depends(require_community_page)]


def name_of(caller: Caller) -> str:
    """Who the audit log names for the caller's actions."""
    return caller.label or caller.role


def render(request: Request, name: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    """A community console template, with the logged-in user for the header."""
    context = {"user": getattr(request.state, "community_user", None), **context}
    return templates.TemplateResponse(request, f"community/{name}", context, status_code=status_code)
