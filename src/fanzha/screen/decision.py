"""What screening returns for one transfer: the live rule set's verdict — outcome, score, the rules that
fired with their clauses, the risk rules that only who the parties are kept from firing (with no score
and `"spared": true`: 收款方为单位（国家电网），此条不计分：…), the actions to take — every rule's
execution, and the shadow candidate's verdict when one runs beside it (recorded, never acted on)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from fanzha.screen.rules import Rule, RuleSet

if TYPE_CHECKING:
    from fanzha.screen.state import Movement

RESULTS = {True: "hit", False: "no_hit", None: "unknown"}  # an execution's result (unknown: data missing)
# One character per rule, in the rule set's order: how the store keeps every execution (31 bytes for the
# default set instead of 2 KB of JSON; the rule ids and scores come from the stored rule set's version).
CODES = {True: "h", False: ".", None: "?"}
_DECODED = {"h": True, ".": False, "?": None}


@lru_cache(maxsize=16_384)
def _execution(rule: Rule, result: bool | None) -> dict[str, Any]:
    """One rule execution's record (shared between decisions: do not change it)."""
    return {"rule": rule.id, "result": RESULTS[result], "score": rule.score if result is True else 0}


def expand_executions(rules: RuleSet, code: str) -> list[dict[str, Any]]:
    """The executions a `Verdict.execution_code` stands for, under the rule set it was made with."""
    if len(code) != len(rules.rules) or not set(code) <= set(_DECODED):
        raise ValueError(f"执行记录与规则集 {rules.version} 不符")
    return [_execution(rule, _DECODED[c]) for rule, c in zip(rules.rules, code, strict=True)]


@dataclass(frozen=True, slots=True)
class Verdict:
    rules: RuleSet
    outcome: str
    score: int
    fired: tuple[Rule, ...]  # most severe first
    results: tuple[bool | None, ...]  # one per rule of `rules`, in order
    spared: tuple[tuple[Rule, str], ...] = ()  # (rule, why it did not count): who the parties are

    @property
    def version(self) -> str:
        return self.rules.version

    def reasons(self) -> list[dict[str, Any]]:
        fired = [
            {
                "rule": r.id,
                "clause": r.clause,
                "score": r.score,
                **({"typology": r.typology} if r.typology else {}),
            }
            for r in self.fired
        ]
        if not self.spared:
            return fired
        return fired + [
            {"rule": r.id, "clause": f"{words}，此条不计分：{r.clause}", "score": 0, "spared": True}
            for r, words in self.spared
        ]

    def actions(self) -> list[dict[str, str]]:
        if self.outcome == "allow":
            return []
        codes = list(self.rules.outcome_actions[self.outcome])
        for rule in self.fired:
            codes.extend(c for c in rule.actions if c not in codes)
        return [{"code": c, "text": self.rules.action_texts[c]} for c in codes]

    def executions(self) -> list[dict[str, Any]]:
        """Every rule evaluated: its id, result (hit / no_hit / unknown) and the score it added."""
        return [_execution(rule, result) for rule, result in zip(self.rules.rules, self.results, strict=True)]

    def execution_code(self) -> str:
        """`executions` in one character per rule (h hit, . no_hit, ? unknown): see `expand_executions`."""
        return "".join([CODES[result] for result in self.results])

    def summary(self) -> dict[str, Any]:
        return {
            "rules_version": self.version,
            "outcome": self.outcome,
            "score": self.score,
            "reasons": self.reasons(),
        }


@dataclass(frozen=True, slots=True)
class Decision:
    id: str
    live: Verdict
    shadow: Verdict | None = None
    movement: Movement | None = None  # what the transfer added to the history (None: nothing)

    @property
    def outcome(self) -> str:
        return self.live.outcome

    def to_dict(self, *, executions: bool = False) -> dict[str, Any]:
        """The decision as the API and `fanzha screen --jsonl` give it."""
        out: dict[str, Any] = {
            "id": self.id,
            "outcome": self.live.outcome,
            "score": self.live.score,
            "reasons": self.live.reasons(),
            "actions": self.live.actions(),
            "rules_version": self.live.version,
        }
        if self.shadow is not None:
            out["shadow"] = self.shadow.summary()
        if executions:
            out["executions"] = self.live.executions()
        return out
