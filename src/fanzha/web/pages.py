"""The public page: check a message, number, link or account, and report one. Server-rendered
(Jinja2), enhanced with htmx (served from the package; no CDN, no build step); works without
JavaScript too, as plain form posts. The forms are anonymous: another site's posts are refused by their
origin (`fanzha.web.security`), text no store can hold by `fanzha.web.guards`."""

from __future__ import annotations

from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from fanzha.api.auth import CallerDep
from fanzha.api.deps import ServicesDep
from fanzha.detect.assessment import Assessment, marked_spans
from fanzha.extract.id_card import mask_id_numbers
from fanzha.extract.registry import KIND_NAMES
from fanzha.intel.repository import KINDS, IntelError
from fanzha.intel.risk import LEVEL_NAMES
from fanzha.text.limits import MAX_CHARS, InputError
from fanzha.web.guards import require_storable_text
from fanzha.web.problems import PageRoute

templates = Jinja2Templates(directory=str(resources.files("fanzha.web").joinpath("templates")))
router = APIRouter(
    include_in_schema=False, route_class=PageRoute, dependencies=[Depends(require_storable_text)]
)


def _pieces(text: str, verdict: Assessment) -> list[tuple[str, bool]]:
    """The text cut into (piece, highlighted) for the positive cues."""
    pieces, last = [], 0
    for start, end in marked_spans(verdict.cues):
        pieces += [(text[last:start], False), (text[start:end], True)]
        last = end
    return [*pieces, (text[last:], False)]


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    kinds = [(k, KIND_NAMES[k]) for k in KINDS]
    return templates.TemplateResponse(request, "index.html", {"kinds": kinds, "max_chars": MAX_CHARS})


@router.post("/check", response_class=HTMLResponse)
async def check(
    request: Request, text: Annotated[str, Form()], services: ServicesDep, caller: CallerDep
) -> HTMLResponse:
    try:
        verdict = await services.assessor.assess(text)
    except InputError as exc:
        return templates.TemplateResponse(request, "_verdict.html", {"error": str(exc)})
    quoted = mask_id_numbers(text, verdict.identifiers)  # ID numbers never appear on a public page
    identifiers = []
    for ident in verdict.identifiers:
        if ident.kind == "amount":
            continue
        found = services.store.risk_of(ident.kind, ident.value)
        level = found[0] if found is not None else "unknown"
        identifiers.append(
            {
                "name": KIND_NAMES.get(ident.kind, ident.kind),
                "value": ident.value,
                "level": level,
                "level_name": LEVEL_NAMES[level],
            }
        )
    context = {
        "v": verdict,
        "pieces": _pieces(quoted, verdict),
        "reasons": list(dict.fromkeys((c.text, c.meaning) for c in verdict.cues if c.weight > 0)),
        "identifiers": identifiers,
    }
    return templates.TemplateResponse(request, "_verdict.html", context)


@router.post("/report", response_class=HTMLResponse)
def report(
    request: Request,
    kind: Annotated[str, Form(max_length=16)],
    value: Annotated[str, Form(max_length=512)],
    services: ServicesDep,
    caller: CallerDep,
    text: Annotated[str | None, Form(max_length=2000)] = None,
) -> HTMLResponse:
    try:
        report_id = services.store.add_report(kind=kind, value=value, text=text)
        found = services.store.lookup(kind=kind, value=value)
    except IntelError as exc:
        return templates.TemplateResponse(request, "_report.html", {"error": str(exc)})
    context = {
        "report_id": report_id,
        "kind_name": KIND_NAMES.get(kind, kind),
        "value": found.value,
        "level": found.level,
        "level_name": LEVEL_NAMES[found.level],
        "report_count": found.report_count,
    }
    return templates.TemplateResponse(request, "_report.html", context)
