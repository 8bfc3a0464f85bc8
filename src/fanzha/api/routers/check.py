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
    """研判结果：是否涉诈、诈骗类型、风险分、理由和建议。文字只有号码和链接时，`headline` 用一句话说明
    （如“这是中国工商银行的官方客服号码”）；情报库记录的每个号码、网址、账户附带风险等级 `level` 和已知情况
    （`status`、`status_name`、`owner` 归属、`imitates` 仿冒对象、`report_count` 举报次数、`lines`），
    写法存疑但照样收录的附带提示 `flags`（如银行卡号“校验位不符”）。"""
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
        ident["flags"] = found.flags  # an odd value kept, not dropped: 校验位不符, 号段未分配 …
        ident.update(known(found).to_dict())
    return record
