"""The operator registry: every condition a screening rule can use, each one small unit (Marble's operator
table). `OPERATORS[name].compile(argument, where)` checks the argument and returns the predicate;
`describe_operators()` lists them in words."""

from __future__ import annotations

from fanzha.screen.operators.base import Compiled, Explain, Operator, Predicate, RuleError
from fanzha.screen.operators.fields import FIELD_OPERATORS
from fanzha.screen.operators.history import HISTORY_OPERATORS
from fanzha.screen.operators.intel import FLAGGED_LEVELS, INTEL_OPERATORS
from fanzha.screen.operators.purpose import PURPOSE_OPERATORS

OPERATORS: dict[str, Operator] = {
    op.name: op for op in FIELD_OPERATORS + HISTORY_OPERATORS + INTEL_OPERATORS + PURPOSE_OPERATORS
}


def describe_operators() -> list[dict[str, str]]:
    """Each operator's name, what it tests (Chinese) and an example argument."""
    return [{"name": op.name, "help": op.help, "example": op.example} for op in OPERATORS.values()]


__all__ = [
    "FLAGGED_LEVELS",
    "OPERATORS",
    "Compiled",
    "Explain",
    "Operator",
    "Predicate",
    "RuleError",
    "describe_operators",
]
