"""The community console (`/community`): server-rendered pages for community and village workers (社区/村
网格员), made to be used on a phone — the residents they register on 金钟罩, the warning tasks of their
community, the prevention activities they run, and the returnees and outbound workers they look after.
Community, officer and admin keys; a `community` key's label names its community and its pages show that
community only. Every page but the login goes through the community gate (`common.CommunityPage`), every
post carries the session's form token and only text a store can hold (`fanzha.web.guards`), and what
cannot be served is answered with a page in Chinese (`fanzha.web.problems.PageRoute`).

Each area adds its pages as a module here with its own `router`, listed in `AREAS` below.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse

from fanzha.web.community import activities, home, login, outbound, quiz, returnees, survey, targets
from fanzha.web.community.common import community_of, require_community_page
from fanzha.web.guards import require_storable_text, require_token
from fanzha.web.problems import PageRoute
from fanzha.web.warnings import Console, warning_router

router = APIRouter(
    prefix="/community",
    include_in_schema=False,
    route_class=PageRoute,
    dependencies=[Depends(require_token), Depends(require_storable_text)],
)
router.add_api_route("", home.home_page, methods=["GET"], response_class=HTMLResponse)
AREAS = (login, home, activities, targets, quiz, returnees, outbound, survey)
for _area in AREAS:
    router.include_router(_area.router)
router.include_router(
    warning_router(
        Console(
            base="/community", layout="community/base.html", gate=require_community_page, scope=community_of
        )
    )
)

__all__ = ["router"]
