"""Transfer screening for banks (`bank` or `admin` keys; a bank key's label names its bank).

- `POST /v1/screen` — one transfer, or `{"transfers": [...]}` (at most 1,000): the decision(s), each
  `{"id", "outcome", "score", "reasons", "actions", "rules_version"}`; a bad transfer in a batch gets
  `{"id", "error"}` and the others are screened. Idempotent per bank: the same id again returns the
  decision stored the first time.
- `GET /v1/screen/pending` — the bank's held and blocked transfers awaiting review.
- `GET /v1/screen/{id}` — the stored decision with every rule execution, the review, the transfer (masked).
- `POST /v1/screen/{id}/confirm` — it was fraud: the payee account enters the intelligence store
  (source `bank`); `POST /v1/screen/{id}/clear` — a false alarm. Reviewing twice is 409.

An admin key acts as the bank named by `?bank=` (default: its own label).
"""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from fanzha.api.auth import BankDep, Caller
from fanzha.api.errors import unavailable
from fanzha.api.screen_batching import ScreenBatcher
from fanzha.api.times import api_time
from fanzha.screen.decisions import DecisionConflict, DecisionNotFound, StoredDecision
from fanzha.screen.service import MAX_BATCH

router = APIRouter(prefix="/v1/screen", tags=["screen"])
TransferId = Annotated[str, Path(min_length=1, max_length=128, description="交易编号")]
BankQuery = Annotated[
    str | None, Query(max_length=64, description="管理员代为操作的银行（银行密钥无需填写）")
]


class ReviewIn(BaseModel):
    note: str = Field(default="", max_length=2000, description="核实情况说明")


async def get_batcher(request: Request) -> ScreenBatcher:
    batcher: ScreenBatcher = request.app.state.screening
    return batcher


BatcherDep = Annotated[ScreenBatcher, Depends(get_batcher)]


def _bank(caller: Caller, bank: str | None) -> str:
    return bank if caller.role == "admin" and bank else caller.label


def _json(content: Any, status_code: int = 200) -> Response:
    return Response(orjson.dumps(content), status_code=status_code, media_type="application/json")


@router.post(
    "",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "object"}}},
            "description": '一笔交易，或 {"transfers": [...]}（至多1000笔）',
        }
    },
)
async def screen(request: Request, caller: BankDep, batcher: BatcherDep, bank: BankQuery = None) -> Response:
    """筛查转账：返回放行（allow）、提醒（warn）、延迟结算核实（hold）或拦截（block）及理由。"""
    try:
        body = orjson.loads(await request.body())
    except orjson.JSONDecodeError:
        raise HTTPException(status_code=422, detail="请求体不是合法的JSON") from None
    if isinstance(body, dict) and "transfers" in body:
        raws = body["transfers"]
        if not isinstance(raws, list) or not raws:
            raise HTTPException(status_code=422, detail="transfers 应为非空数组")
        if len(raws) > MAX_BATCH:
            raise HTTPException(status_code=422, detail=f"一次最多筛查 {MAX_BATCH} 笔交易")
        single = False
    elif isinstance(body, dict):
        raws, single = [body], True
    else:
        raise HTTPException(status_code=422, detail='请求体应为一笔交易或 {"transfers": [...]}')
    try:
        results = await batcher.screen(bank=_bank(caller, bank), raws=raws)
    except Exception as exc:  # the store or Redis is down (a bug in one transfer is answered per transfer)
        status, detail, headers = unavailable(exc)
        if status != 503:
            detail, headers = "筛查服务暂时不可用，请稍后重试", {"Retry-After": "5"}
        raise HTTPException(status_code=503, detail=detail, headers=headers) from None
    if single:
        if "error" in results[0]:
            raise HTTPException(status_code=422, detail=results[0]["error"])
        return _json(results[0])
    return _json({"decisions": results})


@router.get("/pending")
def pending(
    caller: BankDep,
    batcher: BatcherDep,
    bank: BankQuery = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> list[dict[str, Any]]:
    """待核实的延迟结算与拦截交易（最新在前）。"""
    found = batcher.service.decisions.pending(bank=_bank(caller, bank), limit=limit)
    return [_detail(d) for d in found]


@router.get("/{transfer_id}")
def get_decision(
    transfer_id: TransferId, caller: BankDep, batcher: BatcherDep, bank: BankQuery = None
) -> dict[str, Any]:
    """一笔交易的筛查记录：结论、每条规则的执行结果、核实情况。"""
    try:
        return _detail(batcher.service.decisions.get(bank=_bank(caller, bank), transfer_id=transfer_id))
    except DecisionNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None


def _review(
    verdict: str, transfer_id: str, caller: Caller, batcher: ScreenBatcher, bank: str | None, note: str
) -> dict[str, Any]:
    try:
        result = batcher.service.review(
            bank=_bank(caller, bank), transfer_id=transfer_id, verdict=verdict, by=caller.label, note=note
        )
    except DecisionNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except DecisionConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    return {"decision": _detail(result.decision), "intel": result.intel}


def _detail(decision: StoredDecision) -> dict[str, Any]:
    """The stored decision, its times in Beijing time (`fanzha.api.times`)."""
    out = decision.detail()
    out["decided_at"] = api_time(decision.decided_at)
    out["review"]["at"] = api_time(decision.reviewed_at)
    return out


@router.post("/{transfer_id}/confirm")
def confirm(
    transfer_id: TransferId,
    caller: BankDep,
    batcher: BatcherDep,
    body: Annotated[ReviewIn | None, Body()] = None,
    bank: BankQuery = None,
) -> dict[str, Any]:
    """确认涉诈：收款账户作为银行情报进入风险情报库。"""
    return _review("confirmed", transfer_id, caller, batcher, bank, body.note if body else "")


@router.post("/{transfer_id}/clear")
def clear(
    transfer_id: TransferId,
    caller: BankDep,
    batcher: BatcherDep,
    body: Annotated[ReviewIn | None, Body()] = None,
    bank: BankQuery = None,
) -> dict[str, Any]:
    """核实为正常交易（误报），解除。"""
    return _review("cleared", transfer_id, caller, batcher, bank, body.note if body else "")
