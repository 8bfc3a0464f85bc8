"""What every long list's page does with its `Listing` (`fanzha.web.paging`): read the day filters, and
fetch one page from the store, the last one when the address asks for a page past the end.

A store's page function takes the window as keywords (`sort`, `descending`, `limit`, `offset`) and answers
(how many rows match, the rows of the page), like `fanzha.counter.held_list.held_page`:

    since, until, error = days_of(listing)
    rows = await run_in_threadpool(fetch_page, listing, partial(check_page, engine, query))
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from fanzha.web.paging import FilterError, Listing, day_range

T = TypeVar("T")
PageOf = Callable[..., tuple[int, list[T]]]


def days_of(listing: Listing) -> tuple[datetime | None, datetime | None, str]:
    """The UTC bounds of the `since`–`until` Beijing days, and the message to show ("" when they parse);
    a range that does not parse filters nothing."""
    try:
        since, until = day_range(listing.filters.get("since", ""), listing.filters.get("until", ""))
    except FilterError as exc:
        return None, None, str(exc)
    return since, until, ""


def fetch_page(listing: Listing, page_of: PageOf[T]) -> list[T]:
    """The rows of the listing's page; `listing.total` is set, and a page past the end becomes the last."""
    window = {"sort": listing.sort, "descending": listing.descending, "limit": listing.per_page}
    total, rows = page_of(**window, offset=listing.offset)
    if listing.clamp(total):
        total, rows = page_of(**window, offset=listing.offset)
    return rows
