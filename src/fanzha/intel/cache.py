"""A small in-process cache of risk levels, so hot identifiers are answered without the database.

Entries expire after `ttl` seconds, so an API worker sees writes made by other workers within that
time at the latest; writes made through this process's store drop the entry at once, and with Redis
(fanzha.intel.changes) so do other processes' writes, within milliseconds. At most `size` entries are
kept (the oldest insertion is dropped first).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from threading import Lock
from typing import Any

Value = Any  # a risk level (level, reasons) or None, or a whole Lookup

TTL = 5.0  # seconds: how long another worker's write may go unseen without a change feed
TTL_WITH_FEED = 60.0  # with one (fanzha.intel.changes) writes arrive at once; the TTL only bounds how late
# a level that changes with time alone (reports ageing) is seen, and how often hot entries are re-read


class TTLCache:
    def __init__(self, *, size: int = 100_000, ttl: float = TTL) -> None:
        self.size = size
        self.ttl = ttl
        self._data: OrderedDict[tuple[str, ...], tuple[float, Value]] = OrderedDict()
        self._lock = Lock()

    def get(self, key: tuple[str, ...]) -> tuple[bool, Value]:
        """(found, value); expired entries are not found."""
        entry = self._data.get(key)
        if entry is None or entry[0] < time.monotonic():
            return False, None
        return True, entry[1]

    def peek(self, key: tuple[str, ...]) -> tuple[bool, Value, bool]:
        """(found, value, fresh): an expired entry is still returned, with fresh=False, until it is
        replaced, dropped or evicted — for callers that answer with it while they refresh it."""
        entry = self._data.get(key)
        if entry is None:
            return False, None, False
        return True, entry[1], entry[0] >= time.monotonic()

    def put(self, key: tuple[str, ...], value: Value) -> None:
        with self._lock:
            self._data[key] = (time.monotonic() + self.ttl, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def drop(self, key: tuple[str, ...]) -> None:
        with self._lock:
            self._data.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
