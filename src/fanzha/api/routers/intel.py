"""Lookups and reports of identifiers (the public side of the intelligence store)."""

from __future__ import annotations

from fastapi import APIRouter, Header, HTTPException, Request

from fanzha.api.auth import CallerDep
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import (
    AppealIn,
    IdentifierIn,
    KnownOut,
    LookupOut,
    ReportIn,
    ReportOut,
    ReportReceipt,
)
from fanzha.api.times import api_time
from fanzha.intel.idempotency import IdempotencyConflict, request_hash, scoped_key
from fanzha.intel.known import known, official_notice
from fanzha.intel.repository import IntelError, reporter_hash

router = APIRouter(prefix="/v1", tags=["intel"])
# A report made with an officer's key is a police report (it confirms); with a bank's key, an interception.
SOURCE_OF_ROLE = {"officer": "police", "admin": "police", "bank": "bank"}


@router.get("/lookup", response_model=LookupOut)
async def lookup(kind: str, value: str, services: ServicesDep, caller: CallerDep) -> LookupOut:
    """查询号码、网址或账户：`verdict` 是与公众页面一致的结论（官方号码、冒充服务号码的 `0095588`、仿冒网站
    都在这里说明）；`level` 只是情报库按举报和民警决定给出的风险等级。"""
    try:  # hot identifiers are answered on the event loop; the database is asked from a thread
        found = await services.lookups.lookup(kind=kind, value=value[:512])
    except IntelError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    seen = known(found)  # what the public page shows
    return LookupOut(
        kind=found.kind,
        value=found.value,
        verdict=seen.status,
        verdict_name=seen.status_name,
        level=found.level,
        reasons=found.reasons,
        report_count=found.report_count,
        first_seen=api_time(found.first_seen),
        last_seen=api_time(found.last_seen),
        facts=found.facts,
        flags=found.flags,
        fraud_types=found.fraud_types,
        known=KnownOut(**seen.to_dict()),
    )


@router.post("/reports", status_code=201, response_model=ReportReceipt)
def report(
    body: ReportIn,
    request: Request,
    services: ServicesDep,
    caller: CallerDep,
    idempotency_key: str | None = Header(default=None, min_length=1, max_length=128),
) -> ReportReceipt:
    """举报一个号码、网址或账户。带 Idempotency-Key 重试时返回第一次的编号；同一个键用于不同内容时返回409。
    诈骗类型须是分类表中的代码；补充说明中的身份证号、电话、银行卡号和姓名隐去后保存。举报官方号码或官方网站
    照样保存，回答中的 `notice` 说明这是谁的官方号码。"""
    key = hashed = None
    if idempotency_key is not None:  # the client's key, scoped to this caller (and the request it came with)
        who = (
            f"{caller.role}:{caller.label}"
            if caller.role != "anonymous"
            else f"anonymous:{_address(request)}"
        )
        key, hashed = scoped_key(caller=who, key=idempotency_key), request_hash(body.model_dump())
    try:
        report_id = services.store.add_report(
            kind=body.kind,
            value=body.value,
            fraud_type=body.fraud_type,
            text=body.text,
            idempotency_key=key,
            request=hashed,
            source=SOURCE_OF_ROLE.get(caller.role, "citizen"),
            # A keyed caller is one reporter however often it reports; anonymous callers count as one.
            reporter=None if caller.role == "anonymous" else reporter_hash(f"{caller.role}:{caller.label}"),
        )
    except IdempotencyConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    except IntelError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    found = known(services.store.lookup(kind=body.kind, value=body.value))
    return ReportReceipt(id=report_id, known=KnownOut(**found.to_dict()), notice=official_notice(found))


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post("/feedback", status_code=201)
def feedback(body: IdentifierIn, services: ServicesDep, caller: CallerDep) -> dict[str, str]:
    """对号码、网址或账户反馈“不是诈骗”（误报线索，供民警核查）。"""
    try:
        services.store.add_feedback(kind=body.kind, value=body.value)
    except IntelError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return {"status": "recorded"}


@router.post("/appeals", status_code=201, response_model=ReportOut)
def appeal(body: AppealIn, services: ServicesDep, caller: CallerDep) -> ReportOut:
    """被标记号码、网址或账户的持有人申请复核（《反电信网络诈骗法》第三十二条），民警审核后答复。"""
    try:
        appeal_id = services.store.add_appeal(
            kind=body.kind, value=body.value, reason=body.reason, contact=body.contact
        )
    except IntelError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return ReportOut(id=appeal_id)
