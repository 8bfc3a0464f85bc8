"""A transfer as a bank sends it for screening, parsed and checked.

Every field but `id` may be missing: the engine uses what it has, and a rule whose data is missing does
not fire (its execution is recorded as `unknown`). A field that is present but wrong (a negative amount,
an age of 300, a time that is not ISO 8601) is bad input: `TransferError` with a Chinese message naming
the field. A time without a zone is Beijing time; a time outside the accepted range
(`fanzha.timezones.check_date`: 2000 to a year ahead by default) is bad input too, so that no date at the
ends of the calendar (`0001-01-01T00:00:00+14:00`) reaches zone arithmetic or the store. An amount is a
finite number of yuan. Account numbers are compared without spaces or dashes.

A bank knows whether an account is a person's or an organisation's: `payer.kind` and `payee.kind` say so
(`personal` or `company`; anything else is bad input). Where the kind is not sent, the rules judge by the
name (`fanzha.screen.organisations`: 国家电网, 中国移动, …有限公司, …小学 are organisations) and by the
account's history (a payee whose recent payers are mostly long-standing ones is a merchant).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from fanzha.timezones import BEIJING, DateOutOfRange, check_date, date_bounds

CHANNELS = ("counter", "atm", "mobile", "online", "pos")
CHANNEL_NAMES = {"counter": "柜面", "atm": "ATM", "mobile": "手机银行", "online": "网上银行", "pos": "POS"}
CONTACT_KINDS = ("phone", "sms", "wechat", "qq", "url", "domain")
LABELS = ("fraud", "normal")
PARTY_KINDS = ("personal", "company")  # a personal account, or an organisation's (对公账户)
MAX_ID = 128
MAX_AMOUNT = 1e12
MAX_TEXT = 2000
MAX_CONTACTS = 100
EARLIEST_CUSTOMER = date(1900, 1, 1)  # a customer of longer standing than fanzha's date range is real


class TransferError(ValueError):
    """A transfer that cannot be screened as sent; the message (Chinese) names the field."""


@dataclass(frozen=True, slots=True)
class Party:
    account: str | None = None
    name: str | None = None
    age: int | None = None
    district: str | None = None
    bank: str | None = None
    customer_since: date | None = None
    kind: str | None = None  # personal | company, as the bank knows it (None: not sent)


@dataclass(frozen=True, slots=True)
class Contact:
    kind: str
    value: str
    at: datetime | None


@dataclass(frozen=True, slots=True)
class Transfer:
    id: str
    time: datetime | None = None
    amount: float | None = None
    currency: str = "CNY"
    channel: str | None = None
    payer: Party = Party()
    payee: Party = Party()
    purpose: str | None = None
    payer_on_call: bool | None = None
    new_device: bool | None = None
    payer_contacts: tuple[Contact, ...] | None = None  # None: not sent (unknown), () none
    label: str | None = None  # fraud | normal, in backtest files only

    @property
    def amount_cny(self) -> float | None:
        """The amount if it is in yuan (amount rules compare yuan only)."""
        return self.amount if self.currency == "CNY" else None


def normalise_account(value: str) -> str:
    """`6222 0212-3456` → `62220212 3456` without separators; full-width digits become ASCII."""
    if not value.isascii():
        value = unicodedata.normalize("NFKC", value)
    return value.replace(" ", "").replace("-", "").strip()


def _text(raw: Any, field: str, limit: int, sub: str = "") -> str | None:
    """A string field (`field.sub` in messages: the name is only built for an error)."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise TransferError(f"字段 {field}{'.' if sub else ''}{sub} 应为字符串")
    if len(raw) > limit:
        raise TransferError(f"字段 {field}{'.' if sub else ''}{sub} 超过 {limit} 个字符")
    if "\x00" in raw:  # no database text column stores it (PostgreSQL refuses the row)
        raise TransferError(f"字段 {field}{'.' if sub else ''}{sub} 含有空字符（\\u0000）")
    return raw.strip() or None


def _bool(raw: Any, field: str) -> bool | None:
    if raw is None or isinstance(raw, bool):
        return raw
    raise TransferError(f"字段 {field} 应为 true 或 false")


def parse_time(raw: Any, field: str) -> datetime | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise TransferError(f"字段 {field} 应为 ISO 8601 时间字符串，例如 2026-11-06T12:05:00+08:00")
    try:
        at = datetime.fromisoformat(raw)
    except ValueError:
        raise TransferError(
            f"字段 {field} 不是有效的时间：“{raw[:40]}”（例如 2026-11-06T12:05:00+08:00）"
        ) from None
    try:
        check_date(at, f"字段 {field} ")
    except DateOutOfRange as exc:
        raise TransferError(str(exc)) from None
    return at if at.tzinfo is not None else at.replace(tzinfo=BEIJING)


def _since(raw: Any, field: str) -> date | None:
    """A customer's first day: a date from 1900 to the latest accepted date."""
    if raw is None:
        return None
    try:
        day = date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        day = None
    if day is None:
        raise TransferError(f"字段 {field}.customer_since 应为日期，例如 2003-05-01")
    latest = date_bounds()[1].astimezone(BEIJING).date()
    if not EARLIEST_CUSTOMER <= day <= latest:
        raise TransferError(
            f"字段 {field}.customer_since 超出可接受的范围（{EARLIEST_CUSTOMER} 至 {latest}）：{day}"
        )
    return day


def _party(raw: Any, field: str) -> Party:
    if raw is None:
        return Party()
    if not isinstance(raw, dict):
        raise TransferError(f"字段 {field} 应为对象")
    account = _text(raw.get("account"), field, 64, "account")
    age = raw.get("age")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 130):
        raise TransferError(f"字段 {field}.age 应为 0–130 的整数")
    kind = raw.get("kind")
    if kind is not None and kind not in PARTY_KINDS:
        raise TransferError(f"字段 {field}.kind 应为 personal（个人账户）或 company（单位账户）")
    return Party(
        account=normalise_account(account) or None if account is not None else None,
        name=_text(raw.get("name"), field, 64, "name"),
        age=age,
        district=_text(raw.get("district"), field, 64, "district"),
        bank=_text(raw.get("bank"), field, 64, "bank"),
        customer_since=_since(raw.get("customer_since"), field),
        kind=kind,
    )


def _contacts(raw: Any) -> tuple[Contact, ...] | None:
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise TransferError("字段 payer_contacts 应为数组")
    if len(raw) > MAX_CONTACTS:
        raise TransferError(f"字段 payer_contacts 最多 {MAX_CONTACTS} 条")
    contacts = []
    for index, item in enumerate(raw):
        field = f"payer_contacts[{index}]"
        if not isinstance(item, dict):
            raise TransferError(f"字段 {field} 应为对象")
        kind = item.get("kind", "phone")
        if kind not in CONTACT_KINDS:
            raise TransferError(f"字段 {field}.kind 应为 {'、'.join(CONTACT_KINDS)} 之一")
        value = _text(item.get("value"), f"{field}.value", 512)
        if value is None:
            raise TransferError(f"字段 {field}.value 不能为空")
        contacts.append(Contact(kind, value, parse_time(item.get("at"), f"{field}.at")))
    return tuple(contacts)


def transfer_id(raw: Any) -> str | None:
    """The transfer's id as a string, or None when it has none usable (for error lines)."""
    if not isinstance(raw, dict):
        return None
    ident = raw.get("id")
    if isinstance(ident, bool) or not isinstance(ident, str | int):
        return None
    text = str(ident).strip()
    return text if 0 < len(text) <= MAX_ID and "\x00" not in text else None


def parse_transfer(raw: Any) -> Transfer:
    """A `Transfer` from its JSON form (a dict), or TransferError naming the bad field."""
    if not isinstance(raw, dict):
        raise TransferError("交易应为JSON对象")
    ident = transfer_id(raw)
    if ident is None:
        raise TransferError(f"缺少交易编号 id，或编号无效（应为字符串或整数，至多 {MAX_ID} 个字符）")
    amount = raw.get("amount")
    if amount is not None:
        if isinstance(amount, str):
            try:
                amount = float(amount.replace(",", ""))
            except ValueError:
                raise TransferError("字段 amount 应为金额数字（元）") from None
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            raise TransferError("字段 amount 应为金额数字（元）")
        if isinstance(amount, float) and not math.isfinite(amount):
            raise TransferError("字段 amount 应为有限的金额数字（元），不接受 NaN、Infinity")
        if not 0 <= amount <= MAX_AMOUNT:
            raise TransferError("字段 amount 应在 0 到 1万亿元之间")
    currency = raw.get("currency") or "CNY"
    if not isinstance(currency, str) or len(currency) != 3:
        raise TransferError("字段 currency 应为三位币种代码，例如 CNY")
    channel = raw.get("channel")
    if channel is not None and channel not in CHANNELS:
        raise TransferError(f"字段 channel 应为 {'、'.join(CHANNELS)} 之一")
    label = raw.get("label")
    if label is not None and label not in LABELS:
        raise TransferError('字段 label 应为 "fraud" 或 "normal"')
    return Transfer(
        id=ident,
        time=parse_time(raw.get("time"), "time"),
        amount=None if amount is None else float(amount),
        currency=currency.upper(),
        channel=channel,
        payer=_party(raw.get("payer"), "payer"),
        payee=_party(raw.get("payee"), "payee"),
        purpose=_text(raw.get("purpose"), "purpose", MAX_TEXT),
        payer_on_call=_bool(raw.get("payer_on_call"), "payer_on_call"),
        new_device=_bool(raw.get("new_device"), "new_device"),
        payer_contacts=_contacts(raw.get("payer_contacts")),
        label=label,
    )
