"""`fanzha evaluate`: run the full engine (rules + model + identifiers) over a labelled file; and the
figures on real SMS (scams caught, everyday messages and adverts wrongly called scams)."""

from __future__ import annotations

from collections.abc import Sequence

from fanzha.detect.engine import Detector
from fanzha.learn.dataset import Example
from fanzha.learn.metrics import Report, classification_report
from fanzha.learn.real import RealMessage
from fanzha.taxonomy import ADVERT_KINDS
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


def evaluate_real(
    detector: Detector, messages: Sequence[RealMessage]
) -> dict[str, dict[str, dict[str, float]]]:
    """Per label of the real SMS file (fraud, normal, ad, illegal, other) and per source label: how many
    rows, the share called a scam and the share called an advert."""
    counts: dict[str, dict[str, list[int]]] = {"label": {}, "source_label": {}}
    for start in range(0, len(messages), BATCH):
        batch = messages[start : start + BATCH]
        for message, verdict in zip(
            batch, detector.assess_many([m.text for m in batch], explain=False), strict=True
        ):
            advert = verdict.category in ADVERT_KINDS
            for key, value in (
                ("label", message.label),
                ("source_label", f"{message.source}:{message.source_label}"),
            ):
                row = counts[key].setdefault(value, [0, 0, 0])
                row[0] += 1
                row[1] += verdict.is_fraud
                row[2] += advert
    return {
        key: {
            value: {"n": n, "scam": round(scam / n, 4), "advert": round(advert / n, 4)}
            for value, (n, scam, advert) in sorted(groups.items())
        }
        for key, groups in counts.items()
    }
