"""Stock records from JSONL or CSV: read back what the generator writes; a bad line is refused by number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fanzha.claims import ClaimError, StockRecord, read_stock
from fanzha.claims.stockfile import stock_line

RECORD = StockRecord("h-1", "XJ01DD04", date(2026, 3, 1), date(2026, 3, 31), 5.0, 20.0, None, "头孢曲松钠")


def test_jsonl_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "stock.jsonl"
    path.write_bytes(stock_line(RECORD) + b"\n\n")
    assert read_stock(path) == [RECORD]


def test_csv_with_a_closing_count(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text(
        "institution_id,code,period_start,period_end,opening,purchased,closing\nh-1,X,2026-03-01,2026-03-31,5,20,3\n",
        encoding="utf-8",
    )
    (record,) = read_stock(path)
    assert (record.opening, record.purchased, record.closing) == (5.0, 20.0, 3.0)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"institution_id": "h-1", "code": "X", "period_start": "2026-03-31", "period_end": "2026-03-01"}',
            "期末日期",
        ),
        (
            '{"institution_id": "h-1", "code": "X", "period_start": "2026-03-01", "period_end": "2026-03-31", "purchased": -5}',
            "本期购进",
        ),
        ("{oops", "不是有效的 JSON"),
    ],
)
def test_a_bad_line_is_refused_by_number(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "stock.jsonl"
    path.write_text(stock_line(RECORD).decode() + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ClaimError, match=f"库存文件第2行.*{message}"):
        read_stock(path)


def test_a_csv_with_a_field_over_the_csv_limit_is_refused_by_line(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_text(
        "institution_id,code,period_start,period_end,opening,purchased,closing\r" + "x" * 200_000 + "\r",
        encoding="utf-8",
    )
    with pytest.raises(ClaimError, match="库存文件第2行格式有误：有一格超过"):
        read_stock(path)
