"""The public page: check a message, number, link or account, report one, appeal a wrong mark.
Server-rendered (Jinja2), enhanced with htmx (served from the package; no CDN, no build step); works
without JavaScript too, as plain form posts. The forms are anonymous: another site's posts are refused
by their origin (`fanzha.web.security`), text no store can hold by `fanzha.web.guards`.

The page says what the intelligence store knows (`fanzha.intel.known`): every identifier of a checked
text with its status — official and whose, confirmed, imitation, reported, cleared — its carrier and
region, its reports; a report of an official number is answered with whose number it is.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from fanzha.api.auth import CallerDep
from fanzha.api.deps import ServicesDep
from fanzha.detect.assessment import Assessment, marked_spans
from fanzha.extract.id_card import mask_id_numbers
from fanzha.extract.registry import KIND_NAMES
from fanzha.intel.facts import owner_phrase
from fanzha.intel.known import Known, known
from fanzha.intel.repository import KINDS, IntelError
from fanzha.taxonomy import load_taxonomy
from fanzha.text.limits import MAX_CHARS, InputError
from fanzha.web.guards import require_storable_text
from fanzha.web.problems import PageRoute

templates = Jinja2Templates(directory=str(resources.files("fanzha.web").joinpath("templates")))
router = APIRouter(
    include_in_schema=False, route_class=PageRoute, dependencies=[Depends(require_storable_text)]
)
MAX_REASON = 2000
MAX_CONTACT = 100


def _pieces(text: str, verdict: Assessment) -> list[tuple[str, bool]]:
    """The text cut into (piece, highlighted) for the positive cues."""
    pieces, last = [], 0
    for start, end in marked_spans(verdict.cues):
        pieces += [(text[last:start], False), (text[start:end], True)]
        last = end
    return [*pieces, (text[last:], False)]


def _shown(found: Known) -> dict[str, Any]:
    """An identifier as the page lists it."""
    return {
        "kind": found.kind,
        "name": KIND_NAMES.get(found.kind, found.kind),
        "value": found.value,
        "status": found.status,
        "status_name": found.status_name,
        "flagged": found.flagged,
        "lines": found.lines,
    }


@router.get("/", response_class=HTMLResponse)
def index(
    request: Request,
    kind: Annotated[str | None, Query(max_length=16)] = None,
    value: Annotated[str | None, Query(max_length=512)] = None,
) -> HTMLResponse:
    """The page; `kind` and `value` fill in the appeal form (the 申诉 link beside a flagged identifier)."""
    context = {
        "kinds": [(k, KIND_NAMES[k]) for k in KINDS],
        "fraud_types": [(t.code, t.name) for t in load_taxonomy().types],
        "max_chars": MAX_CHARS,
        "appeal_kind": kind if kind in KINDS else "phone",
        "appeal_value": value or "",
        "max_reason": MAX_REASON,
        "max_contact": MAX_CONTACT,
    }
    return templates.TemplateResponse(request, "index.html", context)


@router.post("/check", response_class=HTMLResponse)
async def check(
    request: Request, text: Annotated[str, Form()], services: ServicesDep, caller: CallerDep
) -> HTMLResponse:
    try:
        verdict = await services.assessor.assess(text)
    except InputError as exc:
        return templates.TemplateResponse(request, "_verdict.html", {"error": str(exc)})
    quoted = mask_id_numbers(text, verdict.identifiers)  # ID numbers never appear on a public page
    identifiers, seen = [], set()
    for ident in verdict.identifiers:
        if ident.kind not in KINDS or (ident.kind, ident.value) in seen:
            continue  # amounts and ID numbers are not kept in the store; one line per identifier
        seen.add((ident.kind, ident.value))
        identifiers.append(_shown(await services.lookups.known(kind=ident.kind, value=ident.value)))
    context = {
        "v": verdict,
        "pieces": _pieces(quoted, verdict),
        "reasons": list(dict.fromkeys((c.text, c.meaning) for c in verdict.cues if c.suspicious)),
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
    fraud_type: Annotated[str | None, Form(max_length=32)] = None,
) -> HTMLResponse:
    """Store the report (always: an official number's report too, for an officer to look at), then say
    what the store knows — an official number is the real one."""
    try:
        report_id = services.store.add_report(kind=kind, value=value, text=text, fraud_type=fraud_type)
    except IntelError as exc:
        return templates.TemplateResponse(request, "_report.html", {"error": str(exc)})
    found = known(services.store.lookup(kind=kind, value=value))
    context = {
        "report_id": report_id,
        "i": _shown(found),
        "official": owner_phrase(found.kind, found.value, found.owner) if found.owner else None,
    }
    return templates.TemplateResponse(request, "_report.html", context)


@router.post("/appeal", response_class=HTMLResponse)
def appeal(
    request: Request,
    kind: Annotated[str, Form(max_length=16)],
    value: Annotated[str, Form(max_length=512)],
    reason: Annotated[str, Form(max_length=MAX_REASON)],
    services: ServicesDep,
    caller: CallerDep,
    contact: Annotated[str | None, Form(max_length=MAX_CONTACT)] = None,
) -> HTMLResponse:
    """The holder of a marked identifier asks for review (反电信网络诈骗法 第三十二条)."""
    try:
        appeal_id = services.store.add_appeal(kind=kind, value=value, reason=reason, contact=contact or None)
    except IntelError as exc:
        return templates.TemplateResponse(request, "_appeal.html", {"error": str(exc)})
    found = known(services.store.lookup(kind=kind, value=value))
    context = {"appeal_id": appeal_id, "i": _shown(found)}
    return templates.TemplateResponse(request, "_appeal.html", context)
