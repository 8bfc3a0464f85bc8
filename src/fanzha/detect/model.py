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
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from fanzha.datafiles import cache_dir
from fanzha.detect.features import BATCH, HASH_BITS, NGRAM_RANGE, hashed_ngrams, tfidf_weights

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
            table = np.full(1 << HASH_BITS, -1, dtype=np.int32)
            table[self.buckets] = np.arange(len(self.buckets), dtype=np.int32)
            self._table = table
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
        source: Any = path if path is not None else resources.files("fanzha.models").joinpath(MODEL_FILE)
        try:
            arrays = read_arrays(source)
            meta = json.loads(bytes(arrays.pop("meta")).decode("utf-8"))
            coef = dequantise(arrays)  # float32 here spares a cast per batch
            buckets, idf, intercept = arrays["buckets"], arrays["idf"], arrays["intercept"]
        except FileNotFoundError as exc:
            raise ModelError(f"模型文件不存在：{source}。请先运行 `fanzha train`。") from exc
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"模型文件无法读取：{source}（{exc}）") from exc
        if meta.get("hash_bits") != HASH_BITS or tuple(meta.get("ngram_range", ())) != NGRAM_RANGE:
            raise ModelError("模型文件的特征设置与当前版本不一致，请重新运行 `fanzha train`。")
        return cls(
            classes=tuple(meta["classes"]),
            buckets=buckets.astype(np.int64),
            idf=idf.astype(np.float32),
            coef=coef,
            intercept=intercept.astype(np.float32),
            meta=meta,
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


def read_arrays(source: Any) -> dict[str, npt.NDArray[Any]]:
    """The arrays of a model file. The file is compressed (9.4 MB instead of 22.9 MB in the repository), and
    inflating it took 0.1 s of every `fanzha check` start: the first load keeps an uncompressed copy in the
    cache directory (`fanzha.datafiles.cache_dir`), named by the file's name, size and modification time, and
    later loads read that copy. A cache that cannot be read or written is simply not used."""
    cached = None
    if isinstance(source, Path):
        stat = source.stat()
        cached = cache_dir() / f"{source.stem}-{stat.st_size}-{stat.st_mtime_ns}.npz"
        try:
            with np.load(cached) as data:
                return {k: data[k] for k in data.files}
        except (OSError, ValueError, zipfile.BadZipFile):
            pass
    with source.open("rb") as fh, np.load(fh) as data:
        arrays = {k: data[k] for k in data.files}
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp.npz")
            np.savez(partial, **arrays)
            partial.replace(cached)  # atomic: a reader never sees half a file
        except OSError:
            pass
    return arrays


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
