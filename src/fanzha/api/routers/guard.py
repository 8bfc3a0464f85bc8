"""The payment order guard (`/v1/guard/…`) for payment firms: register merchants, create orders, check each
step of an order (时间戳, 确认正确域名, 核实支付来源网址与登记IP, 验证码/二次确认).

Who calls: the payment firm's servers, with a `bank` key (payment firms are banks to this service; the
key's label names the firm) or an `admin` key. A firm sees only its own merchants and orders; any other
is 404. Anonymous callers get 401, other roles 403.

A step's origin and referrer are the `origin` / `referer` fields when the firm's server relays them from
the customer's browser, else the request's own `Origin` / `Referer` headers; the source IP is the
`source_ip` field, else the caller's address. The guard stamps the step with its own clock. A refused
step is still a 200 answer: `{"ok": false, "action": "reject", "checks": [...]}` names each check that
failed, in Chinese. Bad input is 422, a merchant code registered twice 409.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Request
from pydantic import BaseModel, Field

from fanzha.api.auth import BankDep, Caller
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import MAX_ID
from fanzha.api.times import ApiTime
from fanzha.guard.checks import ORDER_STATES, STEP_NAMES, StepRequest
from fanzha.guard.store import GuardConflict, GuardError, GuardNotFound, GuardStore, Merchant, Order

router = APIRouter(tags=["guard"])
T = TypeVar("T")
MerchantId = Annotated[int, Path(ge=1, le=MAX_ID, description="商户编号（登记时返回的 id）")]
OrderId = Annotated[int, Path(ge=1, le=MAX_ID, description="订单编号")]


async def get_guard(services: ServicesDep) -> GuardStore:
    return GuardStore(services.store.engine)


async def guard_clock() -> datetime:
    """The guard's clock (tests override this dependency to freeze time)."""
    return datetime.now(UTC)


GuardDep = Annotated[GuardStore, Depends(get_guard)]
ClockDep = Annotated[datetime, Depends(guard_clock)]


class MerchantIn(BaseModel):
    code: str = Field(min_length=1, max_length=64, description="商户编号")
    name: str = Field(min_length=1, max_length=200, description="商户名称")
    domains: list[Annotated[str, Field(max_length=253)]] = Field(
        min_length=1, max_length=50, description="登记域名"
    )
    ip_ranges: list[Annotated[str, Field(max_length=64)]] = Field(
        default_factory=list, max_length=100, description="登记IP段（CIDR）；不填则不核对来源IP"
    )
    max_step_seconds: int = Field(default=600, ge=10, le=86_400, description="两步之间最长间隔（秒）")
    max_order_seconds: int = Field(
        default=1800, ge=10, le=86_400, description="订单从创建到确认的最长时长（秒）"
    )
    min_human_ms: int = Field(default=1000, ge=0, le=60_000, description="人工操作两步之间的最短间隔（毫秒）")


class MerchantOut(BaseModel):
    id: int
    code: str
    name: str
    domains: list[str]
    ip_ranges: list[str]
    max_step_seconds: int
    max_order_seconds: int
    min_human_ms: int
    created_at: ApiTime


class OrderIn(BaseModel):
    merchant_id: int = Field(ge=1, le=MAX_ID)
    amount: float = Field(gt=0, le=1e12, allow_inf_nan=False, description="金额（元）")
    ref: str = Field(default="", max_length=128, description="商户订单号")


class StepIn(BaseModel):
    step: Literal["shown", "entered", "confirmed"] = Field(description="展示支付页 / 填写支付信息 / 确认支付")
    amount: float | None = Field(
        default=None, gt=0, le=1e12, allow_inf_nan=False, description="本步页面上的金额（元）"
    )
    origin: str | None = Field(default=None, max_length=512, description="客户浏览器的 Origin；不填取请求头")
    referer: str | None = Field(
        default=None, max_length=2048, description="客户浏览器的 Referer；不填取请求头"
    )
    source_ip: str | None = Field(default=None, max_length=64, description="支付来源IP；不填取请求方地址")
    human_verified: bool = Field(default=False, description="本步已通过验证码或二次确认")


class StepOut(BaseModel):
    step: str
    step_name: str
    at: ApiTime
    origin: str
    referer: str
    source_ip: str
    amount: float | None
    human_verified: bool
    action: str
    checks: list[dict[str, Any]]


class OrderOut(BaseModel):
    id: int
    merchant_id: int
    ref: str
    amount: float
    state: str
    state_name: str
    last_step: str
    last_step_at: ApiTime
    created_at: ApiTime
    closed_reason: str
    steps: list[StepOut]


class StepResultOut(BaseModel):
    ok: bool
    action: str = Field(description="proceed（放行）| captcha（须验证码或二次确认）| reject（拒绝）")
    checks: list[dict[str, Any]]
    order: OrderOut


def _run(call: Callable[[], T]) -> T:
    try:
        return call()
    except GuardNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except GuardConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    except GuardError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


def _provider(caller: Caller) -> str | None:
    return None if caller.role == "admin" else caller.label


def _merchant_out(m: Merchant) -> MerchantOut:
    return MerchantOut(
        id=m.id,
        code=m.code,
        name=m.name,
        domains=m.domains,
        ip_ranges=m.ip_ranges,
        max_step_seconds=m.max_step_seconds,
        max_order_seconds=m.max_order_seconds,
        min_human_ms=m.min_human_ms,
        created_at=m.created_at,
    )


def _order_out(o: Order) -> OrderOut:
    steps = [
        StepOut(
            step=s.step,
            step_name=STEP_NAMES[s.step],
            at=s.at,
            origin=s.origin,
            referer=s.referer,
            source_ip=s.source_ip,
            amount=s.amount,
            human_verified=s.human_verified,
            action=s.action,
            checks=s.checks,
        )
        for s in o.steps
    ]
    return OrderOut(
        id=o.id,
        merchant_id=o.merchant_id,
        ref=o.ref,
        amount=o.amount,
        state=o.state,
        state_name=ORDER_STATES[o.state],
        last_step=o.last_step,
        last_step_at=o.last_step_at,
        created_at=o.created_at,
        closed_reason=o.closed_reason,
        steps=steps,
    )


@router.post("/v1/guard/merchants", status_code=201, response_model=MerchantOut)
def add_merchant(body: MerchantIn, guard: GuardDep, caller: BankDep, now: ClockDep) -> MerchantOut:
    """登记商户：域名、IP段、两步最长间隔、订单最长时长、人工操作最短间隔。"""
    merchant = _run(
        lambda: guard.add_merchant(
            provider=caller.label,
            code=body.code,
            name=body.name,
            domains=body.domains,
            ip_ranges=body.ip_ranges,
            max_step_seconds=body.max_step_seconds,
            max_order_seconds=body.max_order_seconds,
            min_human_ms=body.min_human_ms,
            now=now,
        )
    )
    return _merchant_out(merchant)


@router.get("/v1/guard/merchants/{merchant_id}", response_model=MerchantOut)
def get_merchant(merchant_id: MerchantId, guard: GuardDep, caller: BankDep) -> MerchantOut:
    return _merchant_out(_run(lambda: guard.merchant(merchant_id=merchant_id, provider=_provider(caller))))


@router.post("/v1/guard/orders", status_code=201, response_model=OrderOut)
def create_order(body: OrderIn, guard: GuardDep, caller: BankDep, now: ClockDep) -> OrderOut:
    """生成订单（时间戳自此起算）。"""
    order = _run(
        lambda: guard.create_order(
            provider=_provider(caller),
            merchant_id=body.merchant_id,
            amount=body.amount,
            ref=body.ref,
            now=now,
        )
    )
    return _order_out(order)


@router.post("/v1/guard/orders/{order_id}/steps", response_model=StepResultOut)
def check_step(
    order_id: OrderId,
    body: StepIn,
    request: Request,
    guard: GuardDep,
    caller: BankDep,
    now: ClockDep,
    origin: Annotated[str | None, Header(include_in_schema=False)] = None,
    referer: Annotated[str | None, Header(include_in_schema=False)] = None,
) -> StepResultOut:
    """记录并核验订单的一步：超时失效、步骤顺序、来源域名及仿冒、来源IP、机器速度（须验证码/二次确认）、金额改动。"""
    step = StepRequest(
        step=body.step,
        at=now,
        origin=body.origin if body.origin is not None else (origin or "")[:512],
        referer=body.referer if body.referer is not None else (referer or "")[:2048],
        source_ip=body.source_ip
        if body.source_ip is not None
        else (request.client.host if request.client else ""),
        amount=body.amount,
        human_verified=body.human_verified,
    )
    result = _run(lambda: guard.record_step(order_id=order_id, provider=_provider(caller), request=step))
    return StepResultOut(
        ok=result.ok, action=result.action, checks=result.checks, order=_order_out(result.order)
    )


@router.get("/v1/guard/orders/{order_id}", response_model=OrderOut)
def get_order(order_id: OrderId, guard: GuardDep, caller: BankDep) -> OrderOut:
    """订单及其每一步（时间、来源、核验结果）。"""
    return _order_out(_run(lambda: guard.get_order(order_id=order_id, provider=_provider(caller))))
