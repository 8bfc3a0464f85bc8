"""The literals a cue's pattern cannot match without: the keywords of its Aho-Corasick prefilter.

A cue's regular expression runs only on texts that contain one of its keywords. Keywords written by
hand drift from the pattern (a new alternative `奖励` without the keyword `奖励` silently never fires),
so they are derived from the pattern itself: for a sequence, the best literal some element requires;
for alternatives, the union of each branch's; a repeat that may occur zero times requires nothing.
`required_literals` returns None when some match needs no literal at all; such a cue runs on every text.
"""

from __future__ import annotations

import re._constants as c  # type: ignore[import-not-found]  # the parser behind re.compile
import re._parser as p  # type: ignore[import-not-found]
from functools import lru_cache
from typing import Any

Factors = frozenset[str] | None
_SMALL_CLASS = 8  # a character class of at most this many characters still gives factors


@lru_cache(maxsize=1024)
def required_literals(pattern: str) -> Factors:
    """Strings of which every match of `pattern` contains at least one (None: no such set)."""
    return _sequence(list(p.parse(pattern)))


def _better(a: Factors, b: Factors) -> Factors:
    """The more selective of two factor sets: longer shortest literal, then fewer literals."""
    if a is None:
        return b
    if b is None:
        return a
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return a if key_a >= key_b else b


def _sequence(items: list[tuple[Any, Any]]) -> Factors:
    best: Factors = None
    run = ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av)
            continue
        if run:
            best = _better(best, frozenset([run]))
            run = ""
        best = _better(best, _element(op, av))
    if run:
        best = _better(best, frozenset([run]))
    return best


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
    if op is c.IN:
        chars = [chr(v) for kind, v in av if kind is c.LITERAL]
        if len(chars) == len(av) and len(chars) <= _SMALL_CLASS:
            return frozenset(chars)
        return None
    return None
