"""Stop-payment and freeze orders: the officer's endpoints (`/v1/orders…`, officer or admin keys) and
the bank's (`/v1/bank/…`, bank or admin keys). Anonymous callers get 401, other roles 403.

Which orders a bank sees: a bank key's label names its bank, and a bank sees, executes, refuses and
reports inflows only for orders whose `bank` is exactly that label (the officer writes the bank's name
as the bank's key is labelled, e.g. `中国工商银行`). Any other order is 404 to it, as if it did not
exist. An admin key acts for every bank. Banks see the other victims' money an order covers as
amount, time and masked sender account only — not the cases behind it.

Errors: bad input 422 (naming the field), unknown order or case 404, a step the order's state does not
allow (execute twice, renew a third time, …) 409; every message in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query
from pydantic import AfterValidator, BaseModel, Field

from fanzha.api.auth import BankDep, Caller, OfficerDep
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import MAX_ID, SaneDatetime
from fanzha.api.times import ApiTime, api_time, api_time_text
from fanzha.orders import Inflow, Order, OrderConflict, OrderError, OrderNotFound, OrderStore
from fanzha.orders.machine import ACTIVE, KIND_NAMES, STATE_NAMES, STATES
from fanzha.text.masking import mask_account

router = APIRouter(tags=["orders"])
T = TypeVar("T")
Money = Annotated[float, Field(gt=0, le=1e12, allow_inf_nan=False, description="金额（元）")]
Account = Annotated[str, Path(min_length=1, max_length=64, description="账户（卡号）")]
OrderId = Annotated[int, Path(ge=1, le=MAX_ID, description="指令编号")]
CaseId = Annotated[int, Field(ge=1, le=MAX_ID, description="案件编号")]
StateFilter = Query(default=None, pattern="^(" + "|".join(STATES) + ")$", description="按状态筛选")


async def get_orders(services: ServicesDep) -> OrderStore:
    return OrderStore(services.store.engine)


OrdersDep = Annotated[OrderStore, Depends(get_orders)]


def _aware(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("须带时区，例如 2025-03-01T10:00:00+08:00")
    return at


class OrderIn(BaseModel):
    case_id: CaseId
    account: str = Field(min_length=1, max_length=64, description="收款账户（卡号）")
    bank: str | None = Field(default=None, max_length=64, description="收款银行；不填则取案件付款记录")
    amount: Money | None = Field(default=None, description="申请止付金额（元）；不填则为案件向该账户付款之和")
    legal_basis: str = Field(min_length=2, max_length=2000, description="法律依据")


class RenewIn(BaseModel):
    months: int | None = Field(
        default=None, ge=1, le=6, description="冻结续期月数（1–6，默认6）；止付固定48小时"
    )


class FreezeIn(BaseModel):
    legal_basis: str = Field(min_length=2, max_length=2000)
    amount: Money | None = Field(default=None, description="申请冻结金额（元）；不填则为实际止付金额")


class ReasonIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class ReturnIn(BaseModel):
    amount: Money
    case_id: CaseId | None = Field(default=None, description="返还给哪个案件的受害人")


class ExecuteIn(BaseModel):
    amount_stopped: float = Field(
        ge=0, le=1e12, allow_inf_nan=False, description="实际止付（冻结）金额（元）"
    )
    note: str = Field(default="", max_length=2000)


class InflowIn(BaseModel):
    at: Annotated[SaneDatetime, AfterValidator(_aware)] = Field(
        description="入账时间，须带时区，例如 2025-03-01T10:00:00+08:00"
    )
    amount: Money
    from_account: str = Field(default="", max_length=64)
    from_name: str = Field(default="", max_length=64)


class OrderOut(BaseModel):
    id: int
    case_id: int | None
    kind: str
    kind_name: str
    parent_id: int | None
    account: str
    bank: str
    amount_requested: float
    amount_stopped: float
    amount_returned: float
    legal_basis: str
    officer: str
    state: str
    state_name: str
    renewals: int
    renewals_left: int | None = Field(description="还可续期次数；冻结不限（null）")
    requested_at: ApiTime
    executed_at: ApiTime | None
    expires_at: ApiTime | None
    hours_left: float | None = Field(description="距到期的小时数（已过期为负）")
    overdue: bool
    closed_at: ApiTime | None
    note: str
    covers: list[dict[str, Any]] = Field(description="一并止付的同时间段其他受害者资金")
    covers_total: float


class InflowsOut(BaseModel):
    stored: int
    skipped: int
    orders_updated: list[int]


def _run(call: Callable[[], T]) -> T:
    try:
        return call()
    except OrderNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except OrderConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    except OrderError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


def _out(order: Order, *, for_bank: bool = False) -> OrderOut:
    now = datetime.now(UTC)
    left = (order.expires_at - now).total_seconds() / 3600 if order.expires_at else None
    covers = [{**c, "at": api_time_text(c.get("at"))} for c in order.covers]
    if for_bank:
        covers = [
            {
                "amount": c.get("amount"),
                "at": c.get("at"),
                "from_account": mask_account(str(c.get("from_account", ""))),
            }
            for c in covers
        ]
    return OrderOut(
        id=order.id,
        case_id=None if for_bank else order.case_id,
        kind=order.kind,
        kind_name=KIND_NAMES[order.kind],
        parent_id=order.parent_id,
        account=order.account,
        bank=order.bank,
        amount_requested=order.amount_requested,
        amount_stopped=order.amount_stopped,
        amount_returned=order.amount_returned,
        legal_basis=order.legal_basis,
        officer=order.officer,
        state=order.state,
        state_name=STATE_NAMES[order.state],
        renewals=order.renewals,
        renewals_left=order.renewals_left,
        requested_at=order.requested_at,
        executed_at=order.executed_at,
        expires_at=order.expires_at,
        hours_left=round(left, 2) if left is not None and order.state in ACTIVE else None,
        overdue=order.overdue(now),
        closed_at=order.closed_at,
        note=order.note,
        covers=covers,
        covers_total=round(sum(float(c.get("amount") or 0) for c in order.covers), 2),
    )


def _bank_of(caller: Caller) -> str | None:
    """The bank a caller acts for (None: an admin, for every bank)."""
    return None if caller.role == "admin" else caller.label


# -- officer ---------------------------------------------------------------------------------------


@router.post("/v1/orders", status_code=201, response_model=OrderOut)
def request_stop_payment(body: OrderIn, orders: OrdersDep, caller: OfficerDep) -> OrderOut:
    """从案件对一个收款账户申请紧急止付（48小时，可续期两次），并一并列出同时间段其他受害者资金。"""
    bank, paid = _run(lambda: orders.proposal(case_id=body.case_id, account=body.account))
    bank, amount = body.bank or bank, body.amount or paid
    if not bank or not amount:
        raise HTTPException(
            status_code=422, detail="该案件没有向此账户付款的记录，请填写收款银行和申请止付金额"
        )
    order = _run(
        lambda: orders.request_stop_payment(
            case_id=body.case_id,
            account=body.account,
            bank=bank,
            amount=amount,
            legal_basis=body.legal_basis,
            officer=caller.label,
        )
    )
    return _out(order)


@router.get("/v1/orders", response_model=list[OrderOut])
def list_orders(
    orders: OrdersDep,
    caller: OfficerDep,
    state: str | None = StateFilter,
    case_id: int | None = Query(default=None, ge=1, le=MAX_ID),
    account: str | None = Query(default=None, max_length=64),
    expiring_within_hours: float | None = Query(
        default=None, ge=0, le=24 * 366, allow_inf_nan=False, description="即将到期（小时内）"
    ),
    limit: int = Query(default=200, ge=1, le=1000),
) -> list[OrderOut]:
    within = timedelta(hours=expiring_within_hours) if expiring_within_hours is not None else None
    found = orders.list_orders(
        state=state, case_id=case_id, account=account, expiring_within=within, limit=limit
    )
    return [_out(o) for o in found]


@router.get("/v1/orders/{order_id}", response_model=OrderOut)
def get_order(order_id: OrderId, orders: OrdersDep, caller: OfficerDep) -> OrderOut:
    return _out(_run(lambda: orders.get(order_id=order_id)))


@router.get("/v1/orders/{order_id}/history")
def order_history(order_id: OrderId, orders: OrdersDep, caller: OfficerDep) -> list[dict[str, Any]]:
    """该指令的全部操作记录（审计日志）。"""
    _run(lambda: orders.get(order_id=order_id))
    return [
        {"seq": e.seq, "at": api_time(e.at), "actor": e.actor, "action": e.action, "detail": e.detail}
        for e in orders.history(order_id=order_id)
    ]


@router.get("/v1/orders/{order_id}/other-victims")
def other_victims(
    order_id: OrderId,
    orders: OrdersDep,
    caller: OfficerDep,
    window_hours: float = Query(
        default=72, gt=0, le=720, allow_inf_nan=False, description="时间段向前后各延伸的小时数"
    ),
) -> list[dict[str, object]]:
    """同时间段其他受害者转入该账户的资金（只查询，不改动指令）。"""
    found = _run(lambda: orders.other_victims(order_id=order_id, margin=timedelta(hours=window_hours)))
    return [c.as_json() for c in found]


@router.post("/v1/orders/{order_id}/renew", response_model=OrderOut)
def renew(order_id: OrderId, orders: OrdersDep, caller: OfficerDep, body: RenewIn | None = None) -> OrderOut:
    months = body.months if body and body.months else 6
    return _out(_run(lambda: orders.renew(order_id=order_id, officer=caller.label, months=months)))


@router.post("/v1/orders/{order_id}/freeze", status_code=201, response_model=OrderOut)
def freeze(order_id: OrderId, body: FreezeIn, orders: OrdersDep, caller: OfficerDep) -> OrderOut:
    """由已执行的紧急止付转为冻结（6个月，可续冻）；银行执行冻结后原止付指令结束（已转冻结）。"""
    return _out(
        _run(
            lambda: orders.freeze(
                order_id=order_id, legal_basis=body.legal_basis, officer=caller.label, amount=body.amount
            )
        )
    )


@router.post("/v1/orders/{order_id}/release", response_model=OrderOut)
def release(order_id: OrderId, body: ReasonIn, orders: OrdersDep, caller: OfficerDep) -> OrderOut:
    return _out(_run(lambda: orders.release(order_id=order_id, reason=body.reason, officer=caller.label)))


@router.post("/v1/orders/{order_id}/returns", response_model=OrderOut)
def record_return(order_id: OrderId, body: ReturnIn, orders: OrdersDep, caller: OfficerDep) -> OrderOut:
    """登记返还受害人的资金；全部返还后指令结束（已返还）。"""
    return _out(
        _run(
            lambda: orders.record_return(
                order_id=order_id, amount=body.amount, officer=caller.label, victim_case_id=body.case_id
            )
        )
    )


# -- bank ------------------------------------------------------------------------------------------


@router.get("/v1/bank/orders", response_model=list[OrderOut])
def bank_orders(
    orders: OrdersDep,
    caller: BankDep,
    state: str | None = Query(default="requested", pattern="^(" + "|".join(STATES) + "|all)$"),
    limit: int = Query(default=200, ge=1, le=1000),
) -> list[OrderOut]:
    """发往本行的指令，默认只列待执行的（state=all 列出全部）。"""
    found = orders.list_orders(state=None if state == "all" else state, bank=_bank_of(caller), limit=limit)
    return [_out(o, for_bank=True) for o in found]


@router.get("/v1/bank/orders/{order_id}", response_model=OrderOut)
def bank_order(order_id: OrderId, orders: OrdersDep, caller: BankDep) -> OrderOut:
    return _out(_run(lambda: orders.get(order_id=order_id, bank=_bank_of(caller))), for_bank=True)


@router.post("/v1/bank/orders/{order_id}/execute", response_model=OrderOut)
def execute(order_id: OrderId, body: ExecuteIn, orders: OrdersDep, caller: BankDep) -> OrderOut:
    """执行指令并填写实际止付（冻结）金额；期限自此刻起算。"""
    order = _run(
        lambda: orders.execute(
            order_id=order_id,
            amount_stopped=body.amount_stopped,
            bank_actor=caller.label,
            bank=_bank_of(caller),
            note=body.note,
        )
    )
    return _out(order, for_bank=True)


@router.post("/v1/bank/orders/{order_id}/refuse", response_model=OrderOut)
def refuse(order_id: OrderId, body: ReasonIn, orders: OrdersDep, caller: BankDep) -> OrderOut:
    order = _run(
        lambda: orders.refuse(
            order_id=order_id, reason=body.reason, bank_actor=caller.label, bank=_bank_of(caller)
        )
    )
    return _out(order, for_bank=True)


@router.post("/v1/bank/accounts/{account}/inflows", status_code=201, response_model=InflowsOut)
def report_inflows(
    account: Account,
    orders: OrdersDep,
    caller: BankDep,
    body: Annotated[list[InflowIn], Body(min_length=1, max_length=1000)],
) -> InflowsOut:
    """报送账户的入账流水（每次最多1000笔；重复报送的会跳过），用于查找同时间段其他受害者资金。"""
    inflows = [
        Inflow(at=i.at, amount=i.amount, from_account=i.from_account, from_name=i.from_name) for i in body
    ]
    report = _run(
        lambda: orders.report_inflows(
            account=account, inflows=inflows, reported_by=caller.label, bank=_bank_of(caller)
        )
    )
    return InflowsOut(
        stored=report.stored, skipped=report.skipped, orders_updated=list(report.orders_updated)
    )
