"""What the parts of the quality benchmark share: both systems' verdicts in one shape, so that every
table scores them with the same code; shares with 95% Wilson intervals; the paired bootstrap of a
difference; the check that a test set's texts were not seen in training."""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from suite.common import SEED, wilson
from suite.context import Context

SYSTEMS = ("fanzha", "peer")
BATCH = 512


@dataclass(frozen=True, slots=True)
class Verdict:
    """One system's verdict on one text."""

    flagged: bool  # called a scam
    category: str  # scam, normal, advert, loan_advert or illegal_advert
    label: str  # fanzha: the fraud type (normal when not a scam); peer: its predicted label
    risk: int | None = None  # fanzha only


def fanzha_verdicts(detector: Any, texts: Sequence[str]) -> list[Verdict]:
    """`Detector.assess_many` in batches, without explanations (they do not change the verdict)."""
    out: list[Verdict] = []
    for start in range(0, len(texts), BATCH):
        for a in detector.assess_many(list(texts[start : start + BATCH]), explain=False):
            out.append(Verdict(bool(a.is_fraud), str(a.category), str(a.fraud_type), int(a.risk)))
    return out


def peer_verdicts(peer: Any, texts: Sequence[str]) -> list[Verdict]:
    """The peer's predicted labels: a fraud type or `fraud` is a scam; normal and the advert kinds are not."""
    from suite.peer import peer_category

    out = []
    for label in (str(p) for p in peer.predict(list(texts))):
        category = peer_category(label)
        out.append(Verdict(category == "scam", category, label))
    return out


def predict_both(ctx: Context, texts: Sequence[str]) -> tuple[dict[str, list[Verdict]], dict[str, float]]:
    """Both systems' verdicts on `texts`, and the seconds each took."""
    calls: dict[str, Callable[[], list[Verdict]]] = {
        "fanzha": lambda: fanzha_verdicts(ctx.detector(), texts),
        "peer": lambda: peer_verdicts(ctx.peer(), texts),
    }
    verdicts, seconds = {}, {}
    for system, call in calls.items():
        start = time.perf_counter()
        verdicts[system] = call()
        seconds[system] = round(time.perf_counter() - start, 2)
    return verdicts, seconds


def count(flags: Sequence[bool]) -> tuple[int, int]:
    return sum(flags), len(flags)


def share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else float("nan")


def share_cell(flags: Sequence[bool], *, interval: bool = False) -> str:
    """`k/n = p`, with the 95% Wilson interval when asked; `—` for an empty group."""
    k, n = count(flags)
    if not n:
        return "—"
    if not interval:
        return f"{k}/{n} = {k / n:.3f}"
    lo, hi = wilson(k, n)
    return f"{k}/{n} = **{k / n:.3f}** [{lo:.3f}, {hi:.3f}]"


def share_figure(flags: Sequence[bool]) -> dict[str, Any]:
    k, n = count(flags)
    lo, hi = wilson(k, n)
    return {"k": k, "n": n, "share": round(k / n, 4) if n else None, "ci95": [round(lo, 4), round(hi, 4)]}


def paired_bootstrap(a: Sequence[bool], b: Sequence[bool], n_resamples: int) -> tuple[float, float, float]:
    """(share(a) − share(b), 2.5th and 97.5th percentile of the difference over `n_resamples` resamples
    of the same rows for both systems)."""
    import numpy as np

    x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if not len(x):
        return float("nan"), float("nan"), float("nan")
    rng = np.random.default_rng(SEED)
    diffs = np.empty(n_resamples)
    for i in range(n_resamples):
        idx = rng.integers(0, len(x), len(x))
        diffs[i] = x[idx].mean() - y[idx].mean()
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return float(x.mean() - y.mean()), float(lo), float(hi)


def bootstrap_rows(
    metrics: dict[str, tuple[Sequence[bool], Sequence[bool]]], n_resamples: int
) -> tuple[list[tuple[str, str, str]], dict[str, Any]]:
    """Table rows and figures of the paired bootstrap of fanzha − peer for each metric."""
    rows, figures = [], {}
    for metric, (fz, peer) in metrics.items():
        diff, lo, hi = paired_bootstrap(fz, peer, n_resamples)
        rows.append((metric, f"{diff:+.3f}", f"[{lo:+.3f}, {hi:+.3f}]"))
        figures[metric] = {"diff": round(diff, 4), "ci95": [round(lo, 4), round(hi, 4)]}
    return rows, figures


def prediction_row(system: str, v: Verdict) -> dict[str, Any]:
    """A system's verdict as fields of a per-text prediction record."""
    row: dict[str, Any] = {
        f"{system}_scam": v.flagged,
        f"{system}_category": v.category,
        f"{system}_label": v.label,
    }
    if v.risk is not None:
        row[f"{system}_risk"] = v.risk
    return row


@dataclass
class Part:
    """One part of the quality section: markdown, figures for results.json, a line for the summary."""

    markdown: list[str]
    figures: dict[str, Any]
    summary: str


def normalised(text: str) -> str:
    """NFKC, whitespace removed: two texts that differ only in width or spacing compare equal."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def overlap_counts(test: Iterable[str], seen: dict[str, Iterable[str]]) -> dict[str, dict[str, int]]:
    """For each named set of seen texts: how many distinct test texts occur in it verbatim (after
    stripping) and after `normalised`."""
    test_texts = {t.strip() for t in test}
    test_norm = {normalised(t) for t in test_texts}
    out = {}
    for name, texts in seen.items():
        stripped = {t.strip() for t in texts}
        out[name] = {
            "verbatim": len(test_texts & stripped),
            "normalised": len(test_norm & {normalised(t) for t in stripped}),
        }
    return out


def overlap_sentence(overlap: dict[str, dict[str, int]]) -> str:
    return ", ".join(
        f"{name}: {c['verbatim']} ({c['normalised']} after NFKC and removing spaces)"
        for name, c in overlap.items()
    )
