"""Outbound workers (`/v1/outbound…`: registering, daily reports, persuasion to return, coming back, missing
reports) and the door-to-door survey (`/v1/survey…`: households, coverage per village). The rules of
`fanzha.api.routers.returnees` hold: community keys their own village only (404 for others), officer and
admin keys every one; lists masked, detail views in full and logged."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from fanzha.api.auth import CommunityDep
from fanzha.api.deps import ServicesDep
from fanzha.api.returnee_schemas import (
    CameBackIn,
    CoverageOut,
    HouseholdCreate,
    HouseholdOut,
    MissingOut,
    PersuasionCreate,
    PersuasionOut,
    ReportCreate,
    ReportOut,
    ReturneeDetailOut,
    ReturneeOut,
    WorkerCreate,
    WorkerOut,
)
from fanzha.api.routers.returnees import RecordId, actor_of, community_for, reader, returnee_out, run_call
from fanzha.returnees import (
    HouseholdIn,
    MemberIn,
    OutboundLedger,
    ReportIn,
    ReturneeLedger,
    Survey,
    WorkerIn,
    beijing_day,
    mask_id_number,
    missing_reports,
)
from fanzha.text.masking import mask_phone

router = APIRouter(prefix="/v1", tags=["returnees"])


# -- outbound workers -----------------------------------------------------------------------------


def worker_out(w: object, *, detail: bool) -> WorkerOut:
    out = WorkerOut.model_validate(w)
    if not detail:
        out = out.model_copy(update={"id_number": mask_id_number(out.id_number), "phone": mask_phone(out.phone),
                                     "family_phone": mask_phone(out.family_phone), "reports": out.reports[:1]})  # fmt: skip
    return out


@router.post("/outbound", status_code=201, response_model=WorkerOut)
def add_worker(body: WorkerCreate, services: ServicesDep, caller: CommunityDep) -> WorkerOut:
    """登记在广西、云南、缅甸等重点地区务工或拟前往的人员；登记次日起每日报告。"""
    ledger = OutboundLedger(services.store.engine)
    fields = body.model_dump() | {"community": community_for(caller, body.community)}
    wid = run_call(lambda: ledger.register(WorkerIn(**fields), actor=actor_of(caller)))
    return worker_out(ledger.view(wid, reader=reader(caller, "api.detail")), detail=True)


@router.get("/outbound", response_model=list[WorkerOut])
def list_workers(
    services: ServicesDep,
    caller: CommunityDep,
    all_states: bool = Query(default=False, description="含已返乡、已销号的人员"),
) -> list[WorkerOut]:
    """可见的外出务工人员（身份证号、电话打码），附最近一次日报。"""
    ledger = OutboundLedger(services.store.engine)
    found = ledger.workers(
        reader=reader(caller, "api.list"), states=None if all_states else ("planned", "away")
    )
    return [worker_out(w, detail=False) for w in found]


@router.get("/outbound/missing", response_model=list[MissingOut])
def missing(
    services: ServicesDep,
    caller: CommunityDep,
    on: Annotated[date | None, Query(alias="date", description="北京时间日期，默认今天")] = None,
) -> list[MissingOut]:
    """某日（北京时间）应报未报日报的外出务工人员，连续未报天数最多的在前，并说明原因和报告人。"""
    day = on or beijing_day(datetime.now(UTC))
    ledger = OutboundLedger(services.store.engine)
    found = run_call(lambda: missing_reports(ledger, reader=reader(caller, "api.list"), on=day))
    return [
        MissingOut(worker_id=m.worker.id, name=m.worker.name, community=m.worker.community, region=m.worker.region,
                   reporter=m.worker.reporter, day=m.day, last_reported=m.last_reported, days_missing=m.days_missing,
                   explanation=m.explanation)
        for m in found
    ]  # fmt: skip


@router.get("/outbound/{worker_id}", response_model=WorkerOut)
def get_worker(worker_id: RecordId, services: ServicesDep, caller: CommunityDep) -> WorkerOut:
    """一名外出务工人员的完整档案、日报和劝返记录；本次查看记入访问日志。"""
    ledger = OutboundLedger(services.store.engine)
    return worker_out(
        run_call(lambda: ledger.view(worker_id, reader=reader(caller, "api.detail"))), detail=True
    )


@router.post("/outbound/{worker_id}/reports", status_code=201, response_model=ReportOut)
def add_report(
    worker_id: RecordId, body: ReportCreate, services: ServicesDep, caller: CommunityDep
) -> object:
    """每日报告：所在地、是否安全、能否联系上。"""
    ledger = OutboundLedger(services.store.engine)
    entry = ReportIn(**body.model_dump())
    return run_call(
        lambda: ledger.report(worker_id, entry, actor=actor_of(caller), reader=reader(caller, "api.report"))
    )


@router.post("/outbound/{worker_id}/persuasions", status_code=201, response_model=PersuasionOut)
def add_persuasion(
    worker_id: RecordId, body: PersuasionCreate, services: ServicesDep, caller: CommunityDep
) -> object:
    """劝返记录及结果（同意回国 / 已回国 / 拒绝 / 失联）；已回国后不再需要日报。"""
    ledger = OutboundLedger(services.store.engine)
    return run_call(lambda: ledger.persuade(worker_id, on=body.day, method=body.method, outcome=body.outcome,
                                        note=body.note, actor=actor_of(caller), reader=reader(caller, "api.persuade")))  # fmt: skip


@router.post("/outbound/{worker_id}/returned", status_code=201, response_model=ReturneeDetailOut)
def came_back(
    worker_id: RecordId, body: CameBackIn, services: ServicesDep, caller: CommunityDep
) -> ReturneeOut:
    """从境外重点地区返乡：据其档案登记为涉诈回流人员（在管），返回新的回流人员档案。"""
    ledger = OutboundLedger(services.store.engine)
    rid = run_call(lambda: ledger.came_back(worker_id, returned_on=body.returned_on, how=body.how,
                                        risk_level=body.risk_level, risk_notes=body.risk_notes, actor=actor_of(caller),
                                        reader=reader(caller, "api.returned")))  # fmt: skip
    found = ReturneeLedger(services.store.engine).view(rid, reader=reader(caller, "api.detail"))
    return returnee_out(found, now=datetime.now(UTC), detail=True)


# -- the survey -----------------------------------------------------------------------------------


@router.post("/survey/households", status_code=201)
def add_households(
    body: list[HouseholdCreate], services: ServicesDep, caller: CommunityDep
) -> dict[str, int]:
    """登记住户或记录入户走访（按村、组、户；同一户再次提交即更新）。全部成功或全部不存。"""
    if len(body) > 2000:
        raise HTTPException(status_code=422, detail="一次最多提交 2000 户")
    entries = [
        HouseholdIn(community=community_for(caller, h.community), grp=h.grp, household=h.household, address=h.address,
                    registered_members=h.registered_members, members=[MemberIn(**m.model_dump()) for m in h.members],
                    surveyed_on=h.surveyed_on, surveyed_by=h.surveyed_by, note=h.note)
        for h in body
    ]  # fmt: skip
    survey = Survey(services.store.engine)
    return {
        "written": run_call(
            lambda: survey.record(entries, actor=actor_of(caller), reader=reader(caller, "api.survey"))
        )
    }


@router.get("/survey/households", response_model=list[HouseholdOut])
def households(
    services: ServicesDep,
    caller: CommunityDep,
    community: str | None = Query(default=None, max_length=64, description="只看一个村（社区）"),
    risky: bool = Query(default=False, description="只看有成员在广西、云南、缅甸等重点地区的户"),
) -> list[HouseholdOut]:
    """走访登记的住户（成员电话打码）。"""
    found = Survey(services.store.engine).households(reader=reader(caller, "api.list"), community=community,
                                                     risky_only=risky)  # fmt: skip
    out = []
    for h in found:
        members = [m | {"phone": mask_phone(str(m.get("phone", ""))), "phone_raw": ""} for m in h.members]
        out.append(HouseholdOut.model_validate(h).model_copy(update={"members": members}))
    return out


@router.get("/survey/coverage", response_model=list[CoverageOut])
def coverage(services: ServicesDep, caller: CommunityDep) -> list[object]:
    """各村走访覆盖：村不漏组、组不漏户、户不漏人，并说明缺口。"""
    return list(Survey(services.store.engine).coverage(reader=reader(caller, "api.list")))
