"""The trained text classifier: a linear model over hashed character n-grams, run with numpy alone.

`fanzha train` fits it (scikit-learn's LogisticRegression on the same features) and saves the
weights of the features seen in training into `fanzha/models/scam_model.npz`; loading needs no
network and no scikit-learn.

The model has *heads* that share the features: `category` (normal, scam, advert, loan_advert,
illegal_advert: what kind of message is it?) and `type` (which fraud type, given that it is a
scam). Each head is a softmax over its own columns of one weight matrix, so both cost one pass over
the n-grams. `head_proba` gives each head's probabilities; `predict` gives one label per text (the
category, or the fraud type when the category is scam), following the scikit-learn convention.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from fanzha.detect.features import BATCH, HASH_BITS, NGRAM_RANGE, hashed_ngrams, tfidf_weights
from fanzha.detect.model_cache import copy_path, read_copy, write_copy

MODEL_FILE = "scam_model.npz"


class ModelError(RuntimeError):
    """The model file is missing or does not fit this version of fanzha."""


@dataclass(slots=True)
class LinearTextModel:
    classes: tuple[str, ...]
    buckets: npt.NDArray[np.int64]  # sorted hashed features known to the model
    idf: npt.NDArray[np.float32]  # per known feature
    coef: npt.NDArray[np.floating[Any]]  # (n_features, n_classes)
    intercept: npt.NDArray[np.float32]  # (n_classes,)
    meta: dict[str, Any] = field(default_factory=dict)
    _table: npt.NDArray[np.int32] | None = field(default=None, repr=False, compare=False)

    @property
    def heads(self) -> dict[str, tuple[str, ...]]:
        """Head name → its classes (a model saved without heads has one head, `label`)."""
        stored = self.meta.get("heads")
        if not stored:
            return {"label": self.classes}
        return {name: tuple(classes) for name, classes in stored.items()}

    def head_proba(self, texts: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
        """Each head's class probabilities for `texts`, columns in the order of `heads`."""
        scores = self.decision_function(texts)
        out: dict[str, npt.NDArray[np.float32]] = {}
        start = 0
        for name, classes in self.heads.items():
            part = scores[:, start : start + len(classes)]
            part -= part.max(axis=1, keepdims=True)
            np.exp(part, out=part)
            part /= part.sum(axis=1, keepdims=True)
            out[name] = part
            start += len(classes)
        return out

    def predict(self, texts: Sequence[str]) -> list[str]:
        """One label per text: the category, or the fraud type when the category is `scam`."""
        proba = self.head_proba(texts)
        heads = self.heads
        if "category" not in proba:
            return [self.classes[i] for i in next(iter(proba.values())).argmax(axis=1)]
        categories = [heads["category"][i] for i in proba["category"].argmax(axis=1)]
        types = [heads["type"][i] for i in proba["type"].argmax(axis=1)]
        return [t if c == "scam" else c for c, t in zip(categories, types, strict=True)]

    def decision_function(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.empty((len(texts), len(self.classes)), dtype=np.float32)
        for start in range(0, len(texts), BATCH):
            batch = texts[start : start + BATCH]
            out[start : start + len(batch)] = self._scores(batch)
        return out

    @property
    def _lookup(self) -> npt.NDArray[np.int32]:
        """Bucket → feature row (-1 for buckets the model does not know): one gather per n-gram."""
        if self._table is None:
            self._table = bucket_table(self.buckets)
        return self._table

    def _scores(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        n = len(texts)
        docs, buckets, counts = hashed_ngrams(texts)
        pos = self._lookup[buckets]
        known = pos >= 0
        docs, pos, counts = docs[known], pos[known], counts[known]
        weights = tfidf_weights(docs, counts, self.idf[pos], n)
        scores = weighted_rows(self.coef, docs, pos, weights, n)
        scores += self.intercept
        return scores

    def save(self, path: Path) -> None:
        meta = {
            **self.meta,
            "classes": list(self.classes),
            "hash_bits": HASH_BITS,
            "ngram_range": NGRAM_RANGE,
        }
        arrays: dict[str, Any] = {
            "buckets": self.buckets.astype(np.int32),
            "idf": self.idf.astype(np.float16),
            **quantise(self.coef),
            "intercept": self.intercept.astype(np.float32),
            "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        }
        # Compressed: 9.4 MB instead of 22.9 MB in the repository, for about 0.13 s more at start-up.
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path | None = None) -> LinearTextModel:
        source: Any = (
            Path(path) if path is not None else resources.files("fanzha.models").joinpath(MODEL_FILE)
        )
        try:
            meta, arrays = read_model(source)
        except FileNotFoundError as exc:
            raise ModelError(f"模型文件不存在：{source}。请先运行 `fanzha train`。") from exc
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"模型文件无法读取：{source}（{exc}）") from exc
        return cls(
            classes=tuple(meta["classes"]),
            buckets=arrays["buckets"],
            idf=arrays["idf"],
            coef=arrays["coef"],
            intercept=arrays["intercept"],
            meta=meta,
            _table=arrays["lookup"],
        )


ENTRY_CHUNK = 8192  # (document, feature) entries gathered at a time: few enough to stay in the cache


def weighted_rows(
    matrix: npt.NDArray[np.float32],
    docs: npt.NDArray[np.int64],
    rows: npt.NDArray[np.int32],
    weights: npt.NDArray[np.float32],
    n: int,
) -> npt.NDArray[np.float32]:
    """For each of `n` documents, the sum of `weights` × `matrix[rows]` over its entries (sorted by
    document): the sparse TF-IDF rows times the weight matrix.

    The entries go ENTRY_CHUNK at a time. Gathering the rows for a whole batch of 2,048 texts at once
    built an entries × classes array several times larger than the cache: 6.5 µs a real SMS against
    2.2 µs in chunks (2026-12-06, AMD EPYC). Not scipy's sparse product: importing scipy.sparse takes
    0.14 s of start-up, more than this whole product costs on the throughput benchmark's 16,677 texts."""
    out = np.zeros((n, matrix.shape[1]), np.float32)
    for start in range(0, len(docs), ENTRY_CHUNK):
        d = docs[start : start + ENTRY_CHUNK]
        contrib = np.take(matrix, rows[start : start + ENTRY_CHUNK], axis=0)
        contrib *= weights[start : start + ENTRY_CHUNK, None]
        starts = np.flatnonzero(np.r_[True, d[1:] != d[:-1]])
        out[d[starts]] += np.add.reduceat(contrib, starts, axis=0)
    return out


READY = ("buckets", "idf", "coef", "intercept", "lookup")  # the arrays a loaded model runs on


def read_model(source: Any) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
    """The metadata of a model file and the arrays the model runs on (`READY`, as `_ready` makes them):
    from the file's folder in the cache when there is one (`fanzha.detect.model_cache`, mapped into
    memory), else from the file, which leaves such a folder behind."""
    if isinstance(source, Path):
        try:
            meta, arrays = read_copy(copy_path(source, source.stat()), READY)
            _check(meta)
            _fits(arrays)
            return meta, arrays
        except Exception:  # no copy yet, or a damaged one (however damaged): the file decides, below
            pass
    with source.open("rb") as fh:
        stat = os.fstat(fh.fileno()) if isinstance(source, Path) else None  # what is read, not a later file
        with np.load(fh) as data:
            raw = {k: data[k] for k in data.files}
    meta = json.loads(bytes(raw.pop("meta")).decode("utf-8"))
    _check(meta)
    arrays = _ready(raw)
    if stat is not None:
        write_copy(copy_path(source, stat), source, meta, arrays)
    return meta, arrays


def _check(meta: dict[str, Any]) -> None:
    if meta.get("hash_bits") != HASH_BITS or tuple(meta.get("ngram_range", ())) != NGRAM_RANGE:
        raise ModelError("模型文件的特征设置与当前版本不一致，请重新运行 `fanzha train`。")


def _ready(raw: dict[str, npt.NDArray[Any]]) -> dict[str, npt.NDArray[Any]]:
    """The arrays a model runs on from those of its file: float32 weights (a cast per batch spared), and
    the bucket table (`bucket_table`)."""
    buckets = raw["buckets"].astype(np.int64)
    return {
        "buckets": buckets,
        "idf": raw["idf"].astype(np.float32),
        "coef": dequantise(raw),
        "intercept": raw["intercept"].astype(np.float32),
        "lookup": bucket_table(buckets),
    }


def bucket_table(buckets: npt.NDArray[np.int64]) -> npt.NDArray[np.int32]:
    """Hashed bucket → feature row (-1 for buckets the model does not know): one gather per n-gram."""
    table = np.full(1 << HASH_BITS, -1, dtype=np.int32)
    table[buckets] = np.arange(len(buckets), dtype=np.int32)
    return table


def _fits(arrays: dict[str, npt.NDArray[Any]]) -> None:
    """Raise ValueError unless the arrays of a cache folder fit together as one model's."""
    n = len(arrays["buckets"])
    if (
        arrays["coef"].shape[0] != n
        or arrays["idf"].shape != (n,)
        or arrays["lookup"].shape != (1 << HASH_BITS,)
        or arrays["intercept"].shape != arrays["coef"].shape[1:]
        or arrays["coef"].dtype != np.float32
        or arrays["lookup"].dtype != np.int32
    ):
        raise ValueError("模型缓存与模型不符")


def quantise(coef: npt.NDArray[np.floating[Any]]) -> dict[str, npt.NDArray[Any]]:
    """The weight matrix as int16 with one scale per class column.

    Two bytes a weight, like float16, but the absolute error is at most max|w| / 65534 for every weight
    of a column (the error that matters in a sum of weights), and int16 → float32 is a fast cast where
    float16 → float32 is not: it took 0.12 s of a 0.3 s start-up.
    """
    peak = np.abs(coef).max(axis=0).astype(np.float32)
    scale = np.where(peak > 0, peak / 32767, 1).astype(np.float32)
    return {"coef_q": np.rint(coef / scale).astype(np.int16), "coef_scale": scale}


def dequantise(arrays: dict[str, npt.NDArray[Any]]) -> npt.NDArray[np.float32]:
    """float32 weights from `quantise`'s arrays, or from a float16 `coef` (models saved before it)."""
    if "coef_q" in arrays:
        coef = arrays["coef_q"].astype(np.float32)
        coef *= arrays["coef_scale"]
        return coef
    return np.asarray(arrays["coef"], dtype=np.float32)


@lru_cache(maxsize=1)
def shipped_model() -> LinearTextModel:
    """The model shipped inside the package, loaded once."""
    return LinearTextModel.load()
