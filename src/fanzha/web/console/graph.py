"""串并 groups: the largest groups, and one group — its cases, the identifiers they share (hubs pointed
out for the officer to judge), total loss, time span, districts — with the graph of cases and
identifiers drawn in the browser by `static/console.js` from JSON embedded in the page."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from fanzha.cardban import ListedHit, listed_by_group, listed_groups_page, today_in_beijing
from fanzha.cases.groups import GroupView, group_view
from fanzha.cases.identity import link_key
from fanzha.cases.model import Case
from fanzha.web.console.common import IDENT_NAMES, OfficerPage, fraud_type_names, render, services_of, yuan
from fanzha.web.list_pages import fetch_page
from fanzha.web.paging import Listing
from fanzha.web.problems import PageRoute, RowId

router = APIRouter(route_class=PageRoute)
GRAPH_CASES = 300  # the graph and the case list show the latest cases of a larger group
GROUP_SORTS = {"size": "案件数"}  # the order is the `order` filter (案件数 / 损失), always largest first


def _engine(request: Request) -> Any:
    return services_of(request).store.engine


def drawable(view: GroupView) -> dict[str, list[dict[str, Any]]]:
    """The group's graph with what the page needs: a link for each case, a label to show on hover."""
    types = fraud_type_names()
    cases = {f"case:{c.id}": c for c in view.cases}
    nodes = []
    for node in view.graph["nodes"]:
        out = {
            "id": node["id"],
            "type": node["type"],
            "label": str(node.get("label", "")),
            "hub": bool(node.get("hub")),
        }
        case = cases.get(node["id"])
        if case is not None:
            out["href"] = f"/console/cases/{case.id}"
            details = [
                types.get(case.fraud_type, case.fraud_type),
                f"损失 {yuan(case.loss)} 元",
                case.district,
            ]
            out["title"] = f"案件 {case.ref}：" + "，".join(d for d in details if d)
        else:
            kind = str(node.get("kind", ""))
            out["title"] = (
                f"{IDENT_NAMES.get(kind, kind)} {out['label']}：{node.get('n_cases', '?')} 起案件"
                + ("（枢纽，请判断是否确属诈骗分子）" if out["hub"] else "")
            )
        nodes.append(out)
    return {
        "nodes": nodes,
        "edges": [{"source": e["source"], "target": e["target"]} for e in view.graph["edges"]],
    }


def group_summary(request: Request, case: Case) -> dict[str, Any] | None:
    """For the case page: the case's group, and the identifiers of this case that link it."""
    if case.group_id is None:
        return None
    with Session(_engine(request)) as session:
        view = group_view(session, case.group_id, limit=1)
    if view is None:
        return None
    mine = {link_key(i.kind, i.value) for i in case.identifiers}
    shared = [
        {"kind": s.kind, "value": s.value, "cases": s.n_cases, "hub": s.hub, "flags": s.flags}
        for s in view.shared
        if (s.kind, s.value) in mine
    ]
    return {"id": view.id, "size": view.size, "total_loss": view.total_loss, "shared": shared}


@router.get("/groups", response_class=HTMLResponse)
async def groups_page(
    request: Request,
    officer: OfficerPage,
    order: Annotated[str, Query(pattern="^(size|loss)$")] = "size",
    two_cards: Annotated[bool, Query()] = False,
) -> HTMLResponse:
    """The groups a page at a time, each with the accounts and numbers on the 断卡 list it runs through
    (`two_cards`: only those)."""
    listing = Listing.read(request, sorts=GROUP_SORTS, default="-size", filters=("order", "two_cards"))
    by: Literal["size", "loss"] = "loss" if order == "loss" else "size"

    def page_of(*, sort: str, descending: bool, limit: int, offset: int) -> tuple[int, list[Any]]:
        with Session(_engine(request)) as session:
            return listed_groups_page(
                session, min_cases=2, limit=limit, offset=offset, order=by, only=two_cards
            )

    groups = await run_in_threadpool(fetch_page, listing, page_of)
    context = {"groups": groups, "order": order, "two_cards": two_cards, "listing": listing}
    return render(request, "groups.html", context)


@router.get("/groups/{group_id}", response_class=HTMLResponse)
async def group_page(request: Request, group_id: RowId, officer: OfficerPage) -> HTMLResponse:
    def load() -> tuple[GroupView | None, list[ListedHit]]:
        with Session(_engine(request)) as session:
            listed = listed_by_group(session, today=today_in_beijing(), group_ids=[group_id])
            return group_view(session, group_id, limit=GRAPH_CASES), listed.get(group_id, [])

    view, two_cards = await run_in_threadpool(load)
    if view is None:
        return render(request, "missing.html", {"what": f"串并组 #{group_id}"}, status_code=404)
    hubs = [s for s in view.shared if s.hub]
    context = {"group": view, "graph": drawable(view), "hubs": hubs, "two_cards": two_cards}
    return render(request, "group.html", context)
