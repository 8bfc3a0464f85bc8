"""A held transfer as the bank console shows it, read from its screening decision, and the facts of a
check (who pays whom, how much, when) merged from that decision and what the teller typed in.

The decision stores the transfer as the bank sent it (the screening input's JSON); fields a bank left out
stay empty here rather than failing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fanzha.counter.check_model import CheckIn
from fanzha.store.screen_tables import ScreenDecisionRow
from fanzha.timezones import from_db, to_utc

CHANNEL_NAMES = {"counter": "柜面", "atm": "ATM", "mobile": "手机银行", "online": "网上银行", "pos": "POS"}
OUTCOME_NAMES = {"hold": "暂停", "block": "拦截", "warn": "提示", "allow": "放行"}


@dataclass(frozen=True, slots=True)
class HeldTransfer:
    decision_id: int
    bank: str
    transfer_id: str
    at: datetime | None
    outcome: str  # hold | block
    amount: float | None
    channel: str
    payer: dict[str, Any]
    payee: dict[str, Any]
    purpose: str
    on_call: bool | None
    reasons: list[dict[str, Any]]
    checked: bool

    @property
    def outcome_name(self) -> str:
        return OUTCOME_NAMES.get(self.outcome, self.outcome)

    @property
    def channel_name(self) -> str:
        return CHANNEL_NAMES.get(self.channel, self.channel)


@dataclass(frozen=True, slots=True)
class Facts:
    payer: dict[str, Any]
    payee_account: str
    payee_bank: str
    amount: float | None
    at: datetime | None
    channel_name: str


def _dict(value: object) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def _time(raw: object) -> datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        return to_utc(datetime.fromisoformat(raw))
    except (ValueError, OverflowError):  # not a time, or one at the ends of the calendar
        return None


def held_of(row: ScreenDecisionRow, *, checked: bool) -> HeldTransfer:
    transfer = _dict(row.transfer)
    amount = row.amount_fen / 100 if row.amount_fen is not None else None
    on_call = transfer.get("payer_on_call")
    return HeldTransfer(
        decision_id=row.id,
        bank=row.bank,
        transfer_id=row.transfer_id,
        at=from_db(row.transfer_at) or _time(transfer.get("time")),
        outcome=row.outcome,
        amount=amount,
        channel=row.channel or str(transfer.get("channel") or ""),
        payer=_dict(transfer.get("payer")) or {"account": row.payer_account},
        payee=_dict(transfer.get("payee")) or {"account": row.payee_account},
        purpose=str(transfer.get("purpose") or ""),
        on_call=on_call if isinstance(on_call, bool) else None,
        reasons=[_dict(r) for r in row.reasons if isinstance(r, Mapping)],
        checked=checked,
    )


def summary(held: HeldTransfer | None, check: CheckIn) -> Facts:
    """The decision's facts where it has them, else the teller's."""
    payer = {
        k: v for k, v in (held.payer if held else {}).items() if k in ("name", "age", "district", "account")
    }
    for key, value in check.payer.items():
        if key in ("name", "district", "account") and str(value or "").strip() and not payer.get(key):
            payer[key] = str(value).strip()[:64]
        if key == "age" and payer.get("age") is None and str(value or "").strip().isdigit():
            payer["age"] = min(130, int(str(value).strip()))
    payee = held.payee if held else {}
    account = str(payee.get("account") or "").strip() or "".join(check.payee_account.split())[:64]
    bank = str(payee.get("bank") or "").strip() or check.payee_bank.strip()[:64]
    amount = held.amount if held and held.amount is not None else check.amount
    channel = held.channel_name if held else ""
    return Facts(payer, account, bank, amount, held.at if held else None, channel)
