"""How screening asks the intelligence store about a payee account or a contact number.

Most payee accounts were never reported, so a per-transfer database lookup mostly finds nothing, and
costs a query each time. `FlaggedSet` instead loads every identifier that has evidence (reports or an
officer's decision) with its level, computed by the store's own `risk_level`, into a dict, and reloads
it every `refresh_seconds` in a background thread (the old set answers meanwhile); a bank confirming a
payee through screening marks it at once, and a change made in another process is read again as soon
as it is published (`follow`, fanzha.intel.changes). `StoreView` is the alternative that asks
`IntelStore.risk_of` (with its TTL cache) per identifier; the screening benchmark measures both.

Levels: confirmed, suspicious, reported (reports below the suspicious score), cleared, official; an
identifier without evidence has no level (None).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Protocol

from sqlalchemy import Engine, literal, null, select, union_all
from sqlalchemy.orm import Session

from fanzha.extract.canonical import canonical
from fanzha.intel.cache import TTL_WITH_FEED
from fanzha.intel.changes import ChangeFeed
from fanzha.intel.repository import IntelStore
from fanzha.intel.risk import Evidence, risk_level
from fanzha.store.tables import DecisionRow, FeedbackRow, IdentifierRow, ReportRow
from fanzha.timezones import from_db

REFRESH_SECONDS = 30.0
# Following a change feed, writes arrive at once: the reload only brings levels that change with time
# alone (reports ageing) and repairs what a lost message missed, as the caches' TTL_WITH_FEED does.
REFRESH_WITH_FEED = TTL_WITH_FEED


class IntelView(Protocol):
    def level(self, kind: str, value: str) -> str | None: ...


@lru_cache(maxsize=65_536)  # the same payees and numbers come again and again
def identifier_keys(kind: str, value: str) -> tuple[tuple[str, str], ...]:
    """The (kind, stored value) pairs under which the store may hold an account or a contact."""
    compact = "".join(value.split()).replace("-", "")
    if kind in ("phone", "sms"):  # the store's own rule (+852…, full-width digits, (+86) included)
        return (("phone", canonical("phone", value) or compact),)
    if kind == "account":
        if compact.isdigit():
            return (("bank_card", compact),)
        return (("alipay", compact), ("wechat", compact))
    if kind in ("url", "domain"):
        return (("url", value.strip()), ("domain", value.strip().lower()))
    return ((kind, compact),)


def _level(official: bool, evidence: list[Evidence], now: datetime) -> str:
    level = risk_level(official=official, evidence=evidence, now=now).level
    if level == "unknown" and any(e.kind == "report" for e in evidence):
        return "reported"
    return level


def load_levels(
    engine: Engine, *, now: datetime | None = None, only: tuple[str, str] | None = None
) -> dict[tuple[str, str], str]:
    """The level of every identifier with evidence (or of the one identifier `only`), in one query
    (evidence rows ordered by identifier)."""
    when = now or datetime.now(UTC)
    ident = IdentifierRow
    query = union_all(
        select(
            ReportRow.identifier_id, literal("report").label("what"), ReportRow.created_at,
            ReportRow.source, ReportRow.reporter_hash, null().label("decision"),
        ),
        select(FeedbackRow.identifier_id, literal("feedback"), FeedbackRow.created_at, null(),
               FeedbackRow.reporter_hash, null()),
        select(DecisionRow.identifier_id, literal("decision"), DecisionRow.created_at, null(), null(),
               DecisionRow.decision),
    ).subquery()  # fmt: skip
    rows: Iterable[Any]
    levels: dict[tuple[str, str], str] = {}
    with Session(engine) as session:
        statement = select(ident.kind, ident.value, ident.official, query).join(
            query, query.c.identifier_id == ident.id
        )
        if only is not None:
            statement = statement.where(ident.kind == only[0], ident.value == only[1])
        rows = session.execute(statement.order_by(query.c.identifier_id))
        key: tuple[str, str] | None = None
        official = False
        evidence: list[Evidence] = []
        for kind, value, is_official, _id, what, at, source, reporter, decision in rows:
            if key != (kind, value):
                if key is not None:
                    levels[key] = _level(official, evidence, when)
                key, official, evidence = (kind, value), is_official, []
            evidence.append(Evidence(what, from_db(at), source=source, reporter=reporter, decision=decision))
        if key is not None:
            levels[key] = _level(official, evidence, when)
    return levels


class FlaggedSet:
    """Levels of every identifier with evidence, in memory, reloaded every `refresh_seconds`."""

    def __init__(self, engine: Engine, *, refresh_seconds: float = REFRESH_SECONDS) -> None:
        self.engine = engine
        self.refresh_seconds = refresh_seconds
        self._levels: dict[tuple[str, str], str] = {}
        self._marks: dict[tuple[str, str], tuple[str | None, float]] = {}  # learnt here since the last reload
        self._loaded_at = 0.0
        self._refreshing = threading.Lock()
        self.refresh()

    def __len__(self) -> int:
        return len(self._levels)

    def refresh(self) -> None:
        """Reload now (in this thread)."""
        started = time.monotonic()
        self._levels = load_levels(self.engine)
        self._loaded_at = started
        self._marks = {k: v for k, v in self._marks.items() if v[1] >= started}  # newer than the reload

    def maybe_refresh(self) -> None:
        """Start a reload in the background when the set is older than `refresh_seconds`."""
        if time.monotonic() - self._loaded_at < self.refresh_seconds or not self._refreshing.acquire(False):
            return
        self._loaded_at = time.monotonic()  # one reload at a time, not one per caller

        def run() -> None:
            try:
                self.refresh()
            finally:
                self._refreshing.release()

        threading.Thread(target=run, name="flagged-refresh", daemon=True).start()

    def reload(self, kind: str, value: str) -> None:
        """Read one identifier's level again (another process changed it: fanzha.intel.changes)."""
        self.mark(kind, value, load_levels(self.engine, only=(kind, value)).get((kind, value)))

    def reset(self) -> None:
        """Reload the whole set soon (changes may have been missed while Redis was away)."""
        self._loaded_at = 0.0
        self.maybe_refresh()

    def follow(self, feed: ChangeFeed) -> None:
        """Apply the changes other processes publish (a report, a decision, an upheld appeal; not the
        warnings' own flags, which change no risk level)."""
        feed.subscribe(self.reload, self.reset, scopes=("intel",))
        self.refresh_seconds = max(self.refresh_seconds, REFRESH_WITH_FEED)

    def mark(self, kind: str, value: str, level: str | None) -> None:
        """Record a level learnt since the last reload (a bank confirmed the account here, another process
        changed it); None: no level any more."""
        self._marks = {**self._marks, (kind, value): (level, time.monotonic())}

    def level(self, kind: str, value: str) -> str | None:
        levels, marks = self._levels, self._marks
        for key in identifier_keys(kind, value):
            if marks:
                marked = marks.get(key)
                if marked is not None:
                    if marked[0] is not None:
                        return marked[0]
                    continue
            found = levels.get(key)
            if found is not None:
                return found
        return None


class StoreView:
    """Ask `IntelStore.risk_of` (its TTL cache, else the database) for each identifier."""

    def __init__(self, store: IntelStore) -> None:
        self.store = store

    def level(self, kind: str, value: str) -> str | None:
        for key in identifier_keys(kind, value):
            found = self.store.risk_of(*key)
            if found is not None and found[0] != "unknown":
                return found[0]
        return None
