"""Reading an uploaded CSV text the same way everywhere: any line ending, and the csv module's own
errors said in Chinese."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator


def csv_stream(text: str) -> io.StringIO:
    """`text` without its byte-order mark, with \\r\\n, \\n and a lone \\r (old spreadsheet exports) all read
    as line ends: the csv module refuses a bare \\r inside an unquoted field."""
    return io.StringIO(text.lstrip("\ufeff"), newline=None)


def csv_problem(exc: csv.Error) -> str:
    """What is wrong, in Chinese, for a `csv.Error` (the module's messages are English)."""
    message = str(exc)
    if "field larger than field limit" in message:
        return f"有一格超过 {csv.field_size_limit():,} 个字符"
    if "NUL" in message:
        return "含有空字符（NUL）"
    return "不是规范的 CSV（引号或分隔符有误）"


def csv_records(rows: csv.DictReader[str]) -> Iterator[tuple[int, dict[str, str] | str]]:
    """(line number, row) for each row, or (line number, what is wrong) for a row the csv module refuses
    (a field over its size limit): the reader goes on with the next line. The number is the line the row
    ends on (DictReader's own `line_num` lags behind its reader's on an error)."""
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield rows.reader.line_num, csv_problem(exc)
            continue
        yield rows.reader.line_num, row
