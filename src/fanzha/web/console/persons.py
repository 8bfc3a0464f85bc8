"""Key persons (重点人员): the list with the cases each one's identifiers appear in, and a form to add one.
A field too long for its column is named beside it and nothing is stored (nothing is cut short)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from fanzha.cases.model import LINK_KINDS, CaseIdentifier
from fanzha.cases.persons import CATEGORIES
from fanzha.cases.repository import CaseError
from fanzha.extract.id_card import mask_id
from fanzha.web.console.common import OfficerPage, actor_of, person_store, render
from fanzha.web.problems import PageRoute

router = APIRouter(route_class=PageRoute)
FIELDS = ("name", "category", "id_number", "district", "note")
# The fields, their names for the officer and the longest value stored.
LIMITS = {
    "name": ("姓名", 64),
    "id_number": ("身份证号", 32),
    "district": ("辖区", 64),
    "note": ("备注", 2000),
}
MAX_IDENTIFIER = 512
MAX_IDENTIFIERS = 100


def form_problem(form: dict[str, str], idents: list[CaseIdentifier]) -> tuple[str, str] | None:
    """(the field, what is wrong with it) for the first field to correct, or None."""
    for name, (what, limit) in LIMITS.items():
        if len(form[name]) > limit:
            return name, f"{what}不能超过 {limit} 个字符（现有 {len(form[name])} 个）"
    if len(idents) > MAX_IDENTIFIERS:
        return "ident_value", f"线索最多 {MAX_IDENTIFIERS} 条"
    for n, ident in enumerate(idents, 1):
        if ident.kind not in LINK_KINDS:
            return "ident_value", f"第 {n} 条线索：请选择线索类型"
        if len(ident.value) > MAX_IDENTIFIER:
            return "ident_value", f"第 {n} 条线索不能超过 {MAX_IDENTIFIER} 个字符"
    return None


async def _page(
    request: Request,
    *,
    form: dict[str, str] | None = None,
    idents: list[CaseIdentifier] | None = None,
    error: str = "",
    error_field: str = "",
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
        "error_field": error_field,
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
    form = {name: str(data.get(name) or "").strip() for name in FIELDS}
    kinds = [str(k) for k in data.getlist("ident_kind")]
    values = [str(v).strip() for v in data.getlist("ident_value")]
    idents = [CaseIdentifier(k, v, v) for k, v in zip(kinds, values, strict=False) if v]
    if problem := form_problem(form, idents):
        field, error = problem
        return await _page(request, form=form, idents=idents, error=error, error_field=field)
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
