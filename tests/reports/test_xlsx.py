"""The shared Excel helpers: every typed text lands in the workbook, nothing becomes a formula."""

from __future__ import annotations

import io

from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]

from fanzha.reports.xlsx import append, new_workbook, safe, sheet, to_bytes


def _reopen(data: bytes):  # type: ignore[no-untyped-def]
    return load_workbook(io.BytesIO(data)).active


def test_control_characters_are_dropped_and_the_rest_is_kept() -> None:
    assert safe("阳光\x03社区\x17") == "阳光社区"
    assert safe(12) == 12 and safe(None) is None
    wb, ws = new_workbook()
    sheet(ws, "汇总", ["社区"], [10])
    append(ws, [",\xad𢨊)¥Â\x034H-\x17X"])
    assert _reopen(to_bytes(wb, "标题\x05"))["A2"].value == ",\xad𢨊)¥Â4H-X"


def test_text_that_looks_like_a_formula_stays_text() -> None:
    wb, ws = new_workbook()
    row = append(ws, ['=HYPERLINK("http://evil")', "=1+2", 3])
    assert row == 1
    reopened = _reopen(to_bytes(wb, "t"))
    assert reopened["A1"].value == '=HYPERLINK("http://evil")' and reopened["A1"].data_type == "s"
    assert reopened["B1"].data_type == "s" and reopened["C1"].value == 3
