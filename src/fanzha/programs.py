"""Regular expressions rebuilt from their compiled programs, kept on disk between runs.

`re.compile` parses a pattern and compiles it to a program in pure Python: the six hundred cue patterns
and their alternatives take 0.3 s, and every worker process of a batch (`fanzha check --jsonl`) paid
it again for the patterns its texts needed (0.14 s of its first 256 real SMS). The program is a list of
integers (`re._compiler._code`); kept in the cache (as base64 of its machine words: reading the table
takes 3 ms, against 13 ms as JSON numbers) with the pattern's flags and groups, `_sre.compile` rebuilds
the pattern from it in microseconds.

The cache is keyed by the patterns' source and by the Python build (`sys.version`, `_sre.MAGIC`: the
program format is CPython's own and changes between versions); `_sre.compile` validates every program
it is given, and anything amiss (an unknown pattern, another interpreter, a program refused, a cache
directory that cannot be written, where making the table would cost every run 0.3 s) falls back to
`re.compile`.

The modules of the engine compile about 780 patterns of their own when imported, 0.07–0.11 s of every
`fanzha check` start (2026-12-07, AMD EPYC; most of it a few character classes over the CJK block, which
the compiler walks one character at a time). `regex` serves those from a second table, of every
pattern this build has compiled through it before; what a process had to compile is added to the table
by `keep_compiled` (the engine calls it once loaded).
"""

from __future__ import annotations

import array
import base64
import re
import sys
from collections.abc import Iterable
from typing import Any

from fanzha.datafiles import keep_derived, load_derived, read_derived

_sre: Any
try:  # CPython's regular-expression engine and compiler
    import _sre  # type: ignore[import-not-found, no-redef]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another interpreter: re.compile it is
    _sre = None

Program = list[Any]  # [flags, code (base64 of its words), groups, groupindex, indexgroup]
_WORD = "I"  # the array type of one word of a program (`_sre.CODESIZE` bytes: checked before use)
_FORMAT = 2  # of the stored programs: a cache written in another format is not read
# programs can be stored and rebuilt here: CPython's engine, whose words are `_WORD`s
_USABLE = _sre is not None and array.array(_WORD).itemsize == _sre.CODESIZE


def program(pattern: str, flags: int = 0) -> Program:
    """What `re.compile(pattern, flags)` hands to `_sre.compile`, as JSON-able values."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    words = base64.b64encode(array.array(_WORD, code).tobytes()).decode("ascii")
    return [flags | parsed.state.flags, words, parsed.state.groups - 1, groupindex, indexgroup]


def rebuild(pattern: str, stored: Any) -> re.Pattern[str] | None:
    """`pattern` from its stored program (the cache is keyed by the pattern: a program is taken to be
    the pattern's own), or None when it is no program `_sre` accepts (the caller compiles)."""
    if not _USABLE:
        return None
    # not a program (TypeError, ValueError, OverflowError), or one _sre's validator refuses (RuntimeError)
    try:
        flags, words, groups, groupindex, indexgroup = stored
        code = array.array(_WORD, base64.b64decode(words, validate=True)).tolist()
        rebuilt: re.Pattern[str] = _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))
    except (RuntimeError, TypeError, ValueError, OverflowError):
        return None
    return rebuilt


class Programs:
    """The compiled programs of a known set of patterns, read from the cache (or made and cached) the
    first time one of them is compiled in this process."""

    def __init__(self, name: str, *, source: str, patterns: Iterable[str]) -> None:
        self._name = name
        self._source = source
        self._patterns = tuple(patterns)
        self._table: dict[str, Any] | None = None

    def __getstate__(self) -> dict[str, Any]:  # pickled (a taxonomy sent to another process): no table
        return {**self.__dict__, "_table": None}

    def compile(self, pattern: str) -> re.Pattern[str]:
        if not _USABLE:
            return re.compile(pattern)
        if self._table is None:
            self._table = self._load()
        rebuilt = rebuild(pattern, self._table.get(pattern))
        return rebuilt if rebuilt is not None else re.compile(pattern)

    def _load(self) -> dict[str, Any]:
        build = _build()

        def make() -> dict[str, Program]:
            return {p: program(p) for p in self._patterns}

        table = load_derived(self._name, source=f"{self._source}\0{build}", compute=make, only_to_keep=True)
        return table if isinstance(table, dict) else {}


def _build() -> str:
    """The interpreter build whose programs a table holds."""
    return f"{sys.implementation.name} {sys.version} {_sre.MAGIC} {_FORMAT}"


class _Compiled:
    """The table behind `regex`: read at the first pattern, added to by `keep`."""

    NAME = "module-programs"
    # Patterns edited over time leave their old programs behind: past this many, the table kept is only
    # what the keeping process compiled.
    MAX_KEPT = 4_000

    def __init__(self) -> None:
        self.table: dict[str, Any] | None = None
        self.used: dict[str, Any] = {}  # this process's patterns and their programs
        self.made = False  # a pattern was not in the table

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        if not _USABLE:
            return re.compile(pattern, flags)
        if self.table is None:
            table = read_derived(self.NAME, source=_build())
            self.table = table if isinstance(table, dict) else {}
        key = f"{flags}:{pattern}"
        stored = self.table.get(key)
        rebuilt = rebuild(pattern, stored) if stored is not None else None
        if rebuilt is None:
            try:
                stored = program(pattern, flags)
            except re.error:
                return re.compile(pattern, flags)  # raises the error as re.compile words it
            rebuilt = rebuild(pattern, stored)
            if rebuilt is None:  # pragma: no cover - a program _sre refuses
                return re.compile(pattern, flags)
            self.made = True
        self.used[key] = stored
        return rebuilt

    def keep(self) -> None:
        if not self.made or self.table is None:
            return
        table = {**self.table, **self.used}
        if len(table) > self.MAX_KEPT:
            table = dict(self.used)
        keep_derived(self.NAME, source=_build(), value=table)
        self.table, self.made = table, False


_COMPILED = _Compiled()


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, rebuilt from its program when this build has compiled it here before
    (see the module doc). For the patterns a module compiles when imported."""
    return _COMPILED.compile(pattern, flags)


def keep_compiled() -> None:
    """Keep the programs `regex` had to make in this process for the next one (nothing when it made
    none, or the cache cannot be written)."""
    _COMPILED.keep()
