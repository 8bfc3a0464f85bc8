"""LookupService: stale entries are answered at once and refreshed once; misses share one call."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from sqlalchemy import Engine

from fanzha.api.lookups import LookupService
from fanzha.intel.cache import TTLCache
from fanzha.intel.repository import IntelStore, Lookup
from fanzha.store import upgrade


class CountingStore(IntelStore):
    """The real store, counting the lookups that reach it (and slowed down, so requests overlap)."""

    def __init__(self, engine: Engine, cache: TTLCache) -> None:
        super().__init__(engine, cache=cache)
        self.calls = 0
        self._lock = threading.Lock()

    def lookup(self, *, kind: str, value: str, now: object = None) -> Lookup:  # type: ignore[override]
        with self._lock:
            self.calls += 1
        time.sleep(0.05)
        return super().lookup(kind=kind, value=value)


@pytest.fixture
def store(engine: Engine) -> CountingStore:
    upgrade(engine)
    return CountingStore(engine, TTLCache(ttl=0.2))


def test_concurrent_misses_share_one_database_call(store: CountingStore) -> None:
    service = LookupService(store)

    async def many() -> list[Lookup]:
        return await asyncio.gather(*(service.lookup(kind="phone", value="170 1234 5678") for _ in range(20)))

    found = asyncio.run(many())
    assert store.calls == 1
    assert {f.value for f in found} == {"17012345678"}


def test_a_stale_entry_is_answered_at_once_and_refreshed_in_the_background(
    store: CountingStore, engine: Engine
) -> None:
    service = LookupService(store)
    other_worker = IntelStore(engine)  # its writes do not reach this process's cache

    async def scenario() -> tuple[list[Lookup], Lookup]:
        await service.lookup(kind="phone", value="17012345678")
        other_worker.add_report(kind="phone", value="17012345678", reporter="a", source="citizen")
        await asyncio.sleep(0.25)  # the cached answer expires
        stale = await asyncio.gather(*(service.lookup(kind="phone", value="17012345678") for _ in range(10)))
        await asyncio.sleep(0.15)  # the one background refresh finishes
        return stale, await service.lookup(kind="phone", value="17012345678")

    stale, fresh = asyncio.run(scenario())
    assert [s.report_count for s in stale] == [0] * 10  # answered without waiting for the database
    assert fresh.report_count == 1
    assert store.calls == 2  # the first miss, then one refresh for ten stale answers
