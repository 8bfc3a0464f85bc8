"""What the case page shows, gathered from the stores: identifiers with their risk level, the receiving
accounts a stop-payment can be requested on, the case's orders, its group, key persons, the history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request

from fanzha.audit.log import AuditEntry
from fanzha.cases.model import STATUS_NAMES, TRANSITIONS, Case
from fanzha.intel.repository import KINDS as INTEL_KINDS
from fanzha.intel.risk import LEVEL_NAMES
from fanzha.orders.machine import OPEN
from fanzha.orders.repository import Order
from fanzha.orders.sweep import compact
from fanzha.web.console.case_history import describe_update
from fanzha.web.console.common import case_store, order_store, person_store, services_of
from fanzha.web.console.graph import group_summary

ACTION_NAMES = {
    "case.create": "登记立案",
    "case.import": "批量导入",
    "case.status": "变更状态",
    "case.update": "修改要素",
    "case.identifiers": "补充线索",
    "case.confirm": "确认线索",
}


@dataclass(slots=True)
class Account:
    """A receiving account of the case's payments, and the open order on it, if any."""

    account: str
    bank: str
    total: float
    open_order: Order | None = None


def receiving_accounts(case: Case, orders: list[Order]) -> list[Account]:
    accounts: dict[str, Account] = {}
    for p in case.payments:
        key = compact(p.to_account)
        if not key:
            continue
        found = accounts.setdefault(key, Account(key, p.to_bank, 0.0))
        found.total = round(found.total + p.amount, 2)
        found.bank = found.bank or p.to_bank
    for order in orders:
        if order.state in OPEN and order.account in accounts:
            accounts[order.account].open_order = order
    return list(accounts.values())


def history_line(entry: AuditEntry) -> str:
    """An audit entry's detail in words."""
    detail = entry.detail
    if entry.action == "case.status":
        line = (
            f"{STATUS_NAMES.get(detail.get('from', ''), '')} → {STATUS_NAMES.get(detail.get('to', ''), '')}"
        )
        return line + (f"（{detail['note']}）" if detail.get("note") else "")
    if entry.action in ("case.confirm", "case.identifiers", "case.create"):
        idents = detail.get("identifiers") or detail.get("added") or []
        return "、".join(str(i) for i in idents[:10]) + ("……" if len(idents) > 10 else "")
    if entry.action == "case.update":
        return describe_update(detail)
    return ""


def identifier_rows(request: Request, case: Case) -> list[dict[str, Any]]:
    store = services_of(request).store
    rows = []
    for ident in case.identifiers:
        found = store.risk_of(ident.kind, ident.value) if ident.kind in INTEL_KINDS else None
        level, reasons = found if found is not None else ("unknown", [])
        rows.append({"ident": ident, "level": level, "level_name": LEVEL_NAMES[level], "reasons": reasons})
    return rows


def case_context(request: Request, case_id: int) -> dict[str, Any] | None:
    case = case_store(request).get(case_id)
    if case is None:
        return None
    orders = order_store(request).list_orders(case_id=case_id)
    return {
        "case": case,
        "identifiers": identifier_rows(request, case),
        "accounts": receiving_accounts(case, orders),
        "orders": orders,
        "transitions": TRANSITIONS.get(case.status, ()),
        "group": group_summary(request, case),
        "persons": person_store(request).of_case(case_id),
        "history": [
            (e, ACTION_NAMES.get(e.action, e.action), history_line(e))
            for e in case_store(request).history(case_id)
        ],
    }
