"""The model shipped in the package loads without network and reproduces its recorded figures: its dev
score, and the engine's figures on the held-out fold of the real SMS."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from fanzha.detect.engine import Detector
from fanzha.detect.features import HASH_BITS, NGRAM_RANGE
from fanzha.detect.model import LinearTextModel, ModelError, dequantise, quantise, shipped_model
from fanzha.learn.build import held_out_summary, package_dir, recorded_held_out
from fanzha.learn.dataset import iter_clean, read_examples
from fanzha.learn.evaluate import evaluate_real
from fanzha.learn.metrics import classification_report, scam_labels
from fanzha.learn.real import HELD_OUT_FOLD, in_folds, read_real
from fanzha.learn.train import canonical_texts

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
DEV = SHARED / "texts" / "dev.jsonl"
REAL = SHARED / "real" / "real_sms.jsonl"


def test_shipped_model_has_its_heads_and_calibration() -> None:
    model = shipped_model()
    heads = model.heads
    assert set(heads["category"]) == {"normal", "scam", "advert", "loan_advert", "illegal_advert"}
    assert "phishing" in heads["type"] and "normal" not in heads["type"]
    assert model.coef.shape == (len(model.buckets), len(model.classes))
    calibration = model.meta["calibration"]
    assert calibration["evidence"] and calibration["model"] > 0
    # Neither train.jsonl nor the real SMS holds credit_record, other_fraud or shopping; the blind-written
    # development rows do, so no type rests on synthetic templates alone.
    assert model.meta["template_only_types"] == []
    assert model.meta["training_set"]["written"] > 0


@pytest.mark.skipif(not DEV.is_file(), reason="shared/data is not beside the checkout")
def test_shipped_model_reproduces_its_recorded_dev_score() -> None:
    model = shipped_model()
    dev = list(iter_clean(read_examples(DEV)))
    predicted = scam_labels(model.predict(canonical_texts([e.text for e in dev])))
    report = classification_report(
        [e.label for e in dev], predicted, flagged=[p != "normal" for p in predicted]
    )
    assert report.macro_f1 == pytest.approx(model.meta["dev_macro_f1"], abs=0.002)


@pytest.mark.skipif(not REAL.is_file(), reason="shared/data is not beside the checkout")
def test_shipped_model_reproduces_its_recorded_real_held_out_figures() -> None:
    model = shipped_model()
    held_out = in_folds(read_real(REAL), [HELD_OUT_FOLD])
    measured = evaluate_real(Detector(model=model), held_out)
    recorded = recorded_held_out(package_dir(), model)
    for label, figures in recorded["label"].items():
        assert measured["label"][label]["n"] == figures["n"]
        assert measured["label"][label]["scam"] == pytest.approx(figures["scam"], abs=0.002), label
        assert measured["label"][label]["advert"] == pytest.approx(figures["advert"], abs=0.002), label
    summary = held_out_summary(recorded)
    assert set(summary) == {"scams_caught", "everyday_flagged", "adverts_called_scams"}


def test_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="不存在"):
        LinearTextModel.load(tmp_path / "nope.npz")


def test_corrupt_model_file_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a model")
    with pytest.raises(ModelError):
        LinearTextModel.load(broken)


def test_save_and_load_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FANZHA_CACHE_DIR", str(tmp_path / "cache"))  # its ready copy is not the user's
    model = shipped_model()
    model.save(tmp_path / "m.npz")
    again = LinearTextModel.load(tmp_path / "m.npz")
    texts = ["您涉嫌洗钱请转入安全账户", "晚上一起吃饭"]
    assert again.predict(texts) == model.predict(texts)
    assert again.meta["calibration"] == model.meta["calibration"]


def test_quantised_weights_stay_within_their_bound() -> None:
    rng = np.random.default_rng(3)
    coef = (rng.standard_normal((1000, 4)) * [1.0, 5.0, 0.01, 0.0]).astype(np.float32)
    restored = dequantise(quantise(coef))
    bound = np.abs(coef).max(axis=0) / 65534 * 1.001 + 1e-9  # half a step, and float32's rounding
    assert (np.abs(restored - coef) <= bound).all()
    assert not restored[:, 3].any()  # an all-zero column stays zero (no division by a zero scale)


def test_models_saved_with_float16_weights_still_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FANZHA_CACHE_DIR", str(tmp_path / "cache"))
    model = shipped_model()
    old = tmp_path / "old.npz"
    np.savez(
        old,
        buckets=model.buckets.astype(np.int32),
        idf=model.idf.astype(np.float16),
        coef=model.coef.astype(np.float16),
        intercept=model.intercept,
        meta=np.frombuffer(
            json.dumps(
                model.meta
                | {"classes": list(model.classes), "hash_bits": HASH_BITS, "ngram_range": list(NGRAM_RANGE)}
            ).encode(),
            dtype=np.uint8,
        ),
    )
    texts = ["您涉嫌洗钱请转入安全账户", "晚上一起吃饭"]
    assert LinearTextModel.load(old).predict(texts) == model.predict(texts)
