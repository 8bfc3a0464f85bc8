"""POST /v1/assess: the scam check, with what the store knows about each identifier."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from fanzha.api.auth import CallerDep
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import AssessIn
from fanzha.intel.known import known
from fanzha.intel.repository import KINDS
from fanzha.text.limits import InputError

router = APIRouter(prefix="/v1", tags=["check"])


@router.post("/assess")
async def assess(body: AssessIn, services: ServicesDep, caller: CallerDep) -> dict[str, Any]:
    """The verdict; `headline` states it in one sentence when the text is only numbers and links (“这是中国工商
    银行的官方客服号码”); each identifier kept by the store carries its `level` and what the store knows
    (`status`, `status_name`, `owner`, `imitates`, `report_count`, `lines`)."""
    try:
        verdict = await services.assessor.assess(body.text)
    except InputError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    record = verdict.to_dict()
    record["category_name"] = verdict.category_name
    record["headline"] = verdict.headline
    for ident in record["identifiers"]:
        if ident["kind"] not in KINDS:  # amounts and ID numbers are not kept in the store
            ident["level"] = "unknown"
            continue
        found = await services.lookups.lookup(kind=ident["kind"], value=ident["value"])
        ident["level"] = found.level
        ident.update(known(found).to_dict())
    return record
