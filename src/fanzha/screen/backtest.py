"""Backtest: a candidate rule set beside the live one over a file of transfers (shadow mode, offline).

Both rule sets see the same transfers in the same order with the same history. The report gives each
one's count per outcome, the transitions matrix (live outcome → candidate outcome), a few examples of
each change, and — when lines carry `"label": "fraud" | "normal"` — precision and recall of each rule
set, counting a transfer as flagged when its outcome is at least `warn` and, separately, at least `hold`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from fanzha.screen.engine import Screener
from fanzha.screen.intel_view import IntelView
from fanzha.screen.jsonl import screen_stream
from fanzha.screen.outcomes import OUTCOME_NAMES, OUTCOMES, RANK
from fanzha.screen.rules import RuleSet
from fanzha.screen.state import MemoryState

FLAG_LEVELS = ("warn", "hold")


@dataclass(slots=True)
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def to_dict(self) -> dict[str, Any]:
        p, r = self.precision, self.recall
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
            "precision": None if p is None else round(p, 4), "recall": None if r is None else round(r, 4),
        }  # fmt: skip


@dataclass(slots=True)
class Backtest:
    live: str  # versions
    candidate: str
    screened: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    live_counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    candidate_counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    transitions: dict[str, dict[str, int]] = field(
        default_factory=lambda: {a: dict.fromkeys(OUTCOMES, 0) for a in OUTCOMES}
    )
    examples: list[dict[str, Any]] = field(default_factory=list)
    labelled: int = 0
    quality: dict[str, dict[str, Confusion]] = field(
        default_factory=lambda: {s: {f: Confusion() for f in FLAG_LEVELS} for s in ("live", "candidate")}
    )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "live": self.live,
            "candidate": self.candidate,
            "screened": self.screened,
            "errors": len(self.errors),
            "live_counts": self.live_counts,
            "candidate_counts": self.candidate_counts,
            "transitions": self.transitions,
            "changed": sum(n for a, row in self.transitions.items() for b, n in row.items() if a != b),
            "examples": self.examples,
        }
        if self.labelled:
            out["labelled"] = self.labelled
            out["quality"] = {
                side: {f"at_least_{level}": c.to_dict() for level, c in by_level.items()}
                for side, by_level in self.quality.items()
            }
        return out


def backtest(
    lines: Iterable[bytes],
    *,
    live: RuleSet,
    candidate: RuleSet,
    intel: IntelView | None = None,
    examples: int = 3,
) -> Backtest:
    """Screen `lines` (JSONL transfers) with `live` and, in shadow, `candidate`; compare."""
    screener = Screener(live, shadow=candidate, intel=intel)
    report = Backtest(live.version, candidate.version)
    shown: dict[tuple[str, str], int] = {}
    for item in screen_stream(lines, screener=screener, state=MemoryState()):
        if item.decision is None or item.transfer is None:
            report.errors.append({"line": item.line, "id": item.id, "error": item.error})
            continue
        assert item.decision.shadow is not None
        a, b = item.decision.live.outcome, item.decision.shadow.outcome
        report.screened += 1
        report.live_counts[a] += 1
        report.candidate_counts[b] += 1
        report.transitions[a][b] += 1
        if a != b and shown.get((a, b), 0) < examples:
            shown[(a, b)] = shown.get((a, b), 0) + 1
            report.examples.append(
                {
                    "id": item.decision.id,
                    "live": a,
                    "candidate": b,
                    "live_rules": [r.id for r in item.decision.live.fired],
                    "candidate_rules": [r.id for r in item.decision.shadow.fired],
                    **({"label": item.transfer.label} if item.transfer.label else {}),
                }
            )
        label = item.transfer.label
        if label is not None:
            report.labelled += 1
            for side, outcome in (("live", a), ("candidate", b)):
                for level in FLAG_LEVELS:
                    _count(report.quality[side][level], RANK[outcome] >= RANK[level], label == "fraud")
    return report


def _count(c: Confusion, flagged: bool, fraud: bool) -> None:
    if flagged and fraud:
        c.tp += 1
    elif flagged:
        c.fp += 1
    elif fraud:
        c.fn += 1
    else:
        c.tn += 1


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def render(report: Backtest) -> str:
    """The report in Chinese, for a terminal."""
    lines = [
        f"回测：现行规则集 {report.live} 对比候选规则集 {report.candidate}",
        f"筛查 {report.screened} 笔，无法读取 {len(report.errors)} 行。",
        "",
        "结论分布（笔数）：",
        "          现行    候选",
    ]
    for o in OUTCOMES:
        lines.append(f"  {o:6}{report.live_counts[o]:>6}{report.candidate_counts[o]:>8}  {OUTCOME_NAMES[o]}")
    lines += [
        "",
        "结论变化矩阵（行：现行，列：候选）：",
        "  " + " " * 8 + "".join(f"{o:>8}" for o in OUTCOMES),
    ]
    for a in OUTCOMES:
        lines.append(f"  {a:8}" + "".join(f"{report.transitions[a][b]:>8}" for b in OUTCOMES))
    changed = sum(n for a, row in report.transitions.items() for b, n in row.items() if a != b)
    lines += ["", f"结论改变 {changed} 笔。"]
    if report.examples:
        lines.append("示例：")
        for ex in report.examples:
            label = f"（标注：{ex['label']}）" if "label" in ex else ""
            lines.append(
                f"  {ex['id']}: {ex['live']} → {ex['candidate']}{label}  现行命中 {','.join(ex['live_rules']) or '无'}；"
                f"候选命中 {','.join(ex['candidate_rules']) or '无'}"
            )
    if report.labelled:
        lines += ["", f"带标注的交易 {report.labelled} 笔（fraud 为正例）："]
        for side, name in (("live", "现行"), ("candidate", "候选")):
            for level in FLAG_LEVELS:
                c = report.quality[side][level]
                lines.append(
                    f"  {name} 结论≥{level}：精确率 {_pct(c.precision)}，召回率 {_pct(c.recall)}"
                    f"（TP {c.tp} / FP {c.fp} / FN {c.fn}）"
                )
    return "\n".join(lines)
