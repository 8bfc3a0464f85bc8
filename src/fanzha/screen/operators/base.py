"""The operator contract and the argument checks every operator shares.

An operator is one small unit: a name, a description of itself in Chinese (for `fanzha screen
operators` and the rules document), what it needs beyond the transfer (history, intelligence, the
purpose text), and `compile`, which checks a rule's argument — raising `RuleError` that names the rule
and the field — and returns a predicate over `Facts` with a sentence describing it.

Predicates answer True, False, or None when the data they need is missing ("unknown"): conditions
combine them with three-valued logic, and a rule fires only on True.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from fanzha.screen.facts import Facts

Predicate = Callable[[Facts], bool | None]
Explain = Callable[[Facts], str | None]


class RuleError(ValueError):
    """A rule file that cannot be loaded; the message (Chinese) names the rule and the field."""


@dataclass(frozen=True, slots=True)
class Compiled:
    test: Predicate
    text: str  # the condition in words
    needs: frozenset[str] = frozenset()
    cost: int = 1  # relative cost of a test: conditions run the cheap parts first
    # What the facts behind the answer are, in words, for the parts about who the parties are (收款方为单位
    # （国家电网）): a decision names them when they alone keep a rule from firing. None for other parts.
    explain: Explain | None = None
    parts: tuple[Compiled, ...] = ()  # of a condition that holds when all of them do


class Operator:
    name: ClassVar[str]
    help: ClassVar[str]  # what it tests, in Chinese
    example: ClassVar[str]  # an argument, as written in YAML
    needs: ClassVar[frozenset[str]] = frozenset()
    cost: ClassVar[int] = 1  # 1: a field; 2: a lookup; 5: a scan of history

    def compile(self, arg: Any, where: str) -> Compiled:
        raise NotImplementedError

    def done(self, test: Predicate, text: str, explain: Explain | None = None) -> Compiled:
        return Compiled(test, text, self.needs, self.cost, explain)


def yuan(amount: float) -> str:
    """50000 → 5万元, 2000 → 2000元, 15000 → 1.5万元."""
    if amount >= 10_000:
        return f"{amount / 10_000:g}万元"
    return f"{amount:g}元"


def number(value: Any, where: str, *, low: float = 0, high: float = 1e12) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise RuleError(f"{where}：应为 {low:g} 到 {high:g} 之间的数字")
    return float(value)


def mapping(arg: Any, where: str, keys: Sequence[str], *, required: Sequence[str] = ()) -> dict[str, Any]:
    if not isinstance(arg, dict):
        raise RuleError(f"{where}：应为对象，字段为 {'、'.join(keys)}")
    unknown = sorted(set(arg) - set(keys), key=str)  # YAML keys may be numbers too
    if unknown:
        raise RuleError(f"{where}：未知字段 {'、'.join(map(str, unknown))}（可用：{'、'.join(keys)}）")
    missing = [key for key in required if key not in arg]
    if missing:
        raise RuleError(f"{where}：缺少字段 {'、'.join(missing)}")
    return arg


def bounds(arg: Any, where: str, *, high: float = 1e12) -> tuple[float | None, float | None]:
    """`{min: a, max: b}` (either may be left out) or a bare number meaning `{min: n}`."""
    if isinstance(arg, int | float) and not isinstance(arg, bool):
        return number(arg, where, high=high), None
    found = mapping(arg, where, ["min", "max"])
    low = number(found["min"], f"{where}.min", high=high) if "min" in found else None
    top = number(found["max"], f"{where}.max", high=high) if "max" in found else None
    if low is None and top is None:
        raise RuleError(f"{where}：至少给出 min 或 max")
    if low is not None and top is not None and low >= top:
        raise RuleError(f"{where}：min 应小于 max")
    return low, top


def in_bounds(value: float, low: float | None, top: float | None) -> bool:
    """`min` inclusive, `max` exclusive: bands [1万, 5万) and [5万, …) do not overlap."""
    return (low is None or value >= low) and (top is None or value < top)


def flag(arg: Any, where: str) -> bool:
    if not isinstance(arg, bool):
        raise RuleError(f"{where}：应为 true 或 false")
    return arg


def choices(arg: Any, where: str, allowed: Sequence[str]) -> frozenset[str]:
    items = [arg] if isinstance(arg, str) else arg
    if not isinstance(items, list) or not items or not all(isinstance(i, str) for i in items):
        raise RuleError(f"{where}：应为非空的字符串列表")
    bad = [i for i in items if i not in allowed]
    if bad:
        raise RuleError(f"{where}：不认识 {'、'.join(bad)}（可用：{'、'.join(allowed)}）")
    return frozenset(items)


def hours(arg: Any, where: str, *, limit: float) -> float:
    return number(arg, where, low=0.1, high=limit)


def count(arg: Any, where: str, *, limit: int = 10_000) -> int:
    if isinstance(arg, bool) or not isinstance(arg, int) or not 1 <= arg <= limit:
        raise RuleError(f"{where}：应为 1 到 {limit} 之间的整数")
    return arg


def range_text(what: str, low: float | None, top: float | None, unit: Callable[[float], str]) -> str:
    if low is not None and top is not None:
        return f"{what}在{unit(low)}至{unit(top)}之间"
    if low is not None:
        return f"{what}不低于{unit(low)}"
    assert top is not None
    return f"{what}低于{unit(top)}"
