"""The case list's filters and orders, one definition for every place that lists cases: `CaseStore.search`
(the console's case list, GET /v1/cases, the CLI) and the cases export.

Filters (`CaseFilter`): status, district (trimmed), fraud type, text in the case number, narrative or
identifiers, a range of reception times. Orders (`CaseOrder`): by reception time (the default, newest
first), time of the fraud, loss or fraud type code, either way, empty values last, ties by case id.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from fanzha.store.case_tables import CaseIdentifierRow, CaseRow
from fanzha.store.paging import sorted_by
from fanzha.timezones import DateOutOfRange, check_day, day_bounds

SORTS = {"received": "接警时间", "occurred": "发案时间", "loss": "损失", "fraud_type": "诈骗类型"}
_COLUMNS: dict[str, Any] = {
    "received": CaseRow.received_at,
    "occurred": CaseRow.occurred_at,
    "loss": CaseRow.loss_fen,
    "fraud_type": CaseRow.fraud_type,
}


class ListingError(ValueError):
    """A sort or a date range the case list cannot use; the message is for the officer (Chinese)."""


@dataclass(frozen=True, slots=True)
class CaseFilter:
    status: str = ""
    district: str = ""
    fraud_type: str = ""
    text: str = ""  # in the case number, the narrative or an identifier
    since: datetime | None = None  # received at or after (UTC)
    until: datetime | None = None  # received before (UTC)

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        if self.status:
            found.append(CaseRow.status == self.status)
        if self.district.strip():
            found.append(CaseRow.district == self.district.strip())
        if self.fraud_type:
            found.append(CaseRow.fraud_type == self.fraud_type)
        if self.since is not None:
            found.append(CaseRow.received_at >= self.since)
        if self.until is not None:
            found.append(CaseRow.received_at < self.until)
        if self.text.strip():
            like = f"%{self.text.strip()[:50]}%"
            named = select(CaseIdentifierRow.case_id).where(CaseIdentifierRow.value.like(like))
            found.append(or_(CaseRow.ref.like(like), CaseRow.narrative.like(like), CaseRow.id.in_(named)))
        return found

    def shown(self) -> dict[str, str]:
        return {
            k: (v.isoformat() if isinstance(v, datetime) else str(v)) for k, v in asdict(self).items() if v
        }


@dataclass(frozen=True, slots=True)
class CaseOrder:
    key: str = "received"  # one of SORTS
    descending: bool = True

    @classmethod
    def parse(cls, raw: str) -> CaseOrder:
        """`-received` (newest first), `loss` (smallest first) …; ListingError for a key not in SORTS."""
        key = raw.strip().removeprefix("-")
        if key not in SORTS:
            keys = "、".join(SORTS)
            raise ListingError(f"不支持的排序“{raw[:20]}”，可选：{keys}（前加 - 为降序）")
        return cls(key, raw.strip().startswith("-"))

    def terms(self) -> tuple[Any, Any]:
        """ORDER BY terms: the key's column (empty values last), then the case id, both the same way."""
        return sorted_by(_COLUMNS[self.key], tie=CaseRow.id, descending=self.descending)

    def shown(self) -> str:
        return ("-" if self.descending else "") + self.key


EVERY_CASE = CaseFilter()
NEWEST = CaseOrder()  # the lists' default order: newest first


def day_span(since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    """The UTC bounds [start of `since`, end of `until`) of a range of Beijing days (the filter's range of
    reception days), each end optional; ListingError for a day out of the accepted range or a range that ends before it starts."""
    try:
        for day, what in ((since, "起始日期"), (until, "截止日期")):
            if day is not None:
                check_day(day, what)
    except DateOutOfRange as exc:
        raise ListingError(str(exc)) from None
    if since and until and since > until:
        raise ListingError("起始日期晚于截止日期")
    return day_bounds(since, until)
