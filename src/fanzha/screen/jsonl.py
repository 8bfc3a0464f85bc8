"""Screening a JSONL stream of transfers (`fanzha screen --jsonl`, backtests).

Transfers are screened in file order, each seeing the history of those before it (one process: order
is the point). One output record per non-empty input line; a bad line (not UTF-8, not JSON, a field
that cannot be read) yields `{"id", "error"}` with a Chinese message, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import orjson

from fanzha.screen.decision import Decision
from fanzha.screen.engine import Screener
from fanzha.screen.state import ScreenState
from fanzha.screen.transfer import Transfer, TransferError, parse_transfer, transfer_id

CHUNK = 256


@dataclass(frozen=True, slots=True)
class Screened:
    """One input line's result: the transfer and its decision, or an error."""

    line: int
    id: str | None
    transfer: Transfer | None = None
    decision: Decision | None = None
    error: str | None = None


def parse_line(raw: bytes, number: int) -> tuple[Transfer | None, str | None, str | None]:
    """(transfer, id, error) for one input line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, None, f"第{number}行不是UTF-8编码"
    try:
        row: Any = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None, None, f"第{number}行不是合法的JSON"
    try:
        return parse_transfer(row), transfer_id(row), None
    except TransferError as exc:
        return None, transfer_id(row), f"第{number}行：{exc}"


def screen_stream(lines: Iterable[bytes], *, screener: Screener, state: ScreenState) -> Iterator[Screened]:
    """`Screened` for each non-empty line of `lines`, in order."""
    chunk: list[tuple[int, bytes]] = []
    for number, raw in enumerate(lines, 1):
        if raw.strip():
            chunk.append((number, raw))
        if len(chunk) >= CHUNK:
            yield from _screen_chunk(chunk, screener, state)
            chunk = []
    if chunk:
        yield from _screen_chunk(chunk, screener, state)


def _screen_chunk(chunk: list[tuple[int, bytes]], screener: Screener, state: ScreenState) -> list[Screened]:
    parsed = [(number, *parse_line(raw, number)) for number, raw in chunk]
    transfers = [t for _, t, _, _ in parsed if t is not None]
    decisions = iter(screener.screen(transfers, state))
    out = []
    for number, transfer, ident, error in parsed:
        if transfer is None:
            out.append(Screened(number, ident, error=error))
        else:
            out.append(Screened(number, ident, transfer, next(decisions)))
    return out


def record(item: Screened, *, executions: bool = False) -> dict[str, Any]:
    """The output record of one line."""
    if item.decision is None:
        return {"id": item.id, "error": item.error}
    return item.decision.to_dict(executions=executions)
