"""Warnings (`/v1/warn/…`, 金钟罩 and 预警劝阻): residents registered with family and accounts, contact events
from telecom and bank feeds, the warning task queue with the call script and SMS, outcomes, counts.

Who: community keys (label = the community they act for) register and see their own community's residents
and tasks only — another community's record is a 404; officer and admin keys see and act on every
community. Feeds post events with officer, admin or bank keys. Anonymous callers get 401, other roles 403.

Errors: bad input 422 (naming the field), unknown resident or task 404, an outcome recorded twice 409;
every message in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from fanzha.api.auth import Caller, CallerDep, CommunityDep, community_of
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import MAX_ID, SaneDatetime
from fanzha.api.warn_schemas import (
    CountsOut,
    EventBatch,
    EventCreate,
    EventResultOut,
    OutcomeIn,
    ResidentCreate,
    ResidentOut,
    ResidentPage,
    SelfRegistered,
    SelfRegistration,
    TaskDetail,
    TaskPage,
    resident_out,
    resident_summary,
    task_out,
)
from fanzha.timezones import to_utc
from fanzha.warn import EventIn, WarnConflict, WarnError, WarnNotFound, WarnService
from fanzha.warn.events import parse_event
from fanzha.warn.model import STATUSES
from fanzha.warn.scripts import call_script, family_text, sms_text
from fanzha.warn.service import EventResult

router = APIRouter(prefix="/v1/warn", tags=["warn"])
public_router = APIRouter(tags=["warn"])  # no key needed: anonymous and public-key rate limits apply
T = TypeVar("T")
ResidentId = Annotated[int, Path(ge=1, le=MAX_ID, description="居民编号")]
TaskId = Annotated[int, Path(ge=1, le=MAX_ID, description="预警任务编号")]


async def get_warn(services: ServicesDep) -> WarnService:
    if services.warn is None:
        raise HTTPException(status_code=404, detail="本服务未启用预警功能")
    return services.warn


WarnDep = Annotated[WarnService, Depends(get_warn)]


async def require_feed(caller: CallerDep) -> Caller:
    """Contact-event feeds: officer, admin and bank keys (telecom and bank data)."""
    if caller.role == "anonymous":
        raise HTTPException(status_code=401, detail="需要民警或银行的API密钥")
    if caller.role not in ("officer", "admin", "bank"):
        raise HTTPException(status_code=403, detail="联系记录只能由民警、银行或管理员密钥提交")
    return caller


FeedDep = Annotated[Caller, Depends(require_feed)]


def _run(call: Callable[[], T]) -> T:
    try:
        return call()
    except WarnNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except WarnConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    except WarnError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


# -- residents ---------------------------------------------------------------------------------------


@router.post("/residents", status_code=201, response_model=ResidentOut)
def register_resident(body: ResidentCreate, warn: WarnDep, caller: CommunityDep) -> ResidentOut:
    """登记居民（金钟罩）：手机号、要保护的账户、所在社区和派出所、最多8位家属，并记录同意；已存储的联系记录中与涉诈标识的联系随即生成预警任务。"""
    own = community_of(caller)
    if own is not None and body.community.strip() and body.community.strip() != own:
        raise HTTPException(status_code=422, detail=f"社区密钥只能登记本社区（{own}）的居民")
    community = own or body.community
    if not community.strip():
        raise HTTPException(status_code=422, detail="请填写所在社区")
    record = body.to_record(community)
    return resident_out(_run(lambda: warn.register(record, actor=caller.label)))


@router.get("/residents", response_model=ResidentPage)
def list_residents(
    warn: WarnDep,
    caller: CommunityDep,
    community: str | None = Query(default=None, max_length=64, description="民警可按社区筛选"),
    police_station: str | None = Query(default=None, max_length=64),
    status: str = Query(
        default="active",
        pattern="^(active|pending|withdrawn)$",
        description="active 在册 / pending 待社区确认（自助登记）/ withdrawn 已退出",
    ),
    limit: int = Query(default=100, ge=1, le=1000),
    offset: int = Query(default=0, ge=0, le=10_000_000),
) -> ResidentPage:
    """登记的居民（新登记的在前），手机号打码。社区密钥只看本社区。"""
    found, total = warn.residents.list(
        community=community_of(caller) or community, police_station=police_station, status=status,
        limit=limit, offset=offset,
    )  # fmt: skip
    return ResidentPage(total=total, items=[resident_summary(r) for r in found])


@router.get("/residents/{resident_id}", response_model=ResidentOut)
def get_resident(resident_id: ResidentId, warn: WarnDep, caller: CommunityDep) -> ResidentOut:
    """一位居民的完整登记信息（含家属和账户）；每次查看记入审计日志。"""
    return resident_out(
        _run(lambda: warn.residents.get(resident_id, actor=caller.label, community=community_of(caller)))
    )


@router.put("/residents/{resident_id}", response_model=ResidentOut)
def update_resident(
    resident_id: ResidentId, body: ResidentCreate, warn: WarnDep, caller: CommunityDep
) -> ResidentOut:
    """修改居民的登记信息、家属和账户（登记方式和同意记录保留）。"""
    own = community_of(caller)
    if own is not None and body.community.strip() and body.community.strip() != own:
        raise HTTPException(status_code=422, detail=f"社区密钥只能把居民登记在本社区（{own}）")
    record = body.to_record(own or body.community)
    updated = _run(lambda: warn.residents.update(resident_id, record, actor=caller.label, community=own))
    warn.recheck_resident(resident_id)  # new phones or accounts: their past contacts
    return resident_out(updated)


@public_router.post("/v1/public/residents", status_code=201, response_model=SelfRegistered)
def register_self(body: SelfRegistration, warn: WarnDep, caller: CallerDep) -> SelfRegistered:
    """居民自助登记（金钟罩）：本人手机号、要保护的账户、所在社区、最多8位家属，须勾选同意；登记后待社区工作人员核实确认，确认后才开始预警比对。"""
    if not body.consent:
        raise HTTPException(status_code=422, detail="须本人同意将手机号码等信息用于反诈预警，才能登记")
    stored = _run(lambda: warn.register_self(body.to_record()))
    return SelfRegistered(
        id=stored.id, status=stored.status, status_name=STATUSES[stored.status],
        message=f"已提交，等待{stored.community}工作人员核实确认；确认后，您或家属与涉诈号码、账户发生联系时将收到提醒。",
    )  # fmt: skip


@router.post("/residents/{resident_id}/confirm", response_model=ResidentOut)
def confirm_resident(resident_id: ResidentId, warn: WarnDep, caller: CommunityDep) -> ResidentOut:
    """社区工作人员确认居民的自助登记（待社区确认 → 在册）；记入审计日志，已有的联系记录随即比对。"""
    return resident_out(
        _run(lambda: warn.confirm(resident_id, actor=caller.label, community=community_of(caller)))
    )


@router.post("/residents/{resident_id}/withdraw", response_model=ResidentOut)
def withdraw_resident(resident_id: ResidentId, warn: WarnDep, caller: CommunityDep) -> ResidentOut:
    """居民退出预警（记录保留，不再比对）。"""
    return resident_out(
        _run(lambda: warn.residents.withdraw(resident_id, actor=caller.label, community=community_of(caller)))
    )


# -- events ------------------------------------------------------------------------------------------


def _result(index: int, result: EventResult) -> EventResultOut:
    flag = result.flag
    return EventResultOut(
        index=index, event_id=result.event_id, flagged=flag is not None, level=flag.level if flag else None,
        fraud_type=flag.fraud_type if flag else None, tasks=result.tasks,
    )  # fmt: skip


@router.post("/events", status_code=201, response_model=EventResultOut)
def post_event(body: EventCreate, warn: WarnDep, caller: FeedDep) -> EventResultOut:
    """一条联系记录（通话、短信、付款）：存储并立即比对；对方已被标记时生成或更新预警任务。"""
    event = EventIn(
        kind=body.kind, resident=body.resident_identifier, other_kind=body.other.kind, other=body.other.value,
        at=body.at, amount=body.amount if body.kind == "payment" else None,
        in_progress=body.kind == "payment" and body.in_progress, resident_kind=body.resident_kind or "",
        source=body.source or caller.label[:64],
    )  # fmt: skip
    return _result(0, _run(lambda: warn.record_event(event)))


@router.post("/events/batch", response_model=list[EventResultOut])
def post_events(body: EventBatch, warn: WarnDep, caller: FeedDep) -> list[EventResultOut]:
    """一批联系记录（最多1000条，格式同单条）：逐条给出结果，有误的一条给出 error，其余照常存储。"""
    answers: list[EventResultOut | None] = [None] * len(body.events)
    good: list[tuple[int, EventIn]] = []
    for index, raw in enumerate(body.events):
        try:
            event = parse_event(raw)
            event.source = event.source or caller.label[:64]
            good.append((index, event))
        except WarnError as exc:
            answers[index] = EventResultOut(index=index, error=str(exc))
    if good:
        results = _run(lambda: warn.record_events([e for _, e in good]))
        for (index, _), result in zip(good, results, strict=True):
            answers[index] = _result(index, result)
    return [a for a in answers if a is not None]


# -- tasks -------------------------------------------------------------------------------------------


@router.get("/tasks", response_model=TaskPage)
def task_queue(
    warn: WarnDep,
    caller: CommunityDep,
    community: str | None = Query(default=None, max_length=64, description="民警可按社区筛选"),
    police_station: str | None = Query(default=None, max_length=64),
    district: str | None = Query(default=None, max_length=64),
    state: str | None = Query(
        default="open", pattern="^(open|done)$", description="open 待预警 / done 已处置"
    ),
    limit: int = Query(default=50, ge=1, le=500),
    offset: int = Query(default=0, ge=0, le=10_000_000),
) -> dict[str, Any]:
    """预警任务队列：待预警的在前，按优先级从高到低；每项附优先级理由，居民手机号打码。"""
    found, total = warn.tasks.queue(
        community=community_of(caller) or community, police_station=police_station, district=district,
        state=state, limit=limit, offset=offset,
    )  # fmt: skip
    return {"total": total, "items": [task_out(t) for t in found]}


@router.get("/tasks/{task_id}", response_model=TaskDetail)
def task_detail(task_id: TaskId, warn: WarnDep, caller: CommunityDep) -> dict[str, Any]:
    """一个预警任务：居民信息（完整号码，便于拨打）、涉诈标识、优先级理由、96110话术和12381短信；每次查看记入审计日志。"""
    task = _run(lambda: warn.tasks.get(task_id, community=community_of(caller), actor=caller.label))
    return task_out(task, full_phone=True) | {
        "call_script": call_script(task), "sms": sms_text(task), "family_notice": family_text(task),
    }  # fmt: skip


@router.post("/tasks/{task_id}/outcome", response_model=TaskDetail)
def record_outcome(
    task_id: TaskId, body: OutcomeIn, warn: WarnDep, services: ServicesDep, caller: CommunityDep
) -> dict[str, Any]:
    """记录预警结果：劝阻成功（计入避免损失）/ 已受骗（自动立案并关联）/ 无法联系 / 误报；开启告知的家属同时记为已告知。"""
    task = _run(
        lambda: warn.tasks.record_outcome(
            task_id, outcome=body.outcome, method=body.method, by=caller.label, note=body.note, at=body.at,
            community=community_of(caller), prevented_amount=body.prevented_amount, loss=body.loss,
            cases=services.cases,
        )
    )  # fmt: skip
    return task_out(task, full_phone=True) | {
        "call_script": call_script(task), "sms": sms_text(task), "family_notice": family_text(task),
    }  # fmt: skip


@router.get("/counts", response_model=CountsOut)
def counts(
    warn: WarnDep,
    caller: CommunityDep,
    start: Annotated[SaneDatetime | None, Query(description="起（默认30天前）")] = None,
    end: Annotated[SaneDatetime | None, Query(description="止（默认现在）")] = None,
    district: str | None = Query(default=None, max_length=64),
) -> dict[str, Any]:
    """各社区、每天的预警任务数和处置结果（按任务生成时间统计，日期为北京时间）。"""
    until = to_utc(end) if end is not None else datetime.now(UTC)
    since = to_utc(start) if start is not None else until - timedelta(days=30)
    if since >= until:
        raise HTTPException(status_code=422, detail="起始时间须早于结束时间")
    return warn.tasks.counts(start=since, end=until, community=community_of(caller), district=district)
