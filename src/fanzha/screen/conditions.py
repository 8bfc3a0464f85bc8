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

Parts about who the parties are (`payee_kind`, `payer_kind`, `payee_regulars`, `payee_known_days`)
explain themselves in words. A risk rule's condition (`compile_rule`) notes when those parts alone kept
it from firing — every other part held — so that the decision can say so: 收款方为单位（国家电网）.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fanzha.screen.facts import Facts
from fanzha.screen.operators import OPERATORS, Compiled, Explain, Predicate, RuleError

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


def _explain_any(parts: Sequence[Compiled]) -> Explain | None:
    """Why an `any` holds, when only parts that explain themselves make it hold: the words of the first."""
    named = [(p.test, p.explain) for p in parts if p.explain is not None]
    if not named:
        return None
    others = [p.test for p in parts if p.explain is None]

    def explain(f: Facts) -> str | None:
        for other in others:
            if other(f) is True:
                return None  # it holds for another reason too (a card payment)
        for test, words in named:
            if test(f) is True:
                return words(f)
        return None

    return explain


def _explain_all(parts: Sequence[Compiled]) -> Explain | None:
    """Why an `all` fails: the words of its first part that fails and explains itself."""
    named = [p for p in parts if p.explain is not None]
    if not named:
        return None

    def explain(f: Facts) -> str | None:
        for part in named:
            if part.test(f) is False:
                return part.explain(f) if part.explain is not None else None
        return None

    return explain


def _flat(compiled: Compiled) -> list[Compiled]:
    """The parts that must all hold, `all` inside `all` taken apart."""
    if not compiled.parts:
        return [compiled]
    return [leaf for part in compiled.parts for leaf in _flat(part)]


def compile_rule(node: Any, where: str, rule_id: str) -> Compiled:
    """A risk rule's condition (`compile_condition`) that also notes, in `Facts.spared`, when it failed only
    through parts that explain themselves (who the parties are) while every other part held: the rule id
    and those parts' words, for the decision to give. The same answers as the plain condition; the parts
    run cheapest first, at the same cost the others before those."""
    condition = compile_condition(node, where)
    ordered = sorted(_flat(condition), key=lambda p: (p.cost, p.explain is not None))
    if all(p.explain is None for p in ordered):
        return condition
    parts = [(p.test, p.explain) for p in ordered]

    def test(f: Facts) -> bool | None:
        unknown = False
        failed: list[Explain] = []
        for part, explain in parts:
            answer = part(f)
            if answer is True:
                continue
            if answer is None:
                unknown = True
            elif explain is None:
                return False
            else:
                failed.append(explain)
        if not failed:
            return None if unknown else True
        if not unknown and f.spared is not None:
            said = [explain(f) for explain in failed]
            if all(said):  # else it failed for another reason too (a card payment): nothing to say
                f.spared.append((rule_id, "；".join(w for w in said if w)))
        return False

    return Compiled(test, condition.text, condition.needs, condition.cost, condition.explain, condition.parts)


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
        return _all_of(parts)
    if not isinstance(node, dict) or not node:
        raise RuleError(f"{where}：应为条件对象，例如 {{amount: {{min: 50000}}}}")
    parts = []
    for key, arg in node.items():
        here = f"{where}.{key}"
        if key in ("all", "any"):
            if not isinstance(arg, list) or not arg:
                raise RuleError(f"{here}：应为非空的条件列表")
            items = [compile_condition(item, f"{here}[{i}]") for i, item in enumerate(arg)]
            if key == "all":
                parts.append(_all_of(items))
            else:
                test = _any(_cheap_first(items))
                parts.append(
                    Compiled(test, _join(items, "，或"), _needs(items), _cost(items), _explain_any(items))
                )
        elif key in ("not", "unless"):
            inner = compile_condition(arg, here)
            test, word = (_not(inner.test), "并非") if key == "not" else (_unless(inner.test), "除非已知")
            parts.append(Compiled(test, f"{word}{inner.text}", inner.needs, inner.cost, inner.explain))
        elif key in OPERATORS:
            parts.append(OPERATORS[key].compile(arg, here))
        else:
            known = "、".join([*COMBINATORS, *OPERATORS])
            raise RuleError(f"{here}：不认识的条件 {key}（可用：{known}）")
    return _all_of(parts)


def _all_of(parts: list[Compiled]) -> Compiled:
    if len(parts) == 1:
        return parts[0]
    return Compiled(
        _all(_cheap_first(parts)),
        _join(parts, "，且"),
        _needs(parts),
        _cost(parts),
        _explain_all(parts),
        tuple(parts),
    )


def _needs(parts: list[Compiled]) -> frozenset[str]:
    return frozenset().union(*(p.needs for p in parts))
