"""The case a counter alert opens at the desk, pre-filled from what the teller sent: the narrative (the
counter, the kind, what was presented, the customer's description, the teller's note), the times, the
place, how the scammer reached the customer, the teller as reporter, and the numbers and accounts the
teller wrote (found by `fanzha.extract`). The officer may correct the fraud type, the district and the
narrative before the case is stored."""

from __future__ import annotations

from fanzha.cases.identity import canonical
from fanzha.cases.model import LINK_KINDS, CaseIdentifier, CaseIn, Person
from fanzha.counter.alert_model import KINDS, Alert
from fanzha.extract import extract
from fanzha.text.limits import MAX_CHARS
from fanzha.timezones import BEIJING

DESK = "柜面报警"
CHANNEL = {"forged_document": "in_person", "remote_withdrawal": "phone_call", "known_suspect": "in_person"}
FRAUD_TYPE = {"forged_document": "other_fraud"}  # the others: the officer decides


def narrative_of(alert: Alert) -> str:
    """The case's narrative as the alert tells it (Beijing time)."""
    at = alert.occurred_at.astimezone(BEIJING)
    where = f"{alert.bank}{alert.branch}{alert.counter}"
    who = alert.teller if alert.teller.startswith("柜员") else f"柜员{alert.teller}"
    parts = [f"【{DESK}】{at:%Y-%m-%d %H:%M}，{where}{who}报警：{KINDS[alert.kind]}。"]
    if alert.presented:
        parts.append(f"客户出示：{alert.presented}。")
    if alert.customer:
        parts.append(f"客户特征：{alert.customer}。")
    if alert.note:
        parts.append(f"柜员说明：{alert.note}。")
    parts.append(f"（柜面报警 #{alert.id}）")
    return "".join(parts)


def identifiers_in(text: str) -> list[CaseIdentifier]:
    """The numbers, accounts and links written in `text`, as the case's identifiers."""
    found: dict[tuple[str, str], CaseIdentifier] = {}
    text = text[:MAX_CHARS]
    for ident in extract(text):
        if ident.kind in LINK_KINDS and canonical(ident.kind, ident.value) is not None:
            raw = text[ident.start : ident.end]
            found.setdefault((ident.kind, ident.value), CaseIdentifier(ident.kind, ident.value, raw))
    return list(found.values())


def case_from_alert(
    alert: Alert, *, officer: str, fraud_type: str = "", district: str = "", narrative: str | None = None
) -> CaseIn:
    """The new case for `alert` (checked by the case store when it is created)."""
    text = narrative.strip() if narrative and narrative.strip() else narrative_of(alert)
    written = " ".join((alert.presented, alert.customer, alert.note))
    return CaseIn(
        received_at=alert.raised_at,
        occurred_at=alert.occurred_at,
        desk=DESK,
        district=district.strip(),
        place=f"{alert.bank}{alert.branch}{alert.counter}"[:200],
        contact_channel=CHANNEL.get(alert.kind, ""),
        fraud_type=fraud_type or FRAUD_TYPE.get(alert.kind, ""),
        reporter=Person(name=alert.teller, relation=f"{alert.bank}工作人员"[:32]),
        identifiers=identifiers_in(written),
        narrative=text,
        officer=officer,
    )
