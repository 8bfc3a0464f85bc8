#!/usr/bin/env python
"""The fanzha benchmark suite: quality, batch throughput, latency, memory, phone-number extraction.

    python benchmarks/run.py                 # everything, writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick         # smaller sizes, writes benchmarks/out/RESULTS.partial.md
    python benchmarks/run.py --only latency  # one benchmark (repeat --only or use commas for several)

Every figure is measured next to a peer in the same run, on the same machine and the same inputs:
a plain scikit-learn char-n-gram TF-IDF + logistic regression for the detector, the `phonenumbers`
library (Google's libphonenumber) for phone extraction. See benchmarks/README.md.

Only the standard library is imported at module level, so the memory child process
(`--child-memory`) starts from a clean interpreter.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import math
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
DATA = HERE / "data"
SHARED = Path(os.environ.get("FANZHA_SHARED_DATA", "/work/shared/data")) / "texts"
TRAIN = SHARED / "train.jsonl"
DEV = SHARED / "dev.jsonl"
OOD_DEV = DATA / "ood_dev.jsonl"
OOD_TEST = DATA / "ood_test.jsonl"
MODEL_FILE = ROOT / "src" / "fanzha" / "models" / "scam_model.npz"
RESULTS = HERE / "RESULTS.md"
PARTIAL_RESULTS = OUT / "RESULTS.partial.md"

SEED = 20240611
BENCHMARKS = ("quality", "check_throughput", "latency", "memory", "extraction")
PEER_SPEC = (
    "Pipeline(TfidfVectorizer(analyzer='char', ngram_range=(1, 3), sublinear_tf=True), "
    "LogisticRegression(max_iter=1000))"
)
MODEL_RETRIES = 4  # the model file may be rewritten by a training run: wait and retry
MODEL_WAIT_S = 60


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Config:
    quick: bool
    n_check: int = 20_000
    repeats: int = 3
    n_latency: int = 2_000
    n_warmup: int = 200
    n_memory: int = 1_000
    n_extract: int = 5_000
    n_obfuscated: int = 100  # per obfuscation form
    n_bootstrap: int = 1_000

    @classmethod
    def make(cls, quick: bool) -> Config:
        if not quick:
            return cls(quick=False)
        return cls(
            quick=True,
            n_check=4_000,
            repeats=2,
            n_latency=500,
            n_warmup=50,
            n_extract=1_000,
            n_obfuscated=30,
            n_bootstrap=300,
        )


@dataclass
class Section:
    """One benchmark's result: a markdown body, a line or two for stdout, and raw figures."""

    name: str
    title: str
    markdown: list[str]
    summary: list[str]
    figures: dict[str, Any]
    seconds: float = 0.0


# --------------------------------------------------------------------------------------------
# small helpers


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def proc_status() -> dict[str, int]:
    """VmRSS / VmHWM of this process, in kB."""
    out = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
    return out


def best_of(repeats: int, fn: Callable[[], Any]) -> tuple[float, list[float], Any]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), times, result


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 0.0)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def mb(kb: float) -> str:
    return f"{kb / 1024:.0f} MB"


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_fingerprint() -> dict[str, Any]:
    if not MODEL_FILE.exists():
        return {"path": str(MODEL_FILE), "missing": True}
    stat = MODEL_FILE.stat()
    return {
        "path": str(MODEL_FILE.relative_to(ROOT)),
        "sha256": sha256(MODEL_FILE)[:16],
        "bytes": stat.st_size,
        "mtime": dt.datetime.fromtimestamp(stat.st_mtime).astimezone().isoformat(timespec="seconds"),
    }


def code_fingerprint() -> dict[str, Any]:
    """The model file and a hash of everything under src/fanzha, to notice a change during the run."""
    digest = hashlib.sha256()
    src = ROOT / "src" / "fanzha"
    for path in sorted(src.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path != MODEL_FILE:
            digest.update(str(path.relative_to(src)).encode() + b"\0" + path.read_bytes() + b"\0")
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        head = "unknown"
    return {"model": model_fingerprint(), "src_sha256": digest.hexdigest()[:16], "git_head": head}


def machine_info() -> dict[str, Any]:
    cpu_model, processors = "unknown", 0
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name") and cpu_model == "unknown":
                cpu_model = line.split(":", 1)[1].strip()
            if line.startswith("processor"):
                processors += 1
    mem_kb = 0
    with open("/proc/meminfo", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    versions = {}
    for name in ("numpy", "sklearn", "scipy", "phonenumbers", "orjson", "fanzha"):
        try:
            module = __import__(name)
            versions[name] = getattr(module, "__version__", "?")
        except ImportError:
            versions[name] = "not installed"
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"], capture_output=True, text=True
        ).stdout.strip()
        commit += " (src/ has uncommitted changes)" if dirty else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "cpu_model": cpu_model,
        "logical_cpus": processors or os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "ram_gb": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "git_commit": commit,
    }


# --------------------------------------------------------------------------------------------
# shared resources: the detector and the peer, loaded once and only if a benchmark needs them


def load_detector() -> Any:
    """A fresh Detector; if the model file is being rewritten, wait and retry."""
    from fanzha.detect.engine import Detector
    from fanzha.detect.model import shipped_model

    for attempt in range(MODEL_RETRIES + 1):
        try:
            return Detector()
        except Exception as exc:  # ModelError, or a half-written npz
            if attempt == MODEL_RETRIES:
                raise
            log(f"  the detector did not load ({exc}); waiting {MODEL_WAIT_S} s for the model file")
            shipped_model.cache_clear()
            time.sleep(MODEL_WAIT_S)
    raise AssertionError("unreachable")


def peer_key() -> dict[str, Any]:
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

    path = OUT / "peer.pkl"
    key = peer_key()
    if path.exists():
        try:
            cached = joblib.load(path)
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
    joblib.dump({"key": key, "model": pipeline, "info": info}, path)
    return pipeline, {**info, "cached": False}


@dataclass
class Context:
    cfg: Config
    _detector: Any = None
    _peer: Any = None
    peer_info: dict[str, Any] = field(default_factory=dict)

    def detector(self) -> Any:
        if self._detector is None:
            self._detector = load_detector()
        return self._detector

    def peer(self) -> Any:
        if self._peer is None:
            self._peer, self.peer_info = load_peer()
        return self._peer

    def peer_note(self) -> str:
        info = self.peer_info
        how = "loaded from benchmarks/out/peer.pkl" if info.get("cached") else "fitted in this run"
        return (
            f"Peer: `{PEER_SPEC}` trained on `{TRAIN.name}` raw text ({info.get('n_train')} texts, "
            f"{info.get('n_features')} char n-grams, fit {info.get('fit_seconds')} s, {how}; "
            f"classes: {len(info.get('classes', []))})."
        )


# --------------------------------------------------------------------------------------------
# 1. quality


def bench_quality(ctx: Context) -> Section:
    from fanzha.learn.dataset import iter_clean, read_examples
    from fanzha.learn.evaluate import evaluate
    from fanzha.learn.metrics import classification_report
    from fanzha.taxonomy import NORMAL

    detector, peer = ctx.detector(), ctx.peer()
    peer_classes = set(ctx.peer_info["classes"])
    sets = [
        ("dev (cleaned)", "dev_cleaned", list(iter_clean(read_examples(DEV)))),
        ("dev (raw)", "dev_raw", read_examples(DEV)),
        ("ood_dev (tuning set)", "ood_dev", read_examples(OOD_DEV)),
        ("ood_test (held out)", "ood_test", read_examples(OOD_TEST)),
    ]
    figures: dict[str, Any] = {}
    rows = []
    kept: dict[str, Any] = {}
    for title, key, examples in sets:
        gold = [e.label for e in examples]
        start = time.perf_counter()
        report, fz_rows = evaluate(detector, examples)
        fz_seconds = time.perf_counter() - start
        start = time.perf_counter()
        peer_pred = [str(p) for p in peer.predict([e.text for e in examples])]
        peer_seconds = time.perf_counter() - start
        peer_report = classification_report(gold, peer_pred, flagged=[p != NORMAL for p in peer_pred])
        fz_pred = [r[1] for r in fz_rows]
        fz_flag = [r[1] != NORMAL for r in fz_rows]
        kept[key] = (gold, fz_pred, fz_flag, peer_pred, report, peer_report)
        n_scam = sum(g != NORMAL for g in gold)
        n_normal = len(gold) - n_scam
        shared = [label for label in report.per_type if label in peer_classes]
        for system, rep, seconds in (("fanzha", report, fz_seconds), ("peer", peer_report, peer_seconds)):
            shared_f1 = sum(rep.per_type[label]["f1"] for label in shared) / len(shared)
            rows.append(
                (
                    title,
                    f"{len(gold)} ({n_scam} scam / {n_normal} normal)",
                    f"**{system}**" if system == "fanzha" else system,
                    f"{rep.macro_f1:.3f}",
                    f"{shared_f1:.3f}",
                    f"{rep.accuracy:.3f}",
                    f"{rep.scam_recall:.3f}",
                    f"{rep.false_alarm_rate:.3f}",
                    f"{rep.binary_f1:.3f}",
                    f"{seconds:.1f}",
                )
            )
            figures[f"{key}/{system}"] = {
                **rep.to_dict(),
                "macro_f1_peer_labels": round(shared_f1, 4),
                "seconds": round(seconds, 2),
            }
        write_jsonl(
            OUT / f"quality_{key}_predictions.jsonl",
            (
                {
                    "id": ex.id,
                    "label": ex.label,
                    "fanzha": r[1],
                    "fanzha_risk": r[2],
                    "peer": p,
                    "text": ex.text,
                }
                for ex, r, p in zip(examples, fz_rows, peer_pred, strict=True)
            ),
        )

    # Held-out OOD test: confidence intervals, a paired bootstrap, per-type recall.
    gold, fz_pred, fz_flag, peer_pred, fz_rep, peer_rep = kept["ood_test"]
    n = len(gold)
    n_scam = sum(g != NORMAL for g in gold)
    n_normal = n - n_scam
    peer_flag = [p != NORMAL for p in peer_pred]
    rng = random.Random(SEED)
    diffs: dict[str, list[float]] = {"macro_f1": [], "scam_recall": [], "false_alarm_rate": []}
    for _ in range(ctx.cfg.n_bootstrap):
        idx = [rng.randrange(n) for _ in range(n)]
        g = [gold[i] for i in idx]
        a = classification_report(g, [fz_pred[i] for i in idx], flagged=[fz_flag[i] for i in idx])
        b = classification_report(g, [peer_pred[i] for i in idx], flagged=[peer_flag[i] for i in idx])
        for metric, values in diffs.items():
            values.append(getattr(a, metric) - getattr(b, metric))
    intervals = {}
    for metric, values in diffs.items():
        values.sort()
        lo = values[int(0.025 * len(values))]
        hi = values[min(len(values) - 1, int(0.975 * len(values)))]
        intervals[metric] = (getattr(fz_rep, metric) - getattr(peer_rep, metric), lo, hi)
    figures["ood_test/bootstrap_diff_fanzha_minus_peer"] = {
        m: {"diff": round(d, 4), "ci95": [round(lo, 4), round(hi, 4)]} for m, (d, lo, hi) in intervals.items()
    }

    type_rows = []
    for label, m in fz_rep.per_type.items():
        peer_recall = peer_rep.per_type[label]["recall"]
        peer_cell = f"{peer_recall:.2f}" if label in peer_classes else "— (label not in train)"
        type_rows.append((label, m["support"], f"{m['recall']:.2f}", f"{m['precision']:.2f}", peer_cell))
    figures["ood_test/per_type_recall"] = {
        label: {"fanzha": m["recall"], "peer": peer_rep.per_type[label]["recall"], "support": m["support"]}
        for label, m in fz_rep.per_type.items()
    }

    # Is the held-out set really held out? Verbatim overlap with every text a model could have seen.
    test_texts = {r["text"].strip() for r in read_jsonl(OOD_TEST)}
    overlap = {
        name: len(test_texts & {r["text"].strip() for r in read_jsonl(path)})
        for name, path in (("train.jsonl", TRAIN), ("dev.jsonl", DEV), ("ood_dev.jsonl", OOD_DEV))
    }
    figures["ood_test/verbatim_overlap"] = overlap

    def ci(successes: int, total: int) -> str:
        lo, hi = wilson(successes, total)
        return f"{successes}/{total} = {successes / total:.3f} [{lo:.3f}, {hi:.3f}]" if total else "n/a"

    fz_caught = round(fz_rep.scam_recall * n_scam)
    peer_caught = round(peer_rep.scam_recall * n_scam)
    fz_alarms = round(fz_rep.false_alarm_rate * n_normal)
    peer_alarms = round(peer_rep.false_alarm_rate * n_normal)
    missing = sorted(set(gold) - peer_classes)

    md = [
        "Full engine (`fanzha.learn.evaluate.evaluate` → `Detector.assess_many`: cue rules + classifier +"
        " identifier signals) against the peer on the same texts. Both are scored by the same code"
        " (`fanzha.learn.metrics.classification_report`): macro-F1 over the labels present in the file,"
        " accuracy of the predicted type, scam recall (any scam flagged as any scam type), false-alarm rate"
        " (normal texts flagged), binary F1. The peer's binary verdict is `predicted label != 'normal'`.",
        "",
        ctx.peer_note(),
        "",
        *table(
            [
                "set",
                "n",
                "system",
                "macro-F1",
                "macro-F1, peer's labels",
                "accuracy",
                "scam recall",
                "false-alarm rate",
                "binary F1",
                "time (s)",
            ],
            rows,
        ),
        "",
        "- *dev (cleaned)* is the shared dev split with its placeholders (`CELLPHONE`, `URL`, `xxxx`, "
        "甲：/乙： speaker tags) replaced by `fanzha.learn.dataset.iter_clean` (seed 7), as fanzha sees real "
        "text; *dev (raw)* is the file as is, which is the peer's training distribution. Both are in-distribution.",
        "- *ood_dev* was used to tune fanzha's rules and weights, so its figures are optimistic for fanzha. "
        "*ood_test* was never used for tuning: it is the figure to quote.",
        f"- The peer cannot predict {len(missing)} of the OOD labels ({', '.join(missing)}): train.jsonl has "
        "no examples of them, so its macro-F1 on OOD sets is capped. *macro-F1, peer's labels* averages the "
        "per-type F1 over only the labels the peer knows (same texts, same predictions); the binary "
        "figures (scam recall, false alarms) do not depend on the type at all.",
        "",
        f"**ood_test, binary view with 95% Wilson intervals** ({n_scam} scams, {n_normal} normal texts):",
        "",
        *table(
            ["system", "scams caught", "normal texts flagged"],
            [
                ("fanzha", ci(fz_caught, n_scam), ci(fz_alarms, n_normal)),
                ("peer", ci(peer_caught, n_scam), ci(peer_alarms, n_normal)),
            ],
        ),
        "",
        f"**ood_test, fanzha − peer, paired bootstrap** ({ctx.cfg.n_bootstrap} resamples of the 400 texts, "
        "95% percentile interval):",
        "",
        *table(
            ["metric", "difference", "95% interval"],
            [(m, f"{d:+.3f}", f"[{lo:+.3f}, {hi:+.3f}]") for m, (d, lo, hi) in intervals.items()],
        ),
        "",
        "**ood_test, per-type recall** (fanzha's precision shown too; support = gold texts of the type):",
        "",
        *table(["type", "support", "fanzha recall", "fanzha precision", "peer recall"], type_rows),
        "",
        "Held-out check: texts of ood_test that occur verbatim in "
        + ", ".join(f"{k}: {v}" for k, v in overlap.items())
        + ". Per-text predictions of both systems: `benchmarks/out/quality_*_predictions.jsonl`.",
    ]
    summary = [
        f"ood_test macro-F1 fanzha {fz_rep.macro_f1:.3f} vs peer {peer_rep.macro_f1:.3f}; "
        f"scam recall {fz_rep.scam_recall:.3f} vs {peer_rep.scam_recall:.3f}; "
        f"false alarms {fz_rep.false_alarm_rate:.3f} vs {peer_rep.false_alarm_rate:.3f}",
    ]
    for key in ("dev_cleaned", "ood_dev"):
        a, b = figures[f"{key}/fanzha"], figures[f"{key}/peer"]
        summary.append(
            f"{key} macro-F1 fanzha {a['macro_f1']:.3f} vs peer {b['macro_f1']:.3f}; "
            f"scam recall {a['scam_recall']:.3f} vs {b['scam_recall']:.3f}; "
            f"false alarms {a['false_alarm_rate']:.3f} vs {b['false_alarm_rate']:.3f}"
        )
    return Section("quality", "1. Quality (detection)", md, summary, figures)


# --------------------------------------------------------------------------------------------
# 2. check_throughput


def sms_texts(n: int) -> list[str]:
    """`n` SMS-length texts: train+dev texts cut to their first 70 characters, sampled with a seed."""
    pool = [r["text"][:70] for path in (TRAIN, DEV) for r in read_jsonl(path)]
    pool = [t for t in pool if t.strip()]
    rng = random.Random(SEED)
    if n <= len(pool):
        return rng.sample(pool, n)
    return [rng.choice(pool) for _ in range(n)]


def fanzha_command() -> list[str]:
    script = Path(sys.executable).parent / "fanzha"
    found = str(script) if script.exists() else shutil.which("fanzha")
    if found is None:
        raise SystemExit("the `fanzha` command is not installed (pip install -e . in /work/main)")
    return [found]


def _parents() -> dict[int, int]:
    """pid → parent pid for every process (this kernel has no /proc/<pid>/task/<tid>/children)."""
    out = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as fh:
                    out[int(name)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    return out


def tree_memory(root: int, *, include_root: bool = True) -> tuple[int, int, int]:
    """(sum of RSS, sum of PSS, number of processes) in kB over `root` and its descendants.

    PSS splits pages shared between processes (the engine loaded before forking the workers) among
    them, so the PSS sum is the memory the whole command really occupies."""
    parents = _parents()
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [c for c, p in parents.items() if p == pid and c not in tree]
        tree.update(children)
        frontier.extend(children)
    if not include_root:
        tree.discard(root)
    rss = pss = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1])
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss, len(tree)


@dataclass
class ChildRun:
    wall: float
    returncode: int
    maxrss_kb: int  # the largest single process among the command and the workers it reaped; 0 if unknown
    cpu: float  # user + system seconds of the child and the workers it reaped
    stderr: str
    tree_rss_kb: int = 0  # peaks of the sampled process-tree sums (only with sample_memory)
    tree_pss_kb: int = 0
    processes: int = 0


TIME_BIN = "/usr/bin/time"  # GNU time, to read the command's own peak RSS (see run_child)


def run_child(
    cmd: list[str], stdin_path: Path, stdout_path: Path, *, sample_memory: bool = False
) -> ChildRun:
    """Run `cmd < stdin_path > stdout_path`: wall-clock time, peak RSS and CPU time of the command.

    The peak RSS comes from GNU time (`%M`: the ru_maxrss that `wait4` reports for the command and the
    workers it reaped). It cannot come from our own `os.wait4`: Python starts the child with vfork, and
    Linux carries the high-water mark of the address space the child leaves at exec — this big
    benchmark process — into the child's ru_maxrss. Without GNU time that figure is left out.
    With `sample_memory`, a thread sums RSS and PSS over the command's process tree every 20 ms
    (that costs some CPU, so timed runs do not sample)."""
    import threading

    wrapped = Path(TIME_BIN).exists()
    peaks = [0, 0, 0]
    with (
        stdin_path.open("rb") as fin,
        stdout_path.open("wb") as fout,
        tempfile.TemporaryFile() as ferr,
        tempfile.NamedTemporaryFile("r", suffix=".time") as ftime,
    ):
        full = [TIME_BIN, "-f", "%M %U %S", "-o", ftime.name, *cmd] if wrapped else cmd
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdin=fin, stdout=fout, stderr=ferr)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.02):
                rss, pss, count = tree_memory(proc.pid, include_root=not wrapped)
                peaks[:] = [max(peaks[0], rss), max(peaks[1], pss), max(peaks[2], count)]

        sampler = threading.Thread(target=sample, daemon=True) if sample_memory else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        if sampler:
            sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        ferr.seek(0)
        err = ferr.read().decode("utf-8", "replace")
        maxrss, cpu = 0, usage.ru_utime + usage.ru_stime
        if wrapped:
            fields = (ftime.read().strip().splitlines() or ["0 0 0"])[-1].split()
            with contextlib.suppress(IndexError, ValueError):
                maxrss, cpu = int(fields[0]), float(fields[1]) + float(fields[2])
    return ChildRun(wall, proc.returncode, maxrss, cpu, err, *peaks)


def run_check(
    cmd: list[str], stdin_path: Path, stdout_path: Path, *, sample_memory: bool = False
) -> ChildRun:
    """`fanzha check --jsonl`, retried if the engine cannot start because the model is being written."""
    for attempt in range(MODEL_RETRIES + 1):
        result = run_child(cmd, stdin_path, stdout_path, sample_memory=sample_memory)
        if result.returncode == 0:
            return result
        if attempt < MODEL_RETRIES:
            log(f"  fanzha check exited {result.returncode}: {result.stderr.strip()[-300:]}")
            log(f"  waiting {MODEL_WAIT_S} s (the model file may be being rewritten) and retrying")
            time.sleep(MODEL_WAIT_S)
    raise RuntimeError(f"fanzha check failed: {result.stderr.strip()[-1000:]}")


def verify_check_output(path: Path, ids: Sequence[str]) -> dict[str, int]:
    lines = path.read_bytes().splitlines()
    errors = mismatched = frauds = 0
    for line, ident in zip(lines, ids, strict=False):
        row = json.loads(line)
        errors += "error" in row
        mismatched += row.get("id") != ident
        frauds += bool(row.get("is_fraud"))
    return {"lines": len(lines), "errors": errors, "id_mismatches": mismatched, "flagged": frauds}


def bench_check_throughput(ctx: Context) -> Section:
    cfg = ctx.cfg
    texts = sms_texts(cfg.n_check)
    ids = [f"sms-{i:05d}" for i in range(len(texts))]
    in_path = OUT / f"check_input_{len(texts)}.jsonl"
    out_path = OUT / f"check_output_{len(texts)}.jsonl"
    write_jsonl(in_path, ({"id": i, "text": t} for i, t in zip(ids, texts, strict=True)))
    one_path = OUT / "check_input_1.jsonl"
    write_jsonl(one_path, [{"id": ids[0], "text": texts[0]}])
    cmd = [*fanzha_command(), "check", "--jsonl"]
    help_text = subprocess.run([*cmd[:2], "--help"], capture_output=True, text=True).stdout
    has_workers = "--workers" in help_text
    n = len(texts)
    mean_len = sum(map(len, texts)) / n

    def fmt_runs(runs: Sequence[ChildRun]) -> str:
        return ", ".join(f"{r.wall:.2f}" for r in runs)

    log(f"  fanzha check --jsonl on {n} texts, best of {cfg.repeats} ...")
    runs = [run_check(cmd, in_path, out_path) for _ in range(cfg.repeats)]
    check = verify_check_output(out_path, ids)
    if check["lines"] != n:
        raise RuntimeError(f"fanzha check wrote {check['lines']} lines for {n} inputs")
    sampled = run_check(cmd, in_path, OUT / "check_output_sampled.jsonl", sample_memory=True)
    startup = [run_check(cmd, one_path, OUT / "check_output_1.jsonl") for _ in range(cfg.repeats)]
    single: list[ChildRun] = []
    same_output = None
    if has_workers:
        single_path = OUT / f"check_output_{len(texts)}_workers1.jsonl"
        single = [run_check([*cmd, "--workers", "1"], in_path, single_path) for _ in range(cfg.repeats)]
        same_output = single_path.read_bytes() == out_path.read_bytes()
    best = min(runs, key=lambda r: r.wall)
    best_startup = min(r.wall for r in startup)

    log(f"  fanzha in-process assess_many and peer predict on the same {n} texts ...")
    detector, peer = ctx.detector(), ctx.peer()
    try:
        from fanzha.cli.jsonl import CHUNK as chunk
    except ImportError:
        chunk = 512

    def in_process() -> int:
        return sum(len(detector.assess_many(texts[i : i + chunk])) for i in range(0, n, chunk))

    fz_best, fz_times, _ = best_of(cfg.repeats, in_process)
    peer_best, peer_times, _ = best_of(cfg.repeats, lambda: peer.predict(texts))

    steady = n / (best.wall - best_startup) if best.wall > best_startup else float("nan")
    peak_single = max(r.maxrss_kb for r in [*runs, sampled])
    figures: dict[str, Any] = {
        "n_texts": n,
        "mean_chars": round(mean_len, 1),
        "fanzha_check_wall_s": [round(r.wall, 3) for r in runs],
        "fanzha_check_texts_per_s": round(n / best.wall, 1),
        "fanzha_check_cpu_s_best_run": round(best.cpu, 2),
        "fanzha_check_max_rss_single_process_kb": peak_single,
        "fanzha_check_tree_peak_rss_kb": sampled.tree_rss_kb,
        "fanzha_check_tree_peak_pss_kb": sampled.tree_pss_kb,
        "fanzha_check_processes": sampled.processes,
        "fanzha_check_sampled_run_wall_s": round(sampled.wall, 3),
        "fanzha_check_startup_1_text_s": [round(r.wall, 3) for r in startup],
        "fanzha_check_steady_texts_per_s": round(steady, 1),
        "fanzha_in_process_s": [round(t, 3) for t in fz_times],
        "fanzha_in_process_texts_per_s": round(n / fz_best, 1),
        "fanzha_in_process_chunk": chunk,
        "peer_predict_s": [round(t, 3) for t in peer_times],
        "peer_predict_texts_per_s": round(n / peer_best, 1),
        "output_check": check,
    }
    rows = [
        (
            "**fanzha**",
            "`fanzha check --jsonl < in > out`, a subprocess, end to end (start-up, JSON in/out; "
            "default worker processes)",
            f"{best.wall:.2f}",
            f"**{n / best.wall:,.0f}**",
            f"{best.cpu:.2f}",
            fmt_runs(runs),
        ),
        (
            "peer",
            "`pipeline.predict(texts)` in-process (predict only, one process)",
            f"{peer_best:.2f}",
            f"**{n / peer_best:,.0f}**",
            "",
            ", ".join(f"{t:.2f}" for t in peer_times),
        ),
    ]
    if single:
        best_single = min(single, key=lambda r: r.wall)
        figures["fanzha_check_workers1_wall_s"] = [round(r.wall, 3) for r in single]
        figures["fanzha_check_workers1_texts_per_s"] = round(n / best_single.wall, 1)
        figures["fanzha_check_workers1_same_output"] = same_output
        rows.append(
            (
                "fanzha (reference)",
                "`fanzha check --jsonl --workers 1`, end to end, one process",
                f"{best_single.wall:.2f}",
                f"{n / best_single.wall:,.0f}",
                f"{best_single.cpu:.2f}",
                fmt_runs(single),
            )
        )
    rows.append(
        (
            "fanzha (reference)",
            f"`Detector.assess_many` in-process, chunks of {chunk} (no start-up, no JSON, one process)",
            f"{fz_best:.2f}",
            f"{n / fz_best:,.0f}",
            "",
            ", ".join(f"{t:.2f}" for t in fz_times),
        )
    )
    md = [
        f"{n:,} SMS-length texts: texts of train.jsonl + dev.jsonl cut to their first 70 characters "
        f"(mean {mean_len:.1f} chars), sampled with seed {SEED}, written to `benchmarks/out/{in_path.name}`.",
        "",
        *table(
            [
                "system",
                "what is timed",
                f"best of {cfg.repeats} (s)",
                "texts/s",
                "CPU s (best run)",
                "all runs (s)",
            ],
            rows,
        ),
        "",
        f"- Start-up of `fanzha check --jsonl` on a 1-line input: {best_startup:.2f} s (best of "
        f"{cfg.repeats}); throughput without it ≈ {steady:,.0f} texts/s.",
        f"- Memory of `fanzha check --jsonl` on the {n:,} texts: largest single process "
        f"**{mb(peak_single)}** (`ru_maxrss` of the command and the workers it reaped, read with GNU time "
        f"`%M`); whole process tree ({sampled.processes} processes), sampled every 20 ms in one extra "
        f"untimed run: peak **{mb(sampled.tree_pss_kb)} PSS** (shared pages split between processes), "
        f"{mb(sampled.tree_rss_kb)} summed RSS (shared pages counted in every process).",
        f"- Output verified: {check['lines']:,} lines for {n:,} inputs, ids in order "
        f"({check['id_mismatches']} mismatches), {check['errors']} error lines, "
        f"{check['flagged']:,} texts flagged as scams"
        + (
            f"; `--workers 1` output byte-identical to the default: {'yes' if same_output else '**no**'}."
            if single
            else "."
        ),
        f"- This machine has {os.cpu_count()} CPUs. The headline fanzha row may use all of them (worker "
        "processes); the peer's `predict` runs in one. The headline rows measure different things on "
        "purpose: the fanzha row is what a user of the command waits for, the peer row is a bare `predict` "
        "on a list already in memory. The reference rows take away the workers, start-up and I/O; per text "
        "fanzha still does more than the peer (normalisation, cue rules, identifier extraction and checks, "
        "the explanation) besides its classifier.",
    ]
    summary = [
        f"fanzha check --jsonl {n / best.wall:,.0f} texts/s end to end (start-up {best_startup:.2f} s, "
        f"tree PSS peak {mb(sampled.tree_pss_kb)}, largest process {mb(peak_single)})"
        + (f"; --workers 1 {n / min(r.wall for r in single):,.0f} texts/s" if single else "")
        + f"; in-process {n / fz_best:,.0f} texts/s; peer predict {n / peer_best:,.0f} texts/s",
    ]
    return Section("check_throughput", "2. Batch throughput (`fanzha check --jsonl`)", md, summary, figures)


# --------------------------------------------------------------------------------------------
# 3. latency


def dev_texts_shuffled() -> list[str]:
    from fanzha.learn.dataset import iter_clean, read_examples

    texts = [e.text for e in iter_clean(read_examples(DEV))]
    random.Random(SEED).shuffle(texts)
    return texts


def latency_stats(ns: Sequence[int]) -> dict[str, float]:
    import numpy as np

    ms = np.asarray(ns, dtype=np.float64) / 1e6
    return {
        "mean_ms": round(float(ms.mean()), 3),
        "p50_ms": round(float(np.percentile(ms, 50)), 3),
        "p90_ms": round(float(np.percentile(ms, 90)), 3),
        "p99_ms": round(float(np.percentile(ms, 99)), 3),
        "max_ms": round(float(ms.max()), 3),
    }


def bench_latency(ctx: Context) -> Section:
    cfg = ctx.cfg
    pool = dev_texts_shuffled()
    need = cfg.n_warmup + cfg.n_latency
    texts = [pool[i % len(pool)] for i in range(need)]
    warm, timed = texts[: cfg.n_warmup], texts[cfg.n_warmup :]
    detector, peer = ctx.detector(), ctx.peer()
    clock = time.perf_counter_ns

    for text in warm:
        detector.assess(text)
    fz_ns = []
    for text in timed:
        start = clock()
        detector.assess(text)
        fz_ns.append(clock() - start)
    for text in warm:
        peer.predict([text])
    peer_ns = []
    for text in timed:
        start = clock()
        peer.predict([text])
        peer_ns.append(clock() - start)

    lengths = sorted(map(len, timed))
    fz, pr = latency_stats(fz_ns), latency_stats(peer_ns)
    figures = {
        "n": len(timed),
        "warmup": len(warm),
        "chars_median": lengths[len(lengths) // 2],
        "fanzha": fz,
        "peer": pr,
    }
    md = [
        f"One text per call, in-process, {len(timed):,} texts after {len(warm)} warm-up calls: dev.jsonl "
        f"texts (cleaned, shuffled with seed {SEED}; median {lengths[len(lengths) // 2]} chars, "
        f"max {lengths[-1]}). Timer: `time.perf_counter_ns` around each call.",
        "",
        *table(
            ["system", "call", "mean (ms)", "p50 (ms)", "p90 (ms)", "p99 (ms)", "max (ms)"],
            [
                (
                    "**fanzha**",
                    "`Detector().assess(text)`",
                    *(fz[k] for k in ("mean_ms", "p50_ms", "p90_ms", "p99_ms", "max_ms")),
                ),
                (
                    "peer",
                    "`pipeline.predict([text])`",
                    *(pr[k] for k in ("mean_ms", "p50_ms", "p90_ms", "p99_ms", "max_ms")),
                ),
            ],
        ),
        "",
        "The fanzha call returns the full verdict (type, risk, cues with spans, identifiers, advice, "
        "explanation); the peer call returns a label.",
    ]
    summary = [
        f"assess() p50 {fz['p50_ms']:.2f} ms, p99 {fz['p99_ms']:.2f} ms, max {fz['max_ms']:.1f} ms; "
        f"peer predict([text]) p50 {pr['p50_ms']:.2f} ms, p99 {pr['p99_ms']:.2f} ms"
    ]
    return Section("latency", "3. Single-text latency", md, summary, figures)


# --------------------------------------------------------------------------------------------
# 4. memory (fresh child processes)


def child_memory(which: str, texts_path: Path) -> None:
    """Runs in a fresh interpreter: RSS at each stage, printed as JSON on stdout."""
    stages = {"start": proc_status()["VmRSS"]}
    texts = [r["text"] for r in read_jsonl(texts_path)]
    if which == "fanzha":
        from fanzha.detect.engine import Detector

        stages["import"] = proc_status()["VmRSS"]
        detector = Detector()
        stages["load"] = proc_status()["VmRSS"]
        for i in range(0, len(texts), 512):
            detector.assess_many(texts[i : i + 512])
    else:
        import joblib
        import sklearn.pipeline  # noqa: F401

        stages["import"] = proc_status()["VmRSS"]
        model = joblib.load(OUT / "peer.pkl")["model"]
        stages["load"] = proc_status()["VmRSS"]
        model.predict(texts)
    status = proc_status()
    stages["after"] = status["VmRSS"]
    stages["peak"] = status["VmHWM"]
    print(json.dumps(stages))


def bench_memory(ctx: Context) -> Section:
    cfg = ctx.cfg
    texts = dev_texts_shuffled()[: cfg.n_memory]
    path = OUT / f"memory_input_{len(texts)}.jsonl"
    write_jsonl(path, ({"text": t} for t in texts))
    ctx.peer()  # make sure benchmarks/out/peer.pkl exists and is current
    results = {}
    for which in ("fanzha", "peer"):
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child-memory",
            which,
            "--child-texts",
            str(path),
        ]
        for attempt in range(MODEL_RETRIES + 1):
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode == 0:
                break
            if attempt == MODEL_RETRIES:
                raise RuntimeError(f"memory child {which} failed: {proc.stderr[-1000:]}")
            log(f"  memory child {which} failed ({proc.stderr.strip()[-200:]}); retrying in {MODEL_WAIT_S} s")
            time.sleep(MODEL_WAIT_S)
        results[which] = json.loads(proc.stdout.strip().splitlines()[-1])
    fz, pr = results["fanzha"], results["peer"]
    md = [
        f"Resident memory (`VmRSS` from `/proc/self/status`) of a fresh `python` process at each stage; "
        f"the workload is {len(texts):,} dev.jsonl texts (cleaned), assessed in chunks of 512 (fanzha) or "
        "predicted in one call (peer). *Peak* is `VmHWM`.",
        "",
        *table(
            [
                "system",
                "interpreter",
                "after imports",
                "after loading the model",
                f"after {len(texts):,} texts",
                "peak",
            ],
            [
                (
                    "**fanzha**",
                    mb(fz["start"]),
                    mb(fz["import"]),
                    mb(fz["load"]),
                    f"**{mb(fz['after'])}**",
                    mb(fz["peak"]),
                ),
                (
                    "peer",
                    mb(pr["start"]),
                    mb(pr["import"]),
                    mb(pr["load"]),
                    f"**{mb(pr['after'])}**",
                    mb(pr["peak"]),
                ),
            ],
        ),
        "",
        "fanzha: `from fanzha.detect.engine import Detector; Detector()` (model, taxonomy, cue automaton; "
        "reference lists load on first use). Peer: `joblib.load(benchmarks/out/peer.pkl)`.",
    ]
    summary = [
        f"RSS after loading + {len(texts)} texts: fanzha {mb(fz['after'])} (peak {mb(fz['peak'])}), "
        f"peer {mb(pr['after'])} (peak {mb(pr['peak'])})"
    ]
    return Section("memory", "4. Memory", md, summary, {"fanzha_kb": fz, "peer_kb": pr})


# --------------------------------------------------------------------------------------------
# 5. extraction: fanzha.extract vs phonenumbers.PhoneNumberMatcher

# fmt: off
MOBILE_SEGMENTS = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159",
    "166", "173", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
)
AREAS = (
    "10", "20", "21", "22", "23", "24", "25", "27", "28", "29", "311", "351", "371", "431", "512", "532", "571", "591", "731", "755", "769", "871", "898",
)  # 8-digit local numbers in all of them
# fmt: on
FOREIGN = (  # (country code, national-number generator pattern, a typical grouping)
    ("852", "[5679]xxxxxxx", (4, 4)),  # Hong Kong mobile
    ("852", "[23]xxxxxxx", (4, 4)),  # Hong Kong fixed line
    ("1", "US", (3, 3, 4)),  # USA / Canada
    ("853", "6[68]xxxxxx", (4, 4)),  # Macau mobile
    ("886", "9xxxxxxxx", (3, 3, 3)),  # Taiwan mobile
    ("855", "[19]xxxxxxx", (2, 3, 3)),  # Cambodia
    ("63", "9[1-9]xxxxxxxx", (3, 3, 4)),  # Philippines mobile
    ("44", "7[4-9]xxxxxxxx", (4, 6)),  # UK mobile
)
US_AREAS = ("212", "213", "312", "415", "617", "646", "702", "718", "206", "604", "416")

TEMPLATES = (
    "【顺丰速运】您的快递因地址不详被退回，请于{date}前致电{p}处理，运单号SF{track}。",
    "您好，我是房产中介小王，{date}看房的事跟您确认一下，我的电话{p}，微信同号。",
    "【工商银行】您尾号{card4}的账户于{date} {time}支出{amt}元，如有疑问请致电{p}。",
    "老板您好，货款{amt}元已经安排，有问题打我手机{pm}，座机{pl}。",
    "通知：{date}社区疫苗接种点改到活动中心，咨询电话{p}，工作时间{time}-17:30。",
    "恭喜您被选为幸运用户，获得{amt}元购物卡，请速拨{p}领取，验证码{code}。",
    "您的ETC已失效，请联系客服{p}重新认证，逾期将影响通行。",
    "我换号了，新号码是{pm}，旧号{pm}不用了，存一下哈",
    "【平安普惠】您的借款额度{amt}元已下发，回电{ps}激活，退订回T",
    "香港的朋友可以直接打{pi}，内地请拨{p}。",
    "订单{order}已发货，物流问题请拨打客服热线{ps}，感谢您的支持！",
    "紧急：您的包裹含违禁品，请立即联系{city}公安{pl}，否则将承担法律责任。",
    "张总，合同我看了，价格{amt}元可以，明天{time}你打{p}找我。",
    "酒店预订成功，入住日期{date}，前台电话 {pl}，如需取消请提前24小时。",
    "面试通知：请于{date} {time}到公司面试，联系人李经理，电话：{p}。",
    "海外代购，正品保证，加我WhatsApp {pi} 详聊，价格{amt}元起。",
    "您好，您在本店购买的商品有质量问题，我们将退款{amt}元，请联系客服电话{p}办理。",
    "维修师傅电话{pm}，上门费{amt}元，有事直接打给他。",
    "学校通知：家长会定于{date}召开，请致电班主任{p}确认参加。",
    "如需开发票请联系财务部{pl}或{ps}，工作日{time}前受理。",
    "这是我在国外的号码{pi}，有时差，白天打不通就发短信。",
    "车辆违章提醒：您的车辆于{date}在{city}有违章记录，罚款{amt}元，详询{p}。",
    "预约挂号成功：{date} 上午 第{num}号，如需改约请拨{p}。",
    "房东电话{p}，押一付三，月租{amt}元，{date}起租。",
    "帮我联系一下这个号{p}，说是你同学，让我转{amt}块钱给他。",
    "QQ号{qq}，手机{pm}，有事随时联系。",
    "银行卡尾号{card4}，预留手机{pm}，开户网点电话{pl}。",
    "境外来电{pi}请谨慎接听，如有疑问拨打{p}咨询。",
    "快递员电话 {pm} ，放在门卫了，取件码{code}。",
    "{city}分公司：{pl}；全国客服：{ps}；传真：{pl}",
)
CITIES = ("北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "西安", "南京", "郑州")


def pn_key(number: Any) -> str:
    """A phonenumbers match as a comparable value: Chinese numbers as dialled in China (digits of the
    NATIONAL format: mobiles 11 digits, landlines with the leading 0 of the area code, 400/800 numbers
    as is); any other country in E.164. fanzha's phone values follow the same convention."""
    import phonenumbers

    if number.country_code == 86:
        return re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _digits(rng: random.Random, pattern: str) -> str:
    out = []
    for ch in re.findall(r"\[[^\]]+\]|.", pattern):
        if ch == "x":
            out.append(str(rng.randrange(10)))
        elif ch.startswith("["):
            body = ch[1:-1]
            choices = [chr(c) for c in range(ord(body[0]), ord(body[2]) + 1)] if "-" in body else list(body)
            out.append(rng.choice(choices))
        else:
            out.append(ch)
    return "".join(out)


def _group(digits: str, sizes: Sequence[int], sep: str) -> str:
    parts, i = [], 0
    for size in sizes:
        parts.append(digits[i : i + size])
        i += size
    if i < len(digits):
        parts.append(digits[i:])
    return sep.join(parts)


@dataclass(frozen=True)
class Planted:
    written: str
    key: str
    category: str
    form: str


class PhoneFactory:
    """Valid phone numbers (per libphonenumber's metadata) written the ways people write them."""

    def __init__(self, rng: random.Random) -> None:
        import phonenumbers

        self.pn = phonenumbers
        self.rng = rng

    def _valid(self, written: str, key: str) -> bool:
        try:
            number = self.pn.parse(written, "CN")
        except self.pn.NumberParseException:
            return False
        return self.pn.is_valid_number(number) and pn_key(number) == key

    def mobile_digits(self) -> str:
        while True:
            digits = self.rng.choice(MOBILE_SEGMENTS) + _digits(self.rng, "xxxxxxxx")
            if self._valid(digits, digits):
                return digits

    def make(self, category: str) -> Planted:
        # The country is chosen once, so that retries do not favour countries with simple rules.
        country = self.rng.choice(FOREIGN) if category == "international" else None
        for _ in range(200):
            planted = self._international(country) if country else getattr(self, "_" + category)()
            if self._valid(planted.written, planted.key):
                return planted
        raise RuntimeError(f"could not generate a valid {category} number")

    def _mobile(self) -> Planted:
        d = self.rng.choice(MOBILE_SEGMENTS) + _digits(self.rng, "xxxxxxxx")
        g = f"{d[:3]} {d[3:7]} {d[7:]}"
        forms = {
            "plain": d,
            "3-4-4 dashes": f"{d[:3]}-{d[3:7]}-{d[7:]}",
            "3-4-4 spaces": g,
            "+86 3-4-4": "+86 " + g,
            "+86 plain": "+86" + d,
            "+86-plain": "+86-" + d,
            "0086 plain": "0086 " + d,
            "(+86)plain": "(+86)" + d,
        }
        form = self.rng.choices(list(forms), weights=[40, 12, 12, 8, 8, 5, 8, 7])[0]
        return Planted(forms[form], d, "mobile", form)

    def _landline(self) -> Planted:
        area = self.rng.choice(AREAS)
        local = _digits(self.rng, "[2-8]xxxxxxx")
        key = "0" + area + local
        forms = {
            "0AA-LLLLLLLL": f"0{area}-{local}",
            "(0AA)LLLLLLLL": f"(0{area}){local}",
            "（0AA）LLLLLLLL": f"（0{area}）{local}",
            "0AA LLLLLLLL": f"0{area} {local}",
            "0AALLLLLLLL": key,
            "0AA-LLLL-LLLL": f"0{area}-{local[:4]}-{local[4:]}",
            "+86 AA LLLL LLLL": f"+86 {area} {local[:4]} {local[4:]}",
            "+86-AA-LLLLLLLL": f"+86-{area}-{local}",
        }
        form = self.rng.choices(list(forms), weights=[40, 10, 8, 8, 10, 8, 8, 8])[0]
        return Planted(forms[form], key, "landline", form)

    def _service(self) -> Planted:
        d = self.rng.choice(("400", "400", "400", "800")) + _digits(self.rng, "[1-9]xxxxxx")
        forms = {
            "400-XXX-XXXX": f"{d[:3]}-{d[3:6]}-{d[6:]}",
            "400XXXXXXX": d,
            "400 XXX XXXX": f"{d[:3]} {d[3:6]} {d[6:]}",
            "400X-XXX-XXX": f"{d[:4]}-{d[4:7]}-{d[7:]}",
        }
        form = self.rng.choices(list(forms), weights=[50, 25, 10, 15])[0]
        return Planted(forms[form], d, "400/800", form)

    def _international(self, country: tuple[str, str, tuple[int, ...]]) -> Planted:
        cc, pattern, sizes = country
        if pattern == "US":
            national = self.rng.choice(US_AREAS) + _digits(self.rng, "[2-9]xxxxxx")
            if national[3:6] == "555" or national[4:6] == "11":
                national = national[:3] + "736" + national[6:]
        else:
            national = _digits(self.rng, pattern)
        grouped = _group(national, sizes, " ")
        forms = {
            "+CC grouped": f"+{cc} {grouped}",
            "+CC plain": f"+{cc}{national}",
            "+CC-plain": f"+{cc}-{national}",
            "00CC grouped": f"00{cc} {grouped}",
        }
        if cc == "1":
            forms["+1 (AAA) XXX-XXXX"] = f"+1 ({national[:3]}) {national[3:6]}-{national[6:]}"
        form = self.rng.choice(list(forms))
        return Planted(forms[form], f"+{cc}{national}", f"international +{cc}", form)


def build_texts(n: int, seed: int) -> list[tuple[str, list[tuple[int, int, Planted]]]]:
    """`n` Chinese texts with phone numbers and number-like distractors, and where each number is."""
    rng = random.Random(seed)
    factory = PhoneFactory(rng)
    slot_kinds = {
        "p": ("mobile", "mobile", "landline", "service", "international"),
        "pm": ("mobile",),
        "pl": ("landline",),
        "ps": ("service",),
        "pi": ("international",),
    }
    filler = {
        "date": lambda: rng.choice(
            (
                f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
                f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日",
            )
        ),
        "time": lambda: f"{rng.randint(8, 20)}:{rng.choice(('00', '15', '30', '45'))}",
        "amt": lambda: str(
            rng.choice((rng.randint(50, 999), rng.randint(1000, 99999), rng.randint(100000, 500000)))
        ),
        "code": lambda: _digits(rng, "xxxxxx"),
        "card4": lambda: _digits(rng, "xxxx"),
        "order": lambda: "2024" + _digits(rng, "xxxxxxxxxxxxxx"),
        "track": lambda: _digits(rng, "xxxxxxxxxxxx"),
        "qq": lambda: (
            _digits(rng, "[1-9]xxxxxxxx") + rng.choice(("", "x")).replace("x", str(rng.randrange(10)))
        ),
        "num": lambda: str(rng.randint(1, 60)),
        "city": lambda: rng.choice(CITIES),
    }
    out = []
    for _ in range(n):
        template = rng.choice(TEMPLATES)
        parts = re.split(r"\{(\w+)\}", template)
        text, spans = "", []
        for i, part in enumerate(parts):
            if i % 2 == 0:
                text += part
            elif part in slot_kinds:
                planted = factory.make(rng.choice(slot_kinds[part]))
                spans.append((len(text), len(text) + len(planted.written), planted))
                text += planted.written
            else:
                text += filler[part]()
        out.append((text, spans))
    return out


FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
NUMERALS_YAO = str.maketrans("0123456789", "零幺二三四五六七八九")
NUMERALS_YI = str.maketrans("0123456789", "〇一二三四五六七八九")
NUMERALS_UPPER = str.maketrans("0123456789", "零壹贰叁肆伍陆柒捌玖")
NUMERALS_RADIO = str.maketrans("0123456789", "洞幺两三四五六拐八勾")
SERVICES = ("95588", "95533", "95599", "95566", "95555", "95559", "10086", "10010")
OBFUSCATED_TEMPLATES = (
    "请拨打{p}联系客服处理退款。",
    "【建设银行】您的账户存在异常，请立即致电{p}核实，否则将冻结。",
    "急事，打我新号{p}，旧号不用了。",
    "兼职刷单日结，详情电话{p}。",
    "您的快递丢失，理赔专线{p}。",
)


def obfuscate(form: str, rng: random.Random, factory: PhoneFactory) -> tuple[str, str]:
    """(written, intended value) for one obfuscation form."""
    if form == "spoofed service (0095588)":
        service = rng.choice(SERVICES)
        return rng.choice(("00", "000", "+", "+00")) + service, service
    if form == "full-width landline":
        area, local = rng.choice(AREAS), _digits(rng, "[2-8]xxxxxxx")
        return f"0{area}-{local}".translate(FULLWIDTH), f"0{area}{local}"
    d = factory.mobile_digits()
    if form == "full-width digits":
        return d.translate(FULLWIDTH), d
    if form == "full-width 3-4-4 dashes":
        return f"{d[:3]}-{d[3:7]}-{d[7:]}".translate(FULLWIDTH), d
    if form == "numerals 幺二三 (1=幺, 0=零)":
        return d.translate(NUMERALS_YAO), d
    if form == "numerals 一二三 (0=〇)":
        return d.translate(NUMERALS_YI), d
    if form == "capital numerals 壹贰叁":
        return d.translate(NUMERALS_UPPER), d
    if form == "radio numerals 洞幺两拐勾":
        return d.translate(NUMERALS_RADIO), d
    if form == "digits mixed with numerals":
        mixed = "".join(c.translate(NUMERALS_YAO) if rng.random() < 0.5 else c for c in d)
        return mixed, d
    if form == "spaced digits (1 3 8 0 …)":
        return " ".join(d), d
    if form == "dotted 3.4.4":
        return f"{d[:3]}.{d[3:7]}.{d[7:]}", d
    raise ValueError(form)


OBFUSCATION_FORMS = (
    "full-width digits",
    "full-width 3-4-4 dashes",
    "full-width landline",
    "numerals 幺二三 (1=幺, 0=零)",
    "numerals 一二三 (0=〇)",
    "capital numerals 壹贰叁",
    "radio numerals 洞幺两拐勾",
    "digits mixed with numerals",
    "spaced digits (1 3 8 0 …)",
    "dotted 3.4.4",
    "spoofed service (0095588)",
)


def bench_extraction(ctx: Context) -> Section:
    import phonenumbers

    from fanzha.extract import extract

    cfg = ctx.cfg
    corpus = build_texts(cfg.n_extract, SEED)
    texts = [t for t, _ in corpus]

    def run_pn() -> list[list[tuple[int, int, str, str]]]:
        return [
            [
                (m.start, m.end, pn_key(m.number), m.raw_string)
                for m in phonenumbers.PhoneNumberMatcher(t, "CN")
            ]
            for t in texts
        ]

    def run_fz() -> list[list[tuple[int, int, str, str]]]:
        return [
            [(i.start, i.end, i.value, t[i.start : i.end]) for i in extract(t, kinds=["phone"])]
            for t in texts
        ]

    repeats = cfg.repeats + 2  # runs of half a second each: more of them steady the best
    log(f"  extraction on {len(texts)} texts, best of {repeats} each ...")
    pn_best, pn_times, pn_found = best_of(repeats, run_pn)
    fz_best, fz_times, fz_found = best_of(repeats, run_fz)

    # (a) Of the numbers PhoneNumberMatcher finds, how many does fanzha find? Each match is also
    # marked as a planted number or a distractor (a QQ number read as a landline, say).
    same_both = same_value_only = same_span_only = 0
    pn_total = pn_on_planted = fz_also_planted = 0
    misses = []
    for (text, planted), pns, fzs in zip(corpus, pn_found, fz_found, strict=True):
        fz_spans = {(a, b) for a, b, _, _ in fzs}
        fz_values = {v for _, _, v, _ in fzs}
        for a, b, key, raw in pns:
            pn_total += 1
            is_planted = any(x < b and a < y for x, y, _ in planted)
            pn_on_planted += is_planted
            span, value = (a, b) in fz_spans, key in fz_values
            if span and value:
                same_both += 1
            elif value:
                same_value_only += 1
            elif span:
                same_span_only += 1
            else:
                misses.append((raw, key, [v for _, _, v, _ in fzs], text, is_planted))
                continue
            fz_also_planted += is_planted
    fz_also = same_both + same_value_only + same_span_only
    planted_misses = [m for m in misses if m[4]]
    distractor_misses = [m for m in misses if not m[4]]

    # (b) Against the planted numbers (the generator knows every number it wrote).
    def score(
        found: list[list[tuple[int, int, str, str]]],
    ) -> tuple[Counter[str], int, list[tuple[str, str]]]:
        hit: Counter[str] = Counter()
        extra = 0
        extras = []
        for (text, planted), matches in zip(corpus, found, strict=True):
            for a, b, p in planted:
                if any(v == p.key and x < b and a < y for x, y, v, _ in matches):
                    hit[p.category] += 1
                    hit["form:" + p.form] += 1
            for x, y, _, raw in matches:
                if not any(x < b and a < y for a, b, _ in planted):
                    extra += 1
                    extras.append((raw, text))
        return hit, extra, extras

    planted_by: Counter[str] = Counter()
    for _, planted in corpus:
        for _, _, p in planted:
            planted_by[p.category] += 1
            planted_by["form:" + p.form] += 1
    n_planted = sum(v for k, v in planted_by.items() if not k.startswith("form:"))
    pn_hit, pn_extra, pn_extras = score(pn_found)
    fz_hit, fz_extra, fz_extras = score(fz_found)
    categories = sorted((k for k in planted_by if not k.startswith("form:")), key=lambda k: -planted_by[k])
    forms = sorted(k for k in planted_by if k.startswith("form:"))
    fz_weak_forms = [
        (f[5:], planted_by[f], fz_hit[f], pn_hit[f])
        for f in forms
        if fz_hit[f] < planted_by[f] or pn_hit[f] < planted_by[f]
    ]

    # (c) Obfuscated forms.
    rng = random.Random(SEED + 1)
    factory = PhoneFactory(rng)
    obf_rows = []
    obf_figures = {}
    for form in OBFUSCATION_FORMS:
        fz_ok = pn_ok = pn_any = fz_any = 0
        example = ""
        pn_values: Counter[str] = Counter()
        for _ in range(cfg.n_obfuscated):
            written, value = obfuscate(form, rng, factory)
            before, after = rng.choice(OBFUSCATED_TEMPLATES).split("{p}")
            text = before + written + after
            a, b = len(before), len(before) + len(written)
            example = example or text
            fz = [i for i in extract(text, kinds=["phone"]) if i.start < b and a < i.end]
            pn = [m for m in phonenumbers.PhoneNumberMatcher(text, "CN") if m.start < b and a < m.end]
            fz_any += bool(fz)
            pn_any += bool(pn)
            fz_ok += any(i.value == value or i.details.get("imitates") == value for i in fz)
            pn_ok += any(pn_key(m.number) == value for m in pn)
            pn_values.update(pn_key(m.number) for m in pn)
        n = cfg.n_obfuscated
        obf_figures[form] = {"n": n, "fanzha": fz_ok, "phonenumbers": pn_ok, "pn_any_match": pn_any}
        note = ""
        if pn_any > pn_ok:
            note = f"phonenumbers returned another number {pn_any - pn_ok}× (e.g. {pn_values.most_common(1)[0][0]})"
        if fz_any > fz_ok:
            note += ("; " if note else "") + f"fanzha returned another value {fz_any - fz_ok}×"
        obf_rows.append((form, f"`{example}`", f"{fz_ok}/{n}", f"{pn_ok}/{n}", note))

    def fmt_miss(miss: tuple[str, str, list[str], str, bool]) -> str:
        raw, key, values, text, _ = miss
        return f"`{raw}` (phonenumbers: {key}; fanzha in this text: {values or 'nothing'}) — {text}"

    n = len(texts)
    figures = {
        "n_texts": n,
        "n_planted": n_planted,
        "planted_by_category": {c: planted_by[c] for c in categories},
        "phonenumbers_matches": pn_total,
        "fanzha_also_found": fz_also,
        "fanzha_same_span_and_value": same_both,
        "fanzha_same_value_other_span": same_value_only,
        "fanzha_same_span_other_value": same_span_only,
        "phonenumbers_matches_on_planted": pn_on_planted,
        "fanzha_also_found_planted": fz_also_planted,
        "fanzha_missed": len(misses),
        "fanzha_missed_planted": len(planted_misses),
        "recall_vs_planted": {
            "fanzha": {c: fz_hit[c] for c in categories},
            "phonenumbers": {c: pn_hit[c] for c in categories},
        },
        "extra_matches": {"fanzha": fz_extra, "phonenumbers": pn_extra},
        "speed_texts_per_s": {"fanzha": round(n / fz_best, 1), "phonenumbers": round(n / pn_best, 1)},
        "obfuscated": obf_figures,
    }
    md = [
        f"{n:,} generated Chinese texts (seed {SEED}; 30 templates of SMS/chat sentences) holding "
        f"{n_planted:,} phone numbers — mobiles, landlines with area codes, +86/0086 forms, 400/800 numbers, "
        "and foreign numbers (+852, +1, +853, +886, +855, +63, +44) in the usual written forms — next to "
        "number-like distractors (amounts, dates, times, verification codes, order and tracking numbers, "
        "QQ numbers). Every planted number is valid per libphonenumber's metadata (regenerated until it is). "
        "Peer: `phonenumbers.PhoneNumberMatcher(text, 'CN')` (default leniency VALID). fanzha: "
        "`fanzha.extract.extract(text, kinds=['phone'])`.",
        "",
        "**Matching rule.** Both sides are turned into one value per number: a phonenumbers match of a "
        "Chinese number (+86) becomes the digits of its NATIONAL format — mobiles 11 digits (`13812345678`), "
        "landlines with the trunk 0 of the area code (`075586001234`; `national_number` has no 0, the "
        "NATIONAL format restores it), 400/800 numbers as dialled (`4008208820`); a foreign number becomes "
        "E.164 (`+85261234567`). fanzha's `value` already follows that convention. A phonenumbers match counts "
        "as *also found by fanzha* when fanzha returns, in the same text, a phone identifier with exactly the "
        "same span (start, end) or the same value.",
        "",
        *table(
            ["", "count"],
            [
                (
                    "numbers found by PhoneNumberMatcher",
                    f"{pn_total:,} ({pn_on_planted:,} planted numbers, {pn_total - pn_on_planted:,} distractors)",
                ),
                (
                    "… also found by fanzha",
                    f"**{fz_also:,} ({fz_also / max(pn_total, 1):.1%})**; of the planted ones "
                    f"{fz_also_planted:,}/{pn_on_planted:,} ({fz_also_planted / max(pn_on_planted, 1):.1%})",
                ),
                ("… same span and same value", f"{same_both:,}"),
                ("… same value, different span", f"{same_value_only:,}"),
                ("… same span, different value", f"{same_span_only:,}"),
                (
                    "… missed by fanzha",
                    f"{len(misses):,} ({len(planted_misses):,} planted numbers, "
                    f"{len(distractor_misses):,} distractors that phonenumbers reads as numbers)",
                ),
            ],
        ),
        "",
        "Misses of planted numbers (first 10):" if planted_misses else "fanzha missed no planted number.",
        "",
        *[f"{i}. {fmt_miss(m)}" for i, m in enumerate(planted_misses[:10], 1)],
        "",
        *(
            [
                "Misses that are distractors, not phone numbers (first 3): "
                + "; ".join(f"`{m[0]}` → {m[1]} in {m[3]}" for m in distractor_misses[:3]),
                "",
            ]
            if distractor_misses
            else []
        ),
        "**Against the planted numbers** (found = a match with the planted value overlapping its span; "
        "extra = a match overlapping no planted number, i.e. a distractor read as a phone number):",
        "",
        *table(
            ["category", "planted", "fanzha found", "phonenumbers found"],
            [
                (
                    c,
                    planted_by[c],
                    f"{fz_hit[c]} ({fz_hit[c] / planted_by[c]:.1%})",
                    f"{pn_hit[c]} ({pn_hit[c] / planted_by[c]:.1%})",
                )
                for c in categories
            ]
            + [
                (
                    "**all**",
                    n_planted,
                    f"**{sum(fz_hit[c] for c in categories)} ({sum(fz_hit[c] for c in categories) / n_planted:.1%})**",
                    f"**{sum(pn_hit[c] for c in categories)} ({sum(pn_hit[c] for c in categories) / n_planted:.1%})**",
                ),
                ("extra matches", "", str(fz_extra), str(pn_extra)),
            ],
        ),
        "",
        "Written forms that either side does not always find:",
        "",
        *table(["form", "planted", "fanzha", "phonenumbers"], fz_weak_forms or [("(none)", "", "", "")]),
        "",
    ]
    if fz_extras or pn_extras:
        md += [
            "Extra matches, first 5 of each: fanzha "
            + ("; ".join(f"`{r}` in {t}" for r, t in fz_extras[:5]) or "none")
            + " — phonenumbers "
            + ("; ".join(f"`{r}` in {t}" for r, t in pn_extras[:5]) or "none"),
            "",
        ]
    md += [
        f"**Obfuscated forms** ({cfg.n_obfuscated} texts per form, seed {SEED + 1}; found = a match over the "
        "number whose value is the intended number; for a spoofed service number, fanzha counts if it says "
        "which service number is imitated, phonenumbers if it returns the service number):",
        "",
        *table(["form", "example", "fanzha", "phonenumbers", "note"], obf_rows),
        "",
        f"**Speed** on the {n:,} texts (best of {repeats}; whole loop over the texts):",
        "",
        *table(
            ["system", "best (s)", "texts/s", "all runs (s)"],
            [
                (
                    "**fanzha** `extract(t, kinds=['phone'])`",
                    f"{fz_best:.2f}",
                    f"**{n / fz_best:,.0f}**",
                    ", ".join(f"{t:.2f}" for t in fz_times),
                ),
                (
                    "phonenumbers `PhoneNumberMatcher(t, 'CN')`",
                    f"{pn_best:.2f}",
                    f"**{n / pn_best:,.0f}**",
                    ", ".join(f"{t:.2f}" for t in pn_times),
                ),
            ],
        ),
        "",
        "`kinds=['phone']` filters the result: fanzha still runs every recognizer (cards, links, IDs, "
        "amounts …) and normalises the text first, so this is the cost of a full extraction.",
    ]
    fz_all = sum(fz_hit[c] for c in categories)
    pn_all = sum(pn_hit[c] for c in categories)
    summary = [
        f"fanzha finds {fz_also}/{pn_total} of PhoneNumberMatcher's numbers; of {n_planted} planted numbers "
        f"fanzha {fz_all} ({fz_all / n_planted:.1%}), phonenumbers {pn_all} ({pn_all / n_planted:.1%}); "
        f"extra matches {fz_extra} vs {pn_extra}",
        f"speed fanzha {n / fz_best:,.0f} texts/s vs phonenumbers {n / pn_best:,.0f} texts/s; obfuscated: "
        + ", ".join(f"{f.split(' (')[0]} {v['fanzha']}/{v['phonenumbers']}" for f, v in obf_figures.items()),
    ]
    return Section("extraction", "5. Phone-number extraction", md, summary, figures)


# --------------------------------------------------------------------------------------------
# the report


RUNNERS: dict[str, Callable[[Context], Section]] = {
    "quality": bench_quality,
    "check_throughput": bench_check_throughput,
    "latency": bench_latency,
    "memory": bench_memory,
    "extraction": bench_extraction,
}


def render(
    sections: list[Section],
    machine: dict[str, Any],
    code_before: dict[str, Any],
    code_after: dict[str, Any],
    cfg: Config,
    started: dt.datetime,
    total: float,
    argv: list[str],
) -> str:
    v = machine["versions"]
    model_before, model_after = code_before["model"], code_after["model"]
    lines = [
        "# fanzha benchmark results",
        "",
        f"Written by `python benchmarks/{Path(__file__).name}{' ' + ' '.join(argv) if argv else ''}` on "
        f"{started.isoformat(timespec='seconds')}; the run took {total:.0f} s"
        + (" (**--quick**: reduced sizes)." if cfg.quick else "."),
        "Every comparison below was measured in this run, on this machine. Do not edit by hand: rerun.",
        "",
        "## Machine",
        "",
        *table(
            ["", ""],
            [
                (
                    "CPU",
                    f"{machine['cpu_model']} — {machine['logical_cpus']} logical CPUs ({machine['usable_cpus']} usable)",
                ),
                ("RAM", f"{machine['ram_gb']} GB"),
                (
                    "load average",
                    f"{' / '.join(map(str, machine['load_average_at_start']))} at start, "
                    f"{' / '.join(f'{x:.2f}' for x in os.getloadavg())} at end (1/5/15 min)",
                ),
                ("OS", machine["platform"]),
                ("Python", machine["python"]),
                ("numpy", v["numpy"]),
                ("scikit-learn / scipy", f"{v['sklearn']} / {v['scipy']}"),
                ("phonenumbers / orjson", f"{v['phonenumbers']} / {v['orjson']}"),
                (
                    "fanzha",
                    f"{v['fanzha']}, git {machine['git_commit']}, src/fanzha sha256 {code_before['src_sha256']}…",
                ),
                (
                    "model file",
                    f"`{model_before.get('path')}` sha256 {model_before.get('sha256')}…, "
                    f"{model_before.get('bytes', 0) / 1e6:.1f} MB, written {model_before.get('mtime')}",
                ),
            ],
        ),
        "",
    ]
    if model_before != model_after:
        lines += [
            f"> **Warning:** the model file changed during this run (now sha256 {model_after.get('sha256')}…, "
            f"written {model_after.get('mtime')}); figures may mix two models. Rerun.",
            "",
        ]
    if (
        code_before["src_sha256"] != code_after["src_sha256"]
        or code_before["git_head"] != code_after["git_head"]
    ):
        lines += [
            f"> **Warning:** the fanzha source changed during this run (git {code_before['git_head']} → "
            f"{code_after['git_head']}, src sha256 {code_before['src_sha256']}… → {code_after['src_sha256']}…); "
            "in-process figures and subprocess figures may come from different code. Rerun.",
            "",
        ]
    lines += ["## Summary", ""]
    for section in sections:
        lines += [f"- **{section.name}**: " + "; ".join(section.summary)]
    lines.append("")
    for section in sections:
        lines += [f"## {section.title}", "", f"*({section.seconds:.0f} s)*", "", *section.markdown, ""]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes (about a third of the time)")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help=f"run only these benchmarks (repeatable or comma-separated): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="where to write the report (default: benchmarks/RESULTS.md for a full run, "
        "benchmarks/out/RESULTS.partial.md with --quick or --only)",
    )
    parser.add_argument("--child-memory", choices=("fanzha", "peer"), help=argparse.SUPPRESS)
    parser.add_argument("--child-texts", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child_memory:
        child_memory(args.child_memory, args.child_texts)
        return 0

    selected = list(BENCHMARKS)
    if args.only:
        wanted = [name.strip() for item in args.only for name in item.split(",") if name.strip()]
        unknown = [name for name in wanted if name not in BENCHMARKS]
        if unknown:
            parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        selected = [name for name in BENCHMARKS if name in wanted]
    partial = args.quick or bool(args.only)
    output = args.output or (PARTIAL_RESULTS if partial else RESULTS)

    cfg = Config.make(args.quick)
    OUT.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now().astimezone()
    t0 = time.perf_counter()
    machine = machine_info()
    code_before = code_fingerprint()
    ctx = Context(cfg)
    sections = []
    for name in selected:
        log(f"[{name}]")
        start = time.perf_counter()
        section = RUNNERS[name](ctx)
        section.seconds = time.perf_counter() - start
        sections.append(section)
        for line in section.summary:
            log(f"  {line}")
    code_after = code_fingerprint()
    changed = code_before != code_after
    total = time.perf_counter() - t0

    shown_argv = sys.argv[1:] if argv is None else argv
    report = render(sections, machine, code_before, code_after, cfg, started, total, shown_argv)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report, encoding="utf-8")
    (OUT / "results.json").write_text(
        json.dumps(
            {
                "started": started.isoformat(timespec="seconds"),
                "seconds": round(total, 1),
                "quick": cfg.quick,
                "machine": machine,
                "code": code_before,
                "code_or_model_changed_during_run": changed,
                "benchmarks": {s.name: {"seconds": round(s.seconds, 1), **s.figures} for s in sections},
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )

    print(
        f"fanzha benchmarks — {machine['cpu_model']}, {machine['logical_cpus']} CPUs, Python {machine['python']}"
    )
    for section in sections:
        print(f"{section.name} ({section.seconds:.0f} s)")
        for line in section.summary:
            print(f"  {line}")
    if changed:
        print("WARNING: the fanzha source or model changed during the run; rerun for consistent figures")
    print(f"total {total:.0f} s; report written to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
