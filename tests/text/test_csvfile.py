"""Uploaded CSV text: any line ending is a line end, and a row the csv module refuses is reported by line
in Chinese while the rows after it are still read."""

from __future__ import annotations

import csv
from pathlib import Path

from fanzha.intel.bulk import read_rows
from fanzha.text.csvfile import csv_records, csv_stream
from fanzha.warn.events import read_events
from fanzha.warn.model import WarnError


def test_lone_carriage_returns_end_lines() -> None:
    rows = list(csv.DictReader(csv_stream("\ufeff社区,人口\r甲,1\r\n乙,2\n")))
    assert [(r["社区"], r["人口"]) for r in rows] == [("甲", "1"), ("乙", "2")]


def test_a_refused_row_is_reported_by_line_and_reading_goes_on() -> None:
    text = "kind,value\nphone,1\n" + "x" * (csv.field_size_limit() + 1) + "\nphone,2\n"
    records = list(csv_records(csv.DictReader(csv_stream(text))))
    assert records[0] == (2, {"kind": "phone", "value": "1"})
    assert records[1][0] == 3 and isinstance(records[1][1], str) and "超过" in records[1][1]
    assert records[2] == (4, {"kind": "phone", "value": "2"})


def test_contact_and_intelligence_files_go_on_past_a_refused_row(tmp_path: Path) -> None:
    huge = "x" * (csv.field_size_limit() + 1)
    events = tmp_path / "events.csv"
    events.write_text(f"kind,other\r{huge}\rsms,13800138000\r", encoding="utf-8")
    (first, bad), (second, _) = list(read_events(events))
    assert (first, second) == (2, 3) and isinstance(bad, WarnError) and "超过" in str(bad)
    intel = tmp_path / "intel.csv"
    intel.write_text(f"kind,value\n{huge}\nphone,13800138000\n", encoding="utf-8")
    rows = list(read_rows(intel))
    assert isinstance(rows[0][1], str) and rows[1] == (3, {"kind": "phone", "value": "13800138000"})
