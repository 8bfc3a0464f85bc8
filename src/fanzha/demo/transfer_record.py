"""One synthetic transfer before it is written out, and its JSON form (the shape of issue 5's screening
input, plus `label`, `scenario` and `synthetic`).

Customers and payees are shared objects, so a simulation of 100 000 transfers holds each person once.
Fields that banks often lack are left out of the JSON when they are `None`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fanzha.demo.transfer_people import Customer, Payee


@dataclass(frozen=True, slots=True)
class Contact:
    kind: str  # "phone" | "sms"
    value: str
    at: datetime


@dataclass(slots=True)
class Transfer:
    at: datetime
    amount: float
    channel: str  # counter | atm | mobile | online | pos
    payer: Customer
    payee: Payee
    label: str  # fraud | normal
    scenario: str
    purpose: str | None = None
    on_call: bool | None = None
    new_device: bool | None = None
    contacts: tuple[Contact, ...] | None = None


def _payer(customer: Customer) -> dict[str, Any]:
    out: dict[str, Any] = {"account": customer.account, "name": customer.name, "age": customer.age}
    out["district"] = customer.district
    out["customer_since"] = customer.since.isoformat()
    return out


def _payee(payee: Payee) -> dict[str, Any]:
    out: dict[str, Any] = {"account": payee.account, "bank": payee.bank}
    if payee.name is not None:
        out["name"] = payee.name
    if payee.district is not None:
        out["district"] = payee.district
    return out


def render(transfer: Transfer, number: int) -> dict[str, Any]:
    """The JSON object of `transfer`, the `number`-th of its stream (id "t-<number>")."""
    out: dict[str, Any] = {
        "id": f"t-{number}",
        "time": transfer.at.isoformat(),
        "amount": round(transfer.amount, 2),
        "currency": "CNY",
        "channel": transfer.channel,
        "payer": _payer(transfer.payer),
        "payee": _payee(transfer.payee),
    }
    if transfer.purpose is not None:
        out["purpose"] = transfer.purpose
    if transfer.on_call is not None:
        out["payer_on_call"] = transfer.on_call
    if transfer.new_device is not None:
        out["new_device"] = transfer.new_device
    if transfer.contacts is not None:
        out["payer_contacts"] = [
            {"kind": c.kind, "value": c.value, "at": c.at.isoformat()} for c in transfer.contacts
        ]
    out["label"] = transfer.label
    out["scenario"] = transfer.scenario
    out["synthetic"] = True
    return out
