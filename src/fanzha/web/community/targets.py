"""The community's scorecard (考评) on the community console: its targets and how far it has come this
month or last, every figure with its explanation; officers see every community of a district."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from fanzha.outreach.communities import get_community
from fanzha.outreach.model import NotFound
from fanzha.outreach.scorecards import collect
from fanzha.reports.periods import last_complete, parse_period, period_of
from fanzha.timezones import BEIJING
from fanzha.web.community.common import CommunityPage, community_of, render
from fanzha.web.console.common import services_of
from fanzha.web.problems import PageError

router = APIRouter()


@router.get("/targets", response_class=HTMLResponse)
def targets_page(
    request: Request, user: CommunityPage, period: Annotated[str, Query(max_length=40)] = ""
) -> HTMLResponse:
    from datetime import datetime

    engine = services_of(request).store.engine
    this_month = period_of(datetime.now(BEIJING).date(), "month")
    try:
        chosen = parse_period(period) if period else this_month
    except ValueError as exc:
        raise PageError(422, str(exc)) from None
    mine = community_of(user)
    district = None
    if mine is not None:
        try:
            district = get_community(engine, name=mine).district
        except NotFound:
            return render(request, "targets.html", {"scores": None, "community": mine, "choices": []})
    scores = collect(engine, period=chosen, district=district, community=mine)
    choices = [this_month, last_complete("month")]
    return render(request, "targets.html", {"scores": scores, "community": mine, "choices": choices})
