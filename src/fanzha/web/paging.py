"""Paging, sorting and filters of the consoles' long lists, all in the page's address (shareable, and the
back button works), all done by the database.

A list page reads its query string once into a `Listing`:

    listing = Listing.read(request, sorts={"at": "时间", "amount": "金额"}, default="-at",
                           filters=("outcome", "since", "until"))
    total, rows = store.page(..., sort=listing.sort, descending=listing.descending,
                             limit=listing.per_page, offset=listing.offset)
    listing.total = total

- `sort=amount` sorts ascending, `sort=-amount` descending; a key the page does not offer falls back to
  the default (a stale or edited link is not an error);
- `page` counts from 1, `per` is one of `PAGE_SIZES`; a page past the end shows the last page;
- `listing.link(page=3)`, `listing.sort_link("amount")` and `listing.export_link(path, "csv")` keep every
  other filter. The templates' macros (`_paging.html`: `pager`, `sort_th`) draw the pager and the sortable
  column headers.

Typed filters (a date range, an amount range) parse with `day_of` and `amount_of`, which raise
`FilterError` with a Chinese message the page shows beside its filters.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode

from starlette.requests import Request

from fanzha.cases.listing import ListingError, day_span

PAGE_SIZES = (20, 50, 100, 200)
DEFAULT_PAGE_SIZE = 50
MAX_PAGE = 1_000_000
MAX_FILTER = 100  # characters kept of a filter's value


class FilterError(ValueError):
    """A filter the page cannot use; the message (Chinese) is shown beside the filters."""


def _int(raw: str | None, default: int) -> int:
    try:
        return int(raw or "")
    except ValueError:
        return default


@dataclass(slots=True)
class Listing:
    """One page of a list as the address asks for it. `total` is set once the store has counted."""

    path: str
    sorts: Mapping[str, str]  # key → column name
    sort: str
    descending: bool
    page: int = 1
    per_page: int = DEFAULT_PAGE_SIZE
    filters: dict[str, str] = field(default_factory=dict)  # as typed; only non-empty ones go in links
    total: int = 0
    default: str = ""

    @classmethod
    def read(
        cls,
        request: Request,
        *,
        sorts: Mapping[str, str],
        default: str,
        filters: Iterable[str] = (),
        per_page: int = DEFAULT_PAGE_SIZE,
    ) -> Listing:
        params = request.query_params
        raw_sort = (params.get("sort") or "").strip()
        key = raw_sort.removeprefix("-")
        if key not in sorts:
            raw_sort, key = default, default.removeprefix("-")
        per = _int(params.get("per"), per_page)
        return cls(
            path=request.url.path,
            sorts=sorts,
            sort=key,
            descending=raw_sort.startswith("-"),
            page=min(max(_int(params.get("page"), 1), 1), MAX_PAGE),
            per_page=per if per in PAGE_SIZES else per_page,
            filters={name: (params.get(name) or "").strip()[:MAX_FILTER] for name in filters},
            default=default,
        )

    # -- the page's window ---------------------------------------------------------------------------
    @property
    def sizes(self) -> tuple[int, ...]:
        return PAGE_SIZES

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def clamp(self, total: int) -> bool:
        """Record the total; True when the asked page was past the end (then it is the last page and the
        caller asks the store again)."""
        self.total = total
        if self.page > self.pages:
            self.page = self.pages
            return True
        return False

    @property
    def first(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        return min(self.offset + self.per_page, self.total)

    # -- links ----------------------------------------------------------------------------------------
    def params(self, **changes: object) -> dict[str, str]:
        """The query of this page with `changes` (None removes a parameter), defaults left out."""
        sort = ("-" if self.descending else "") + self.sort
        out: dict[str, str] = {k: v for k, v in self.filters.items() if v}
        if sort != self.default:
            out["sort"] = sort
        if self.per_page != DEFAULT_PAGE_SIZE:
            out["per"] = str(self.per_page)
        if self.page != 1:
            out["page"] = str(self.page)
        for key, value in changes.items():
            if value is None or value == "":
                out.pop(key, None)
            else:
                out[key] = str(value)
        if out.get("page") == "1":
            del out["page"]
        if out.get("sort") == self.default:
            del out["sort"]
        return out

    def link(self, **changes: object) -> str:
        query = urlencode(self.params(**changes))
        return f"{self.path}?{query}" if query else self.path

    def sort_link(self, key: str) -> str:
        """Sort by `key`: descending first for a new key (newest, largest), toggled for the current one."""
        descending = not self.descending if key == self.sort else True
        return self.link(sort=("-" if descending else "") + key, page=None)

    def arrow(self, key: str) -> str:
        return ("▼" if self.descending else "▲") if key == self.sort else ""

    def export_link(self, path: str, fmt: str) -> str:
        """The export of what the filters show (every page, in the list's order)."""
        query = self.params(page=None, per=None, format=fmt)
        return f"{path}?{urlencode(query)}"


# -- typed filters -------------------------------------------------------------------------------------
def day_of(raw: str, what: str) -> date | None:
    """A date typed in a filter (2026-11-06, 2026/11/6), or None when empty."""
    text = raw.strip().replace("/", "-")
    if not text:
        return None
    try:
        return date.fromisoformat("-".join(part.zfill(2) for part in text.split("-")))
    except ValueError:
        raise FilterError(f"{what}“{raw[:20]}”不是日期，请写成 2026-11-06") from None


def day_range(since: str, until: str) -> tuple[datetime | None, datetime | None]:
    """The UTC bounds [start of `since`, end of `until`) of a range of Beijing dates, each end optional;
    a day outside the accepted range (0001-01-01) or a range that ends before it starts is refused."""
    try:
        return day_span(day_of(since, "起始日期"), day_of(until, "截止日期"))
    except ListingError as exc:
        raise FilterError(str(exc)) from None


def amount_of(raw: str, what: str) -> float | None:
    """An amount in yuan typed in a filter (1,000 and 1000元 too), or None when empty."""
    text = raw.strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise FilterError(f"{what}“{raw[:20]}”不是金额") from None
    if not math.isfinite(value) or not 0 <= value <= 1e12:
        raise FilterError(f"{what}须为 0 至 1万亿元 之间的金额")
    return value


def amount_range(low: str, high: str) -> tuple[float | None, float | None]:
    least, most = amount_of(low, "最低金额"), amount_of(high, "最高金额")
    if least is not None and most is not None and least > most:
        raise FilterError("最低金额高于最高金额")
    return least, most
