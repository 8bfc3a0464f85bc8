"""Lookups and reports of identifiers (the public side of the intelligence store)."""

from __future__ import annotations

from fastapi import APIRouter, Header, HTTPException

from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import LookupOut, ReportIn, ReportOut
from fanzha.intel.repository import IntelError

router = APIRouter(prefix="/v1", tags=["intel"])


@router.get("/lookup", response_model=LookupOut)
def lookup(kind: str, value: str, services: ServicesDep) -> LookupOut:
    try:
        found = services.store.lookup(kind=kind, value=value[:512])
    except IntelError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return LookupOut(
        kind=found.kind,
        value=found.value,
        level=found.level,
        reasons=found.reasons,
        report_count=found.report_count,
        first_seen=found.first_seen.isoformat() if found.first_seen else None,
        last_seen=found.last_seen.isoformat() if found.last_seen else None,
    )


@router.post("/reports", status_code=201, response_model=ReportOut)
def report(
    body: ReportIn,
    services: ServicesDep,
    idempotency_key: str | None = Header(default=None, max_length=128),
) -> ReportOut:
    try:
        report_id = services.store.add_report(
            kind=body.kind,
            value=body.value,
            fraud_type=body.fraud_type,
            text=body.text,
            idempotency_key=idempotency_key,
        )
    except IntelError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return ReportOut(id=report_id)
