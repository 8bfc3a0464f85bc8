"""The payment platform's anti-phishing "firewall" (seed: 时间戳、确认正确域名、设定交易时间敏感值、核实过滤
支付来源的网址、验证码和二次确认) as small pure checks of one step of a payment order.

Each check takes the merchant's registration, the order as it stands and the step request, and returns a
`Verdict`: the check's id, whether it passed, the action it calls for (proceed < captcha < reject) and a
Chinese clause that says why. `CHECKS` is the one place they are registered, in the order they are shown;
`judge` runs them all and takes the strongest action.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fanzha.guard.hosts import host_of, is_registered, normalise_domain, similar_host

STEPS = ("shown", "entered", "confirmed")
STEP_NAMES = {
    "created": "创建订单",
    "shown": "展示支付页",
    "entered": "填写支付信息",
    "confirmed": "确认支付",
}
ACTIONS = ("proceed", "captcha", "reject")  # ordered: a stronger action wins
ORDER_STATES = {"open": "待支付", "confirmed": "已确认支付", "invalid": "已失效", "blocked": "已阻止"}


@dataclass(frozen=True, slots=True)
class Registration:
    """What the merchant registered with the payment firm."""

    domains: tuple[str, ...]
    ip_ranges: tuple[str, ...]
    max_step_seconds: int  # 时间戳: the longest interval between two steps
    max_order_seconds: int  # 交易时间敏感值: the longest time from creation to confirmation
    min_human_ms: int  # faster than this between two steps is a machine


@dataclass(frozen=True, slots=True)
class OrderNow:
    amount: float
    state: str
    last_step: str
    last_step_at: datetime
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StepRequest:
    step: str
    at: datetime
    origin: str = ""
    referer: str = ""
    source_ip: str = ""
    amount: float | None = None
    human_verified: bool = False  # the page passed a captcha or a second confirmation for this step


@dataclass(frozen=True, slots=True)
class Verdict:
    check: str
    ok: bool
    action: str
    clause: str

    def as_json(self) -> dict[str, Any]:
        return {"check": self.check, "ok": self.ok, "action": self.action, "clause": self.clause}


Check = Callable[[Registration, OrderNow, StepRequest], Verdict]


def _pass(check: str, clause: str) -> Verdict:
    return Verdict(check, True, "proceed", clause)


def _fail(check: str, clause: str, action: str = "reject") -> Verdict:
    return Verdict(check, False, action, clause)


def check_open(reg: Registration, order: OrderNow, req: StepRequest) -> Verdict:
    if order.state == "open":
        return _pass("order_open", "订单待支付")
    return _fail(
        "order_open", f"订单{ORDER_STATES.get(order.state, order.state)}，不能继续支付，请重新生成订单"
    )


def check_sequence(reg: Registration, order: OrderNow, req: StepRequest) -> Verdict:
    """Steps go shown → entered → confirmed; repeating the last one (a reload) is allowed, skipping is not."""
    done = STEPS.index(order.last_step) if order.last_step in STEPS else -1
    wanted = STEPS.index(req.step)
    if wanted in (done, done + 1):
        return _pass("step_order", f"“{STEP_NAMES[req.step]}”在“{STEP_NAMES[order.last_step]}”之后，顺序正确")
    expected = STEP_NAMES[STEPS[done + 1]] if done + 1 < len(STEPS) else "无"
    return _fail(
        "step_order",
        f"“{STEP_NAMES[req.step]}”不应在“{STEP_NAMES[order.last_step]}”之后，下一步应为“{expected}”",
    )


def check_expired(reg: Registration, order: OrderNow, req: StepRequest) -> Verdict:
    """时间戳: an interval beyond the merchant's setting makes the order invalid."""
    step_gap = (req.at - order.last_step_at).total_seconds()
    total = (req.at - order.created_at).total_seconds()
    if step_gap > reg.max_step_seconds:
        return _fail(
            "expired",
            f"距上一步“{STEP_NAMES[order.last_step]}”已{step_gap:.0f}秒，超过商户设定的{reg.max_step_seconds}秒，"
            "订单已失效，须重新生成订单",
        )
    if total > reg.max_order_seconds:
        return _fail(
            "expired",
            f"订单创建已{total:.0f}秒，超过交易时间敏感值{reg.max_order_seconds}秒，订单已失效，须重新生成订单",
        )
    return _pass("expired", f"距上一步{step_gap:.0f}秒，在商户设定的{reg.max_step_seconds}秒以内")


def _hosts(req: StepRequest) -> list[tuple[str, str]]:
    """(header name, host) of the request's Origin and Referer."""
    found = [("Origin", host_of(req.origin)), ("Referer", host_of(req.referer))]
    return [(name, host) for name, host in found if host]


def check_origin(reg: Registration, order: OrderNow, req: StepRequest) -> Verdict:
    """核实过滤支付来源的网址: the Origin and Referer hosts must be the merchant's registered domains."""
    hosts = _hosts(req)
    if not hosts:
        return _fail("origin", "请求没有来源网址（Origin/Referer），无法核实支付来源")
    domains = [normalise_domain(d) for d in reg.domains]
    stranger = [f"{name} {host}" for name, host in hosts if not is_registered(host, domains)]
    if stranger:
        return _fail("origin", f"支付来源（{'、'.join(stranger)}）不是商户登记的域名（{'、'.join(domains)}）")
    return _pass("origin", f"支付来源{hosts[0][1]}是商户登记的域名")


def check_lookalike(reg: Registration, order: OrderNow, req: StepRequest) -> Verdict:
    """确认正确域名: an unregistered host that imitates a registered one is a phishing page."""
    for _name, host in _hosts(req):
        imitated, reason = similar_host(host, reg.domains)
        if imitated is not None:
            return _fail("lookalike_origin", f"来源{host}疑似仿冒商户域名{imitated}：{reason}")
    return _pass("lookalike_origin", "来源网址没有仿冒商户域名的迹象")


def check_source_ip(reg: Registration, order: OrderNow, req: StepRequest) -> Verdict:
    """The payment source's address must lie in the ranges the merchant registered."""
    if not reg.ip_ranges:
        return _pass("source_ip", "商户未登记IP段，不核对来源IP")
    try:
        address = ipaddress.ip_address(req.source_ip.strip())
    except ValueError:
        return _fail("source_ip", f"无法识别来源IP“{req.source_ip}”，不能核实支付来源")
    networks = [ipaddress.ip_network(r, strict=False) for r in reg.ip_ranges]
    if any(address.version == n.version and address in n for n in networks):
        return _pass("source_ip", f"来源IP {address} 在商户登记的IP段内")
    return _fail("source_ip", f"来源IP {address} 不在商户登记的IP段（{'、'.join(reg.ip_ranges)}）内")


def check_speed(reg: Registration, order: OrderNow, req: StepRequest) -> Verdict:
    """验证码和二次确认: steps faster than a person can act are a trojan's until a person proves otherwise."""
    if req.step == "shown" or req.step == order.last_step:
        return _pass("machine_speed", "本步不核对操作速度")
    gap_ms = (req.at - order.last_step_at).total_seconds() * 1000
    if gap_ms >= reg.min_human_ms:
        return _pass("machine_speed", f"距上一步{gap_ms / 1000:.1f}秒，符合人工操作")
    challenge = "二次确认" if req.step == "confirmed" else "验证码"
    if req.human_verified:
        return _pass("machine_speed", f"距上一步仅{gap_ms / 1000:.1f}秒，但已通过{challenge}")
    return _fail(
        "machine_speed",
        f"距上一步仅{gap_ms / 1000:.1f}秒，快于人工操作的最短间隔{reg.min_human_ms / 1000:.1f}秒，"
        f"疑似木马自动操作，须完成{challenge}",
        "captcha",
    )


def check_amount(reg: Registration, order: OrderNow, req: StepRequest) -> Verdict:
    if req.amount is None:
        return _pass("amount", "本步未提交金额，不核对")
    if abs(req.amount - order.amount) < 0.005:
        return _pass("amount", f"金额{order.amount:.2f}元与订单一致")
    return _fail("amount", f"金额在支付过程中被改动：订单{order.amount:.2f}元，本步{req.amount:.2f}元")


CHECKS: tuple[Check, ...] = (
    check_open,
    check_sequence,
    check_expired,
    check_origin,
    check_lookalike,
    check_source_ip,
    check_speed,
    check_amount,
)


def strongest(verdicts: Sequence[Verdict]) -> str:
    return max((v.action for v in verdicts), key=ACTIONS.index, default="proceed")


def judge(reg: Registration, order: OrderNow, req: StepRequest) -> tuple[str, list[Verdict]]:
    """(proceed | captcha | reject, every check's verdict). Raises ValueError for an unknown step."""
    if req.step not in STEPS:
        raise ValueError(f"未知的步骤“{req.step}”，应为 {'、'.join(STEPS)} 之一")
    verdicts = [check(reg, order, req) for check in CHECKS]
    return strongest(verdicts), verdicts
