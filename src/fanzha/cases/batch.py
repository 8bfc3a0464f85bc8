"""Linking a batch of cases in memory: `link_components` for records, `link_jsonl` for the JSONL contract
of `fanzha cases link --jsonl`. The rules are those of fanzha.cases.linking; a million cases with three
million identifier mentions take seconds (most of it canonicalising the identifiers as written).
"""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

import numpy as np
import orjson

from fanzha.cases.components import first_of_component, link_records
from fanzha.cases.identity import linking_key
from fanzha.cases.model import LINK_KINDS

_KINDS = frozenset(LINK_KINDS)


def link_components(records: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> list[str]:
    """The group of each `(case_id, [(kind, value as written), …])` record, in order: the id of the
    first case (in input order) of its connected component."""
    first = link_records(records)
    return [records[i][0] for i in first.tolist()]


def _parse(raw: bytes | str, number: int) -> tuple[Any, list[tuple[str, Any]] | None, str | None]:
    """(id, identifiers, error) of one JSONL line."""
    try:
        row = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None, None, f"第{number}行不是合法的JSON（或不是UTF-8编码）"
    if not isinstance(row, dict):
        return None, None, f'第{number}行应是JSON对象 {{"id": …, "identifiers": […]}}'
    ident = row.get("id")
    if not isinstance(ident, str | int) or isinstance(ident, bool) or ident == "":
        return None, None, f"第{number}行缺少案件编号 id（字符串或整数）"
    items = row.get("identifiers", [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        return ident, None, '字段 identifiers 应是列表 [{"kind": …, "value": …}]'
    out = []
    for item in items:
        kind, value = item.get("kind"), item.get("value")
        if kind not in LINK_KINDS:
            return ident, None, f"不支持的标识类型：{kind}（可选：{', '.join(LINK_KINDS)}）"
        if not isinstance(value, str):
            return ident, None, f"{kind} 的 value 应是字符串"
        out.append((kind, value))
    return ident, out, None


def _well_formed(raw: bytes | str) -> tuple[Any, list[tuple[str, str]]] | None:
    """(id, identifiers) of a well-formed line, cheaply; None when `_parse` must say what is wrong."""
    try:
        row = orjson.loads(raw)
        ident = row["id"]
        pairs = [(i["kind"], i["value"]) for i in row.get("identifiers", ())]
        if not all(kind in _KINDS and type(value) is str for kind, value in pairs):
            return None
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return None
    return (ident, pairs) if type(ident) in (str, int) and ident != "" else None


Chunk = list[tuple[int, bytes | str]]  # (line number, line)
ChunkKeys = tuple[list[Any], dict[int, str], list[int], list[str]]
_KIND_CODE = {kind: chr(0xE100 + i) for i, kind in enumerate(LINK_KINDS)}  # one character per key kind
_written: dict[str, dict[str, str]] = {}  # per process: kind → value as written → link key ("" for none)


def _link_key(kind: str, raw: str) -> str:
    """A link key as one string (kind code + value), "" when `raw` links nothing; cached per process."""
    cache = _written.setdefault(kind, {})
    found = cache.get(raw)
    if found is None:
        key = linking_key(kind, raw)
        found = cache[raw] = "" if key is None else _KIND_CODE[key[0]] + key[1]
    return found


def _chunk_keys(chunk: Chunk) -> ChunkKeys:
    """For a chunk of lines: their ids, their errors (by position), how many link keys each line has,
    and the keys. Runs in the worker processes: this is where the time goes (parsing, canonicalising)."""
    ids: list[Any] = []
    errors: dict[int, str] = {}
    counts: list[int] = []
    keys: list[str] = []
    for number, raw in chunk:
        parsed = _well_formed(raw)
        if parsed is None:
            ident, _, error = _parse(raw, number)
            errors[len(ids)] = error or ""
            ids.append(ident)
            counts.append(0)
            continue
        ids.append(parsed[0])
        found = [k for kind, value in parsed[1] if (k := _link_key(kind, value))]
        counts.append(len(found))
        keys.extend(found)
    return ids, errors, counts, keys


def _chunks(lines: Iterable[bytes | str], size: int = 20_000) -> Iterator[Chunk]:
    chunk: Chunk = []
    for number, raw in enumerate(lines, 1):
        if raw.strip():
            chunk.append((number, raw))
            if len(chunk) >= size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def link_jsonl(lines: Iterable[bytes | str], out: IO[bytes] | IO[str], *, workers: int = 1) -> int:
    """Read `{"id", "identifiers": [{"kind", "value"}]}` lines, write `{"id", "group"}` lines in input
    order (`group`: the id of the first case of the group). A bad line gets `{"id", "error"}` and links
    nothing; values that are not identifiers of their kind are ignored. Returns the number of errors.

    `workers` > 1 parses and canonicalises in that many forked processes; this process numbers the
    link keys, finds the groups and writes.
    """
    ids: list[Any] = []
    errors: dict[int, str] = {}  # line index → message
    counts_of_lines: list[int] = []  # link keys per line
    key_ids: list[int] = []
    numbers: dict[str, int] = {}

    def take(results: Iterable[ChunkKeys]) -> None:
        for chunk_ids, chunk_errors, counts, keys in results:
            base = len(ids)
            ids.extend(chunk_ids)
            errors.update((base + i, message) for i, message in chunk_errors.items())
            counts_of_lines.extend(counts)
            for key in keys:
                found = numbers.get(key)
                if found is None:
                    found = numbers[key] = len(numbers)
                key_ids.append(found)

    chunks = _chunks(lines)
    _written.clear()  # the cache lives for one call (and is inherited empty by the workers)
    try:
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            take(map(_chunk_keys, chunks))
        else:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                take(pool.imap(_chunk_keys, chunks))
    finally:
        _written.clear()
    records = np.repeat(np.arange(len(ids), dtype=np.int64), counts_of_lines)
    first = first_of_component(len(ids), records, key_ids, len(numbers)).tolist()
    _write(out, ids, errors, first)
    return len(errors)


def _write(out: IO[bytes] | IO[str], ids: list[Any], errors: dict[int, str], first: list[int]) -> None:
    binary = not isinstance(out, io.TextIOBase)
    for start in range(0, len(ids), 10_000):
        lines = [
            orjson.dumps(
                {"id": ident, "group": ids[first[i]]}
                if i not in errors
                else {"id": ident, "error": errors[i]}
            )
            for i, ident in enumerate(ids[start : start + 10_000], start)
        ]
        data = b"\n".join(lines) + b"\n"
        out.write(data if binary else data.decode())  # type: ignore[arg-type]
