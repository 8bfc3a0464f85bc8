"""The guard's records as the API sees them (merchant, order, step, the result of a step), the errors it
raises, and the validation of what a payment firm registers (domains, CIDR ranges, amounts).
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fanzha.guard.checks import Registration
from fanzha.guard.hosts import normalise_domain
from fanzha.store.bank_tables import GuardMerchantRow, GuardOrderRow, GuardStepRow
from fanzha.timezones import from_db

_DOMAIN = re.compile(
    r"^(?=.{3,253}$)([a-z0-9\u00a1-\uffff]([a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?\.)+[a-z\u00a1-\uffff]{2,63}$"
)
BLOCKING = frozenset(["origin", "lookalike_origin", "source_ip", "amount"])


class GuardError(ValueError):
    """Bad input, in Chinese."""


class GuardNotFound(GuardError):
    pass


class GuardConflict(GuardError):
    pass


@dataclass(frozen=True, slots=True)
class Merchant:
    id: int
    provider: str
    code: str
    name: str
    domains: list[str]
    ip_ranges: list[str]
    max_step_seconds: int
    max_order_seconds: int
    min_human_ms: int
    created_at: datetime

    def registration(self) -> Registration:
        return Registration(
            tuple(self.domains),
            tuple(self.ip_ranges),
            self.max_step_seconds,
            self.max_order_seconds,
            self.min_human_ms,
        )


@dataclass(frozen=True, slots=True)
class Step:
    step: str
    at: datetime
    origin: str
    referer: str
    source_ip: str
    amount: float | None
    human_verified: bool
    action: str
    checks: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Order:
    id: int
    merchant_id: int
    ref: str
    amount: float
    state: str
    last_step: str
    last_step_at: datetime
    created_at: datetime
    closed_reason: str
    steps: list[Step] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StepResult:
    action: str  # proceed | captcha | reject
    checks: list[dict[str, Any]]
    order: Order

    @property
    def ok(self) -> bool:
        return self.action == "proceed"


def now_utc(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def to_fen(amount: float) -> int:
    if not math.isfinite(amount) or amount <= 0 or amount > 1e12:
        raise GuardError("订单金额须为大于零的金额（元）")
    return round(amount * 100)


def checked_domains(domains: Sequence[str]) -> list[str]:
    out: list[str] = []
    for raw in domains:
        domain = normalise_domain(raw)
        if not _DOMAIN.match(domain):
            raise GuardError(f"“{raw}”不是合法的域名")
        if domain not in out:
            out.append(domain)
    if not out:
        raise GuardError("请至少登记一个商户域名")
    return out


def checked_ranges(ranges: Sequence[str]) -> list[str]:
    out: list[str] = []
    for raw in ranges:
        try:
            out.append(str(ipaddress.ip_network(raw.strip(), strict=False)))
        except ValueError:
            raise GuardError(f"“{raw}”不是合法的IP段（应为CIDR，如 203.0.113.0/24）") from None
    return out


def merchant_of(row: GuardMerchantRow) -> Merchant:
    return Merchant(
        row.id,
        row.provider,
        row.code,
        row.name,
        list(row.domains),
        list(row.ip_ranges),
        row.max_step_seconds,
        row.max_order_seconds,
        row.min_human_ms,
        from_db(row.created_at),
    )


def step_of(row: GuardStepRow) -> Step:
    amount = None if row.amount_fen is None else row.amount_fen / 100
    return Step(
        row.step,
        from_db(row.at),
        row.origin,
        row.referer,
        row.source_ip,
        amount,
        row.human_verified,
        row.action,
        list(row.checks),
    )


def order_of(row: GuardOrderRow, steps: Sequence[GuardStepRow] = ()) -> Order:
    return Order(
        row.id,
        row.merchant_id,
        row.ref,
        row.amount_fen / 100,
        row.state,
        row.last_step,
        from_db(row.last_step_at),
        from_db(row.created_at),
        row.closed_reason,
        [step_of(s) for s in steps],
    )
