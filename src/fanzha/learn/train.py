"""`fanzha train`: fit the text classifier on the shared corpus and write it with its model card.

Deterministic: the same data and seed give the same model, bit for bit on one machine.
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
from fanzha.detect.prepare import prepare
from fanzha.learn.augment import everyday_reviews, short_crops, synthetic_examples
from fanzha.learn.dataset import Example, iter_clean, read_examples
from fanzha.learn.metrics import classification_report

MIN_DF = 2
C_GRID = (10.0, 30.0)
SYNTHETIC_NORMAL = 3000
SYNTHETIC_PER_SCAM_TYPE = 300


@dataclass(frozen=True, slots=True)
class TrainResult:
    model: LinearTextModel
    dev_macro_f1: float
    selection: list[dict[str, float]]
    n_train: int
    seconds: float


def training_set(train_path: Path) -> list[Example]:
    """Cleaned corpus rows, short crops of the long ones, synthetic examples and real reviews."""
    base = list(iter_clean(read_examples(train_path)))
    crops = list(short_crops(base))
    synthetic = list(synthetic_examples(normal=SYNTHETIC_NORMAL, per_scam_type=SYNTHETIC_PER_SCAM_TYPE))
    return base + crops + synthetic + list(everyday_reviews())


def canonical_texts(texts: Sequence[str]) -> list[str]:
    return [prepare(t).canonical for t in texts]


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


def fit(
    train: Sequence[Example],
    dev: Sequence[Example],
    *,
    c_grid: Sequence[float] = C_GRID,
    log: Callable[[str], None] = lambda _: None,
) -> TrainResult:
    from sklearn.linear_model import LogisticRegression

    started = time.perf_counter()
    log(f"准备 {len(train)} 条训练文本 …")
    train_canon = canonical_texts([e.text for e in train])
    dev_canon = canonical_texts([e.text for e in dev])
    docs, buckets, _ = hashed_ngrams(train_canon)
    vocab, idf = _vocabulary(docs, buckets, len(train_canon))
    x_train, x_dev = _matrix(train_canon, vocab, idf), _matrix(dev_canon, vocab, idf)
    y_train = [e.label for e in train]
    dev_gold = [e.label for e in dev]
    best: tuple[float, float, Any] | None = None
    selection = []
    for c in c_grid:
        clf = LogisticRegression(C=c, max_iter=2000, tol=1e-4, class_weight="balanced")
        clf.fit(x_train, y_train)
        predicted = list(clf.predict(x_dev))
        report = classification_report(dev_gold, predicted, flagged=[p != "normal" for p in predicted])
        selection.append({"C": c, "dev_macro_f1": round(report.macro_f1, 4)})
        log(f"C={c:g}: dev macro-F1 {report.macro_f1:.4f}")
        if best is None or report.macro_f1 > best[0]:
            best = (report.macro_f1, c, clf)
    assert best is not None
    dev_f1, best_c, clf = best
    model = LinearTextModel(
        classes=tuple(str(c) for c in clf.classes_),
        buckets=vocab,
        idf=idf,
        coef=clf.coef_.T.astype(np.float32),
        intercept=clf.intercept_.astype(np.float32),
        meta={
            "C": best_c,
            "n_train": len(train),
            "n_features": len(vocab),
            "selection": selection,
            "training_set": {
                "corpus": sum(
                    1 for e in train if not e.id.startswith(("syn-", "rev-")) and not e.id.endswith("-crop")
                ),
                "crops": sum(1 for e in train if e.id.endswith("-crop")),
                "synthetic": sum(1 for e in train if e.id.startswith("syn-")),
                "reviews": sum(1 for e in train if e.id.startswith("rev-")),
                "labels": dict(Counter(e.label for e in train).most_common()),
            },
        },
    )
    return TrainResult(model, dev_f1, selection, len(train), time.perf_counter() - started)
