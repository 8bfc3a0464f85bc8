"""断卡 (`/v1/cardban…` for the desk, `/v1/bank/cardban` and `/v1/bank/opening-checks` for banks): the 惩戒 list
of holders of sold or rented accounts and phone cards, the banks' checks of account openings and new online
services against it and against the key persons, and the 串并 groups that run through listed accounts.

Who: the desk (officer or admin keys) records entries on a case's evidence or a bank's review, lists them in
full, lifts them and sees the groups; a bank (bank or admin keys) records entries on its own review, sees the
entries it recorded with the holder masked, and checks openings. Anonymous callers get 401, other roles 403.

Errors: bad input 422 (naming the field), unknown entry or case 404, an account already on the list or an
entry lifted twice 409; every message in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from sqlalchemy.orm import Session

from fanzha.api.auth import BankDep, Caller, OfficerDep
from fanzha.api.cardban_schemas import (
    BankEntryCreate,
    CheckCreate,
    CheckOut,
    EntryCreate,
    EntryOut,
    LiftIn,
    ListedGroupOut,
    check_out,
    choice,
    entry_in,
    entry_out,
)
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import MAX_ID
from fanzha.cardban import (
    KINDS,
    STATUSES,
    CardbanConflict,
    CardbanError,
    CardbanNotFound,
    CardbanStore,
    CheckIn,
    OpeningChecks,
    groups_through_listed,
    today_in_beijing,
)

router = APIRouter(prefix="/v1", tags=["cardban"])
T = TypeVar("T")
EntryId = Annotated[int, Path(ge=1, le=MAX_ID, description="惩戒名单记录编号")]


async def get_register(services: ServicesDep) -> CardbanStore:
    return CardbanStore(services.store.engine)


async def get_checks(services: ServicesDep) -> OpeningChecks:
    return OpeningChecks(services.store.engine)


RegisterDep = Annotated[CardbanStore, Depends(get_register)]
ChecksDep = Annotated[OpeningChecks, Depends(get_checks)]


def _run(call: Callable[[], T]) -> T:
    try:
        return call()
    except CardbanNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except CardbanConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    except CardbanError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


def _bank_of(caller: Caller) -> str | None:
    return None if caller.role == "admin" else caller.label


# -- the desk --------------------------------------------------------------------------------------


@router.post("/cardban", status_code=201, response_model=EntryOut)
def add_entry(body: EntryCreate, register: RegisterDep, caller: OfficerDep) -> EntryOut:
    """登记出售、出租、出借的账户或电话卡及其持有人（依据：案件或银行核查；默认惩戒五年）。"""
    entry = entry_in(body, body.evidence, body.case_id)
    return entry_out(_run(lambda: register.add(entry, actor=caller.label, role="officer")), officer=True)


@router.get("/cardban", response_model=list[EntryOut])
def list_entries(
    register: RegisterDep,
    caller: OfficerDep,
    status: str | None = Query(default=None, pattern=choice(STATUSES), description="按状态筛选"),
    kind: str | None = Query(default=None, pattern=choice(KINDS)),
    holder_id: str | None = Query(default=None, max_length=64, description="持有人身份证号"),
    value: str | None = Query(default=None, max_length=128, description="账户或号码，写法不限"),
    limit: int = Query(default=200, ge=1, le=1000),
) -> list[EntryOut]:
    """惩戒名单（新登记的在前），持有人不打码。"""
    found = _run(
        lambda: register.list_entries(status=status, kind=kind, holder_id=holder_id, value=value, limit=limit)
    )
    return [entry_out(e, officer=True) for e in found]


@router.get("/cardban/groups", response_model=list[ListedGroupOut])
def listed_groups(
    services: ServicesDep,
    caller: OfficerDep,
    min_cases: int = Query(default=1, ge=1, le=MAX_ID, description="至少多少起案件"),
    limit: int = Query(default=100, ge=1, le=1000),
    order: Literal["size", "loss"] = Query(default="size", description="按案件数或涉案金额排序"),
) -> list[dict[str, Any]]:
    """经过惩戒名单上账户、号码的串并组（案件提到该账户或号码，或受害人向该账户转账）。"""
    with Session(services.store.engine) as session:
        found = groups_through_listed(
            session, today=today_in_beijing(), min_cases=min_cases, limit=limit, order=order
        )
    return [
        {
            "id": g.id, "size": g.size, "total_loss": g.total_loss, "first_received": g.first_received,
            "last_received": g.last_received,
            "two_cards": [{"entry_id": h.entry_id, "kind": h.kind, "value": h.value,
                           "holder_name": h.holder_name, "via": h.via} for h in hits],
        }
        for g, hits in found
    ]  # fmt: skip


@router.get("/cardban/checks", response_model=list[CheckOut])
def all_checks(
    checks: ChecksDep,
    caller: OfficerDep,
    bank: str | None = Query(default=None, max_length=64, description="只看一家银行"),
    limit: int = Query(default=200, ge=1, le=1000),
) -> list[CheckOut]:
    """银行的开户核查记录（新的在前），客户不打码。"""
    return [check_out(r) for r in checks.recent(bank=bank, masked=False, limit=limit)]


@router.get("/cardban/{entry_id}", response_model=EntryOut)
def get_entry(entry_id: EntryId, register: RegisterDep, caller: OfficerDep) -> EntryOut:
    return entry_out(_run(lambda: register.get(entry_id)), officer=True)


@router.get("/cardban/{entry_id}/history")
def entry_history(entry_id: EntryId, register: RegisterDep, caller: OfficerDep) -> list[dict[str, Any]]:
    """该记录的全部操作记录（审计日志）。"""
    return [
        {"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action, "detail": e.detail}
        for e in _run(lambda: register.history(entry_id))
    ]


@router.post("/cardban/{entry_id}/lift", response_model=EntryOut)
def lift(entry_id: EntryId, body: LiftIn, register: RegisterDep, caller: OfficerDep) -> EntryOut:
    """提前解除（申诉成立、登记有误）；记录保留并注明解除。"""
    return entry_out(
        _run(lambda: register.lift(entry_id, reason=body.reason, actor=caller.label)), officer=True
    )


# -- the bank --------------------------------------------------------------------------------------


@router.post("/bank/cardban", status_code=201, response_model=EntryOut)
def bank_add_entry(body: BankEntryCreate, register: RegisterDep, caller: BankDep) -> EntryOut:
    """本行核查确认账户（或电话卡）被出售、出租、出借：登记持有人（默认惩戒五年）。"""
    entry = entry_in(body, "bank_review", None)
    added = _run(
        lambda: register.add(entry, actor=caller.label, role="bank" if caller.role == "bank" else "admin")
    )
    return entry_out(added, officer=False)


@router.get("/bank/cardban", response_model=list[EntryOut])
def bank_entries(
    register: RegisterDep,
    caller: BankDep,
    status: str | None = Query(default=None, pattern=choice(STATUSES)),
    limit: int = Query(default=200, ge=1, le=1000),
) -> list[EntryOut]:
    """本行登记的惩戒名单记录，持有人打码。"""
    found = _run(lambda: register.list_entries(status=status, recorded_by=_bank_of(caller), limit=limit))
    return [entry_out(e, officer=False) for e in found]


@router.post("/bank/opening-checks", status_code=201, response_model=CheckOut)
def opening_check(body: CheckCreate, checks: ChecksDep, caller: BankDep) -> CheckOut:
    """开户或开通非柜面业务前核查：惩戒名单（持有人、账户、手机号）和反诈中心重点人员；答复可办理、仅限柜面或需核实，并说明理由。"""
    check = CheckIn(
        service=body.service, holder_name=body.holder_name, holder_id=body.holder_id, account=body.account,
        phone=body.phone,
    )  # fmt: skip
    return check_out(
        _run(lambda: checks.check(check, bank=caller.label, staff=caller.label, actor=caller.label))
    )


@router.get("/bank/opening-checks", response_model=list[CheckOut])
def bank_checks(
    checks: ChecksDep, caller: BankDep, limit: int = Query(default=200, ge=1, le=1000)
) -> list[CheckOut]:
    """本行的核查记录（新的在前），客户打码。"""
    return [check_out(r) for r in checks.recent(bank=_bank_of(caller), masked=True, limit=limit)]
