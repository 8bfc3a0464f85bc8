"""The door-to-door survey on a phone (入户走访排查, "村不漏组、组不漏户、户不漏人"): coverage per village
with what is still missing, the households of the village by group (the ones with members in risky regions
marked), and the form for one household — its members, who works away and where — filled in at the door.
A community key sees and records its own village only."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import Caller
from fanzha.returnees import HouseholdIn, MemberIn, ReturneeError, Survey, beijing_day
from fanzha.web.community.common import CommunityPage, community_of, name_of, render
from fanzha.web.community.returnees import parse_day, reader_of
from fanzha.web.console.common import services_of

router = APIRouter()
ROWS = 8  # member rows on the form
HOUSE_FIELDS = (
    "community",
    "grp",
    "household",
    "address",
    "registered_members",
    "surveyed_on",
    "surveyed_by",
    "note",
)
MEMBER_FIELDS = ("name", "relation", "age", "away", "region", "place", "work", "phone")


def survey_of(request: Request) -> Survey:
    return Survey(services_of(request).store.engine)


@router.get("/survey", response_class=HTMLResponse)
async def survey_page(request: Request, user: CommunityPage, village: str = "") -> HTMLResponse:
    reader = reader_of(user, "page.list")
    coverage = await run_in_threadpool(lambda: survey_of(request).coverage(reader=reader))
    shown = community_of(user) or village[:64] or (coverage[0].community if coverage else "")
    households = await run_in_threadpool(
        lambda: survey_of(request).households(reader=reader, community=shown or None)
    )
    context = {
        "coverage": coverage,
        "households": households,
        "village": shown,
        "community": community_of(user),
    }
    return render(request, "survey.html", context)


def _form_page(
    request: Request, user: Caller, form: dict[str, str], members: list[dict[str, str]], error: str = ""
) -> HTMLResponse:
    members = members + [dict.fromkeys(MEMBER_FIELDS, "") for _ in range(max(0, ROWS - len(members)))]
    context = {"form": form, "members": members, "error": error, "fixed": community_of(user)}
    return render(request, "survey_household.html", context, status_code=422 if error else 200)


@router.get("/survey/household", response_class=HTMLResponse)
async def household_form(
    request: Request, user: CommunityPage, grp: str = "", household: str = ""
) -> HTMLResponse:
    form = dict.fromkeys(HOUSE_FIELDS, "") | {"community": community_of(user) or "", "grp": grp[:64],
                                              "household": household[:64],
                                              "surveyed_on": beijing_day(datetime.now(UTC)).isoformat(),
                                              "surveyed_by": name_of(user)}  # fmt: skip
    return _form_page(request, user, form, [])


def _age(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or len(text) > 3:
        raise ReturneeError(f"年龄“{text[:10]}”不是数字")
    return int(text)


@router.post("/survey/household", response_model=None)
async def record_household(request: Request, user: CommunityPage) -> Response:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip() for name in HOUSE_FIELDS}
    form["community"] = community_of(user) or form["community"]
    members = [
        {name: str(data.get(f"{name}_{i}") or "").strip() for name in MEMBER_FIELDS} for i in range(ROWS)
    ]
    filled = [m for m in members if any(v for k, v in m.items() if k != "away")]

    def record() -> None:
        registered = form["registered_members"]
        if registered and (not registered.isdigit() or len(registered) > 2):
            raise ReturneeError(f"户籍人数“{registered[:10]}”不是 0–99 的数字")
        entry = HouseholdIn(
            community=form["community"], grp=form["grp"], household=form["household"], address=form["address"],
            registered_members=int(registered or 0), surveyed_on=parse_day(form["surveyed_on"], "走访日期"),
            surveyed_by=form["surveyed_by"], note=form["note"],
            members=[MemberIn(name=m["name"], relation=m["relation"], age=_age(m["age"]), away=m["away"] == "1",
                              region=m["region"], place=m["place"], work=m["work"], phone=m["phone"]) for m in filled],
        )  # fmt: skip
        survey_of(request).record([entry], actor=name_of(user), reader=reader_of(user, "page.survey"))

    try:
        await run_in_threadpool(record)
    except ReturneeError as exc:
        return _form_page(request, user, form, filled, str(exc))
    return RedirectResponse(f"/community/survey?village={form['community']}", status_code=303)
