"""`fanzha train` from start to end: the model, its calibration, its held-out figures, its card.

1. Fit the classifier on the corpus, the real development folds and the blind-written development rows
   (`fanzha.learn.train`).
2. Fit one model per development fold without that fold (cross-validation), so that each real
   development row is seen by a model that never saw it: tuning against the final model would be
   tuning against one that memorised the rows.
3. Calibrate the engine's weights (`fanzha.learn.calibrate`) on those out-of-fold rows and on
   labelled extra sets (the corpus dev split and `--calibrate-with` files; their `test` rows are
   skipped) seen by the final model.
4. Measure the engine with the calibrated weights on the held-out real fold and record the figures
   beside the model file, in `scam_model.held_out.json` (`tests/detect/test_shipped_model.py` checks
   that the shipped engine reproduces them); write the model card.

Texts written blind to the detector (`--train-with`: the `dev` rows of the independent sets) are
development rows like the real SMS: each is given a development fold by its id (`written_fold`), the
final model learns from all of them (WRITTEN_REPEAT times; the six default sets: 2,033 rows, 6,099 with the
repeats, beside 57,165 corpus and real rows), each fold
model without those of its fold, and calibration sees each through the model that did not learn it.
Why: the classifier had learned the corpus's model-written style and little else. Fitted with two of
the three independent sets' dev rows and scored on the third set's test rows, the category head alone
separated scams from everyday texts with an AUC of 0.915 / 0.913 / 0.925 instead of 0.848 / 0.816 /
0.851: texts by writers it never saw, on scenarios seldom repeated.
"""

from __future__ import annotations

import json
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

from fanzha.detect.engine import Detector
from fanzha.detect.model import MODEL_FILE, LinearTextModel
from fanzha.detect.scoring import Weights
from fanzha.learn import calibrate
from fanzha.learn.dataset import DatasetError, Example, iter_clean, read_examples
from fanzha.learn.evaluate import evaluate_real
from fanzha.learn.real import (
    DEVELOPMENT_FOLDS,
    HELD_OUT_FOLD,
    RealMessage,
    default_real_path,
    in_folds,
    read_real,
)
from fanzha.learn.train import corpus_set, fit

Log = Callable[[str], None]
HELD_OUT_FILE = "scam_model.held_out.json"
WRITTEN_REPEAT = 3  # how many times the final and fold models see each blind-written development row


def written_fold(example_id: str) -> int:
    """The development fold a blind-written row belongs to: fixed by its id."""
    return DEVELOPMENT_FOLDS[zlib.crc32(example_id.encode("utf-8")) % len(DEVELOPMENT_FOLDS)]


def read_written(paths: Sequence[Path]) -> dict[str, list[Example]]:
    """The `dev` rows of blind-written sets, by source (`independent2/scams`: directory and file)."""
    return {f"{path.parent.name}/{path.stem}": read_labelled_dev(path) for path in paths}


CORPUS_SOURCE = "corpus"  # the calibration source name of the corpus dev split


def read_calibration_sets(paths: Sequence[Path]) -> dict[str, list[Example]]:
    """The `dev` rows of labelled calibration sets, by source: the file's name (`ood_dev`), or directory
    and file (`independent7/scams`) when two files share a name, so that none replaces another; a name
    still shared, or `corpus` (the corpus dev split's), is an error."""
    stems = Counter(path.stem for path in paths)
    names = [path.stem if stems[path.stem] == 1 else f"{path.parent.name}/{path.stem}" for path in paths]
    clashes = sorted({name for name in names if names.count(name) > 1 or name == CORPUS_SOURCE})
    if clashes:
        raise DatasetError(
            f"校准集的名字重复或与语料开发集（{CORPUS_SOURCE}）重名：{'、'.join(clashes)}，请改名"
        )
    return {name: read_labelled_dev(path) for name, path in zip(names, paths, strict=True)}


def written_training(written: dict[str, list[Example]], folds: Sequence[int]) -> list[Example]:
    rows = [e for examples in written.values() for e in examples if written_fold(e.id) in folds]
    return rows * WRITTEN_REPEAT


def package_dir() -> Path:
    return Path(str(resources.files("fanzha.models")))


def read_labelled_dev(path: Path) -> list[Example]:
    """The rows of a labelled JSONL file used for calibration or, blind-written, for training too:
    `{"id", "text", "label"[, "split"]}`, `test` rows skipped."""
    if not path.is_file():
        raise DatasetError(
            f"找不到带标签的开发集文件：{path}（默认路径相对于项目根目录，请在项目根目录运行）"
        )
    out = []
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = orjson.loads(line)
                if row.get("split") == "test":
                    continue
                out.append(
                    Example(str(row.get("id", f"{path.stem}-{number}")), str(row["text"]), str(row["label"]))
                )
            except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise DatasetError(f"{path}:{number}: 不是 {{id, text, label}} 形式的JSON（{exc}）") from exc
    return out


def build_model(
    *,
    data_dir: Path,
    calibration_sets: Sequence[Path],
    out_dir: Path | None,
    log: Log,
    folds_dir: Path | None = None,
    written_sets: Sequence[Path] = (),
) -> LinearTextModel:
    """Train, calibrate, measure and save the model (see the module doc); returns it. `folds_dir`: where
    to keep the per-fold models (`fold-K.npz`) for error analysis; by default they are not kept.
    `written_sets`: blind-written development sets to learn from (see the module doc)."""
    started = time.perf_counter()
    corpus = corpus_set(data_dir / "train.jsonl")
    real = read_real(default_real_path(data_dir))
    dev = list(iter_clean(read_examples(data_dir / "dev.jsonl")))
    extras = read_calibration_sets(calibration_sets)
    written = read_written(written_sets)

    log("1/4 最终模型：语料 + 真实短信开发折 + 盲写开发集 …")
    final = fit(
        corpus
        + [m.example() for m in in_folds(real, DEVELOPMENT_FOLDS)]
        + written_training(written, DEVELOPMENT_FOLDS),
        dev,
        log=log,
    ).model
    type_c = float(final.meta["C"])

    folds: dict[int, LinearTextModel] = {}
    for fold in DEVELOPMENT_FOLDS:
        log(f"2/4 交叉验证：不含第 {fold} 折的模型 …")
        others = [f for f in DEVELOPMENT_FOLDS if f != fold]
        folds[fold] = fit(
            corpus + [m.example() for m in in_folds(real, others)] + written_training(written, others),
            dev,
            type_c_grid=(type_c,),
        ).model
        if folds_dir is not None:
            folds_dir.mkdir(parents=True, exist_ok=True)
            folds[fold].save(folds_dir / f"fold-{fold}.npz")
    final.meta["written_sets"] = sorted(written)
    held_out = _calibrate_and_measure(final, folds, real, dev, extras, written, log)
    final.meta["training_seconds"] = round(time.perf_counter() - started)
    target = out_dir if out_dir is not None else package_dir()
    target.mkdir(parents=True, exist_ok=True)
    final.save(target / MODEL_FILE)
    record_held_out(target, held_out)
    return final


def recalibrate(
    *,
    data_dir: Path,
    calibration_sets: Sequence[Path],
    model_dir: Path | None,
    folds_dir: Path,
    log: Log,
    written_sets: Sequence[Path] = (),
) -> LinearTextModel:
    """Steps 3–4 only, for a model trained before (`build_model` with `folds_dir`): after a change of the
    cue rules, which does not change what the classifier sees, the weights are calibrated again."""
    target = model_dir if model_dir is not None else package_dir()
    final = LinearTextModel.load(target / MODEL_FILE)
    folds = {}
    for fold in DEVELOPMENT_FOLDS:
        path = folds_dir / f"fold-{fold}.npz"
        if not path.is_file():
            raise DatasetError(f"找不到第 {fold} 折的模型：{path}（先用 --folds-dir 完整训练一次）")
        folds[fold] = LinearTextModel.load(path)
    real = read_real(default_real_path(data_dir))
    dev = list(iter_clean(read_examples(data_dir / "dev.jsonl")))
    extras = read_calibration_sets(calibration_sets)
    written = read_written(written_sets)
    if sorted(written) != sorted(final.meta.get("written_sets", [])):
        raise DatasetError(
            "--train-with 与训练时不同：模型训练时用了 "
            f"{final.meta.get('written_sets', [])}，这次给的是 {sorted(written)}"
        )
    held_out = _calibrate_and_measure(final, folds, real, dev, extras, written, log)
    final.save(target / MODEL_FILE)
    record_held_out(target, held_out)
    return final


def _calibrate_and_measure(
    final: LinearTextModel,
    folds: dict[int, LinearTextModel],
    real: Sequence[RealMessage],
    dev: Sequence[Example],
    extras: dict[str, list[Example]],
    written: dict[str, list[Example]],
    log: Log,
) -> dict[str, Any]:
    """Steps 3 and 4: calibrate the engine's weights (into `final.meta`), then measure on the held-out fold."""
    log("3/4 校准权重 …")
    rows: list[calibrate.Row] = []
    for fold, model in folds.items():
        fold_detector = Detector(model=model, weights=Weights())
        rows += _real_rows(fold_detector, in_folds(real, [fold]))
        for source, written_rows in written.items():  # each through the model that did not learn it
            mine = [e for e in written_rows if written_fold(e.id) == fold]
            rows += _labelled_rows(fold_detector, source, mine)
    detector = Detector(model=final, weights=Weights())
    for source, examples in {CORPUS_SOURCE: dev, **extras}.items():
        rows += _labelled_rows(detector, source, examples)
    calibration = calibrate.calibrate(rows)
    final.meta["calibration"] = calibration.to_meta()
    final.meta["calibration_sets"] = [
        "real folds " + ",".join(map(str, DEVELOPMENT_FOLDS)),
        "corpus dev",
        *extras,
        *(f"{source} (out of fold)" for source in written),
    ]
    log(f"4/4 在留出的第 {HELD_OUT_FOLD} 折真实短信上测量 …")
    return measure_held_out(final, real)


def measure_held_out(model: LinearTextModel, real: Sequence[RealMessage]) -> dict[str, Any]:
    """The engine's figures (with `model`) on the held-out fold of the real SMS."""
    return evaluate_real(Detector(model=model), in_folds(real, [HELD_OUT_FOLD]))


def record_held_out(target: Path, figures: dict[str, Any]) -> Path:
    """Keep the held-out figures beside the model file. They belong to the engine (model *and* cue rules),
    so a change of the rules re-measures them (`fanzha train --card-only`) without rewriting the 9 MB
    model file."""
    path = target / HELD_OUT_FILE
    path.write_text(
        json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path


def recorded_held_out(target: Path, model: LinearTextModel) -> dict[str, Any]:
    """The held-out figures recorded for the model in `target`: the file beside it, else its meta."""
    path = target / HELD_OUT_FILE
    if path.is_file():
        figures: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return figures
    return dict(model.meta.get("held_out", {}))


def _labelled_rows(detector: Detector, source: str, examples: Sequence[Example]) -> list[calibrate.Row]:
    groups = [calibrate.group_of(source, e.label) for e in examples]
    labels = [int(g.endswith(":scam")) for g in groups]
    return calibrate.rows_for(detector, [e.text for e in examples], groups, labels)


def _real_rows(detector: Detector, messages: Sequence[RealMessage]) -> list[calibrate.Row]:
    return calibrate.rows_for(
        detector,
        [m.text for m in messages],
        [f"real:normal/{m.source}" if m.label == "normal" else f"real:{m.label}" for m in messages],
        [int(m.label == "fraud") for m in messages],
    )


def held_out_summary(held_out: dict[str, Any]) -> dict[str, float]:
    """The headline figures of the held-out fold (`measure_held_out`)."""
    labels = held_out["label"]
    adverts = [labels[k] for k in ("ad", "illegal") if k in labels]
    n_adverts = sum(a["n"] for a in adverts)
    return {
        "scams_caught": labels["fraud"]["scam"],
        "everyday_flagged": labels["normal"]["scam"],
        "adverts_called_scams": round(sum(a["scam"] * a["n"] for a in adverts) / n_adverts, 4)
        if n_adverts
        else 0.0,
    }
