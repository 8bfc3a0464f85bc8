"""Intelligence for screening: the flagged set loads every identifier with evidence at the store's own
level (plus `reported`), answers for accounts and contacts in any written form, and learns a bank's
confirmation at once; the store view asks `risk_of`."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from fanzha.intel.repository import IntelStore
from fanzha.screen.intel_view import FlaggedSet, StoreView, identifier_keys
from fanzha.store import upgrade

CARD = "6226090000000048"


@pytest.mark.parametrize(
    ("kind", "value", "keys"),
    [
        ("phone", "+86 170 1234 5678", (("phone", "17012345678"),)),
        ("sms", "0086-17012345678", (("phone", "17012345678"),)),
        ("phone", "010-12345678", (("phone", "01012345678"),)),
        ("account", "6226 0900 0000 0048", (("bank_card", CARD),)),
        ("account", "pay@example.com", (("alipay", "pay@example.com"), ("wechat", "pay@example.com"))),
    ],
)
def test_identifier_keys_match_the_stored_forms(
    kind: str, value: str, keys: tuple[tuple[str, str], ...]
) -> None:
    assert identifier_keys(kind, value) == keys


def test_the_flagged_set_holds_levels_of_identifiers_with_evidence(engine: Engine) -> None:
    upgrade(engine)
    store = IntelStore(engine)
    store.add_report(kind="bank_card", value=CARD, source="police")
    store.add_report(kind="phone", value="17012345678", reporter="a")
    store.add_report(kind="phone", value="17012345679", reporter="a")
    store.add_report(kind="phone", value="17012345679", reporter="b")
    flagged = FlaggedSet(engine)
    assert len(flagged) == 3
    assert flagged.level("account", CARD) == "confirmed"
    assert flagged.level("phone", "+8617012345678") == "reported"
    assert flagged.level("phone", "17012345679") == "suspicious"
    assert flagged.level("phone", "13800138000") is None


def test_a_mark_answers_at_once_and_a_reload_keeps_the_store_level(engine: Engine) -> None:
    upgrade(engine)
    flagged = FlaggedSet(engine)
    flagged.mark("bank_card", CARD, "suspicious")
    assert flagged.level("account", CARD) == "suspicious"
    IntelStore(engine).add_report(kind="bank_card", value=CARD, source="police")
    flagged.refresh()
    assert flagged.level("account", CARD) == "confirmed"


def test_the_store_view_asks_risk_of(engine: Engine) -> None:
    upgrade(engine)
    store = IntelStore(engine)
    store.add_report(kind="bank_card", value=CARD, source="police")
    view = StoreView(store)
    assert view.level("account", CARD) == "confirmed"
    assert view.level("account", "6222020000000001") is None


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("+852 6123 4567", "+85261234567"),
        ("（+86）１３８００１３８０００", "13800138000"),
        ("0086-138-0013-8000", "13800138000"),
    ],
)
def test_phones_are_looked_up_in_the_stores_canonical_form(written: str, stored: str) -> None:
    from fanzha.screen.intel_view import identifier_keys

    assert identifier_keys("phone", written) == (("phone", stored),)
