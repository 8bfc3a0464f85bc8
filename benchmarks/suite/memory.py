"""Benchmark 4, memory: resident memory of a fresh Python process at each stage (start, imports,
model loaded, after a workload), for the detector and the peer.

`child_memory` runs in that fresh process (`run.py --child-memory`); the benchmark starts it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from suite.common import (
    OUT,
    RUN_SCRIPT,
    ChildFailed,
    Section,
    mb,
    proc_status,
    read_jsonl,
    table,
    with_model_retries,
    write_jsonl,
)
from suite.context import Context
from suite.corpus import dev_texts_shuffled
from suite.peer import PEER_CACHE

CHUNK = 512
PEAK_TARGET_MB = 500


def child_memory(which: str, texts_path: Path) -> None:
    """Runs in a fresh interpreter: RSS at each stage, printed as JSON on stdout."""
    stages = {"start": proc_status()["VmRSS"]}
    texts = [r["text"] for r in read_jsonl(texts_path)]
    if which == "fanzha":
        from fanzha.detect.engine import Detector

        stages["import"] = proc_status()["VmRSS"]
        detector = Detector()
        stages["load"] = proc_status()["VmRSS"]
        for i in range(0, len(texts), CHUNK):
            detector.assess_many(texts[i : i + CHUNK])
    else:
        import joblib
        import sklearn.pipeline  # noqa: F401

        stages["import"] = proc_status()["VmRSS"]
        model = joblib.load(PEER_CACHE)["model"]
        stages["load"] = proc_status()["VmRSS"]
        model.predict(texts)
    status = proc_status()
    stages["after"] = status["VmRSS"]
    stages["peak"] = status["VmHWM"]
    print(json.dumps(stages))


def measure_child(which: str, texts_path: Path) -> dict[str, int]:
    """The stages reported by a fresh `run.py --child-memory which` process."""
    cmd = [sys.executable, str(RUN_SCRIPT), "--child-memory", which, "--child-texts", str(texts_path)]

    def attempt() -> dict[str, int]:
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise ChildFailed(proc.stderr.strip()[-1000:])
        stages: dict[str, int] = json.loads(proc.stdout.strip().splitlines()[-1])
        return stages

    return with_model_retries(f"memory child {which}", attempt, retry_on=(ChildFailed,))


def memory_row(system: str, stages: dict[str, int]) -> tuple[str, ...]:
    s = stages
    return (system, mb(s["start"]), mb(s["import"]), mb(s["load"]), mb(s["after"]), f"**{mb(s['peak'])}**")


def bench_memory(ctx: Context) -> Section:
    cfg = ctx.cfg
    texts = dev_texts_shuffled()[: cfg.n_memory]
    path = OUT / f"memory_input_{len(texts)}.jsonl"
    write_jsonl(path, ({"text": t} for t in texts))
    ctx.peer()  # make sure benchmarks/out/peer.pkl exists and is current
    fz, pr = measure_child("fanzha", path), measure_child("peer", path)
    met = fz["peak"] <= PEAK_TARGET_MB * 1024
    figures: dict[str, Any] = {
        "fanzha_kb": fz,
        "peer_kb": pr,
        "fanzha_peak_kb": fz["peak"],
        "peer_peak_kb": pr["peak"],
        "peak_target_mb": PEAK_TARGET_MB,
        "peak_target_met": met,
    }
    md = [
        f"Resident memory (`VmRSS` from `/proc/self/status`) of a fresh `python` process at each stage; "
        f"the workload is {len(texts):,} dev.jsonl texts (cleaned), assessed in chunks of {CHUNK} (fanzha) or "
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
            [memory_row("**fanzha**", fz), memory_row("peer", pr)],
        ),
        "",
        "fanzha: `from fanzha.detect.engine import Detector; Detector()` (model, taxonomy, cue automaton; "
        "reference lists load on first use). Peer: `joblib.load(benchmarks/out/peer.pkl)`.",
        "",
        f"Target: fanzha's peak ≤ {PEAK_TARGET_MB} MB: **{mb(fz['peak'])}**, {'met' if met else '**not met**'}. "
        "The peak of `fanzha check --jsonl` with its worker processes is in section 2.",
    ]
    summary = [
        f"peak RSS fanzha {mb(fz['peak'])} (target ≤ {PEAK_TARGET_MB} MB{'' if met else ', not met'}), "
        f"peer {mb(pr['peak'])}; after loading + {len(texts)} texts: fanzha {mb(fz['after'])}, "
        f"peer {mb(pr['after'])}"
    ]
    return Section("memory", "4. Memory", md, summary, figures)
