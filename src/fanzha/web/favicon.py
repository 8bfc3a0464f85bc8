"""`/favicon.ico`: the icon browsers ask for on their own, before any page links one. Every page links
`/static/favicon.svg` (base templates); old browsers and bookmarks get the same shield as a .ico."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter
from fastapi.responses import Response

router = APIRouter(include_in_schema=False)
ICON = resources.files("fanzha.web").joinpath("static", "favicon.ico").read_bytes()


@router.get("/favicon.ico")
async def favicon() -> Response:
    return Response(ICON, media_type="image/x-icon", headers={"Cache-Control": "public, max-age=86400"})
