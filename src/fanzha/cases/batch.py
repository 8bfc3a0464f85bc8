"""Linking a batch of cases in memory: `link_components` for records, `link_jsonl` for the JSONL contract
of `fanzha cases link --jsonl`. The rules are those of fanzha.cases.linking: nothing recorded is dropped
for failing validation, and the odd identifiers (号段未分配, 校验位不符, 境外号码 …) are named with their
notes in the output. A million cases with three million identifier mentions take seconds, most of it
reading the JSON and canonicalising the identifiers as written; so each distinct written value is
canonicalised once per process, the lines are parsed with orjson in a tight loop, and `workers` forked
processes share the reading while this one numbers the link keys, finds the groups and writes.
"""

from __future__ import annotations

import gc
import io
import multiprocessing
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import count, islice
from typing import IO, Any

import numpy as np
import orjson

from fanzha.cases.components import first_of_component, link_records
from fanzha.cases.identity import CHECKED_KINDS, canonical, link_key, linkable
from fanzha.cases.model import LINK_KINDS
from fanzha.extract.canonical import flags_of
from fanzha.extract.canonical import read as read_value


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


Chunk = tuple[int, list[bytes | str]]  # (number of the first line, the lines, blank ones included)
# For a chunk: ids, errors by position, link keys per line, the keys (from a worker joined by "\n": one
# string crosses between processes far faster than a million, and no canonical value holds a line break),
# the flagged keys of each line with any (by position), and the notes of those keys.
ChunkKeys = tuple[
    list[Any], dict[int, str], list[int], list[str] | str, dict[int, list[str]], dict[str, tuple[str, ...]]
]
_KIND_CODE = {kind: chr(0xE100 + i) for i, kind in enumerate(LINK_KINDS)}  # one character per key kind
_CODE_KIND = {code: kind for kind, code in _KIND_CODE.items()}
_BY_HOST = frozenset(["url", "domain"])  # the kinds whose link key is not their canonical value
# Per process, for one call: kind → value as written → link key as one string (kind code + value, "" for
# none); and the notes of the odd link keys.
_written: dict[str, dict[str, str]] = {}
_flagged: dict[str, tuple[str, ...]] = {}


class _Odd(str):
    """A link key with notes for the officer: equal to the plain key, and told apart by its type alone."""

    __slots__ = ()


def _new_key(kind: str, raw: str, cache: dict[str, str]) -> str:
    """The link key of a value not seen before in this process, as one string (`linking_key` without
    its layers of calls: this runs once per distinct value, hundreds of thousands of times); remembered."""
    value: str | None
    flags: tuple[str, ...] = ()
    if kind in _BY_HOST or kind == "app":  # (a link's notes are its host's: read below)
        value = canonical(kind, raw)
    else:
        read = read_value(kind, raw)
        value, flags = (None, ()) if read is None else read
    key_kind, key = link_key(kind, value) if kind in _BY_HOST and value is not None else (kind, value)
    if key is None or (key_kind in CHECKED_KINDS and not linkable(key_kind, key)):
        found = cache[raw] = ""
        return found
    if kind in _BY_HOST:  # a link's notes are those of its host or address
        flags = flags_of(key_kind, key)
    found = cache[raw] = _KIND_CODE[key_kind] + key
    if flags:
        found = cache[raw] = _Odd(found)
        _flagged[found] = flags
    return found


def _chunk_keys(chunk: Chunk) -> ChunkKeys:
    """Parse and canonicalise a chunk of lines (in the worker processes: this is where the time goes)."""
    if not _written:
        _written.update((kind, {}) for kind in LINK_KINDS)
    ids: list[Any] = []
    errors: dict[int, str] = {}
    counts: list[int] = []
    keys: list[str] = []
    flagged_lines: dict[int, list[str]] = {}
    caches, flagged, loads, new, append = _written, _flagged, orjson.loads, _new_key, keys.append
    odd: list[str] = []
    first_number, lines = chunk
    for number, raw in enumerate(lines, first_number):
        if not raw or raw.isspace():
            continue
        mark = len(keys)
        try:  # the tight loop for well-formed lines; anything wrong is said by `_parse`
            row = loads(raw)
            ident = row["id"]
            if (type(ident) is not str and type(ident) is not int) or ident == "":
                raise TypeError
            for item in row.get("identifiers", ()):
                cache, value = caches[item["kind"]], item["value"]
                if type(value) is not str:
                    raise TypeError
                key = cache.get(value)
                if key is None:
                    key = new(item["kind"], value, cache)
                if key:
                    append(key)
                    if type(key) is _Odd:
                        odd.append(key)
        except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
            del keys[mark:]
            odd.clear()
            ident, items, error = _parse(raw, number)
            if error is not None or items is None:
                errors[len(ids)] = error or ""
                ids.append(ident)
                counts.append(0)
                continue
            for kind, value in items:
                key = caches[kind].get(value)
                key = new(kind, value, caches[kind]) if key is None else key
                if key:
                    append(key)
                    if type(key) is _Odd:
                        odd.append(key)
        if odd:
            flagged_lines[len(ids)] = list(dict.fromkeys(odd))
            odd.clear()
        ids.append(ident)
        counts.append(len(keys) - mark)
    notes = {str(k): flagged[k] for odd in flagged_lines.values() for k in odd}
    flagged_lines = {i: [str(k) for k in odd] for i, odd in flagged_lines.items()}
    return ids, errors, counts, keys, flagged_lines, notes


def _chunk_keys_joined(chunk: Chunk) -> ChunkKeys:
    """`_chunk_keys` in a worker process: the keys as one string."""
    ids, errors, counts, keys, flagged_lines, notes = _chunk_keys(chunk)
    return ids, errors, counts, "\n".join(keys), flagged_lines, notes


def _chunks(lines: Iterable[bytes | str], size: int = 20_000) -> Iterator[Chunk]:
    """The lines in chunks of `size`, as they come (the workers skip the blank ones)."""
    lines = iter(lines)
    number = 1
    while chunk := list(islice(lines, size)):
        yield number, chunk
        number += len(chunk)


def link_jsonl(lines: Iterable[bytes | str], out: IO[bytes] | IO[str], *, workers: int = 1) -> int:
    """Read `{"id", "identifiers": [{"kind", "value"}]}` lines, write `{"id", "group"}` lines in input
    order (`group`: the id of the first case of the group), with `"flagged": [{"kind", "value",
    "flags"}]` added for a case naming odd identifiers (the link keys, with the notes for the officer).
    A bad line gets `{"id", "error"}` and links nothing; values with no reading as their kind (`hello`
    as a phone) are ignored. Returns the number of errors.

    `workers` > 1 parses and canonicalises in that many forked processes; this process numbers the
    link keys, finds the groups and writes.
    """
    ids: list[Any] = []
    errors: dict[int, str] = {}  # line index → message
    counts_of_lines: list[int] = []  # link keys per line
    # Each mention's key number: a key keeps the number it got when first seen. Every mention draws one
    # from the counter, so numbers have gaps (keys that never link anything: harmless to the components),
    # but numbering stays in C: `setdefault` and `count` in `map`.
    key_ids = array("q")
    numbers: dict[str, int] = {}
    counter = count()
    odd_lines: dict[int, list[str]] = {}
    notes: dict[str, tuple[str, ...]] = {}

    def take(results: Iterable[ChunkKeys]) -> None:
        for chunk_ids, chunk_errors, counts, keys, flagged_lines, chunk_notes in results:
            base = len(ids)
            ids.extend(chunk_ids)
            if chunk_errors:
                errors.update((base + i, message) for i, message in chunk_errors.items())
            if flagged_lines:
                odd_lines.update((base + i, odd) for i, odd in flagged_lines.items())
                notes.update(chunk_notes)
            counts_of_lines.extend(counts)
            if keys:
                mentions = keys.split("\n") if isinstance(keys, str) else keys
                key_ids.extend(map(numbers.setdefault, mentions, counter))

    collecting = gc.isenabled()
    gc.disable()  # millions of strings and no cycles: the collector would only walk them, again and again
    _written.clear()  # the caches live for one call (and are inherited empty by the workers)
    _flagged.clear()
    try:
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            take(map(_chunk_keys, _chunks(lines)))
        else:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                take(pool.imap(_chunk_keys_joined, _chunks(lines)))
        _written.clear()
        _flagged.clear()
        records = np.repeat(np.arange(len(ids), dtype=np.int64), counts_of_lines)
        mentions = np.frombuffer(key_ids, dtype=np.int64) if key_ids else np.zeros(0, np.int64)
        first = first_of_component(len(ids), records, mentions, next(counter)).tolist()
        flagged = {i: [_flag(k, notes[k]) for k in odd] for i, odd in odd_lines.items()}
        _write(out, ids, errors, first, flagged)
    finally:
        _written.clear()
        _flagged.clear()
        if collecting:
            gc.enable()
    return len(errors)


def _flag(key: str, notes: tuple[str, ...]) -> dict[str, Any]:
    return {"kind": _CODE_KIND[key[0]], "value": key[1:], "flags": list(notes)}


def _write(
    out: IO[bytes] | IO[str],
    ids: list[Any],
    errors: dict[int, str],
    first: list[int],
    flagged: dict[int, list[dict[str, Any]]],
) -> None:
    binary = not isinstance(out, io.TextIOBase)
    dumps = orjson.dumps
    for start in range(0, len(ids), 10_000):
        lines = []
        for i, ident in enumerate(ids[start : start + 10_000], start):
            if i in errors:
                lines.append(dumps({"id": ident, "error": errors[i]}))
            elif i in flagged:
                lines.append(dumps({"id": ident, "group": ids[first[i]], "flagged": flagged[i]}))
            else:
                lines.append(dumps({"id": ident, "group": ids[first[i]]}))
        data = b"\n".join(lines) + b"\n"
        out.write(data if binary else data.decode())  # type: ignore[arg-type]
