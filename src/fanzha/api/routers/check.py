"""POST /v1/assess: the scam check, with the risk level of each identifier."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from fanzha.api.auth import CallerDep
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import AssessIn
from fanzha.text.limits import InputError

router = APIRouter(prefix="/v1", tags=["check"])


@router.post("/assess")
async def assess(body: AssessIn, services: ServicesDep, caller: CallerDep) -> dict[str, Any]:
    try:
        verdict = await services.assessor.assess(body.text)
    except InputError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    record = verdict.to_dict()
    record["category_name"] = verdict.category_name
    for ident in record["identifiers"]:  # the detector has just looked them up: cache hits
        found = services.store.risk_of(ident["kind"], ident["value"])
        ident["level"] = found[0] if found is not None else "unknown"
    return record
