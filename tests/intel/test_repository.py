"""The intelligence store on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from fanzha.intel.repository import IntelError, IntelStore, normalise
from fanzha.store import upgrade


@pytest.fixture
def store(engine: Engine) -> IntelStore:
    upgrade(engine)
    return IntelStore(engine)


@pytest.mark.parametrize(
    ("kind", "written", "stored"),
    [
        ("phone", "+86 138 0013 8000", "13800138000"),
        ("phone", "0086-13800138000", "13800138000"),
        ("bank_card", "6222 0212 3456 7890 128", "6222021234567890128"),
        ("url", "HTTP://Icbc-Vip.cc/login", "icbc-vip.cc/login"),
        ("domain", "www点icbc-vip点cc", "www.icbc-vip.cc"),
        ("qq", "123456789", "123456789"),
    ],
)
def test_identifiers_written_differently_are_one(kind: str, written: str, stored: str) -> None:
    assert normalise(kind, written) == stored


@pytest.mark.parametrize(("kind", "value"), [("phone", "hello"), ("fax", "123"), ("bank_card", "12")])
def test_bad_identifiers_are_refused(kind: str, value: str) -> None:
    with pytest.raises(IntelError):
        normalise(kind, value)


@pytest.mark.parametrize(
    ("kind", "written", "stored", "flags"),
    [
        ("phone", "+86 140 1234 5678", "14012345678", ["号段未分配"]),
        ("phone", "179-1234-5678", "17912345678", ["号段未分配"]),
        ("phone", "+999 1234 5678", "+99912345678", ["境外号码", "号码无效"]),
        ("bank_card", "6222 0212 3456 7890 127", "6222021234567890127", ["校验位不符"]),
        ("qq", "0123456", "0123456", ["格式不符"]),
    ],
)
def test_odd_identifiers_are_reported_and_looked_up_with_their_flags(
    store: IntelStore, kind: str, written: str, stored: str, flags: list[str]
) -> None:
    store.add_report(kind=kind, value=written, reporter="a")
    store.add_report(kind=kind, value=stored, reporter="b")
    found = store.lookup(kind=kind, value=written)
    assert (found.value, found.report_count, found.flags) == (stored, 2, flags)
    assert store.lookup(kind="phone", value="13800138000").flags == []


def test_a_reported_number_in_an_unassigned_segment_is_known_when_a_message_names_it(
    store: IntelStore,
) -> None:
    from fanzha.extract import extract

    store.add_report(kind="phone", value="+86 140 1234 5678", reporter="a", fraud_type="loan")
    store.add_report(kind="phone", value="14012345678", reporter="b")
    named = [i for i in extract("【贷款】额度已批，联系专员140-1234-5678办理") if i.kind == "phone"]
    assert [store.risk_of(i.kind, i.value) is not None for i in named] == [True]


def test_reports_raise_the_level_and_lookups_see_them(store: IntelStore) -> None:
    assert store.lookup(kind="phone", value="17012345678").level == "unknown"
    store.add_report(kind="phone", value="170 1234 5678", reporter="a", fraud_type="loan")
    store.add_report(kind="phone", value="+8617012345678", reporter="b")
    found = store.lookup(kind="phone", value="17012345678")
    assert (found.level, found.report_count) == ("suspicious", 2)
    assert found.first_seen is not None and found.last_seen is not None


def test_idempotency_key_returns_the_first_report(store: IntelStore) -> None:
    first = store.add_report(kind="qq", value="123456789", idempotency_key="k-1")
    again = store.add_report(kind="qq", value="123456789", idempotency_key="k-1")
    assert first == again
    assert store.lookup(kind="qq", value="123456789").report_count == 1


def test_official_numbers_are_official(store: IntelStore) -> None:
    store.add_report(kind="phone", value="95588", reporter="a")
    store.add_report(kind="phone", value="95588", reporter="b")
    assert store.lookup(kind="phone", value="95588").level == "official"


def test_clearing_after_an_appeal_stops_the_flag_and_keeps_the_record(store: IntelStore) -> None:
    store.add_report(kind="phone", value="13900139000", source="police")
    assert store.lookup(kind="phone", value="13900139000").level == "confirmed"
    store.decide(
        kind="phone", value="13900139000", decision="cleared", officer="民警001", reason="号码已回收重新分配"
    )
    found = store.lookup(kind="phone", value="13900139000")
    assert found.level == "cleared" and found.report_count == 1


def test_assess_uses_the_store(store: IntelStore) -> None:
    from fanzha.detect.engine import Detector

    text = "有事请联系17012345678"
    plain = Detector().assess(text)
    store.add_report(kind="phone", value="17012345678", source="police")
    informed = Detector(intel=store.risk_of).assess(text)
    assert "intel_confirmed" in {c.id for c in informed.cues}
    assert informed.risk > plain.risk and informed.is_fraud
