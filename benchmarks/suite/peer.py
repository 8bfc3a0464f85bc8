"""The detector's peer: a plain scikit-learn char-n-gram TF-IDF + logistic regression fitted on
train.jsonl, cached in benchmarks/out/peer.pkl and refitted when its inputs change."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from suite.common import OUT, TRAIN, log, read_jsonl

PEER_SPEC = (
    "Pipeline(TfidfVectorizer(analyzer='char', ngram_range=(1, 3), sublinear_tf=True), "
    "LogisticRegression(max_iter=1000))"
)
PEER_CACHE = OUT / "peer.pkl"


def peer_key() -> dict[str, Any]:
    """What the cached peer depends on: the training file, the scikit-learn version, the pipeline."""
    import sklearn

    stat = TRAIN.stat()
    return {
        "train": str(TRAIN),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "sklearn": sklearn.__version__,
        "spec": PEER_SPEC,
    }


def load_peer() -> tuple[Any, dict[str, Any]]:
    """The fitted peer pipeline, from benchmarks/out/peer.pkl when the training file is unchanged."""
    import joblib
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    key = peer_key()
    if PEER_CACHE.exists():
        try:
            cached = joblib.load(PEER_CACHE)
            if cached.get("key") == key:
                return cached["model"], {**cached["info"], "cached": True}
            log("  peer cache is stale (train file or scikit-learn changed): refitting")
        except Exception as exc:
            log(f"  peer cache unreadable ({exc}): refitting")
    rows = read_jsonl(TRAIN)
    texts = [r["text"] for r in rows]
    labels = [r["label"] for r in rows]
    pipeline = Pipeline(
        [
            ("tfidf", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)),
            ("clf", LogisticRegression(max_iter=1000)),
        ]
    )
    log(f"  fitting the peer on {len(texts)} training texts (cached afterwards) ...")
    start = time.perf_counter()
    pipeline.fit(texts, labels)
    info = {
        "fit_seconds": round(time.perf_counter() - start, 1),
        "n_train": len(texts),
        "n_features": len(pipeline.named_steps["tfidf"].vocabulary_),
        "classes": [str(c) for c in pipeline.classes_],
        "fitted_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    joblib.dump({"key": key, "model": pipeline, "info": info}, PEER_CACHE)
    return pipeline, {**info, "cached": False}


def peer_note(info: dict[str, Any]) -> str:
    """One sentence for the report: what the peer is and how it was obtained in this run."""
    how = "loaded from benchmarks/out/peer.pkl" if info.get("cached") else "fitted in this run"
    return (
        f"Peer: `{PEER_SPEC}` trained on `{TRAIN.name}` raw text ({info.get('n_train')} texts, "
        f"{info.get('n_features')} char n-grams, fit {info.get('fit_seconds')} s, {how}; "
        f"classes: {len(info.get('classes', []))})."
    )
