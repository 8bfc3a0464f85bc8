"""The detector's peer: a plain scikit-learn char-n-gram TF-IDF + logistic regression fitted on
train.jsonl, the real SMS of the development folds and the blind-written development rows fanzha learns
from (`fanzha train --train-with`, as many times as fanzha sees them), cached in benchmarks/out/peer.pkl and refitted
when its inputs change; the same pipeline fitted on train.jsonl alone (the baseline the issue's dev
target was set against), cached in benchmarks/out/peer_train_only.pkl; and how its predicted labels
become verdicts."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import Counter
from pathlib import Path
from typing import Any

from suite.common import OUT, REAL_SMS, TRAIN, log, read_jsonl

PEER_SPEC = (
    "Pipeline(TfidfVectorizer(analyzer='char', ngram_range=(1, 3), sublinear_tf=True), "
    "LogisticRegression(max_iter=1000))"
)
PEER_CACHE = OUT / "peer.pkl"
TRAIN_ONLY_CACHE = OUT / "peer_train_only.pkl"  # the same pipeline on train.jsonl alone
# How the training rows are labelled; change the string when the scheme changes, to refit the cache.
LABEL_SCHEME = (
    "train.jsonl: its label as is; real_sms.jsonl development folds: RealMessage.fine_label "
    "(phishing, investment, fraud, advert, loan_advert, illegal_advert, normal)"
)


def real_training_rows() -> list[tuple[str, str]]:
    """(text, fine label) of the real SMS of the development folds, in file order."""
    from fanzha.learn.real import DEVELOPMENT_FOLDS, in_folds, read_real

    return [(m.text, m.fine_label) for m in in_folds(read_real(REAL_SMS), DEVELOPMENT_FOLDS)]


def written_training_rows() -> list[tuple[str, str]]:
    """(text, label) of the blind-written development rows, as `fanzha train` learns them (each row
    WRITTEN_REPEAT times): the peer trains on the same data as fanzha."""
    from fanzha.cli.commands import DEFAULT_WRITTEN_SETS
    from fanzha.learn.build import WRITTEN_REPEAT, read_written

    root = Path(__file__).resolve().parents[2]
    written = read_written([root / p for p in DEFAULT_WRITTEN_SETS])
    return [(e.text, e.label) for rows in written.values() for e in rows] * WRITTEN_REPEAT


def peer_key(real_rows: list[tuple[str, str]], written: list[tuple[str, str]]) -> dict[str, Any]:
    """What the cached peer depends on: both training files, the label scheme and the labels it gave
    (so a change of `RealMessage.fine_label` or of the folds refits), the blind-written rows it learns
    (`written`, hashed), scikit-learn, the pipeline."""
    import sklearn

    from fanzha.learn.real import DEVELOPMENT_FOLDS

    train, real = TRAIN.stat(), REAL_SMS.stat()
    labels = hashlib.sha256("\n".join(label for _, label in real_rows).encode()).hexdigest()[:16]
    return {
        "train": str(TRAIN),
        "size": train.st_size,
        "mtime_ns": train.st_mtime_ns,
        "real": str(REAL_SMS),
        "real_size": real.st_size,
        "real_mtime_ns": real.st_mtime_ns,
        "real_folds": list(DEVELOPMENT_FOLDS),
        "real_rows": len(real_rows),
        "real_labels_sha256": labels,
        "label_scheme": LABEL_SCHEME,
        "written_sha256": hashlib.sha256(
            "\n".join(f"{t}\t{label}" for t, label in written).encode()
        ).hexdigest()[:16],
        "sklearn": sklearn.__version__,
        "spec": PEER_SPEC,
    }


def train_only_key() -> dict[str, Any]:
    """What the cached train-only peer depends on: train.jsonl, scikit-learn, the pipeline."""
    import sklearn

    train = TRAIN.stat()
    return {
        "train": str(TRAIN),
        "size": train.st_size,
        "mtime_ns": train.st_mtime_ns,
        "sklearn": sklearn.__version__,
        "spec": PEER_SPEC,
    }


def fit_cached(
    rows: list[tuple[str, str]], cache: Path, key: dict[str, Any], what: str, extra: dict[str, Any]
) -> tuple[Any, dict[str, Any]]:
    """The PEER_SPEC pipeline fitted on `rows` (text, label), from `cache` when its key equals `key`;
    otherwise fitted and written to `cache` with `key` and its info (`extra` added to it)."""
    import joblib
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    if cache.exists():
        try:
            cached = joblib.load(cache)
            if cached.get("key") == key:
                return cached["model"], {**cached["info"], "cached": True}
            log(f"  {cache.name} is stale (training data, labels or scikit-learn changed): refitting")
        except Exception as exc:
            log(f"  {cache.name} unreadable ({exc}): refitting")
    pipeline = Pipeline(
        [
            ("tfidf", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)),
            ("clf", LogisticRegression(max_iter=1000)),
        ]
    )
    log(f"  fitting {what} (cached afterwards; a few minutes) ...")
    start = time.perf_counter()
    pipeline.fit([t for t, _ in rows], [label for _, label in rows])
    info = {
        "fit_seconds": round(time.perf_counter() - start, 1),
        **extra,
        "n_features": len(pipeline.named_steps["tfidf"].vocabulary_),
        "classes": [str(c) for c in pipeline.classes_],
        "fitted_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    joblib.dump({"key": key, "model": pipeline, "info": info}, cache)
    return pipeline, {**info, "cached": False}


def train_rows() -> list[tuple[str, str]]:
    """(text, label) of train.jsonl, raw, in file order."""
    return [(r["text"], r["label"]) for r in read_jsonl(TRAIN)]


def load_peer() -> tuple[Any, dict[str, Any]]:
    """The fitted peer pipeline, from benchmarks/out/peer.pkl when its inputs are unchanged."""
    real_rows = real_training_rows()
    written = written_training_rows()
    key = peer_key(real_rows, written)
    rows = train_rows()
    extra = {
        "n_train": len(rows),
        "n_real": len(real_rows),
        "n_written": len(written),
        "real_labels": dict(sorted(Counter(label for _, label in real_rows).items())),
    }
    what = (
        f"the peer on {len(rows)} train.jsonl texts + {len(real_rows)} real SMS + {len(written)} written rows"
    )
    return fit_cached(rows + real_rows + written, PEER_CACHE, key, what, extra)


def load_train_only_peer() -> tuple[Any, dict[str, Any]]:
    """The same pipeline fitted on train.jsonl alone (raw text, its labels): the baseline the issue set
    its dev target against. From benchmarks/out/peer_train_only.pkl when its inputs are unchanged."""
    rows = train_rows()
    what = f"the train-only peer on {len(rows)} train.jsonl texts"
    return fit_cached(rows, TRAIN_ONLY_CACHE, train_only_key(), what, {"n_train": len(rows)})


def peer_category(label: str) -> str:
    """scam, normal or the advert kind of a label the peer predicts: every fraud type, and `fraud` (a
    scam of a type the real data does not say), is a scam; normal and the advert kinds are not."""
    from fanzha.taxonomy import ADVERT_KINDS, NORMAL, SCAM

    return label if label == NORMAL or label in ADVERT_KINDS else SCAM


def peer_note(info: dict[str, Any]) -> str:
    """One sentence for the report: what the peer is and how it was obtained in this run."""
    how = "loaded from benchmarks/out/peer.pkl" if info.get("cached") else "fitted in this run"
    real = ", ".join(f"{k} {v}" for k, v in info.get("real_labels", {}).items())
    return (
        f"Peer: `{PEER_SPEC}` trained on `{TRAIN.name}` raw text ({info.get('n_train')} texts, its labels) "
        f"plus the real SMS of the development folds 0–3 ({info.get('n_real')} texts, labelled by "
        f"`RealMessage.fine_label`: {real}) plus the blind-written development rows fanzha learns from "
        f"({info.get('n_written', 0)} rows: each `dev` row of the independent sets, as many times as "
        f"fanzha sees it); {info.get('n_features')} char n-grams, fit "
        f"{info.get('fit_seconds')} s, {how}; {len(info.get('classes', []))} classes. It calls a text a "
        "scam when its predicted label is a fraud type or `fraud`, not `normal` and not an advert kind."
    )
