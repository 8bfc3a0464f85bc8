"""Officer endpoints: confirm or clear identifiers, review appeals. Officer or admin keys only. Each
decision and review is in the hash-chained audit log under the key's label (`fanzha.intel.repository`)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from fanzha.api.auth import OfficerDep
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import DecisionIn, ReviewIn
from fanzha.intel.repository import Appeal, IntelError

router = APIRouter(prefix="/v1", tags=["officer"])


@router.post("/decisions", status_code=201)
def decide(body: DecisionIn, services: ServicesDep, caller: OfficerDep) -> dict[str, str]:
    try:
        services.store.decide(
            kind=body.kind, value=body.value, decision=body.decision, officer=caller.label, reason=body.reason
        )
    except IntelError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return {"status": "recorded"}


@router.get("/appeals", response_model=list[Appeal])
def appeals(services: ServicesDep, caller: OfficerDep, status: str = "open") -> list[Appeal]:
    return services.store.appeals(status=status)


@router.post("/appeals/{appeal_id}/review", response_model=Appeal)
def review(appeal_id: int, body: ReviewIn, services: ServicesDep, caller: OfficerDep) -> Appeal:
    try:
        result = services.store.review_appeal(
            appeal_id, upheld=body.upheld, officer=caller.label, note=body.note
        )
    except IntelError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return result
