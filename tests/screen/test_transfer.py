"""Parsing a transfer: what may be missing, what is refused (with the field named), how values are read."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from fanzha.screen.transfer import TransferError, parse_transfer

FULL: dict[str, Any] = {
    "id": "t-1",
    "time": "2026-11-06T12:05:00+08:00",
    "amount": 50000.00,
    "currency": "CNY",
    "channel": "counter",
    "payer": {"account": "6222 0212-3456", "name": "王秀英", "age": 72, "district": "北京市西城区",
              "customer_since": "2003-05-01"},
    "payee": {"account": "６２２６０９", "bank": "民生银行", "name": "李强", "district": "湖北省武汉市"},
    "purpose": " 转账 ",
    "payer_on_call": True,
    "new_device": False,
    "payer_contacts": [{"kind": "phone", "value": "17012345678", "at": "2026-11-06T11:40:00+08:00"}],
}  # fmt: skip


def test_a_full_transfer_is_read_field_by_field() -> None:
    t = parse_transfer(FULL)
    assert t.id == "t-1" and t.amount_cny == 50000.0 and t.channel == "counter"
    assert t.time == datetime(2026, 11, 6, 4, 5, tzinfo=UTC)
    assert (t.payer.account, t.payee.account) == ("622202123456", "622609")
    assert t.payer.customer_since == date(2003, 5, 1) and t.payer.age == 72
    assert t.purpose == "转账" and t.payer_on_call is True and t.new_device is False
    assert t.payer_contacts is not None and t.payer_contacts[0].value == "17012345678"


def test_only_the_id_is_required_and_missing_fields_stay_unknown() -> None:
    t = parse_transfer({"id": 7})
    assert t.id == "7" and t.amount is None and t.time is None and t.payer.account is None
    assert t.payer_contacts is None and t.payer_on_call is None


def test_a_time_without_zone_is_beijing_time() -> None:
    assert parse_transfer({"id": "a", "time": "2026-11-06T12:05:00"}).time == datetime(
        2026, 11, 6, 4, 5, tzinfo=UTC
    )


def test_a_foreign_currency_amount_is_not_compared_in_yuan() -> None:
    assert parse_transfer({"id": "a", "amount": 100, "currency": "usd"}).amount_cny is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": None}, "id"),
        ({"id": ""}, "id"),
        ({"id": True}, "id"),
        ({"amount": -1}, "amount"),
        ({"amount": "五万"}, "amount"),
        ({"amount": True}, "amount"),
        ({"time": "yesterday"}, "time"),
        ({"time": 1700000000}, "time"),
        ({"channel": "fax"}, "channel"),
        ({"payer": {"age": 300}}, "payer.age"),
        ({"payer": {"age": "72"}}, "payer.age"),
        ({"payer": {"customer_since": "May 2003"}}, "payer.customer_since"),
        ({"payee": "李强"}, "payee"),
        ({"payer_on_call": "yes"}, "payer_on_call"),
        ({"payer_contacts": {"kind": "phone"}}, "payer_contacts"),
        ({"payer_contacts": [{"kind": "fax", "value": "1"}]}, "payer_contacts[0].kind"),
        ({"payer_contacts": [{"kind": "phone", "value": ""}]}, "payer_contacts[0].value"),
        ({"payer_contacts": [{"value": "1", "at": "soon"}]}, "payer_contacts[0].at"),
        ({"label": "maybe"}, "label"),
        ({"purpose": "x" * 2001}, "purpose"),
        ({"id": "t-\x00"}, "id"),
        ({"purpose": "转账\x00"}, "purpose"),
        ({"payee": {"account": "6222\x00"}}, "payee.account"),
        ({"payer_contacts": [{"value": "170\x00"}]}, "payer_contacts[0].value"),
        ({"payee": {"kind": "corporate"}}, "payee.kind"),
        ({"payer": {"kind": 1}}, "payer.kind"),
    ],
)
def test_a_bad_field_is_refused_naming_it(change: dict[str, Any], field: str) -> None:
    with pytest.raises(TransferError, match=field.replace("[", r"\[").replace("]", r"\]")):
        parse_transfer({**FULL, **change})


def test_a_transfer_must_be_an_object() -> None:
    with pytest.raises(TransferError, match="JSON对象"):
        parse_transfer(["t-1"])


CALENDAR_ENDS = ["0001-01-01T00:00:00", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1999-12-31T12:00:00+08:00"]  # fmt: skip


@pytest.mark.parametrize("when", CALENDAR_ENDS)
@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("time", lambda at: {"time": at}),
        ("payer_contacts[0].at", lambda at: {"payer_contacts": [{"value": "17012345678", "at": at}]}),
    ],
    ids=["time", "contact_at"],
)
def test_a_time_out_of_the_accepted_range_is_refused_naming_the_field(
    field: str, change: Any, when: str
) -> None:
    with pytest.raises(TransferError, match=field.replace("[", r"\[").replace("]", r"\]") + ".*超出"):
        parse_transfer({**FULL, **change(when)})


@pytest.mark.parametrize("since", ["0001-01-01", "9999-12-31"])
def test_a_customer_since_at_the_ends_of_the_calendar_is_refused(since: str) -> None:
    with pytest.raises(TransferError, match=r"payer\.customer_since.*超出"):
        parse_transfer({**FULL, "payer": {"customer_since": since}})


def test_a_long_standing_customer_is_not_refused() -> None:
    assert parse_transfer({**FULL, "payer": {"customer_since": "1985-03-01"}}).payer.customer_since == date(
        1985, 3, 1
    )


@pytest.mark.parametrize(
    "amount", [float("nan"), float("inf"), float("-inf"), "NaN", "Infinity", "1e309", 10**400, 1e13]
)
def test_a_non_finite_or_absurd_amount_is_refused(amount: Any) -> None:
    with pytest.raises(TransferError, match="amount"):
        parse_transfer({**FULL, "amount": amount})


@pytest.mark.parametrize(
    ("party", "sent", "kind"),
    [
        ("payee", {"kind": "company"}, "company"),
        ("payee", {"kind": "personal"}, "personal"),
        ("payer", {"kind": "company"}, "company"),
        ("payee", {"kind": None}, None),
        ("payee", {}, None),
    ],
)
def test_the_bank_may_say_whether_an_account_is_personal_or_a_company(
    party: str, sent: dict[str, Any], kind: str | None
) -> None:
    transfer = parse_transfer({"id": "k", party: {"account": "6222", **sent}})
    assert getattr(transfer, party).kind == kind
