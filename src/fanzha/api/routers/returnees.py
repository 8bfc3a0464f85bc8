"""涉诈回流人员 (`/v1/returnees…`); outbound workers (`/v1/outbound…`) and the door-to-door survey
(`/v1/survey…`) are in `fanzha.api.routers.outbound`, under the same rules.

Who: community keys (their label names the village or community they act for: they see and record that
one only; any other record answers 404), officer and admin keys (every community). Lifting control and
reading a record's access log need an officer or admin key. Anonymous callers get 401, public and bank keys
403. Lists carry ID numbers and phones masked; a record's detail carries them in full, and every read —
list or detail — is logged in the returnee access log and the audit log.

Errors: bad input 422 (naming the field), unknown record 404, an action that does not fit the record's
state (control lifted already, a worker back already) 409; every message in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Annotated, TypeVar

from fastapi import APIRouter, HTTPException, Path, Query

from fanzha.api.auth import Caller, CommunityDep, OfficerDep, community_of
from fanzha.api.deps import ServicesDep
from fanzha.api.returnee_schemas import (
    AccessOut,
    LiftIn,
    MeetingCreate,
    MeetingOut,
    PairCreate,
    ReturneeCreate,
    ReturneeDetailOut,
    ReturneeOut,
)
from fanzha.api.schemas import SaneDatetime
from fanzha.returnees import (
    MeetingIn,
    PairIn,
    Reader,
    Returnee,
    ReturneeConflict,
    ReturneeError,
    ReturneeIn,
    ReturneeLedger,
    ReturneeNotFound,
    access_log,
    meeting_status,
    overdue,
)

router = APIRouter(prefix="/v1", tags=["returnees"])
T = TypeVar("T")
RecordId = Annotated[int, Path(ge=1, le=2**31 - 1, description="记录编号")]


def run_call(call: Callable[[], T]) -> T:
    try:
        return call()
    except ReturneeNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except ReturneeConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    except ReturneeError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


def reader(caller: Caller, view: str) -> Reader:
    return Reader(caller.label or caller.role, caller.role, view, community=community_of(caller))


def actor_of(caller: Caller) -> str:
    return caller.label or caller.role


def community_for(caller: Caller, given: str) -> str:
    own = community_of(caller)
    if own is not None and given.strip() and given.strip() != own:
        raise HTTPException(status_code=422, detail=f"只能登记本村（社区）{own}的人员")
    community = own or given.strip()
    if not community:
        raise HTTPException(status_code=422, detail="请填写所在村（社区）")
    return community


def returnee_out(r: Returnee, *, now: datetime, detail: bool = False) -> ReturneeOut:
    """A record for a response: masked for a list, in full for the detail view (which is logged)."""
    shown = r if detail else r.masked()
    model = ReturneeDetailOut if detail else ReturneeOut
    data = {name: getattr(shown, name) for name in model.model_fields if name not in ("meeting", "id_flags")}
    data["meeting"], data["id_flags"] = meeting_status(r, now=now), r.id_flags
    return model.model_validate(data)


# -- returnees --------------------------------------------------------------------------------------


@router.post("/returnees", status_code=201, response_model=ReturneeDetailOut)
def add_returnee(body: ReturneeCreate, services: ServicesDep, caller: CommunityDep) -> ReturneeOut:
    """登记涉诈回流人员（登记后即在管，请随即落实双岗分包）。"""
    ledger = ReturneeLedger(services.store.engine)
    fields = body.model_dump() | {"community": community_for(caller, body.community)}
    rid = run_call(lambda: ledger.register(ReturneeIn(**fields), actor=actor_of(caller)))
    return returnee_out(
        ledger.view(rid, reader=reader(caller, "api.detail")), now=datetime.now(UTC), detail=True
    )


@router.get("/returnees", response_model=list[ReturneeOut])
def list_returnees(
    services: ServicesDep,
    caller: CommunityDep,
    status: str | None = Query(
        default="active", pattern="^(active|lifted)$", description="active（在管）| lifted"
    ),
    limit: int = Query(default=500, ge=1, le=2000),
) -> list[ReturneeOut]:
    """可见的回流人员（身份证号、电话打码），每人附会面是否逾期及原因。"""
    found = ReturneeLedger(services.store.engine).records(
        reader=reader(caller, "api.list"), status=status, limit=limit
    )
    now = datetime.now(UTC)
    return [returnee_out(r, now=now) for r in found]


@router.get("/returnees/overdue", response_model=list[ReturneeOut])
def overdue_returnees(
    services: ServicesDep,
    caller: CommunityDep,
    as_of: Annotated[SaneDatetime | None, Query(description="按此时刻计算（默认现在）")] = None,
) -> list[ReturneeOut]:
    """会面逾期（超过7天未会面，即提醒包村干部、民警和负责人；超过14天请负责人督办）和未落实双岗分包的回流人员，逾期最久的在前。"""
    now = (as_of or datetime.now(UTC)).astimezone(UTC)
    found = ReturneeLedger(services.store.engine).records(reader=reader(caller, "api.list"))
    return [returnee_out(r, now=now) for r, _ in overdue(found, now=now)]


@router.get("/returnees/{returnee_id}", response_model=ReturneeDetailOut)
def get_returnee(returnee_id: RecordId, services: ServicesDep, caller: CommunityDep) -> ReturneeOut:
    """一名回流人员的完整档案（身份证号、电话不打码）：分包历史、会面记录。本次查看记入访问日志。"""
    ledger = ReturneeLedger(services.store.engine)
    found = run_call(lambda: ledger.view(returnee_id, reader=reader(caller, "api.detail")))
    return returnee_out(found, now=datetime.now(UTC), detail=True)


@router.post("/returnees/{returnee_id}/assign", status_code=201)
def assign(
    returnee_id: RecordId, body: PairCreate, services: ServicesDep, caller: CommunityDep
) -> dict[str, object]:
    """双岗分包：指定（或调整）一名包村干部和一名民警及其负责人；原分包记录保留。"""
    ledger = ReturneeLedger(services.store.engine)
    pair = PairIn(**body.model_dump())
    done = run_call(
        lambda: ledger.assign(returnee_id, pair, actor=actor_of(caller), reader=reader(caller, "api.assign"))
    )
    return asdict(done)


@router.post("/returnees/{returnee_id}/meetings", status_code=201, response_model=MeetingOut)
def add_meeting(
    returnee_id: RecordId, body: MeetingCreate, services: ServicesDep, caller: CommunityDep
) -> object:
    """记录每周会面（日期、到场干部和民警、地点、了解到的情况、下一步措施）。"""
    ledger = ReturneeLedger(services.store.engine)
    meeting = MeetingIn(**body.model_dump())
    return run_call(
        lambda: ledger.meet(returnee_id, meeting, actor=actor_of(caller), reader=reader(caller, "api.meet"))
    )


@router.post("/returnees/{returnee_id}/lift", response_model=ReturneeDetailOut)
def lift(returnee_id: RecordId, body: LiftIn, services: ServicesDep, caller: OfficerDep) -> ReturneeOut:
    """解除管控（仅民警），注明理由；记录保留。"""
    ledger = ReturneeLedger(services.store.engine)
    run_call(lambda: ledger.lift(returnee_id, reason=body.reason, actor=actor_of(caller)))
    return returnee_out(
        ledger.view(returnee_id, reader=reader(caller, "api.detail")), now=datetime.now(UTC), detail=True
    )


@router.get("/returnees/{returnee_id}/access", response_model=list[AccessOut])
def returnee_access(returnee_id: RecordId, services: ServicesDep, caller: OfficerDep) -> list[object]:
    """谁在何时以何种方式查看过这名回流人员的档案（含出现在列表中）；仅民警。"""
    return list(access_log(services.store.engine, kind="returnee", record_id=returnee_id))


__all__ = ["RecordId", "actor_of", "community_for", "reader", "returnee_out", "router", "run_call"]
