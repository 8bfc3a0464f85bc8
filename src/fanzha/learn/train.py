"""`fanzha train`: fit the text classifier on the shared corpus and real SMS, write it with its card.

Two heads over the same hashed n-gram features (see `fanzha.detect.model`):
- `category` (normal, scam, advert, loan_advert, illegal_advert) learns from every row: the
  model-written corpus, synthetic examples, real reviews, and the development folds of the real
  SMS (`fanzha.learn.real`), whose adverts are plentiful real "not a scam" examples; the mean of a
  logistic regression and a factorised linear model (`fanzha.learn.factorised`, which says why), one
  linear head like the other;
- `type` (which fraud type) learns from the scam rows whose type is known.

Deterministic: the same data give the same model, bit for bit on one machine.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from fanzha.detect.features import hashed_ngrams, tfidf_weights
from fanzha.detect.model import LinearTextModel
from fanzha.detect.prepare import prepare_many
from fanzha.learn.augment import everyday_reviews, short_crops, synthetic_examples
from fanzha.learn.dataset import Example, iter_clean, read_examples
from fanzha.learn.factorised import EPOCHS, RANK, fit_factorised
from fanzha.learn.metrics import classification_report, scam_labels
from fanzha.learn.real import DEVELOPMENT_FOLDS, in_folds, read_real
from fanzha.taxonomy import ADVERT_KINDS, NORMAL, SCAM, UNKNOWN_FRAUD

MIN_DF = 2
CATEGORY_C = 10.0  # the category head's logistic half; used in the out-of-fold experiments, not tuned further
TYPE_C_GRID = (10.0, 30.0)  # chosen on dev.jsonl
SYNTHETIC_NORMAL = 3000
SYNTHETIC_PER_SCAM_TYPE = 300
CATEGORIES = (NORMAL, SCAM, *ADVERT_KINDS)


@dataclass(frozen=True, slots=True)
class TrainResult:
    model: LinearTextModel
    dev_macro_f1: float
    selection: list[dict[str, float]]
    n_train: int
    seconds: float


def category_of(label: str) -> str:
    """The category head's class for a fine training label."""
    return label if label == NORMAL or label in ADVERT_KINDS else SCAM


def corpus_set(train_path: Path) -> list[Example]:
    """Cleaned corpus rows, short crops of the long ones, synthetic examples and real reviews."""
    base = list(iter_clean(read_examples(train_path)))
    crops = list(short_crops(base))
    synthetic = list(synthetic_examples(normal=SYNTHETIC_NORMAL, per_scam_type=SYNTHETIC_PER_SCAM_TYPE))
    return base + crops + synthetic + list(everyday_reviews())


def training_set(
    train_path: Path, real_path: Path | None = None, *, folds: Sequence[int] = DEVELOPMENT_FOLDS
) -> list[Example]:
    """`corpus_set` plus the real SMS of `folds` (none when `real_path` is None)."""
    rows = corpus_set(train_path)
    if real_path is not None:
        rows += [m.example() for m in in_folds(read_real(real_path), folds)]
    return rows


def canonical_texts(texts: Sequence[str]) -> list[str]:
    out: list[str] = []
    for start in range(0, len(texts), 512):
        out.extend(p.canonical for p in prepare_many(texts[start : start + 512]))
    return out


def _vocabulary(
    docs: npt.NDArray[np.int64], buckets: npt.NDArray[np.int64], n_docs: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
    present = buckets != 0
    vocab, df = np.unique(buckets[present], return_counts=True)
    keep = df >= MIN_DF
    vocab, df = vocab[keep], df[keep]
    idf = (np.log((1.0 + n_docs) / (1.0 + df)) + 1.0).astype(np.float32)
    return vocab, idf


def _matrix(canon: Sequence[str], vocab: npt.NDArray[np.int64], idf: npt.NDArray[np.float32]) -> Any:
    from scipy.sparse import csr_matrix

    n = len(canon)
    docs, buckets, counts = hashed_ngrams(canon)
    pos = np.searchsorted(vocab, buckets)
    pos[pos >= len(vocab)] = 0
    known = vocab[pos] == buckets
    docs, pos, counts = docs[known], pos[known], counts[known]
    values = tfidf_weights(docs, counts, idf[pos], n)
    return csr_matrix((values, (docs, pos)), shape=(n, len(vocab)), dtype=np.float32)


def tfidf_features(
    train_canon: Sequence[str], *others: Sequence[str]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32], list[Any]]:
    """The model's features: the vocabulary (hashed n-grams seen in at least MIN_DF of `train_canon`),
    its IDF, and the sparse TF-IDF matrices of `train_canon` and of each of `others` (canonical texts)."""
    docs, buckets, _ = hashed_ngrams(train_canon)
    vocab, idf = _vocabulary(docs, buckets, len(train_canon))
    return vocab, idf, [_matrix(texts, vocab, idf) for texts in (train_canon, *others)]


def fit_category_head(x: Any, y: Sequence[str]) -> tuple[list[str], Any, Any]:
    """The category head: classes, coef (features × classes) and intercept, the mean of the scores of a
    logistic regression and a factorised linear model (`fanzha.learn.factorised` says why both)."""
    classes, factorised_coef, factorised_intercept = fit_factorised(x, y)
    linear = logistic(CATEGORY_C).fit(x, y)
    assert [str(c) for c in linear.classes_] == classes
    assert linear.coef_.T.shape == factorised_coef.shape  # more than two classes: one column each
    coef = (factorised_coef + linear.coef_.T.astype(np.float32)) / 2
    intercept = (factorised_intercept + linear.intercept_.astype(np.float32)) / 2
    return classes, coef, intercept


def logistic(c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=2000, tol=1e-4, class_weight="balanced")


def fit(
    train: Sequence[Example],
    dev: Sequence[Example],
    *,
    type_c_grid: Sequence[float] = TYPE_C_GRID,
    log: Callable[[str], None] = lambda _: None,
) -> TrainResult:
    """Fit both heads on `train`; choose the type head's C by the macro-F1 on `dev`."""
    started = time.perf_counter()
    log(f"准备 {len(train)} 条训练文本 …")
    train_canon = canonical_texts([e.text for e in train])
    dev_canon = canonical_texts([e.text for e in dev])
    vocab, idf, (x_train, x_dev) = tfidf_features(train_canon, dev_canon)

    log(f"训练类别头（{len(CATEGORIES)} 类：逻辑回归 C={CATEGORY_C:g} 与秩 {RANK} 的因子化线性模型取平均）…")
    category_classes, category_coef, category_intercept = fit_category_head(
        x_train, [category_of(e.label) for e in train]
    )
    scores = np.asarray(x_dev @ category_coef + category_intercept)
    dev_category = [category_classes[i] for i in scores.argmax(axis=1)]
    typed = [i for i, e in enumerate(train) if category_of(e.label) == SCAM and e.label != UNKNOWN_FRAUD]
    y_type = [train[i].label for i in typed]
    x_type = x_train[typed]

    dev_gold = [e.label for e in dev]
    best: tuple[float, float, Any] | None = None
    selection = []
    for c in type_c_grid:
        types = logistic(c).fit(x_type, y_type)
        predicted = scam_labels(
            [t if cat == SCAM else cat for cat, t in zip(dev_category, types.predict(x_dev), strict=True)]
        )
        report = classification_report(dev_gold, predicted, flagged=[p != NORMAL for p in predicted])
        selection.append({"C": c, "dev_macro_f1": round(report.macro_f1, 4)})
        log(f"类型头 C={c:g}: dev macro-F1 {report.macro_f1:.4f}")
        if best is None or report.macro_f1 > best[0]:
            best = (report.macro_f1, c, types)
    assert best is not None
    dev_f1, best_c, types = best
    type_classes = [str(c) for c in types.classes_]
    model = LinearTextModel(
        classes=tuple(category_classes + type_classes),
        buckets=vocab,
        idf=idf,
        coef=np.hstack([category_coef, types.coef_.T]).astype(np.float32),
        intercept=np.r_[category_intercept, types.intercept_].astype(np.float32),
        meta={
            "heads": {"category": category_classes, "type": type_classes},
            "category_head": {
                "kind": "mean of logistic and factorised",
                "C": CATEGORY_C,
                "rank": RANK,
                "epochs": EPOCHS,
            },
            "C": best_c,
            "n_train": len(train),
            "n_features": len(vocab),
            "selection": selection,
            "training_set": _composition(train),
            "template_only_types": template_only_types(train, type_classes),
        },
    )
    return TrainResult(model, dev_f1, selection, len(train), time.perf_counter() - started)


def template_only_types(train: Sequence[Example], type_classes: Sequence[str]) -> list[str]:
    """The fraud types the type head learned from synthetic template examples alone (`augment.synthetic_examples`,
    ids `syn-…`): neither the corpus nor the real SMS holds one. The engine does not let the classifier's
    low opinion of these types outvote their cues on a text it is unsure of (`fanzha.detect.engine`)."""
    seen_elsewhere = {e.label for e in train if not e.id.startswith("syn-")}
    return sorted(t for t in type_classes if t not in seen_elsewhere)


def _composition(train: Sequence[Example]) -> dict[str, Any]:
    def origin(e: Example) -> str:
        if e.id.startswith("syn-"):
            return "synthetic"
        if e.id.startswith("rev-"):
            return "reviews"
        if e.id.startswith("real-"):
            return "real"
        if e.id.startswith("ind"):  # ind-, ind2-, ind3-: the independent sets' blind-written dev rows
            return "written"
        return "crops" if e.id.endswith("-crop") else "corpus"

    return {
        **Counter(origin(e) for e in train),
        "labels": dict(Counter(e.label for e in train).most_common()),
    }
