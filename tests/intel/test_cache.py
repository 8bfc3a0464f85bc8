from __future__ import annotations

import time

import pytest
from sqlalchemy import Engine

from fanzha.intel.cache import TTLCache
from fanzha.intel.repository import IntelStore
from fanzha.store import upgrade


def test_entries_expire_and_the_oldest_goes_first() -> None:
    cache = TTLCache(size=2, ttl=0.05)
    cache.put(("phone", "1"), None)
    cache.put(("phone", "2"), ("suspicious", []))
    cache.put(("phone", "3"), None)
    assert cache.get(("phone", "1")) == (False, None)
    assert cache.get(("phone", "2")) == (True, ("suspicious", []))
    time.sleep(0.06)
    assert cache.get(("phone", "2")) == (False, None)


@pytest.fixture
def store(engine: Engine) -> IntelStore:
    upgrade(engine)
    return IntelStore(engine, cache=TTLCache(ttl=60))


def test_writes_through_the_store_are_seen_at_once(store: IntelStore) -> None:
    assert store.risk_of("phone", "17012345678") is None
    store.add_report(kind="phone", value="17012345678", source="police")
    assert store.risk_of("phone", "17012345678") is not None
    store.decide(kind="phone", value="17012345678", decision="cleared", officer="x", reason="核实")
    found = store.risk_of("phone", "17012345678")
    assert found is not None and found[0] == "cleared"


def test_lookups_are_cached_and_dropped_on_writes(store: IntelStore) -> None:
    first = store.lookup(kind="phone", value="170 1234 5678")
    assert first.report_count == 0 and store.cached_lookup(kind="phone", value="17012345678") is first
    store.add_report(kind="phone", value="17012345678", reporter="a")
    assert store.cached_lookup(kind="phone", value="17012345678") is None
    again = store.lookup(kind="phone", value="17012345678")
    assert again.report_count == 1 and again.first_seen is not None
