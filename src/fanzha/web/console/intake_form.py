"""The intake form as the officer sees it: every field a string exactly as typed (so a refused form comes
back unchanged), filled from the narrative's pre-fill, merged with the officer's own corrections, and
turned into a `CaseIn`.

Nothing typed is cut short or dropped silently: a field too long for its column, a choice that is not on
the list, a number or a time out of range (`fanzha.timezones.check_date`) is a `FormError` naming the
field, and the form comes back with the message beside it.

Merging: the form carries what the last pre-fill put in each field (`auto`, JSON in a hidden input).
A field whose value differs from that was corrected by the officer and is kept when the narrative is
pre-filled again; the others take the new pre-fill. Payment and identifier rows are kept as the
officer left them once changed, and newly found identifiers are added to them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from typing import Any

from starlette.datastructures import FormData

from fanzha.cases.intake import Prefill
from fanzha.cases.model import CHANNELS, LINK_KINDS, PAYMENT_CHANNELS, CaseIdentifier, CaseIn, Payment, Person
from fanzha.timezones import DateOutOfRange, check_date
from fanzha.web.console.common import BEIJING

SCALARS = (
    "fraud_type",
    "contact_channel",
    "occurred_at",
    "victim_age",
    "victim_sex",
    "loss",
    "dissuaded",
    "reporter_phone",
)
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"  # <input type="datetime-local">
# The text fields, their names for the officer and the longest value their columns hold.
TEXT_LIMITS = {
    "desk": ("接警台", 64),
    "district": ("辖区", 64),
    "place": ("发案地点", 200),
    "reporter_name": ("报警人姓名", 64),
    "reporter_phone": ("报警人电话", 32),
    "reporter_relation": ("与受害人关系", 32),
    "victim_name": ("受害人姓名", 64),
    "victim_phone": ("受害人电话", 32),
}
PAYMENT_LIMITS = {
    "from_account": ("付款账户", 64),
    "to_account": ("收款账户", 64),
    "to_bank": ("收款银行", 64),
}
MAX_IDENTIFIER = 512


class FormError(ValueError):
    """A field the officer must correct; the message names it (Chinese). `field` is the form field's
    name when the message belongs beside one field ("" for rows of payments and identifiers)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(slots=True)
class PaymentRow:
    amount: str = ""
    paid_at: str = ""
    channel: str = ""
    from_account: str = ""
    to_account: str = ""
    to_bank: str = ""

    def blank(self) -> bool:
        return not any(getattr(self, f.name).strip() for f in fields(self))


@dataclass(slots=True)
class IdentRow:
    kind: str = "phone"
    value: str = ""
    confirmed: bool = False


@dataclass(slots=True)
class IntakeForm:
    narrative: str = ""
    fraud_type: str = ""
    contact_channel: str = ""
    occurred_at: str = ""
    received_at: str = ""
    desk: str = ""
    district: str = ""
    place: str = ""
    reporter_name: str = ""
    reporter_phone: str = ""
    reporter_relation: str = ""
    victim_name: str = ""
    victim_age: str = ""
    victim_sex: str = ""
    victim_phone: str = ""
    loss: str = ""
    dissuaded: str = ""  # "1" when ticked
    payments: list[PaymentRow] = field(default_factory=list)
    identifiers: list[IdentRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    auto: dict[str, Any] = field(default_factory=dict)

    # ------------------------------------------------------------------ reading and filling
    @classmethod
    def from_form(cls, data: FormData) -> IntakeForm:
        def one(name: str) -> str:
            value = data.get(name)
            return value.strip() if isinstance(value, str) else ""

        def many(name: str) -> list[str]:
            return [v.strip() if isinstance(v, str) else "" for v in data.getlist(name)]

        form = cls()
        for name in _TEXT_FIELDS:
            setattr(form, name, one(name))
        narrative = data.get("narrative")
        form.narrative = narrative if isinstance(narrative, str) else ""
        columns = [many(f"pay_{f.name}") for f in fields(PaymentRow)]
        form.payments = [p for p in (PaymentRow(*row) for row in _rows(columns)) if not p.blank()]
        confirmed = set(many("ident_confirm"))  # the checked rows' indexes
        kinds, values = many("ident_kind"), many("ident_value")
        form.identifiers = [
            IdentRow(k, v, str(i) in confirmed) for i, (k, v) in enumerate(_rows([kinds, values])) if v
        ]
        try:
            auto = json.loads(one("auto") or "{}")
        except ValueError:
            auto = {}
        form.auto = auto if isinstance(auto, dict) else {}
        return form

    @classmethod
    def from_prefill(cls, narrative: str, found: Prefill, *, fraud_types: dict[str, str]) -> IntakeForm:
        form = cls(narrative=narrative, notes=list(found.notes))
        form.fraud_type = found.fraud_type if found.fraud_type in fraud_types else ""
        form.contact_channel = found.contact_channel
        form.occurred_at = _local_input(found.occurred_at)
        form.victim_age = "" if found.victim_age is None else str(found.victim_age)
        form.victim_sex = found.victim_sex
        form.loss = f"{found.loss:g}" if found.loss else ""
        form.dissuaded = "1" if found.dissuaded else ""
        form.reporter_phone = found.reporter_phone
        form.payments = [
            PaymentRow(
                f"{p.amount:g}", _local_input(p.paid_at), p.channel, p.from_account, p.to_account, p.to_bank
            )
            for p in found.payments
        ]
        form.identifiers = [IdentRow(i.kind, i.value) for i in found.identifiers]
        form.auto = form._snapshot()
        return form

    def _snapshot(self) -> dict[str, Any]:
        return {
            **{name: getattr(self, name) for name in SCALARS},
            "payments": [asdict(p) for p in self.payments],
            "identifiers": [[i.kind, i.value] for i in self.identifiers],
        }

    def merged_with(self, new: IntakeForm) -> IntakeForm:
        """The new pre-fill, keeping what the officer corrected in this form."""
        out = replace(new, auto=new.auto)
        for name in _TEXT_FIELDS:
            mine = getattr(self, name)
            if name not in SCALARS or mine != self.auto.get(name, ""):
                setattr(out, name, mine)
        mine_pay = [asdict(p) for p in self.payments]
        if mine_pay and mine_pay != self.auto.get("payments", []):
            out.payments = list(self.payments)
        mine_ids = [[i.kind, i.value] for i in self.identifiers]
        if mine_ids and mine_ids != self.auto.get("identifiers", []):
            have = {(i.kind, i.value) for i in self.identifiers}
            out.identifiers = list(self.identifiers) + [
                i for i in new.identifiers if (i.kind, i.value) not in have
            ]
        ticked = {(i.kind, i.value) for i in self.identifiers if i.confirmed}
        out.identifiers = [
            replace(i, confirmed=i.confirmed or (i.kind, i.value) in ticked) for i in out.identifiers
        ]
        return out

    def with_blank_rows(self) -> IntakeForm:
        """One empty payment row and one empty identifier row to type into (works without JavaScript)."""
        return replace(
            self, payments=[*self.payments, PaymentRow()], identifiers=[*self.identifiers, IdentRow()]
        )

    # ------------------------------------------------------------------ to a case
    def to_case(self, *, officer: str, now: datetime, fraud_types: Collection[str]) -> CaseIn:
        """The case the form describes; FormError for the first field to correct. `fraud_types`: the
        codes of the taxonomy (the form's choices)."""
        if self.fraud_type and self.fraud_type not in fraud_types:
            raise FormError("诈骗类型不在可选范围内，请重新选择", "fraud_type")
        if self.contact_channel and self.contact_channel not in CHANNELS:
            raise FormError("请选择联系方式", "contact_channel")
        if self.victim_sex not in ("", "男", "女"):
            raise FormError("受害人性别只能是“男”或“女”", "victim_sex")
        for name, (what, limit) in TEXT_LIMITS.items():
            _check_length(getattr(self, name), what, limit, name)
        payments = [self._payment(i, p) for i, p in enumerate(self.payments, 1)]
        for n, ident in enumerate(self.identifiers, 1):
            if ident.kind not in LINK_KINDS:
                raise FormError(f"第 {n} 条线索：请选择线索类型")
            _check_length(ident.value, f"第 {n} 条线索", MAX_IDENTIFIER)
        return CaseIn(
            received_at=_parse_time(self.received_at, "接警时间", "received_at") or now.astimezone(UTC),
            desk=self.desk,
            district=self.district,
            occurred_at=_parse_time(self.occurred_at, "发案时间", "occurred_at"),
            place=self.place,
            contact_channel=self.contact_channel,
            fraud_type=self.fraud_type,
            dissuaded=self.dissuaded == "1",
            reporter=Person(
                name=self.reporter_name, phone=self.reporter_phone, relation=self.reporter_relation
            ),
            victim=Person(
                name=self.victim_name,
                age=_parse_int(self.victim_age, "受害人年龄", 0, 130, "victim_age"),
                sex=self.victim_sex,
                phone=self.victim_phone,
                district=self.district,
            ),
            payments=payments,
            identifiers=[CaseIdentifier(i.kind, i.value, i.value, i.confirmed) for i in self.identifiers],
            narrative=self.narrative,
            officer=officer,
            loss=_parse_amount(self.loss, "损失金额", "loss") if self.loss else None,
        )

    @staticmethod
    def _payment(n: int, row: PaymentRow) -> Payment:
        if row.channel and row.channel not in PAYMENT_CHANNELS:
            raise FormError(f"第 {n} 笔转账：请选择支付方式")
        for name, (what, limit) in PAYMENT_LIMITS.items():
            _check_length(getattr(row, name), f"第 {n} 笔转账的{what}", limit)
        return Payment(
            amount=_parse_amount(row.amount, f"第 {n} 笔转账的金额"),
            paid_at=_parse_time(row.paid_at, f"第 {n} 笔转账的时间"),
            channel=row.channel,
            from_account=row.from_account,
            to_account=row.to_account,
            to_bank=row.to_bank,
        )


_TEXT_FIELDS = tuple(f.name for f in fields(IntakeForm) if f.type == "str" and f.name != "narrative")


def _rows(columns: list[list[str]]) -> list[tuple[str, ...]]:
    """The rows of a table of inputs, posted column by column; a short column (a crafted post: a browser
    sends every input) is padded with blanks rather than cutting the other columns short."""
    height = max((len(column) for column in columns), default=0)
    return list(zip(*(column + [""] * (height - len(column)) for column in columns), strict=True))


def _local_input(at: datetime | None) -> str:
    return at.astimezone(BEIJING).strftime(LOCAL_FORMAT) if at is not None else ""


def _check_length(value: str, what: str, limit: int, name: str = "") -> None:
    if len(value) > limit:
        raise FormError(f"{what}不能超过 {limit} 个字符（现有 {len(value)} 个）", name)


def _parse_time(value: str, what: str, name: str = "") -> datetime | None:
    """A time typed in Beijing time (or with its offset), in the accepted range, as UTC."""
    if not value:
        return None
    try:
        at = check_date(datetime.fromisoformat(value), what)
    except DateOutOfRange as exc:
        raise FormError(str(exc), name) from None
    except ValueError:
        raise FormError(f"{what}格式不对，应为“2026-11-06T10:00”", name) from None
    # Typed in Beijing time; stored in UTC (SQLite keeps no offset, and the stores read naive as UTC).
    return (at if at.tzinfo is not None else at.replace(tzinfo=BEIJING)).astimezone(UTC)


def _parse_int(value: str, what: str, low: int, high: int, name: str = "") -> int | None:
    if not value:
        return None
    if (
        not (value.isascii() and value.isdigit() and len(value) <= len(str(high)))
        or not low <= int(value) <= high
    ):
        raise FormError(f"{what}应为 {low} 到 {high} 之间的整数", name)
    return int(value)


def _parse_amount(value: str, what: str, name: str = "") -> float:
    try:
        amount = float(value.replace(",", "").replace("，", "").removesuffix("元"))
    except ValueError:
        raise FormError(f"{what}应为数字（元）", name) from None
    if not math.isfinite(amount) or amount < 0 or amount > 1e11:
        raise FormError(f"{what}应为 0 到 1000 亿之间的数字（元）", name)
    return round(amount, 2)
