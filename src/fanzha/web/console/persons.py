"""Key persons (重点人员): the list with the cases each one's identifiers appear in, and a form to add one."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.cases.model import LINK_KINDS, CaseIdentifier
from fanzha.cases.persons import CATEGORIES
from fanzha.cases.repository import CaseError
from fanzha.extract.id_card import mask_id
from fanzha.web.console.common import OfficerPage, actor_of, person_store, render

router = APIRouter()
FIELDS = ("name", "category", "id_number", "district", "note")


async def _page(
    request: Request,
    *,
    form: dict[str, str] | None = None,
    idents: list[CaseIdentifier] | None = None,
    error: str = "",
    added: bool = False,
) -> HTMLResponse:
    persons = await run_in_threadpool(
        person_store(request).all, category=request.query_params.get("category") or None
    )
    context = {
        "persons": persons,
        "categories": CATEGORIES,
        "link_kinds": LINK_KINDS,
        "form": form or {},
        "error": error,
        "added": added,
        "mask_id": mask_id,
        "ident_rows": [(i.kind, i.value) for i in idents or []] + [("phone", "")] * 3,
    }
    return render(request, "persons.html", context, status_code=422 if error else 200)


@router.get("/persons", response_class=HTMLResponse)
async def persons_page(request: Request, officer: OfficerPage) -> HTMLResponse:
    return await _page(request, added=request.query_params.get("done") == "added")


@router.post("/persons", response_model=None)
async def add_person(request: Request, officer: OfficerPage) -> HTMLResponse | RedirectResponse:
    data = await request.form()
    form = {name: str(data.get(name) or "").strip()[:2000] for name in FIELDS}
    kinds = [str(k) for k in data.getlist("ident_kind")]
    values = [str(v).strip()[:512] for v in data.getlist("ident_value")]
    idents = [CaseIdentifier(k, v, v) for k, v in zip(kinds, values, strict=False) if v][:100]
    try:
        await run_in_threadpool(
            lambda: person_store(request).add(
                name=form["name"],
                category=form["category"],
                actor=actor_of(officer),
                identifiers=idents,
                id_number=form["id_number"],
                district=form["district"],
                note=form["note"],
            )
        )
    except CaseError as exc:
        return await _page(request, form=form, idents=idents, error=str(exc))
    return RedirectResponse("/console/persons?done=added", status_code=303)
