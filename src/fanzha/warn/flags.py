"""Which identifiers warnings are raised for: those the intelligence store holds as confirmed or suspicious
(its risk level, `fanzha.intel.risk`), and those flagged on the warning side itself (`warn_flags`: the
identifiers of a linked case group, the payee of a transfer a bank held, a flagged list imported).

`FlagLookup.flag_of` answers an incoming event's check from memory for hot identifiers (a TTL cache;
flags raised through this process drop the entry at once, and other workers' within milliseconds when
they share Redis, fanzha.intel.changes; else within the TTL).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, bindparam, literal, select, union_all
from sqlalchemy.orm import Session

from fanzha.intel.cache import TTL, TTL_WITH_FEED, TTLCache
from fanzha.intel.repository import IntelStore
from fanzha.store.tables import IdentifierRow, ReportRow
from fanzha.store.warn_tables import WarnFlagRow
from fanzha.warn.model import FLAG_LEVELS

RANK = {"suspicious": 1, "confirmed": 2}


@dataclass(frozen=True, slots=True)
class Flag:
    """A flagged identifier: `level` confirmed | suspicious, the fraud type if known, where the flag came
    from (`fanzha.warn.model.SOURCES`) and why, in Chinese."""

    kind: str
    value: str
    level: str
    fraud_type: str | None
    source: str
    reason: str


def stronger(a: str, b: str) -> str:
    return a if RANK.get(a, 0) >= RANK.get(b, 0) else b


def fraud_type_of(session: Session, kind: str, value: str) -> str | None:
    """The fraud type of the latest report on an identifier that names one, else None."""
    found = session.scalar(
        select(ReportRow.fraud_type)
        .join(IdentifierRow, ReportRow.identifier_id == IdentifierRow.id)
        .where(IdentifierRow.kind == kind, IdentifierRow.value == value, ReportRow.fraud_type.is_not(None))
        .order_by(ReportRow.created_at.desc())
        .limit(1)
    )
    return found or None


def record_flag(session: Session, flag: Flag, *, at: datetime) -> None:
    """Remember a flag raised on the warning side (the stronger level wins; the fraud type is kept)."""
    row = session.scalar(
        select(WarnFlagRow).where(WarnFlagRow.kind == flag.kind, WarnFlagRow.value == flag.value)
    )
    if row is None:
        session.add(
            WarnFlagRow(
                kind=flag.kind, value=flag.value, level=flag.level, fraud_type=flag.fraud_type,
                source=flag.source, reason=flag.reason[:2000], flagged_at=at,
            )
        )  # fmt: skip
        return
    row.level = stronger(row.level, flag.level)
    row.fraud_type = row.fraud_type or flag.fraud_type
    row.reason = flag.reason[:2000]


# Built once (with bound parameters): building the statement per call cost more than running it.
_KNOWN = union_all(
    select(literal("i")).where(
        IdentifierRow.kind == bindparam("kind"), IdentifierRow.value == bindparam("value")
    ),
    select(literal("w")).where(
        WarnFlagRow.kind == bindparam("kind"), WarnFlagRow.value == bindparam("value")
    ),
)


class FlagLookup:
    def __init__(
        self, engine: Engine, *, intel: IntelStore | None = None, cache: TTLCache | None = None
    ) -> None:
        self.engine = engine
        self.intel = intel
        self.feed = intel.feed if intel is not None else None  # other processes' changes
        ttl = TTL_WITH_FEED if self.feed is not None else TTL
        self.cache = cache if cache is not None else TTLCache(size=200_000, ttl=ttl)
        if self.feed is not None:
            self.feed.subscribe(self.forget, self.cache.clear)

    def forget(self, kind: str, value: str) -> None:
        """Drop this process's cached flag (the intelligence store has told the other processes)."""
        self.cache.drop((kind, value))

    def changed(self, kind: str, value: str) -> None:
        """A flag raised on the warning side: drop the cached flag here and in the other processes."""
        self.forget(kind, value)
        if self.feed is not None:
            self.feed.publish(kind, value, scope="warn")

    def flag_of(self, kind: str, value: str) -> Flag | None:
        """The flag on a canonical identifier, or None when neither the intelligence store nor the
        warning side flags it."""
        found, cached = self.cache.get((kind, value))
        if found:
            return cached  # type: ignore[no-any-return]
        result = self._flag_of(kind, value)
        self.cache.put((kind, value), result)
        return result

    def _known(self, kind: str, value: str) -> tuple[bool, bool]:
        """(in the intelligence store, flagged on the warning side): one query on two unique indexes —
        the common case (neither) answered without more."""
        with self.engine.connect() as connection:
            found = set(connection.execute(_KNOWN, {"kind": kind, "value": value}).scalars())
        return "i" in found, "w" in found

    def _flag_of(self, kind: str, value: str) -> Flag | None:
        in_intel, in_warn = self._known(kind, value)
        if not in_intel and not in_warn:
            return None
        from_intel = None
        if self.intel is not None and in_intel:
            risk = self.intel.risk_of(kind, value)
            if risk is not None and risk[0] in FLAG_LEVELS:
                level, reasons = risk
                with Session(self.engine) as session:
                    fraud_type = fraud_type_of(session, kind, value)
                from_intel = Flag(kind, value, level, fraud_type, "intel", "；".join(reasons))
        if not in_warn or (from_intel is not None and from_intel.level == "confirmed"):
            return from_intel
        with Session(self.engine) as session:
            row = session.scalar(
                select(WarnFlagRow).where(WarnFlagRow.kind == kind, WarnFlagRow.value == value)
            )
        if row is None:
            return from_intel
        local = Flag(kind, value, row.level, row.fraud_type, row.source, row.reason)
        if from_intel is None or RANK[local.level] > RANK[from_intel.level]:
            return local
        return from_intel
