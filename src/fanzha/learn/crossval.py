"""Cross-validation on the real development folds: one model per fold, trained without it.

The cue rules and the engine's weights are tuned on the development folds (0–3) of the real SMS.
Tuning against the shipped model would be tuning against a model that has memorised those rows, so
tuning sees each row through the model trained without its fold (`fold-K.npz`): out-of-fold
verdicts, as unseen text gets. The held-out fold 4 is never used here.

    python -m fanzha.learn.crossval --data ../shared/data/texts --out benchmarks/out/crossval
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from fanzha.detect.engine import Detector
from fanzha.detect.model import LinearTextModel
from fanzha.learn.dataset import iter_clean, read_examples
from fanzha.learn.real import DEVELOPMENT_FOLDS, RealMessage, default_real_path, in_folds, read_real
from fanzha.learn.train import TYPE_C_GRID, corpus_set, fit

BATCH = 512


def model_path(out_dir: Path, fold: int) -> Path:
    return out_dir / f"fold-{fold}.npz"


def train_fold_models(
    *, data_dir: Path, out_dir: Path, log: Callable[[str], None], folds: Sequence[int] = DEVELOPMENT_FOLDS
) -> list[Path]:
    """Train one model per development fold on everything but that fold (and the held-out fold)."""
    corpus = corpus_set(data_dir / "train.jsonl")
    real = read_real(default_real_path(data_dir))
    dev = list(iter_clean(read_examples(data_dir / "dev.jsonl")))
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for fold in folds:
        others = [f for f in DEVELOPMENT_FOLDS if f != fold]
        train = corpus + [m.example() for m in in_folds(real, others)]
        log(f"fold {fold}: training on folds {others} …")
        result = fit(train, dev, type_c_grid=TYPE_C_GRID[-1:], log=log)
        path = model_path(out_dir, fold)
        result.model.save(path)
        paths.append(path)
    return paths


def out_of_fold(
    messages: Sequence[RealMessage], models_dir: Path, make: Callable[[LinearTextModel], Detector]
) -> list[tuple[RealMessage, object]]:
    """(message, assessment) for each development-fold message, assessed by its fold's model."""
    out: list[tuple[RealMessage, object]] = []
    for fold in DEVELOPMENT_FOLDS:
        rows = [m for m in messages if m.fold == fold]
        detector = make(LinearTextModel.load(model_path(models_dir, fold)))
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            out.extend(zip(batch, detector.assess_many([m.text for m in batch], explain=False), strict=True))
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the shared data's texts/ directory")
    parser.add_argument("--out", type=Path, required=True, help="where to write fold-K.npz")
    args = parser.parse_args(argv)
    for path in train_fold_models(
        data_dir=args.data, out_dir=args.out, log=lambda m: print(m, file=sys.stderr)
    ):
        print(path)


if __name__ == "__main__":
    main()
