"""Reading an institution's stock records (进销存) from a file: JSONL (one record per line) or CSV with a
header (`institution_id, code, period_start, period_end, opening, purchased, closing, name`). Every line
is checked; a bad line is a `ClaimError` naming it — stock is the reference the audit trusts, so a file
with a bad line is refused whole rather than audited against half of it."""

from __future__ import annotations

import csv
from pathlib import Path

import orjson

from fanzha.claims.model import ClaimError, StockRecord
from fanzha.claims.parse import Bounds, parse_stock
from fanzha.text.csvfile import csv_problem, csv_stream

MAX_RECORDS = 5_000_000


def parse_stock_text(text: str, *, csv_format: bool, bounds: Bounds | None = None) -> list[StockRecord]:
    bounds = bounds or Bounds.now()
    records: list[StockRecord] = []
    if csv_format:
        reader = csv.DictReader(csv_stream(text))
        try:
            if not reader.fieldnames or "institution_id" not in reader.fieldnames:
                raise ClaimError(
                    "库存 CSV 第1行应为表头：institution_id, code, period_start, period_end, opening, purchased, closing"
                )
            for row in reader:
                records.append(parse_stock(row, where=f"库存文件第{reader.line_num}行", bounds=bounds))
        except csv.Error as exc:  # DictReader.line_num lags a row behind its reader's on an error
            raise ClaimError(f"库存文件第{reader.reader.line_num}行格式有误：{csv_problem(exc)}") from None
    else:
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError:
                raise ClaimError(f"库存文件第{number}行不是有效的 JSON") from None
            records.append(parse_stock(obj, where=f"库存文件第{number}行", bounds=bounds))
    if len(records) > MAX_RECORDS:
        raise ClaimError(f"库存记录超过 {MAX_RECORDS:,} 条")
    return records


def read_stock(path: Path, *, bounds: Bounds | None = None) -> list[StockRecord]:
    """Stock records from a JSONL or CSV file (by extension), or `ClaimError` naming the bad line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimError(f"无法读取库存文件 {path}：{exc.__class__.__name__}") from None
    return parse_stock_text(text, csv_format=path.suffix.lower() == ".csv", bounds=bounds)


def stock_line(record: StockRecord) -> bytes:
    """One record as a JSONL line (what `read_stock` reads back)."""
    return orjson.dumps(
        {
            "institution_id": record.institution_id,
            "code": record.code,
            "name": record.name,
            "period_start": record.period_start.isoformat(),
            "period_end": record.period_end.isoformat(),
            "opening": record.opening,
            "purchased": record.purchased,
            "closing": record.closing,
        }
    )
