"""Exports of the desk's lists (cases, 串并 groups, stop-payment and freeze orders) as CSV or Excel: the
tables are built once here (`fanzha.reports.export_cases`, `fanzha.reports.export_desk`) and written by
`csv_chunks` or `write_xlsx`; the console, the API and the CLI only choose the filters and the format.

- Headers, names and times as the desk reads them: Chinese headers, fraud types and states by name,
  Beijing time (`2026-11-06 14:00`), money in yuan (two decimals), identifiers in canonical form with
  their flags (号段未分配, 校验位不符 …) beside them.
- Streamed: rows are read from the database a thousand at a time and written as they come, so an export
  of 100,000 cases holds a thousand in memory, not 100,000 (Excel goes through a write-only workbook in a
  temporary file; CSV goes out chunk by chunk).
- Safe cells: CSV starts with a UTF-8 byte-order mark (Excel in China then opens it as UTF-8, not GBK),
  and a cell that starts with = + - @, a tab or a carriage return gets a leading `'`, so a spreadsheet
  never runs typed text as a formula. Excel cells go through `fanzha.reports.xlsx.safe` and are written
  as text, never as formulas.
- Audited: `record_export` appends who exported what, with which filters, in which format, how many rows.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment  # type: ignore[import-untyped, unused-ignore]
from sqlalchemy import Engine

from fanzha.audit.log import append, append_retrying
from fanzha.reports.xlsx import HEADER_FILL, HEADER_FONT, MONEY, safe
from fanzha.timezones import BEIJING, from_db

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
KINDS = {"cases": "案件", "groups": "串并组", "orders": "止付冻结指令"}
BOM = "\ufeff"
_RISKY_START = ("=", "+", "-", "@", "\t", "\r")
BATCH = 1000  # rows read from the database at a time


class ExportError(ValueError):
    """The export cannot be made as asked; the message (Chinese) is for the user."""


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    width: int = 14
    money: bool = False


@dataclass(slots=True)
class Table:
    """One sheet: its columns and its rows, read lazily (iterate once)."""

    title: str
    columns: tuple[Column, ...]
    rows: Iterable[list[Any]]


@dataclass(slots=True)
class Export:
    """What an export holds: `total` main rows (counted before they are read), the main table first."""

    kind: str  # cases | groups | orders
    total: int
    tables: list[Table]
    filters: dict[str, str] = field(default_factory=dict)  # as asked, for the audit and the file's title

    @property
    def title(self) -> str:
        return f"{KINDS[self.kind]}导出"

    def filename(self, fmt: str, now: datetime) -> str:
        return f"{KINDS[self.kind]}_{now.astimezone(BEIJING):%Y%m%d_%H%M}.{fmt}"


class Lazy:
    """Rows made by `make(*args)` only when iterated: a sheet that is never written reads nothing."""

    def __init__(self, make: Callable[..., Iterator[list[Any]]], *args: Any) -> None:
        self.make, self.args = make, args

    def __iter__(self) -> Iterator[list[Any]]:
        return self.make(*self.args)


# -- cells ---------------------------------------------------------------------------------------------
def beijing(at: datetime | None) -> str:
    """A stored time as Beijing time, `2026-11-06 14:00`; empty for none."""
    return "" if at is None else from_db(at).astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def yuan(fen: int | None) -> float | None:
    return None if fen is None else round(fen / 100, 2)


def yes(flag: bool) -> str:
    return "是" if flag else "否"


def guard(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(_RISKY_START):
        return "'" + value
    return value


# -- writers -------------------------------------------------------------------------------------------
def csv_chunks(table: Table, *, rows_per_chunk: int = 500) -> Iterator[bytes]:
    """The table as CSV (UTF-8 with a byte-order mark, CRLF line ends), a few hundred rows per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow([guard(c.header) for c in table.columns])
    for n, row in enumerate(table.rows, 1):
        writer.writerow(["" if v is None else guard(v) for v in row])
        if n % rows_per_chunk == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _cell(ws: Any, value: Any, column: Column) -> Any:
    """A value for a write-only row: plain values as they are (openpyxl makes the cell), a cell object
    only where it must differ — text that starts with "=" stays text, money gets its number format."""
    if isinstance(value, str):
        value = safe(value)
        if not value.startswith("="):
            return value
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"  # "=1+1" typed in a narrative stays text
        return cell
    if column.money and value is not None:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = MONEY
        return cell
    return value


def write_xlsx(export: Export, target: Path) -> int:
    """Write the export's tables as sheets of a workbook at `target` (write-only: rows are not kept);
    returns how many rows the main sheet got."""
    wb = Workbook(write_only=True)
    wb.properties.title = safe(export.title)
    counted = 0
    for index, table in enumerate(export.tables):
        ws = wb.create_sheet(title=table.title)
        for i, column in enumerate(table.columns):
            ws.column_dimensions[_letter(i)].width = column.width
        ws.freeze_panes = "A2"
        header = []
        for column in table.columns:
            cell = WriteOnlyCell(ws, value=safe(column.header))
            cell.fill, cell.font = HEADER_FILL, HEADER_FONT
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            header.append(cell)
        ws.append(header)
        for row in table.rows:
            ws.append([_cell(ws, v, c) for v, c in zip(row, table.columns, strict=False)])
            if index == 0:
                counted += 1
    wb.save(str(target))
    return counted


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xlsx_file(export: Export) -> Path:
    """The export written to a temporary .xlsx file (the caller removes it when sent)."""
    with tempfile.NamedTemporaryFile(prefix="fanzha-export-", suffix=".xlsx", delete=False) as handle:
        path = Path(handle.name)
    try:
        write_xlsx(export, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def file_chunks(path: Path, *, size: int = 256 * 1024) -> Iterator[bytes]:
    """A file's bytes in chunks; the file is removed once read (or when the reader stops)."""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(size):
                yield chunk
    finally:
        path.unlink(missing_ok=True)


# -- the audit -----------------------------------------------------------------------------------------
def record_export(engine: Engine, *, actor: str, export: Export, fmt: str, via: str) -> None:
    """Who exported which list, with which filters, in which format, how many rows (before it is sent)."""
    detail = {
        "format": fmt,
        "rows": export.total,
        "filters": {k: v for k, v in export.filters.items() if v},
        "via": via,
    }

    def work(session: Any) -> None:
        append(
            session,
            actor=actor,
            action=f"export.{export.kind}",
            subject=f"export:{export.kind}",
            detail=detail,
        )

    append_retrying(engine, work)
