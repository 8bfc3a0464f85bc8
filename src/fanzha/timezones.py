"""Times: stored in UTC, shown and reasoned about in Beijing time.

China has one time zone and no daylight saving. Two rules every layer follows:
- input without a zone (an officer typing "2026-11-06 14:00", a bank file) is Beijing time: `to_utc`;
- SQLite returns stored times without their zone; they are UTC: `from_db`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import overload

BEIJING = timezone(timedelta(hours=8), "北京时间")


@overload
def to_utc(at: datetime) -> datetime: ...
@overload
def to_utc(at: None) -> None: ...
def to_utc(at: datetime | None) -> datetime | None:
    """`at` in UTC; a naive `at` is read as Beijing time."""
    if at is None:
        return None
    return (at if at.tzinfo is not None else at.replace(tzinfo=BEIJING)).astimezone(UTC)


@overload
def from_db(at: datetime) -> datetime: ...
@overload
def from_db(at: None) -> None: ...
def from_db(at: datetime | None) -> datetime | None:
    """A time read from the store, zone-aware (naive values from SQLite are UTC)."""
    return at if at is None or at.tzinfo is not None else at.replace(tzinfo=UTC)
