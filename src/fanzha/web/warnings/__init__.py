"""Warning pages (预警劝阻 and 金钟罩 registration) of two consoles: the officer console (`/console/warnings`,
`/console/residents`: every community) and the community console (`/community/warnings`,
`/community/residents`: a community key's own community only, anything else is a page that does not
exist). The same pages serve both; `Console` says where they live, who may open them and what they see.

- the task queue: open tasks first, highest priority first, with why; counts per community and per day;
- a task: the resident and their family, the flagged identifier, the contacts that collided, the 96110 call
  script, the 12381 SMS and the family notice to read or send, and the outcome form (劝阻成功 / 已受骗 →
  a desk case pre-filled from the task / 无法联系 / 误报);
- residents: the register (masked phone numbers in the list), registration with consent, family and
  protected accounts, one resident in full (each view is in the audit log).
"""

from __future__ import annotations

from fastapi import APIRouter

from fanzha.web.problems import PageRoute
from fanzha.web.warnings.console import Console
from fanzha.web.warnings.residents import resident_routes
from fanzha.web.warnings.tasks import task_routes


def warning_router(console: Console) -> APIRouter:
    """The warning pages of `console`, to include in its router."""
    router = APIRouter(route_class=PageRoute)
    task_routes(router, console)
    resident_routes(router, console)
    return router


__all__ = ["Console", "warning_router"]
