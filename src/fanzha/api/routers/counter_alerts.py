"""The counter alarm (`/v1/counter-alerts…`): a bank's teller raises an alert (bank or admin keys), the desk
acknowledges it, attaches it to a case or opens one from it, and records the outcome (officer or admin
keys); the bank follows the status of its own.

Who sees what: officers and admins every alert; a bank key only its bank's alerts (its label names the
bank; any other alert is 404 to it), without the case behind it. Anonymous callers get 401, `public` keys
403. Drills (`drill: true`) go through the same steps, never reach a case, and are counted apart in
`GET /v1/counter-alerts/report`.

Errors: bad input 422 (naming the field), unknown alert or case 404, a step the alert's state does not allow
(acknowledge twice, close before acknowledging, a case for a drill) 409; every message in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel, Field

from fanzha.api.auth import BankDep, Caller, CallerDep, OfficerDep
from fanzha.api.deps import ServicesDep
from fanzha.api.schemas import MAX_ID, SaneDatetime
from fanzha.api.times import ApiTime
from fanzha.counter import KINDS, OUTCOMES, STATES, Alert, AlertConflict, AlertError, AlertIn, AlertNotFound
from fanzha.counter.alerts import AlertStore
from fanzha.counter.drills import alert_report

router = APIRouter(prefix="/v1/counter-alerts", tags=["counter-alerts"])
T = TypeVar("T")
AlertId = Annotated[int, Path(ge=1, le=MAX_ID, description="报警编号")]
KIND_PATTERN = "^(" + "|".join(KINDS) + ")$"


async def get_alerts(services: ServicesDep) -> AlertStore:
    return AlertStore(services.store.engine, cases=services.cases)


AlertsDep = Annotated[AlertStore, Depends(get_alerts)]


async def require_desk_or_bank(caller: CallerDep) -> Caller:
    """Officers, admins and banks; 401 without a key, 403 for a `public` key."""
    if caller.role == "anonymous":
        raise HTTPException(status_code=401, detail="需要民警或银行的API密钥")
    if caller.role not in ("officer", "admin", "bank"):
        raise HTTPException(status_code=403, detail="柜面报警仅限民警和银行查看")
    return caller


DeskOrBankDep = Annotated[Caller, Depends(require_desk_or_bank)]


class AlertCreate(BaseModel):
    kind: str = Field(pattern=KIND_PATTERN, description="; ".join(f"{k}：{v}" for k, v in KINDS.items()))
    branch: str = Field(min_length=1, max_length=200, description="网点，例如 江州支行")
    counter: str = Field(default="", max_length=32, description="窗口，例如 2号窗口")
    occurred_at: SaneDatetime | None = Field(
        default=None, description="发生时间（不带时区按北京时间）；不填为报警时刻"
    )
    presented: str = Field(default="", max_length=2000, description="客户出示的材料，例如 存单、身份证")
    customer: str = Field(
        default="", max_length=2000, description="客户特征：性别、年龄、衣着、同行人员、交通工具"
    )
    note: str = Field(default="", max_length=2000, description="柜员说明，例如 存单金额与系统不符")
    drill: bool = Field(default=False, description="演练（单独统计，不立案）")
    teller: str = Field(default="", max_length=64, description="报警柜员")
    bank: str | None = Field(default=None, max_length=64, description="报警银行（仅 admin 密钥需要填写）")


class AttachIn(BaseModel):
    case_id: int = Field(ge=1, le=MAX_ID, description="已有案件的编号")


class OpenCaseIn(BaseModel):
    fraud_type: str = Field(default="", max_length=32, description="诈骗类型代码；不填按报警类型预填")
    district: str = Field(default="", max_length=64, description="辖区")
    narrative: str | None = Field(default=None, max_length=20_000, description="案情；不填按报警内容预填")


class CloseIn(BaseModel):
    outcome: str = Field(
        pattern="^(" + "|".join(OUTCOMES) + ")$",
        description="; ".join(f"{k}：{v}" for k, v in OUTCOMES.items()),
    )
    note: str = Field(default="", max_length=2000, description="处置说明（结果为 other 时必填）")


class AlertOut(BaseModel):
    id: int
    bank: str
    branch: str
    counter: str
    kind: str
    kind_name: str
    drill: bool
    occurred_at: ApiTime
    raised_at: ApiTime
    presented: str
    customer: str
    note: str
    teller: str
    state: str = Field(description="open（待接警）| acknowledged（已接警）| closed（已处置）")
    state_name: str
    acknowledged_at: ApiTime | None
    acknowledged_by: str
    seconds_to_acknowledge: float | None = Field(description="从报警到接警的秒数")
    case_id: int | None = Field(description="关联的案件（银行看不到）")
    has_case: bool
    case_link: str = Field(description="'' | attached（并入已有案件）| opened（据此立案）")
    outcome: str
    outcome_name: str
    outcome_note: str = Field(description="处置说明（银行看不到）")
    closed_at: ApiTime | None
    closed_by: str


class TallyOut(BaseModel):
    raised: int
    acknowledged: int
    closed: int
    waiting: int = Field(description="尚未接警")
    median_seconds: float | None = Field(description="从报警到接警的秒数（中位数）")
    mean_seconds: float | None
    max_seconds: float | None
    outcomes: dict[str, int]


class BankTallyOut(BaseModel):
    bank: str
    drills: int
    real: int


class ReportOut(BaseModel):
    since: ApiTime | None
    until: ApiTime | None
    bank: str | None
    drills: TallyOut = Field(description="演练")
    real: TallyOut = Field(description="真实报警")
    banks: list[BankTallyOut]


def _run(call: Callable[[], T]) -> T:
    try:
        return call()
    except AlertNotFound as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from None
    except AlertConflict as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    except AlertError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


def _bank_of(caller: Caller) -> str | None:
    """The bank whose alerts the caller sees (None: every bank)."""
    return caller.label if caller.role == "bank" else None


def _out(alert: Alert, *, for_bank: bool) -> AlertOut:
    return AlertOut(
        id=alert.id, bank=alert.bank, branch=alert.branch, counter=alert.counter, kind=alert.kind,
        kind_name=alert.kind_name, drill=alert.drill, occurred_at=alert.occurred_at, raised_at=alert.raised_at,
        presented=alert.presented, customer=alert.customer, note=alert.note, teller=alert.teller,
        state=alert.state, state_name=alert.state_name, acknowledged_at=alert.acknowledged_at,
        acknowledged_by=alert.acknowledged_by, seconds_to_acknowledge=alert.seconds_to_acknowledge,
        case_id=None if for_bank else alert.case_id, has_case=alert.case_id is not None,
        case_link=alert.case_link, outcome=alert.outcome, outcome_name=alert.outcome_name if alert.outcome else "",
        outcome_note="" if for_bank else alert.outcome_note, closed_at=alert.closed_at, closed_by=alert.closed_by,
    )  # fmt: skip


@router.post("", status_code=201, response_model=AlertOut)
def raise_alert(body: AlertCreate, alerts: AlertsDep, caller: BankDep) -> AlertOut:
    """柜员报警（无声报警）：假存单或伪造证件、客户受人电话遥控取款、疑似在控嫌疑人；反诈中心即时可见。"""
    if caller.role == "admin" and not (body.bank or "").strip():
        raise HTTPException(status_code=422, detail="admin 密钥报警须填写报警银行（bank）")
    bank = (body.bank or "").strip() if caller.role == "admin" else caller.label
    alert = AlertIn(
        kind=body.kind, branch=body.branch, counter=body.counter, occurred_at=body.occurred_at,
        presented=body.presented, customer=body.customer, note=body.note, drill=body.drill,
        teller=body.teller or caller.label,
    )  # fmt: skip
    return _out(_run(lambda: alerts.raise_alert(alert, bank=bank, actor=caller.label)), for_bank=True)


@router.get("", response_model=list[AlertOut])
def list_alerts(
    alerts: AlertsDep,
    caller: DeskOrBankDep,
    state: str | None = Query(
        default=None,
        pattern="^(active|" + "|".join(STATES) + ")$",
        description="按状态筛选：active（未处置）、open（待接警）、acknowledged（已接警）、closed（已处置）",
    ),
    drill: bool | None = Query(default=None, description="true 只看演练，false 只看真实报警"),
    bank: str | None = Query(default=None, max_length=64, description="按银行筛选（民警）"),
    limit: int = Query(default=200, ge=1, le=1000),
) -> list[AlertOut]:
    """柜面报警（待接警的在前，新的在前）：民警看全部，银行只看本行的。"""
    scope = caller.label if caller.role == "bank" else bank  # a bank cannot widen its scope
    found = _run(lambda: alerts.list_alerts(state=state, bank=scope, drill=drill, limit=limit))
    return [_out(a, for_bank=caller.role == "bank") for a in found]


@router.get("/report", response_model=ReportOut)
def report(
    caller: DeskOrBankDep,
    services: ServicesDep,
    since: Annotated[SaneDatetime | None, Query(description="起始时间（含），不带时区按北京时间")] = None,
    until: Annotated[SaneDatetime | None, Query(description="截止时间（不含）")] = None,
    bank: str | None = Query(default=None, max_length=64, description="只看一家银行（民警）"),
) -> dict[str, Any]:
    """演练与真实报警分开统计：报警数、接警数、处置数、接警用时（中位数、平均、最长）、处置结果、各银行数量。"""
    scope = caller.label if caller.role == "bank" else bank  # a bank cannot widen its scope
    return _run(lambda: alert_report(services.store.engine, since=since, until=until, bank=scope)).to_dict()


@router.get("/{alert_id}", response_model=AlertOut)
def get_alert(alert_id: AlertId, alerts: AlertsDep, caller: DeskOrBankDep) -> AlertOut:
    return _out(_run(lambda: alerts.get(alert_id, bank=_bank_of(caller))), for_bank=caller.role == "bank")


@router.get("/{alert_id}/history")
def alert_history(alert_id: AlertId, alerts: AlertsDep, caller: OfficerDep) -> list[dict[str, Any]]:
    """该报警的全部操作记录（审计日志）。"""
    return [
        {"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action, "detail": e.detail}
        for e in _run(lambda: alerts.history(alert_id))
    ]


@router.post("/{alert_id}/acknowledge", response_model=AlertOut)
def acknowledge(alert_id: AlertId, alerts: AlertsDep, caller: OfficerDep) -> AlertOut:
    """接警：报警由待接警转为已接警（接警用时计至此刻）。"""
    return _out(_run(lambda: alerts.acknowledge(alert_id, officer=caller.label)), for_bank=False)


@router.post("/{alert_id}/attach", response_model=AlertOut)
def attach(alert_id: AlertId, body: AttachIn, alerts: AlertsDep, caller: OfficerDep) -> AlertOut:
    """将报警并入已有案件（须先接警；演练不关联案件）。"""
    change = lambda: alerts.attach_case(alert_id, case_id=body.case_id, officer=caller.label)  # noqa: E731
    return _out(_run(change), for_bank=False)


@router.post("/{alert_id}/open-case", response_model=AlertOut)
def open_case(
    alert_id: AlertId, alerts: AlertsDep, caller: OfficerDep, body: OpenCaseIn | None = None
) -> AlertOut:
    """据报警立案：案情、时间、地点、报警柜员、所写号码账户按报警预填，可修改诈骗类型、辖区和案情（须先接警）。"""
    body = body or OpenCaseIn()
    change = lambda: alerts.open_case(  # noqa: E731
        alert_id, officer=caller.label, fraud_type=body.fraud_type, district=body.district,
        narrative=body.narrative,
    )  # fmt: skip
    return _out(_run(change), for_bank=False)


@router.post("/{alert_id}/close", response_model=AlertOut)
def close(alert_id: AlertId, body: CloseIn, alerts: AlertsDep, caller: OfficerDep) -> AlertOut:
    """登记处置结果（须先接警）：抓获、已掌握去向、去向不明、已劝阻、误报、演练结束、其他。"""
    change = lambda: alerts.close(alert_id, outcome=body.outcome, note=body.note, officer=caller.label)  # noqa: E731
    return _out(_run(change), for_bank=False)
