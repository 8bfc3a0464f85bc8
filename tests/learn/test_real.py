"""The real SMS file: training labels, categories, the documented split."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from fanzha.learn.dataset import DatasetError
from fanzha.learn.real import DEVELOPMENT_FOLDS, HELD_OUT_FOLD, RealMessage, in_folds, read_real


@pytest.mark.parametrize(
    ("label", "source_label", "fine", "category"),
    [
        ("fraud", "FR:Phishing_Bank", "phishing", "scam"),
        ("fraud", "FR:Financial", "investment", "scam"),
        ("fraud", "FR:Other", "fraud", "scam"),
        ("ad", "AD:Loan", "loan_advert", "loan_advert"),
        ("ad", "AD:Retail", "advert", "advert"),
        ("illegal", "IL:Gambling", "illegal_advert", "illegal_advert"),
        ("normal", "0", "normal", "normal"),
        ("other", "Other", "normal", "normal"),
    ],
)
def test_labels_and_categories(label: str, source_label: str, fine: str, category: str) -> None:
    message = RealMessage("r", "t", label, "s", source_label, 0)
    assert message.fine_label == fine
    assert message.category == category


def test_the_held_out_fold_is_not_a_development_fold() -> None:
    assert HELD_OUT_FOLD not in DEVELOPMENT_FOLDS


def test_read_and_split(tmp_path: Path) -> None:
    path = tmp_path / "real.jsonl"
    rows = [
        {"id": f"r{i}", "text": "x", "label": "normal", "source": "s", "source_label": "0", "fold": i % 5}
        for i in range(10)
    ]
    path.write_bytes(b"\n".join(orjson.dumps(r) for r in rows))
    messages = read_real(path)
    assert len(in_folds(messages, DEVELOPMENT_FOLDS)) == 8
    assert {m.fold for m in in_folds(messages, [HELD_OUT_FOLD])} == {HELD_OUT_FOLD}


def test_a_malformed_row_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "real.jsonl"
    path.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(DatasetError, match=":1:"):
        read_real(path)
