"""The model shipped in the package loads without network and reproduces its recorded dev score."""

from __future__ import annotations

from pathlib import Path

import pytest

from fanzha.detect.model import LinearTextModel, ModelError, shipped_model
from fanzha.learn.dataset import iter_clean, read_examples
from fanzha.learn.metrics import classification_report
from fanzha.learn.train import canonical_texts

DEV = Path(__file__).resolve().parents[3] / "shared" / "data" / "texts" / "dev.jsonl"


def test_shipped_model_loads_with_every_trained_class() -> None:
    model = shipped_model()
    assert "normal" in model.classes
    assert len(model.classes) >= 10
    assert model.coef.shape == (len(model.buckets), len(model.classes))


@pytest.mark.skipif(not DEV.is_file(), reason="shared/data is not beside the checkout")
def test_shipped_model_reproduces_its_recorded_dev_score() -> None:
    model = shipped_model()
    dev = list(iter_clean(read_examples(DEV)))
    predicted = model.predict(canonical_texts([e.text for e in dev]))
    report = classification_report(
        [e.label for e in dev], predicted, flagged=[p != "normal" for p in predicted]
    )
    assert report.macro_f1 == pytest.approx(model.meta["dev_macro_f1"], abs=0.002)


def test_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="不存在"):
        LinearTextModel.load(tmp_path / "nope.npz")


def test_corrupt_model_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a model")
    with pytest.raises(ModelError):
        LinearTextModel.load(broken)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    model = shipped_model()
    model.save(tmp_path / "m.npz")
    again = LinearTextModel.load(tmp_path / "m.npz")
    texts = ["您涉嫌洗钱请转入安全账户", "晚上一起吃饭"]
    assert again.predict(texts) == model.predict(texts)
