"""Benchmark 1, quality: the full engine's verdicts against the peer's on the shared dev split and the
out-of-distribution sets, scored by the same code; for the held-out ood_test also confidence
intervals, a paired bootstrap, per-type recall and a check that it is really held out."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from suite.common import (
    DEV,
    OOD_DEV,
    OOD_DEV2,
    OOD_TEST,
    OUT,
    SEED,
    TRAIN,
    Section,
    read_jsonl,
    table,
    wilson,
    write_jsonl,
)
from suite.context import Context

if TYPE_CHECKING:
    from fanzha.learn.dataset import Example
    from fanzha.learn.metrics import Report

TABLE_HEADER = (
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
)
SUMMARY_SETS = ("dev_cleaned", "ood_dev", "ood_dev2")  # after ood_test, the figure to quote
BOOTSTRAP_METRICS = ("macro_f1", "scam_recall", "false_alarm_rate")
# Every text a model could have seen, to check that ood_test is held out.
SEEN = (("train.jsonl", TRAIN), ("dev.jsonl", DEV), ("ood_dev.jsonl", OOD_DEV), ("ood_dev2.jsonl", OOD_DEV2))


@dataclass
class SetResult:
    """Both systems' predictions on one set, and their reports."""

    gold: list[str]
    fz_pred: list[str]
    fz_flag: list[bool]
    peer_pred: list[str]
    fz: Report
    peer: Report

    @property
    def peer_flag(self) -> list[bool]:
        from fanzha.taxonomy import NORMAL

        return [p != NORMAL for p in self.peer_pred]


def quality_sets() -> list[tuple[str, str, list[Example]]]:
    """(title, key, examples) of every set, in report order."""
    from fanzha.learn.dataset import iter_clean, read_examples

    return [
        ("dev (cleaned)", "dev_cleaned", list(iter_clean(read_examples(DEV)))),
        ("dev (raw)", "dev_raw", read_examples(DEV)),
        ("ood_dev (tuning set)", "ood_dev", read_examples(OOD_DEV)),
        ("ood_dev2 (tuning set)", "ood_dev2", read_examples(OOD_DEV2)),
        ("ood_test (held out)", "ood_test", read_examples(OOD_TEST)),
    ]


def evaluate_set(ctx: Context, key: str, examples: list[Example]) -> tuple[SetResult, float, float]:
    """Both systems on `examples` (per-text predictions written to benchmarks/out/), with their times."""
    from fanzha.learn.evaluate import evaluate
    from fanzha.learn.metrics import classification_report
    from fanzha.taxonomy import NORMAL

    detector, peer = ctx.detector(), ctx.peer()
    gold = [e.label for e in examples]
    start = time.perf_counter()
    report, fz_rows = evaluate(detector, examples)
    fz_seconds = time.perf_counter() - start
    start = time.perf_counter()
    peer_pred = [str(p) for p in peer.predict([e.text for e in examples])]
    peer_seconds = time.perf_counter() - start
    peer_report = classification_report(gold, peer_pred, flagged=[p != NORMAL for p in peer_pred])
    write_jsonl(
        OUT / f"quality_{key}_predictions.jsonl",
        (
            {"id": ex.id, "label": ex.label, "fanzha": r[1], "fanzha_risk": r[2], "peer": p, "text": ex.text}
            for ex, r, p in zip(examples, fz_rows, peer_pred, strict=True)
        ),
    )
    fz_pred = [r[1] for r in fz_rows]
    result = SetResult(gold, fz_pred, [p != NORMAL for p in fz_pred], peer_pred, report, peer_report)
    return result, fz_seconds, peer_seconds


def bootstrap(result: SetResult, n_resamples: int) -> dict[str, tuple[float, float, float]]:
    """metric → (fanzha − peer, 2.5th and 97.5th percentile of the paired bootstrap difference)."""
    from fanzha.learn.metrics import classification_report

    r, n = result, len(result.gold)
    peer_flag = r.peer_flag
    rng = random.Random(SEED)
    diffs: dict[str, list[float]] = {metric: [] for metric in BOOTSTRAP_METRICS}
    for _ in range(n_resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        g = [r.gold[i] for i in idx]
        a = classification_report(g, [r.fz_pred[i] for i in idx], flagged=[r.fz_flag[i] for i in idx])
        b = classification_report(g, [r.peer_pred[i] for i in idx], flagged=[peer_flag[i] for i in idx])
        for metric, values in diffs.items():
            values.append(getattr(a, metric) - getattr(b, metric))
    intervals = {}
    for metric, values in diffs.items():
        values.sort()
        lo = values[int(0.025 * len(values))]
        hi = values[min(len(values) - 1, int(0.975 * len(values)))]
        intervals[metric] = (getattr(r.fz, metric) - getattr(r.peer, metric), lo, hi)
    return intervals


def verbatim_overlap() -> dict[str, int]:
    """How many ood_test texts occur verbatim in each file a model or a rule could have seen."""
    test_texts = {r["text"].strip() for r in read_jsonl(OOD_TEST)}
    return {name: len(test_texts & {r["text"].strip() for r in read_jsonl(path)}) for name, path in SEEN}


def wilson_cell(successes: int, total: int) -> str:
    lo, hi = wilson(successes, total)
    return f"{successes}/{total} = {successes / total:.3f} [{lo:.3f}, {hi:.3f}]" if total else "n/a"


def summary_line(key: str, r: SetResult) -> str:
    a, b = r.fz, r.peer
    return (
        f"{key} macro-F1 fanzha {a.macro_f1:.3f} vs peer {b.macro_f1:.3f}; "
        f"scam recall {a.scam_recall:.3f} vs {b.scam_recall:.3f}; "
        f"false alarms {a.false_alarm_rate:.3f} vs {b.false_alarm_rate:.3f}"
    )


def bench_quality(ctx: Context) -> Section:
    from fanzha.taxonomy import NORMAL

    ctx.detector()
    ctx.peer()
    peer_classes = set(ctx.peer_info["classes"])
    figures: dict[str, Any] = {}
    rows = []
    results: dict[str, SetResult] = {}
    for title, key, examples in quality_sets():
        result, fz_seconds, peer_seconds = evaluate_set(ctx, key, examples)
        results[key] = result
        n_scam = sum(g != NORMAL for g in result.gold)
        size = f"{len(result.gold)} ({n_scam} scam / {len(result.gold) - n_scam} normal)"
        shared = [label for label in result.fz.per_type if label in peer_classes]
        for system, rep, seconds in (("fanzha", result.fz, fz_seconds), ("peer", result.peer, peer_seconds)):
            shared_f1 = sum(rep.per_type[label]["f1"] for label in shared) / len(shared)
            rows.append(
                (
                    title,
                    size,
                    f"**{system}**" if system == "fanzha" else system,
                    *(
                        f"{x:.3f}"
                        for x in (
                            rep.macro_f1,
                            shared_f1,
                            rep.accuracy,
                            rep.scam_recall,
                            rep.false_alarm_rate,
                            rep.binary_f1,
                        )
                    ),
                    f"{seconds:.1f}",
                )
            )
            figures[f"{key}/{system}"] = {
                **rep.to_dict(),
                "macro_f1_peer_labels": round(shared_f1, 4),
                "seconds": round(seconds, 2),
            }

    # Held-out OOD test: confidence intervals, a paired bootstrap, per-type recall, overlap.
    test = results["ood_test"]
    intervals = bootstrap(test, ctx.cfg.n_bootstrap)
    figures["ood_test/bootstrap_diff_fanzha_minus_peer"] = {
        m: {"diff": round(d, 4), "ci95": [round(lo, 4), round(hi, 4)]} for m, (d, lo, hi) in intervals.items()
    }
    figures["ood_test/per_type_recall"] = {
        label: {"fanzha": m["recall"], "peer": test.peer.per_type[label]["recall"], "support": m["support"]}
        for label, m in test.fz.per_type.items()
    }
    overlap = verbatim_overlap()
    figures["ood_test/verbatim_overlap"] = overlap

    md = [
        "Full engine (`fanzha.learn.evaluate.evaluate` → `Detector.assess_many`: cue rules + classifier +"
        " identifier signals) against the peer on the same texts. Both are scored by the same code"
        " (`fanzha.learn.metrics.classification_report`): macro-F1 over the labels present in the file,"
        " accuracy of the predicted type, scam recall (any scam flagged as any scam type), false-alarm rate"
        " (normal texts flagged), binary F1. The peer's binary verdict is `predicted label != 'normal'`.",
        "",
        ctx.peer_note(),
        "",
        *table(TABLE_HEADER, rows),
        "",
        *held_out_markdown(test, intervals, overlap, peer_classes, ctx.cfg.n_bootstrap),
    ]
    summary = [summary_line("ood_test", test)] + [summary_line(key, results[key]) for key in SUMMARY_SETS]
    return Section("quality", "1. Quality (detection)", md, summary, figures)


def held_out_markdown(
    test: SetResult,
    intervals: dict[str, tuple[float, float, float]],
    overlap: dict[str, int],
    peer_classes: set[str],
    n_bootstrap: int,
) -> list[str]:
    """The notes under the main table and the ood_test tables."""
    from fanzha.taxonomy import NORMAL

    n = len(test.gold)
    n_scam = sum(g != NORMAL for g in test.gold)
    n_normal = n - n_scam
    missing = sorted(set(test.gold) - peer_classes)
    binary_rows = [
        (
            system,
            wilson_cell(round(rep.scam_recall * n_scam), n_scam),
            wilson_cell(round(rep.false_alarm_rate * n_normal), n_normal),
        )
        for system, rep in (("fanzha", test.fz), ("peer", test.peer))
    ]
    type_rows = []
    for label, m in test.fz.per_type.items():
        peer_recall = test.peer.per_type[label]["recall"]
        peer_cell = f"{peer_recall:.2f}" if label in peer_classes else "— (label not in train)"
        type_rows.append((label, m["support"], f"{m['recall']:.2f}", f"{m['precision']:.2f}", peer_cell))
    return [
        "- *dev (cleaned)* is the shared dev split with its placeholders (`CELLPHONE`, `URL`, `xxxx`, "
        "甲：/乙： speaker tags) replaced by `fanzha.learn.dataset.iter_clean` (seed 7), as fanzha sees real "
        "text; *dev (raw)* is the file as is, which is the peer's training distribution. Both are in-distribution.",
        "- *ood_dev* and *ood_dev2* were used to tune fanzha's rules and weights, so their figures are "
        "optimistic for fanzha. *ood_test* was never used for tuning and its texts were not read by whoever "
        "tuned the rules; it is the figure to quote. One caveat: the first benchmark report listed a few "
        "ood_test misses by mechanism (400 numbers written 4-3-3, a scam posing as the anti-fraud centre, a "
        "person retelling a scam call); the fixes were general mechanisms, also seen in the tuning sets.",
        f"- The peer cannot predict {len(missing)} of the OOD labels ({', '.join(missing)}): train.jsonl has "
        "no examples of them, so its macro-F1 on OOD sets is capped. *macro-F1, peer's labels* averages the "
        "per-type F1 over only the labels the peer knows (same texts, same predictions); the binary "
        "figures (scam recall, false alarms) do not depend on the type at all.",
        "",
        f"**ood_test, binary view with 95% Wilson intervals** ({n_scam} scams, {n_normal} normal texts):",
        "",
        *table(["system", "scams caught", "normal texts flagged"], binary_rows),
        "",
        f"**ood_test, fanzha − peer, paired bootstrap** ({n_bootstrap} resamples of the {n} texts, "
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
