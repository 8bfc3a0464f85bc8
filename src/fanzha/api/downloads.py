"""Sending an export (`fanzha.reports.exports`) as a download, from the API and from the consoles alike:
audited first (who, which list, which filters, how many rows), then streamed — CSV as it is read, Excel
from a temporary file that is removed once sent."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import quote

from fastapi.responses import StreamingResponse
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from fanzha.reports.exports import FORMATS, Export, csv_chunks, file_chunks, record_export, xlsx_file
from fanzha.timezones import BEIJING

ASCII_NAMES = {"cases": "cases", "groups": "groups", "orders": "orders"}


def disposition(export: Export, fmt: str, now: datetime) -> str:
    """`attachment` with an ASCII name for old clients and the Chinese one (RFC 6266 / 5987) for the rest,
    both stamped with the same Beijing time."""
    plain = f"fanzha-{ASCII_NAMES[export.kind]}-{now.astimezone(BEIJING):%Y%m%d-%H%M}.{fmt}"
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(export.filename(fmt, now))}"


async def send_export(
    engine: Engine, build: Callable[[Engine], Export], *, fmt: str, actor: str, via: str
) -> StreamingResponse:
    """The export `build` makes (off the event loop) as a streamed download in `fmt` (csv | xlsx); its
    audit entry is stored before a byte is sent (an Excel file is written first, so a failure to write it
    is not recorded as an export)."""
    export = await run_in_threadpool(build, engine)
    now = datetime.now(UTC)
    headers = {
        "Content-Disposition": disposition(export, fmt, now),
        "X-Export-Rows": str(export.total),
        "Cache-Control": "no-store",
    }
    path = await run_in_threadpool(xlsx_file, export) if fmt == "xlsx" else None
    try:
        await run_in_threadpool(lambda: record_export(engine, actor=actor, export=export, fmt=fmt, via=via))
    except BaseException:
        if path is not None:
            path.unlink(missing_ok=True)
        raise
    if path is not None:
        headers["Content-Length"] = str(path.stat().st_size)
        return StreamingResponse(file_chunks(path), media_type=FORMATS["xlsx"], headers=headers)
    return StreamingResponse(csv_chunks(export.tables[0]), media_type=FORMATS["csv"], headers=headers)
