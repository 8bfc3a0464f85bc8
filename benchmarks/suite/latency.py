"""Benchmark 3, single-text latency on real SMS: `Detector().assess(text)` and the peer's
`predict([text])`, one call at a time after a warm-up."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from suite.common import SEED, Section, table
from suite.context import Context
from suite.corpus import real_sms_shuffled

STATS = ("mean_ms", "p50_ms", "p90_ms", "p99_ms", "max_ms")
P99_TARGET_MS = 10.0


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


def time_calls(call: Callable[[str], Any], warm: Sequence[str], timed: Sequence[str]) -> list[int]:
    """Nanoseconds of `call(text)` for each timed text, after one call on each warm-up text."""
    clock = time.perf_counter_ns
    for text in warm:
        call(text)
    ns = []
    for text in timed:
        start = clock()
        call(text)
        ns.append(clock() - start)
    return ns


def bench_latency(ctx: Context) -> Section:
    cfg = ctx.cfg
    texts = real_sms_shuffled(cfg.n_warmup + cfg.n_latency)
    warm, timed = texts[: cfg.n_warmup], texts[cfg.n_warmup :]
    detector, peer = ctx.detector(), ctx.peer()

    fz_ns = time_calls(detector.assess, warm, timed)
    peer_ns = time_calls(lambda text: peer.predict([text]), warm, timed)

    lengths = sorted(map(len, timed))
    fz, pr = latency_stats(fz_ns), latency_stats(peer_ns)
    figures = {
        "n": len(timed),
        "warmup": len(warm),
        "chars_median": lengths[len(lengths) // 2],
        "fanzha": fz,
        "peer": pr,
        "p99_target_ms": P99_TARGET_MS,
        "p99_target_met": fz["p99_ms"] <= P99_TARGET_MS,
    }
    met = "met" if fz["p99_ms"] <= P99_TARGET_MS else "**not met**"
    md = [
        f"One text per call, in-process, {len(timed):,} texts after {len(warm)} warm-up calls on other texts: "
        f"real SMS from `real/real_sms.jsonl` (all folds, drawn without replacement with seed {SEED}; median "
        f"{lengths[len(lengths) // 2]} chars, max {lengths[-1]}). Timer: `time.perf_counter_ns` around each call.",
        "",
        *table(
            ["system", "call", "mean (ms)", "p50 (ms)", "p90 (ms)", "p99 (ms)", "max (ms)"],
            [
                ("**fanzha**", "`Detector().assess(text)`", *(fz[k] for k in STATS)),
                ("peer", "`pipeline.predict([text])`", *(pr[k] for k in STATS)),
            ],
        ),
        "",
        f"Target: fanzha p99 ≤ {P99_TARGET_MS:.0f} ms ({met}). The fanzha call returns the full verdict "
        "(type, risk, cues with spans, identifiers, advice, explanation); the peer call returns a label.",
    ]
    summary = [
        f"real SMS: assess() p50 {fz['p50_ms']:.2f} ms, p99 {fz['p99_ms']:.2f} ms (target ≤ "
        f"{P99_TARGET_MS:.0f}), max {fz['max_ms']:.1f} ms; "
        f"peer predict([text]) p50 {pr['p50_ms']:.2f} ms, p99 {pr['p99_ms']:.2f} ms"
    ]
    return Section("latency", "3. Single-text latency", md, summary, figures)
