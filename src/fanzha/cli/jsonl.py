"""The JSONL contract shared by `fanzha check --jsonl` and `fanzha extract --jsonl`.

One output line per input line, in order. A bad line (not UTF-8, not JSON, no text) yields
`{"id": …, "error": "…"}` and the run goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import orjson
from tqdm import tqdm

from fanzha.detect.engine import InputError, check_text

CHUNK = 512
Record = dict[str, Any]


def parse_line(raw: bytes, number: int) -> tuple[Any, str | None, str | None]:
    """(id, text, error) for one input line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, None, f"第{number}行不是UTF-8编码"
    try:
        row = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None, None, f"第{number}行不是合法的JSON"
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


def _chunks(stream: BinaryIO) -> Iterator[list[tuple[Any, str | None, str | None]]]:
    chunk: list[tuple[Any, str | None, str | None]] = []
    number = 0
    for raw in stream:
        number += 1
        if not raw.strip():
            continue
        chunk.append(parse_line(raw.rstrip(b"\r\n"), number))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_jsonl(process: Callable[[list[str]], list[Record]], stream: BinaryIO | None = None) -> int:
    """Apply `process` to the texts of stdin in chunks; write one JSON line per input line.

    Returns the number of error lines written.
    """
    source = stream if stream is not None else sys.stdin.buffer
    out = sys.stdout.buffer
    errors = 0
    with tqdm(unit="条", disable=not sys.stderr.isatty(), file=sys.stderr) as bar:
        for chunk in _chunks(source):
            texts = [text for _, text, _ in chunk if text is not None]
            results = iter(process(texts))
            lines = []
            for ident, text, error in chunk:
                if text is None:
                    errors += 1
                    lines.append(orjson.dumps({"id": ident, "error": error}))
                else:
                    lines.append(orjson.dumps({"id": ident, **next(results)}))
            out.write(b"\n".join(lines) + b"\n")
            bar.update(len(chunk))
    out.flush()
    return errors
