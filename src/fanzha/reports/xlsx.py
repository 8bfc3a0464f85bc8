"""Excel workbooks (openpyxl) with the house style and safe cells, shared by every Excel download (the
督导考评 report, the medical institution report, the case exports).

Every value goes through `safe`: text typed by users can hold characters that an .xlsx file cannot carry
(control characters; openpyxl raises on them, which turned a report download into a 500) and text that
starts with "=" (openpyxl would store it as a formula, which Excel then evaluates: formula injection).
Illegal characters are dropped and such text is stored as plain text, so the workbook always opens and
always shows what was typed."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped, unused-ignore]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped, unused-ignore]

HEADER_FILL = PatternFill("solid", fgColor="F6F3EE")
HEADER_FONT = Font(bold=True, color="7B241C")
MONEY = "#,##0.00"
TOP_WRAPPED = Alignment(wrap_text=True, vertical="top")


def safe(value: Any) -> Any:
    """The value as a cell can hold it: text without the characters .xlsx forbids; anything else as is."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def append(ws: Worksheet, values: Iterable[Any]) -> int:
    """Append one row of safe values; text is always text, never a formula. Returns the row number."""
    cells = [safe(v) for v in values]
    ws.append(cells)
    row: int = ws.max_row
    if any(isinstance(v, str) and v.startswith("=") for v in cells):
        for cell in ws[row]:
            if cell.data_type == "f":
                cell.data_type = "s"
    return row


def sheet(ws: Worksheet, title: str, header: Sequence[str], widths: Sequence[int]) -> None:
    """Title the sheet, write its header row (styled, frozen) and set the column widths."""
    ws.title = title
    append(ws, header)
    for i, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=i)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"


def formats(ws: Worksheet, columns: dict[int, str], min_row: int = 2) -> None:
    """Give every cell of the numbered columns (1-based) from `min_row` down the number format."""
    for row in ws.iter_rows(min_row=min_row):
        for col, fmt in columns.items():
            if col <= len(row):
                row[col - 1].number_format = fmt


def new_workbook() -> tuple[Workbook, Worksheet]:
    """A workbook and its first sheet."""
    wb = Workbook()
    return wb, wb.active


def to_bytes(wb: Workbook, title: str) -> bytes:
    """The workbook's .xlsx bytes, titled."""
    wb.properties.title = safe(title)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
