"""Classification metrics without scikit-learn: macro-F1, per-type precision/recall, confusion,
and the binary view a citizen cares about (scam recall, false alarms on everyday messages)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fanzha.taxonomy import ADVERT_KINDS, NORMAL


@dataclass(frozen=True, slots=True)
class Report:
    n: int
    accuracy: float
    macro_f1: float
    per_type: dict[str, dict[str, float]]
    confusion: dict[str, dict[str, int]]
    scam_recall: float  # share of scams flagged as scams (any type)
    false_alarm_rate: float  # share of normal texts flagged as scams
    binary_f1: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "scam_recall": round(self.scam_recall, 4),
            "false_alarm_rate": round(self.false_alarm_rate, 4),
            "binary_f1": round(self.binary_f1, 4),
            "per_type": self.per_type,
            "confusion": self.confusion,
        }


def scam_labels(predicted: Sequence[str]) -> list[str]:
    """Predictions for a set labelled only scam types and `normal`: an advert is not a scam."""
    return [NORMAL if p in ADVERT_KINDS else p for p in predicted]


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def classification_report(
    gold: Sequence[str], predicted: Sequence[str], *, flagged: Sequence[bool]
) -> Report:
    """Metrics of predicted types against gold labels; `flagged` is the binary scam verdict.

    Macro-F1 averages over the labels that occur in `gold`.
    """
    if len(gold) != len(predicted) or len(gold) != len(flagged):
        raise ValueError("gold, predicted and flagged must have the same length")
    labels = sorted(set(gold))
    pairs = Counter(zip(gold, predicted, strict=True))
    per_type: dict[str, dict[str, float]] = {}
    for label in labels:
        tp = pairs[(label, label)]
        n_pred = sum(v for (g, p), v in pairs.items() if p == label)
        n_gold = sum(v for (g, p), v in pairs.items() if g == label)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        per_type[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(_f1(precision, recall), 4),
            "support": n_gold,
        }
    confusion = {
        g: {p: pairs[(g, p)] for p in sorted(set(predicted) | set(labels)) if pairs[(g, p)]} for g in labels
    }
    scams = [f for g, f in zip(gold, flagged, strict=True) if g != NORMAL]
    normals = [f for g, f in zip(gold, flagged, strict=True) if g == NORMAL]
    recall = sum(scams) / len(scams) if scams else 0.0
    false_alarm = sum(normals) / len(normals) if normals else 0.0
    flagged_total = sum(flagged)
    precision = sum(scams) / flagged_total if flagged_total else 0.0
    n = len(gold)
    return Report(
        n=n,
        accuracy=sum(v for (g, p), v in pairs.items() if g == p) / n if n else 0.0,
        macro_f1=sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0,
        per_type=per_type,
        confusion=confusion,
        scam_recall=recall,
        false_alarm_rate=false_alarm,
        binary_f1=_f1(precision, recall),
    )
