"""Lookups on the event loop without waiting on the database for hot identifiers.

A fresh cache entry is answered at once. An expired one is answered at once too, and refreshed in the
background — one refresh per identifier at a time — so a busy worker never stalls on the many
identifiers that expire together (the store's cache lives `ttl` seconds; an answer is therefore at
most `ttl` seconds plus one refresh behind another worker's writes; this worker's own writes drop the
entry at once). A miss waits for one database call shared by every concurrent request for the same
identifier ("single flight"), instead of each request taking a thread and a connection of its own.
"""

from __future__ import annotations

import asyncio
import weakref

from starlette.concurrency import run_in_threadpool

from fanzha.intel.known import Known, known
from fanzha.intel.repository import IntelStore, Lookup, normalise

Key = tuple[str, str, str]


class LookupService:
    def __init__(self, store: IntelStore) -> None:
        self.store = store
        # Futures belong to one event loop; each worker process (and each test client) has its own.
        self._inflight: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, dict[Key, asyncio.Future[Lookup]]
        ]
        self._inflight = weakref.WeakKeyDictionary()

    async def lookup(self, *, kind: str, value: str) -> Lookup:
        """As `IntelStore.lookup`; IntelError for a bad kind or value."""
        cache = self.store.cache
        if cache is None:
            return await run_in_threadpool(self.store.lookup, kind=kind, value=value)
        stored = normalise(kind, value)
        key: Key = ("lookup", kind, stored)
        found, cached, fresh = cache.peek(key)
        inflight = self._inflight.setdefault(asyncio.get_running_loop(), {})
        if found:
            if not fresh and key not in inflight:
                self._start(inflight, key, kind, stored)
            return cached  # type: ignore[no-any-return]
        future = inflight.get(key) or self._start(inflight, key, kind, stored)
        return await asyncio.shield(future)

    async def known(self, *, kind: str, value: str) -> Known:
        """What the store knows about an identifier, as a citizen reads it (`fanzha.intel.known`)."""
        return known(await self.lookup(kind=kind, value=value))

    def _start(
        self, inflight: dict[Key, asyncio.Future[Lookup]], key: Key, kind: str, stored: str
    ) -> asyncio.Future[Lookup]:
        future = asyncio.ensure_future(run_in_threadpool(self.store.lookup, kind=kind, value=stored))
        inflight[key] = future

        def done(f: asyncio.Future[Lookup]) -> None:
            inflight.pop(key, None)
            if not f.cancelled():
                f.exception()  # a failed background refresh is not "never retrieved"; the next miss retries

        future.add_done_callback(done)
        return future
