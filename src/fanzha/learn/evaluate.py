"""`fanzha evaluate`: run the full engine (rules + model + identifiers) over a labelled file."""

from __future__ import annotations

from collections.abc import Sequence

from fanzha.detect.engine import Detector
from fanzha.learn.dataset import Example
from fanzha.learn.metrics import Report, classification_report
from fanzha.text.limits import InputError, check_text

BATCH = 512


def evaluate(
    detector: Detector, examples: Sequence[Example]
) -> tuple[Report, list[tuple[Example, str, int]]]:
    """The report, and for each example the predicted type and risk (for error analysis)."""
    predicted: list[str] = []
    flagged: list[bool] = []
    rows: list[tuple[Example, str, int]] = []
    for ex in examples:
        try:
            check_text(ex.text)
        except InputError as exc:
            raise InputError(f"样本 {ex.id}：{exc}") from None
    for start in range(0, len(examples), BATCH):
        batch = examples[start : start + BATCH]
        for ex, verdict in zip(batch, detector.assess_many([e.text for e in batch]), strict=True):
            predicted.append(verdict.fraud_type)
            flagged.append(verdict.is_fraud)
            rows.append((ex, verdict.fraud_type, verdict.risk))
    report = classification_report([e.label for e in examples], predicted, flagged=flagged)
    return report, rows
