"""Times the API returns: ISO 8601 in Beijing time, always with the offset (`2026-11-06T14:00:00+08:00`).

One policy for every router: the instant is the stored one, shown in Beijing time (the time every user
of fanzha reads), and the string says so with `+08:00`, so a client parsing it gets the right instant
whatever zone it converts to. A naive time reaching the API edge is a stored time SQLite returned
without its zone, i.e. UTC (`fanzha.timezones.from_db`), never a Beijing wall time labelled UTC.

- `api_time(at)`: the string for a dict a router builds;
- `api_time_text(text)`: a time a library already wrote as ISO text (an order's covers), re-shown;
- `ApiTime`: the type of a datetime field in a response model (serialised the same way in JSON).

The `detail` of an audit entry is shown as it was recorded (the hash chain covers it): its times carry
the offset they were written with (`+00:00`), the same instants.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import PlainSerializer, WithJsonSchema

from fanzha.timezones import BEIJING, from_db


def api_time(at: datetime | None) -> str | None:
    """`at` as ISO 8601 in Beijing time with `+08:00`; None stays None."""
    if at is None:
        return None
    return _serialise(at)


def api_time_text(text: object) -> object:
    """An ISO time written by a library (with its offset, or UTC when it has none) in Beijing time;
    anything else unchanged."""
    if not isinstance(text, str):
        return text
    try:
        return api_time(datetime.fromisoformat(text))
    except ValueError:
        return text


def _serialise(at: datetime) -> str:
    """Beijing time; an instant at the very edge of the calendar (a bad date already stored, such as
    9999-12-31 23:59 UTC, which has no Beijing wall time) is shown in UTC rather than failing the answer."""
    at = from_db(at)
    try:
        return at.astimezone(BEIJING).isoformat()
    except OverflowError:
        return at.isoformat()


ApiTime = Annotated[
    datetime,
    PlainSerializer(_serialise, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time", "description": "北京时间，带 +08:00"}),
]
