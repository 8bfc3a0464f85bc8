from __future__ import annotations

import pytest

from fanzha.learn.metrics import classification_report


def test_perfect_predictions_score_one() -> None:
    gold = ["normal", "loan", "prize", "loan"]
    report = classification_report(gold, gold, flagged=[g != "normal" for g in gold])
    assert report.macro_f1 == 1.0
    assert report.scam_recall == 1.0
    assert report.false_alarm_rate == 0.0


def test_binary_view_counts_scams_flagged_under_the_wrong_type_as_caught() -> None:
    gold = ["loan", "prize", "normal", "normal"]
    predicted = ["prize", "prize", "normal", "loan"]
    report = classification_report(gold, predicted, flagged=[p != "normal" for p in predicted])
    assert report.scam_recall == 1.0
    assert report.false_alarm_rate == 0.5
    assert report.per_type["loan"]["recall"] == 0.0
    assert report.confusion["loan"] == {"prize": 1}


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        classification_report(["a"], ["a", "b"], flagged=[True])
