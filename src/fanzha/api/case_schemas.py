"""Request and response bodies of the case desk API. Field limits are part of the contract (bad input is
a 422 naming the field); personal data is masked for callers other than officers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from fanzha.api.schemas import SaneDatetime
from fanzha.api.times import api_time
from fanzha.cases.model import Case, CaseIdentifier, CaseIn, Payment, Person
from fanzha.text.masking import mask_account, mask_name, mask_phone

MAX_NARRATIVE = 20_000


class PersonIn(BaseModel):
    name: str = Field(default="", max_length=64)
    age: int | None = Field(default=None, ge=0, le=130)
    sex: str = Field(default="", pattern="^(男|女|)$")
    phone: str = Field(default="", max_length=32)
    district: str = Field(default="", max_length=64)
    relation: str = Field(default="", max_length=32)


class PaymentIn(BaseModel):
    amount: float = Field(ge=0, le=1e11, allow_inf_nan=False, description="元")
    paid_at: SaneDatetime | None = None
    channel: str = Field(default="", max_length=32)
    from_account: str = Field(default="", max_length=64)
    to_account: str = Field(default="", max_length=64)
    to_bank: str = Field(default="", max_length=64)


class IdentifierIn(BaseModel):
    kind: str = Field(max_length=16, description="phone, bank_card, url, domain, ip, qq, wechat, alipay, app")
    value: str = Field(min_length=1, max_length=512)
    confirmed: bool = False


class CaseCreate(BaseModel):
    received_at: SaneDatetime | None = None
    ref: str = Field(default="", max_length=64)
    desk: str = Field(default="", max_length=64)
    district: str = Field(default="", max_length=64)
    occurred_at: SaneDatetime | None = None
    place: str = Field(default="", max_length=200)
    contact_channel: str = Field(default="", max_length=32)
    fraud_type: str = Field(default="", max_length=32)
    dissuaded: bool = False
    reporter: PersonIn = Field(default_factory=PersonIn)
    victim: PersonIn = Field(default_factory=PersonIn)
    payments: list[PaymentIn] = Field(default_factory=list, max_length=200)
    identifiers: list[IdentifierIn] = Field(default_factory=list, max_length=200)
    narrative: str = Field(default="", max_length=MAX_NARRATIVE)
    loss: float | None = Field(default=None, ge=0, le=1e11, allow_inf_nan=False)

    def to_case(self, *, officer: str, now: datetime) -> CaseIn:
        return CaseIn(
            received_at=self.received_at or now,
            ref=self.ref,
            desk=self.desk,
            district=self.district,
            occurred_at=self.occurred_at,
            place=self.place,
            contact_channel=self.contact_channel,
            fraud_type=self.fraud_type,
            dissuaded=self.dissuaded,
            reporter=Person(**self.reporter.model_dump()),
            victim=Person(**self.victim.model_dump()),
            payments=[Payment(**p.model_dump()) for p in self.payments],
            identifiers=[CaseIdentifier(i.kind, i.value, i.value, i.confirmed) for i in self.identifiers],
            narrative=self.narrative,
            officer=officer,
            loss=self.loss,
        )


class CaseUpdate(BaseModel):
    """Only the fields sent are changed; null is accepted for `occurred_at` only (the store refuses it
    for the others, naming the field)."""

    desk: str | None = Field(default=None, max_length=64)
    district: str | None = Field(default=None, max_length=64)
    occurred_at: SaneDatetime | None = None
    place: str | None = Field(default=None, max_length=200)
    contact_channel: str | None = Field(default=None, max_length=32)
    fraud_type: str | None = Field(default=None, max_length=32)
    dissuaded: bool | None = None
    narrative: str | None = Field(default=None, max_length=MAX_NARRATIVE)
    loss: float | None = Field(default=None, ge=0, le=1e11, allow_inf_nan=False)


class StatusIn(BaseModel):
    status: str = Field(max_length=24)
    note: str = Field(default="", max_length=2000)


class NarrativeIn(BaseModel):
    narrative: str = Field(min_length=1, max_length=MAX_NARRATIVE)


class ConfirmIn(BaseModel):
    identifiers: list[IdentifierIn] | None = Field(default=None, max_length=200)


class PersonCreate(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    category: str = Field(max_length=24, description="suspect, controlled, returnee, mule")
    id_number: str = Field(default="", max_length=32)
    district: str = Field(default="", max_length=64)
    note: str = Field(default="", max_length=2000)
    identifiers: list[IdentifierIn] = Field(default_factory=list, max_length=100)


def _person(person: Person, masked: bool) -> dict[str, Any]:
    out = {"name": person.name, "age": person.age, "sex": person.sex, "phone": person.phone,
           "district": person.district, "relation": person.relation}  # fmt: skip
    if masked:
        out["name"], out["phone"] = mask_name(person.name), mask_phone(person.phone)
    return out


def case_out(case: Case, *, masked: bool) -> dict[str, Any]:
    """The case as JSON; `masked` hides names, phones and the victim's accounts (non-officer callers)."""
    return {
        "id": case.id,
        "ref": case.ref,
        "status": case.status,
        "group_id": case.group_id,
        "received_at": api_time(case.received_at),
        "occurred_at": api_time(case.occurred_at),
        "desk": case.desk,
        "district": case.district,
        "place": case.place,
        "contact_channel": case.contact_channel,
        "fraud_type": case.fraud_type,
        "loss": case.total_loss(),
        "dissuaded": case.dissuaded,
        "reporter": _person(case.reporter, masked),
        "victim": _person(case.victim, masked),
        "payments": [
            {
                "amount": p.amount,
                "paid_at": api_time(p.paid_at),
                "channel": p.channel,
                "from_account": mask_account(p.from_account) if masked and p.from_account else p.from_account,
                "to_account": p.to_account,
                "to_bank": p.to_bank,
            }
            for p in case.payments
        ],
        "identifiers": [
            {"kind": i.kind, "value": i.value, "raw": i.raw, "confirmed": i.confirmed, "flags": i.flags}
            for i in case.identifiers
        ],
        "narrative": case.narrative if not masked else "",
        "officer": case.officer,
        "synthetic": case.synthetic,
    }
