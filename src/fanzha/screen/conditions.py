"""Conditions: operators combined with `all`, `any` and `not`, compiled once into plain closures.

    when:                      # a mapping with several operators means all of them
      payer_age: {min: 60}
      any:
        - purpose_contains: [安全账户]
        - contact_flagged: {hours: 24}

Three-valued logic (Kleene): a predicate whose data is missing answers None. `all` is False if any part
is False, else None if any part is None; `any` is True if any part is True, else None if any part is
None; `not` keeps None. `unless` is True unless its part is known to be True ("not a company, as far as
we know"): missing data does not stop the rule. A rule fires only when its condition is True.
"""

from __future__ import annotations

from typing import Any

from fanzha.screen.facts import Facts
from fanzha.screen.operators import OPERATORS, Compiled, Predicate, RuleError

COMBINATORS = ("all", "any", "not", "unless")


def _all(parts: list[Predicate]) -> Predicate:
    if len(parts) == 1:
        return parts[0]

    def test(f: Facts) -> bool | None:
        unknown = False
        for part in parts:
            answer = part(f)
            if answer is False:
                return False
            if answer is None:
                unknown = True
        return None if unknown else True

    return test


def _any(parts: list[Predicate]) -> Predicate:
    def test(f: Facts) -> bool | None:
        unknown = False
        for part in parts:
            answer = part(f)
            if answer is True:
                return True
            if answer is None:
                unknown = True
        return None if unknown else False

    return test


def _not(part: Predicate) -> Predicate:
    def test(f: Facts) -> bool | None:
        answer = part(f)
        return None if answer is None else not answer

    return test


def _unless(part: Predicate) -> Predicate:
    def test(f: Facts) -> bool:
        return part(f) is not True

    return test


def _cheap_first(parts: list[Compiled]) -> list[Predicate]:
    """The parts' tests, cheapest first (all / any give the same answer in any order)."""
    return [p.test for p in sorted(parts, key=lambda p: p.cost)]


def _cost(parts: list[Compiled]) -> int:
    return sum(p.cost for p in parts)


def _join(parts: list[Compiled], word: str) -> str:
    """Parts in words; a part that is itself a combination goes in brackets."""
    texts = [p.text for p in parts]
    if len(texts) == 1:
        return texts[0]
    return word.join(f"（{t}）" if "，且" in t or "，或" in t else t for t in texts)


def compile_condition(node: Any, where: str) -> Compiled:
    """The predicate of a condition tree, or RuleError naming `where` (the rule and the field)."""
    if isinstance(node, list):
        if not node:
            raise RuleError(f"{where}：条件列表不能为空")
        parts = [compile_condition(item, f"{where}[{i}]") for i, item in enumerate(node)]
        return Compiled(_all(_cheap_first(parts)), _join(parts, "，且"), _needs(parts), _cost(parts))
    if not isinstance(node, dict) or not node:
        raise RuleError(f"{where}：应为条件对象，例如 {{amount: {{min: 50000}}}}")
    parts = []
    for key, arg in node.items():
        here = f"{where}.{key}"
        if key in ("all", "any"):
            if not isinstance(arg, list) or not arg:
                raise RuleError(f"{here}：应为非空的条件列表")
            items = [compile_condition(item, f"{here}[{i}]") for i, item in enumerate(arg)]
            test = _all(_cheap_first(items)) if key == "all" else _any(_cheap_first(items))
            word = "，且" if key == "all" else "，或"
            parts.append(Compiled(test, _join(items, word), _needs(items), _cost(items)))
        elif key == "not":
            inner = compile_condition(arg, here)
            parts.append(Compiled(_not(inner.test), f"并非{inner.text}", inner.needs, inner.cost))
        elif key == "unless":
            inner = compile_condition(arg, here)
            parts.append(Compiled(_unless(inner.test), f"除非已知{inner.text}", inner.needs, inner.cost))
        elif key in OPERATORS:
            parts.append(OPERATORS[key].compile(arg, here))
        else:
            known = "、".join([*COMBINATORS, *OPERATORS])
            raise RuleError(f"{here}：不认识的条件 {key}（可用：{known}）")
    return Compiled(_all(_cheap_first(parts)), _join(parts, "，且"), _needs(parts), _cost(parts))


def _needs(parts: list[Compiled]) -> frozenset[str]:
    return frozenset().union(*(p.needs for p in parts))
