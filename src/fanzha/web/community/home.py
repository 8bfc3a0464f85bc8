"""The community console's front page and menu: what the worker can do here, one tap each.

Each area of the console adds its entry to `MENU` (path, title, a short note for the front page).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from fanzha.web.community.common import CommunityPage, community_of, render
from fanzha.web.console.common import templates

router = APIRouter()

MENU: list[tuple[str, str, str]] = [
    # (path, title, note)
]

templates.env.globals.update(community_menu=MENU)


async def home_page(request: Request, user: CommunityPage) -> HTMLResponse:
    """`/community` itself (registered on the console's router: a sub-router cannot have an empty path)."""
    return render(request, "home.html", {"community": community_of(user)})
