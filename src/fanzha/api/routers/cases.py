"""The case desk: intake with pre-fill, cases, status changes, confirmations, key persons (officers)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from starlette.concurrency import run_in_threadpool

from fanzha.api.auth import OfficerDep
from fanzha.api.case_schemas import (
    CaseCreate,
    CaseUpdate,
    ConfirmIn,
    IdentifierIn,
    NarrativeIn,
    PersonCreate,
    StatusIn,
    case_out,
)
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import MAX_ID
from fanzha.api.times import api_time
from fanzha.cases.intake import prefill
from fanzha.cases.listing import SORTS, CaseFilter, CaseOrder, ListingError, day_span
from fanzha.cases.model import CaseIdentifier
from fanzha.cases.persons import KeyPerson
from fanzha.cases.repository import CaseError, CaseNotFound
from fanzha.cases.required import missing_in_case, refusal
from fanzha.extract.id_card import mask_id
from fanzha.text.limits import InputError
from fanzha.timezones import BEIJING

router = APIRouter(prefix="/v1", tags=["cases"])

# Ids a store column holds; any other is a 422 before the database is asked.
CaseId = Annotated[int, Path(ge=1, le=MAX_ID, description="案件编号")]
PersonId = Annotated[int, Path(ge=1, le=MAX_ID, description="人员编号")]
SORT_HELP = (
    "排序："
    + "、".join(f"{key}（{name}）" for key, name in SORTS.items())
    + "，前加 - 为降序；默认 -received"
)


def _not_found(case_id: int) -> HTTPException:
    return HTTPException(status_code=404, detail=f"没有编号为 {case_id} 的案件")


def _refused(exc: CaseError) -> HTTPException:
    return HTTPException(status_code=404 if isinstance(exc, CaseNotFound) else 422, detail=str(exc))


@router.post("/cases/prefill")
async def case_prefill(body: NarrativeIn, services: ServicesDep, caller: OfficerDep) -> dict[str, Any]:
    """Pre-fill a case form from what the caller says (the officer confirms or corrects it). The times
    said ("下午2点", "昨天晚上8点") are Beijing wall times: they are read against Beijing's now and
    returned with `+08:00`."""
    try:
        found = await run_in_threadpool(
            prefill, body.narrative, detector=services.detector, now=datetime.now(BEIJING)
        )
    except InputError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    out = asdict(found)
    for ident, shown in zip(found.identifiers, out["identifiers"], strict=True):
        shown["flags"] = ident.flags  # notes on an odd identifier (号段未分配 …), a property
    out["occurred_at"] = api_time(found.occurred_at)
    for payment in out["payments"]:
        payment["paid_at"] = api_time(payment["paid_at"])
    return out


@router.post("/cases", status_code=201)
def create_case(body: CaseCreate, services: ServicesDep, caller: OfficerDep) -> dict[str, Any]:
    """受案登记：案件须具备与接警台登记表相同的必备要素（简要案情、诈骗类型、联系方式、发案时间、报警人姓名或电话，
    以及损失金额、转账、涉案线索或已劝阻之一），缺少时答 422 并列出缺少的字段。"""
    record = body.to_case(officer=caller.label, now=datetime.now(UTC))
    missing = missing_in_case(record)
    if missing:
        raise HTTPException(status_code=422, detail=refusal(missing))
    try:
        case = services.cases.create(record, actor=caller.label)
    except CaseError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return case_out(case, masked=False)


async def case_query(
    status: Annotated[str, Query(max_length=24, description="案件状态")] = "",
    district: Annotated[str, Query(max_length=64, description="辖区")] = "",
    fraud_type: Annotated[str, Query(max_length=32, description="诈骗类型代码")] = "",
    q: Annotated[str, Query(max_length=100, description="案件编号、叙述或线索中的文字")] = "",
    since: Annotated[date | None, Query(description="接警日期起（北京时间，含）")] = None,
    until: Annotated[date | None, Query(description="接警日期止（北京时间，含）")] = None,
    sort: Annotated[str, Query(max_length=16, description=SORT_HELP)] = "-received",
) -> tuple[CaseFilter, CaseOrder]:
    """The case list's filters and order, as the list (GET /v1/cases) and its export take them."""
    try:
        start, end = day_span(since, until)
        order = CaseOrder.parse(sort)
    except ListingError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return CaseFilter(status, district, fraud_type, q, start, end), order


CaseQuery = Annotated[tuple[CaseFilter, CaseOrder], Depends(case_query)]


@router.get("/cases")
def list_cases(
    services: ServicesDep,
    caller: OfficerDep,
    query: CaseQuery,
    limit: int = Query(default=50, ge=1, le=500),
    offset: int = Query(default=0, ge=0, le=MAX_ID),
) -> dict[str, Any]:
    """案件列表：按状态、辖区、诈骗类型、文字和接警日期筛选，可按接警时间、发案时间、损失或诈骗类型排序（默认新案在前）。"""
    filters, order = query
    total, cases = services.cases.search(filters, order=order, limit=limit, offset=offset, details=True)
    return {"total": total, "cases": [case_out(c, masked=False) for c in cases]}


@router.get("/cases/{case_id}")
def get_case(case_id: CaseId, services: ServicesDep, caller: OfficerDep) -> dict[str, Any]:
    case = services.cases.get(case_id)
    if case is None:
        raise _not_found(case_id)
    out = case_out(case, masked=False)
    out["history"] = [
        {"seq": e.seq, "at": api_time(e.at), "actor": e.actor, "action": e.action, "detail": e.detail}
        for e in services.cases.history(case_id)
    ]
    out["key_persons"] = [_person_out(p) for p in services.persons.of_case(case_id)]
    return out


@router.patch("/cases/{case_id}")
def update_case(
    case_id: CaseId, body: CaseUpdate, services: ServicesDep, caller: OfficerDep
) -> dict[str, Any]:
    changes = body.model_dump(exclude_unset=True)
    try:
        return case_out(services.cases.update(case_id, actor=caller.label, **changes), masked=False)
    except CaseError as exc:
        raise _refused(exc) from None


@router.post("/cases/{case_id}/status")
def set_status(case_id: CaseId, body: StatusIn, services: ServicesDep, caller: OfficerDep) -> dict[str, Any]:
    try:
        case = services.cases.set_status(case_id, body.status, actor=caller.label, note=body.note)
    except CaseError as exc:
        raise _refused(exc) from None
    return case_out(case, masked=False)


@router.post("/cases/{case_id}/identifiers")
def add_identifiers(
    case_id: CaseId, body: list[IdentifierIn], services: ServicesDep, caller: OfficerDep
) -> dict[str, Any]:
    idents = [CaseIdentifier(i.kind, i.value, i.value, i.confirmed) for i in body[:200]]
    try:
        case = services.cases.add_identifiers(case_id, idents, actor=caller.label)
    except CaseError as exc:
        raise _refused(exc) from None
    return case_out(case, masked=False)


@router.post("/cases/{case_id}/confirm")
def confirm(case_id: CaseId, body: ConfirmIn, services: ServicesDep, caller: OfficerDep) -> dict[str, int]:
    """Confirm the case's identifiers (all, or those listed): they become police reports in the store."""
    which = None if body.identifiers is None else [(i.kind, i.value) for i in body.identifiers]
    try:
        reported = services.cases.confirm_identifiers(case_id, actor=caller.label, which=which)
    except CaseError as exc:
        raise _refused(exc) from None
    return {"reported": reported}


def _person_out(person: KeyPerson) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "category": person.category,
        "id_number": mask_id(person.id_number) if len(person.id_number) == 18 else person.id_number,
        "district": person.district,
        "note": person.note,
        "identifiers": [{"kind": i.kind, "value": i.value} for i in person.identifiers],
        "cases": [{"id": cid, "ref": ref, "via": via} for cid, ref, via in person.cases],
    }


@router.post("/persons", status_code=201)
def add_person(body: PersonCreate, services: ServicesDep, caller: OfficerDep) -> dict[str, Any]:
    try:
        person = services.persons.add(
            name=body.name, category=body.category, actor=caller.label, id_number=body.id_number,
            district=body.district, note=body.note,
            identifiers=[CaseIdentifier(i.kind, i.value, i.value) for i in body.identifiers],
        )  # fmt: skip
    except CaseError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return _person_out(person)


@router.get("/persons")
def list_persons(
    services: ServicesDep, caller: OfficerDep, category: str | None = Query(default=None, max_length=24)
) -> list[dict[str, Any]]:
    return [_person_out(p) for p in services.persons.all(category=category)]


@router.get("/persons/{person_id}")
def get_person(person_id: PersonId, services: ServicesDep, caller: OfficerDep) -> dict[str, Any]:
    person = services.persons.get(person_id)
    if person is None:
        raise HTTPException(status_code=404, detail=f"没有编号为 {person_id} 的人员")
    return _person_out(person)
