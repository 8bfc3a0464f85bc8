"""The literals a cue's pattern cannot match without: the keywords of its Aho-Corasick prefilter.

A cue's regular expression runs only on texts that contain one of its keywords. Keywords written by
hand drift from the pattern (a new alternative `奖励` without the keyword `奖励` silently never fires),
so they are derived from the pattern itself. For a sequence, the most selective literal set some
element requires; adjacent elements that are exact alternatives (`(每天|每日)(赚|收入)`) are joined
into longer literals first; for alternatives, the union of each branch's set; a repeat that may occur
zero times requires nothing. `required_literals` returns None when some match needs no literal at all.

Selectivity: the longer the shortest literal, the better, where an identifier token (`\\ue000` …,
a link or number in the masked text, often runs of them) counts for little: it is everywhere.
"""

from __future__ import annotations

import re
import re._constants as c  # type: ignore[import-not-found]  # the parser behind re.compile
import re._parser as p  # type: ignore[import-not-found]
from functools import lru_cache
from typing import Any

Factors = frozenset[str] | None
_SMALL_CLASS = 8  # a character class of at most this many characters is an exact alternative
_MAX_EXACT = 64  # joined alternatives beyond this many literals are not worth it


@lru_cache(maxsize=1024)
def required_literals(pattern: str) -> Factors:
    """Strings of which every match of `pattern` contains at least one (None: no such set)."""
    return _sequence(list(p.parse(pattern)))


def _weight(literal: str) -> float:
    return sum(0.3 if "\ue000" <= ch <= "\ue00f" else 1.0 for ch in literal)


def _better(a: Factors, b: Factors) -> Factors:
    """The more selective of two factor sets: heavier lightest literal, then fewer literals."""
    if a is None:
        return b
    if b is None:
        return a
    key_a = (min(map(_weight, a)), -len(a))
    key_b = (min(map(_weight, b)), -len(b))
    return a if key_a >= key_b else b


def _sequence(items: list[tuple[Any, Any]]) -> Factors:
    best: Factors = None
    run: set[str] = {""}  # the exact alternatives of the current stretch of exact elements
    for op, av in items:
        exact = _exact(op, av)
        if exact is not None and len(run) * len(exact) <= _MAX_EXACT:
            run = {a + b for a in run for b in exact}
            continue
        if run != {""}:
            best = _better(best, frozenset(run))
        best = _better(best, _element(op, av))
        run = set(exact) if exact is not None else {""}
    if run != {""}:
        best = _better(best, frozenset(run))
    return best


def _exact(op: Any, av: Any) -> frozenset[str] | None:
    """All the strings an element can match, when it is a literal, a small class or alternatives of them."""
    if op is c.LITERAL:
        return frozenset([chr(av)])
    if op is c.IN:
        chars = [chr(v) for kind, v in av if kind is c.LITERAL]
        return frozenset(chars) if len(chars) == len(av) and len(chars) <= _SMALL_CLASS else None
    if op is c.SUBPATTERN:
        return _exact_sequence(list(av[-1]))
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _exact_sequence(list(branch))
            if found is None or not all(found):
                return None
            union |= found
        return frozenset(union) if len(union) <= _MAX_EXACT else None
    return None


def _exact_sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    strings = {""}
    for op, av in items:
        exact = _exact(op, av)
        if exact is None or len(strings) * len(exact) > _MAX_EXACT:
            return None
        strings = {a + b for a in strings for b in exact}
    return frozenset(strings)


def _element(op: Any, av: Any) -> Factors:
    if op is c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, sub = av
        return _sequence(list(sub)) if low >= 1 else None
    exact = _exact(op, av)
    return exact if exact else None


def top_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` as source text (`a|b(c|d)` → `a`, `b(c|d)`): joined with
    `|` they are the pattern again. A pattern that starts with global inline flags stays whole (split,
    the flags would bind to its first alternative only)."""
    if re.match(r"\(\?[aiLmsux]+\)", pattern):
        return [pattern]
    parts: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: skip to its end (a `]` first in it, or after `^`, is a literal)
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def alternative_literals(pattern: str) -> list[tuple[str, list[str]]] | None:
    """Each top-level alternative of `pattern` with the literals it cannot match without (sorted), so that
    only the alternatives whose literals occur in a text need to run on it (`fanzha.detect.cues`). None
    when the pattern has one alternative, or one of them needs no literal or does not compile alone."""
    parts = top_alternatives(pattern)
    if len(parts) < 2:
        return None
    out: list[tuple[str, list[str]]] = []
    for part in parts:
        try:
            re.compile(part)
        except re.error:
            return None
        literals = required_literals(part)
        if literals is None:
            return None
        out.append((part, sorted(literals)))
    return out
