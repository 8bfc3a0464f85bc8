"""The JSONL contract shared by `fanzha check --jsonl` and `fanzha extract --jsonl`.

One output line per input line, in order. A bad line (not UTF-8, not JSON, no text) yields
`{"id": …, "error": "…"}` and the run goes on. Chunks of lines are processed by a pool of worker
processes (forked after the engine is loaded, so they share its memory) and written in input order.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import orjson

from fanzha.text.limits import InputError, check_text

CHUNK = 256
Record = dict[str, Any]
Process = Callable[[list[str]], list[Record]]

_process: Process | None = None  # set in the parent before forking; workers inherit it


def parse_line(raw: bytes, number: int) -> tuple[Any, str | None, str | None]:
    """(id, text, error) for one input line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, None, f"第{number}行不是UTF-8编码"
    try:
        row = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        what = "含无效字符" if "surrogate" in str(exc) else "不是合法的JSON"
        return None, None, f"第{number}行{what}"
    if not isinstance(row, dict):
        return None, None, f'第{number}行应是JSON对象 {{"id": …, "text": …}}'
    ident = row.get("id")
    text = row.get("text")
    if not isinstance(text, str):
        return ident, None, "缺少字符串字段 text"
    try:
        check_text(text)
    except InputError as exc:
        return ident, None, str(exc)
    return ident, text, None


def _chunks(stream: BinaryIO) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        chunk.append((number, raw.rstrip(b"\r\n")))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_chunk(chunk: list[tuple[int, bytes]]) -> tuple[bytes, int, int]:
    """Output bytes for a chunk of input lines, the number of lines and of error lines."""
    assert _process is not None
    parsed = [parse_line(raw, number) for number, raw in chunk]
    results = iter(_process([text for _, text, _ in parsed if text is not None]))
    lines = []
    errors = 0
    for ident, text, error in parsed:
        if text is None:
            errors += 1
            lines.append(orjson.dumps({"id": ident, "error": error}))
        else:
            lines.append(orjson.dumps({"id": ident, **next(results)}))
    return b"\n".join(lines) + b"\n", len(chunk), errors


def run_jsonl(process: Process, stream: BinaryIO | None = None, *, workers: int | None = None) -> int:
    """Apply `process` to the texts of `stream` (stdin) in chunks; write one JSON line per input line.

    `workers`: processes to use (default: one per CPU; 1 runs in this process). Returns the number of
    error lines written.
    """
    global _process
    _process = process
    source = stream if stream is not None else sys.stdin.buffer
    out = sys.stdout.buffer
    n_workers = workers if workers is not None else (os.cpu_count() or 1)
    errors = 0
    chunks = _chunks(source)
    with _progress() as bar:

        def emit(results: Iterator[tuple[bytes, int, int]]) -> None:
            nonlocal errors
            for data, n, bad in results:
                out.write(data)
                bar.update(n)
                errors += bad

        # An input of one chunk runs here: it never pays for starting worker processes.
        first = list(itertools.islice(chunks, 2))
        if len(first) < 2 or n_workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            emit(map(_run_chunk, itertools.chain(first, chunks)))
        else:
            # Everything loaded so far (model, rules, tables) is shared with the workers: frozen, the
            # garbage collector never touches it, so forked pages stay shared instead of being copied.
            gc.freeze()
            with multiprocessing.get_context("fork").Pool(n_workers) as pool:
                emit(pool.imap(_run_chunk, itertools.chain(first, chunks), chunksize=1))
    out.flush()
    return errors


class _NoProgress:
    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


def _progress() -> Any:
    """A progress bar on a terminal; nothing otherwise (importing tqdm is 20 ms of every start)."""
    if not sys.stderr.isatty():
        return _NoProgress()
    from tqdm import tqdm

    return tqdm(unit="条", file=sys.stderr)
