"""Calibrate the engine's weights on development data: learn from real rows which cues matter.

Every piece of evidence the engine names (`fanzha.detect.scoring`) starts with an expert's prior
weight. Calibration fits, by logistic regression, the bias, the classifier's weight and every
evidence weight on labelled development rows, pulled towards the priors (an L2 penalty of
`STRENGTH` per unit of change) and kept on the prior's side of zero: a cue that argues against a
scam never turns into one for it, and one that rarely fires keeps about its prior. A *firm* cue
(`firm: true` in the taxonomy: police doctrine such as "所有刷单都是诈骗", "不看征信的贷款都是诈骗")
is never weakened below its prior: the real SMS file labels 刷单 job offers and no-credit-check loan
offers as adverts, and fitted freely the weights learned that labelling instead of the doctrine
(order_brushing 3.5 → 1.19, credit_card_agent 2.0 → 1.01), so the engine called the classic lures of
task and loan scams adverts while its own advice said every one of them is a scam.

The rows are the real SMS of the development folds and the independently written development rows
the classifier learns from, each seen by the classifier trained without its fold (`fanzha.learn.build`:
tuning must not see a model that memorised the rows), and labelled extra sets (the corpus dev split,
the hand-written development sets) seen by the final model. The held-out fold is never used.

The operating point: the bias is then set so that at most TARGET_FALSE_ALARMS of the real everyday
messages of the development folds are called scams, and at most SOURCE_TARGET of any one source.

How far the classifier may outvote the cue rules (the clip of its logit and the cap on its weight) is
chosen by cross-validation over the calibration rows (`calibrate`): each candidate is fitted on three
quarters of the rows and judged on the quarter it did not see. Judged on the rows it was fitted to,
the choice favoured whichever setting fitted them best and jumped between settings on small changes
of the rules.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from fanzha.detect.engine import Detector
from fanzha.taxonomy import ADVERT_KINDS, NORMAL, load_taxonomy

STRENGTH = 1.0
CLIP_CANDIDATES = (-1.0, -1.5, -2.0, -2.5)  # lower clips of the classifier's logit to try …
MODEL_CAP_CANDIDATES: tuple[float | None, ...] = (0.8, 1.2, 1.6, None)  # … and caps on its weight
MODEL_CLIP_HIGH = 6.0
WEIGHT_CAP = 6.0
SELECTION_FOLDS = 4  # parts of the rows for choosing clip and cap out of sample …
# … in this many different partitions, the merits averaged: with one partition the choice jumped between
# settings whose merits differ by less than a partition's own noise (0.886 against 0.887 when a few
# cues changed), and every figure on held-out text jumped with it.
SELECTION_REPEATS = 3
# Share of the real everyday development messages called scams, all sources together: the target is 0.5%
# on the held-out fold, and a fold holds ~1,000 everyday messages, whose share wanders by ±0.2 points
# (one binomial standard deviation) from the development folds' own, so the operating point keeps that
# margin …
TARGET_FALSE_ALARMS = 0.003
SOURCE_TARGET = 0.01  # … and at most 1% of any one source (banks' own notices are the hardest)
REAL_NORMAL = "real:normal"  # real everyday messages; one group per source (real:normal/SpamMessagesLR …)
# How much each group of rows counts: real scams and everyday messages most (they decide the figures
# that matter), the model-written corpus dev split least (its style is the classifier's home ground).
GROUP_WEIGHTS = {"real:fraud": 3.0, "real:normal": 2.0, "real": 1.0, "corpus": 0.3, "extra": 2.0}
BATCH = 512


@dataclass(frozen=True, slots=True)
class Row:
    group: str  # real:fraud, real:ad, …; corpus:scam; <set>:normal …
    label: int  # 1: a scam
    values: dict[str, float]
    priors: dict[str, float]
    logit: float


@dataclass(frozen=True, slots=True)
class Calibration:
    bias: float
    model: float
    model_clip: tuple[float, float]
    evidence: dict[str, float]
    priors: dict[str, float]
    report: dict[str, Any]

    def scores(self, rows: Sequence[Row]) -> npt.NDArray[np.float64]:
        """The score z of each row under these weights (a scam when z ≥ 0); evidence these weights do
        not name counts its prior."""
        out = np.empty(len(rows))
        for i, row in enumerate(rows):
            z = self.bias + self.model * min(max(row.logit, self.model_clip[0]), self.model_clip[1])
            for name, value in row.values.items():
                z += self.evidence.get(name, row.priors[name]) * value
            out[i] = z
        return out

    def to_meta(self) -> dict[str, Any]:
        return {
            "bias": round(self.bias, 4),
            "model": round(self.model, 4),
            "model_clip": list(self.model_clip),
            "evidence": {k: round(v, 4) for k, v in sorted(self.evidence.items())},
            "priors": dict(sorted(self.priors.items())),
            "report": self.report,
        }


def group_of(source: str, label: str) -> str:
    """`source:scam`, `source:normal` or `source:<advert kind>` for a labelled row."""
    if label == NORMAL or label in ADVERT_KINDS:
        return f"{source}:{label}"
    return f"{source}:scam"


def rows_for(
    detector: Detector, texts: Sequence[str], groups: Sequence[str], labels: Sequence[int]
) -> list[Row]:
    """Calibration rows: each text's named evidence as `detector` sees it."""
    out: list[Row] = []
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        gathered = detector.gather(batch)
        p_scam, _, _ = detector.model_view([g.prepared.canonical for g in gathered])
        for i, item in enumerate(gathered):
            found = detector.evidence_of(item, float(p_scam[i]))
            out.append(Row(groups[start + i], labels[start + i], found.values, found.priors, found.logit))
    return out


def is_real_everyday(group: str) -> bool:
    return group == REAL_NORMAL or group.startswith(REAL_NORMAL + "/")


def _weight_of(group: str) -> float:
    if is_real_everyday(group):
        return GROUP_WEIGHTS["real:normal"]
    if group in GROUP_WEIGHTS:
        return GROUP_WEIGHTS[group]
    source = group.split(":", 1)[0]
    return GROUP_WEIGHTS.get(source, GROUP_WEIGHTS["extra"])


def firm_cues() -> frozenset[str]:
    """The ids of the taxonomy's firm cues (see the module doc)."""
    return frozenset(cue.id for cue in load_taxonomy().all_cues if cue.firm)


def _bounds(name: str, prior: float, firm: Collection[str]) -> tuple[float, float]:
    if prior <= 0:
        return (-WEIGHT_CAP, 0.0)
    return (prior if name in firm else 0.0, max(WEIGHT_CAP, prior))


def _design(rows: Sequence[Row]) -> tuple[list[str], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    names = sorted({name for row in rows for name in row.values})
    index = {name: i for i, name in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    priors = np.zeros(len(names))
    for r, row in enumerate(rows):
        for name, value in row.values.items():
            x[r, index[name]] = value
            priors[index[name]] = row.priors[name]
    return names, x, priors


def calibrate(
    rows: Sequence[Row],
    *,
    clips: Sequence[float] = CLIP_CANDIDATES,
    caps: Sequence[float | None] = MODEL_CAP_CANDIDATES,
    target: float = TARGET_FALSE_ALARMS,
    firm: Collection[str] | None = None,
    folds: int = SELECTION_FOLDS,
    repeats: int = SELECTION_REPEATS,
) -> Calibration:
    """`fit` for each lower clip of the classifier's logit and each cap on its weight; keep the one with
    the best `merit` out of sample (each row scored by the fit on the other `folds` − 1 parts; the mean
    over `repeats` partitions), then fit it on all the rows. Clip and cap bound how far the classifier
    can outvote the cue rules: on real SMS alone it would take all the say, and miss the scams unlike
    them. The report lists every
    candidate's merit out of sample, and the chosen one's on the rows it was fitted to."""
    firm = firm_cues() if firm is None else firm
    partitions = [_splits(rows, _parts(rows, folds, seed), folds) for seed in range(repeats)]
    tried: list[dict[str, Any]] = []
    best: tuple[float, float, float | None] | None = None
    for low, cap in itertools.product(clips, caps):
        clip = (low, MODEL_CLIP_HIGH)
        merits = []
        for splits in partitions:
            scores = np.zeros(len(rows))
            for inside, held, held_rows in splits:
                fitted = fit(inside, model_clip=clip, model_cap=cap, target=target, firm=firm)
                scores[held] = fitted.scores(held_rows)
            merits.append(_merit(_report(scores, rows)))
        merit = float(np.mean(merits))
        tried.append({"model_clip": list(clip), "model_cap": cap, "merit_out_of_sample": round(merit, 4)})
        if best is None or merit > best[0]:
            best = (merit, low, cap)
    assert best is not None
    merit, low, cap = best
    chosen = fit(rows, model_clip=(low, MODEL_CLIP_HIGH), model_cap=cap, target=target, firm=firm)
    chosen.report["merit"] = round(merit, 4)
    chosen.report["merit_in_sample"] = round(_merit(chosen.report["groups"]), 4)
    chosen.report["selection"] = tried
    chosen.report["selection_folds"] = folds
    chosen.report["selection_repeats"] = repeats
    return chosen


# Groups of legal adverts (the real SMS labelled `ad`, the written sets' adverts and loan adverts): one
# called a scam is an error, if a lesser one than an everyday message so called. Illegal spam is not among
# them: police doctrine calls much of it (刷单 jobs, card agents) scams.
REAL_ADVERTS = "real:ad"
WRITTEN_ADVERTS = (":advert", ":loan_advert")  # group names end with the label


def _merit(groups: Mapping[str, Mapping[str, float]]) -> float:
    """Scams caught across the groups (each group's recall counting once) less twice the false alarms on
    the extra sets' everyday messages (the real ones are fixed by the operating point) and less the legal
    adverts called scams. Without the adverts the choice between settings whose other merits differed by
    0.002, within the partitions' noise, fell on the one that called a third more of the real development
    adverts scams (twenty-fifth session: 120 → 161 of 8,421)."""
    recalls = [g["flagged"] for name, g in groups.items() if name.endswith((":scam", ":fraud"))]
    alarms = [
        g["flagged"] for name, g in groups.items() if name.endswith(":normal") and not is_real_everyday(name)
    ]
    adverts = [
        g["flagged"] for name, g in groups.items() if name == REAL_ADVERTS or name.endswith(WRITTEN_ADVERTS)
    ]
    return (
        sum(recalls) / max(1, len(recalls))
        - 2.0 * sum(alarms) / max(1, len(alarms))
        - sum(adverts) / max(1, len(adverts))
    )


def _splits(
    rows: Sequence[Row], part: Sequence[int], folds: int
) -> list[tuple[list[Row], list[int], list[Row]]]:
    """For each part: the rows outside it (to fit on), and the indices and rows inside it (to score)."""
    out = []
    for k in range(folds):
        held = [i for i, p in enumerate(part) if p == k]
        out.append(
            ([row for row, p in zip(rows, part, strict=True) if p != k], held, [rows[i] for i in held])
        )
    return out


def _parts(rows: Sequence[Row], folds: int, seed: int = 0) -> list[int]:
    """A part (0 … folds − 1) for each row: every group spread evenly over the parts, in a fixed
    pseudo-random order (one per `seed`), so that each part holds its share of every group."""
    order = np.random.default_rng(seed).permutation(len(rows))
    seen: Counter[str] = Counter()
    part = [0] * len(rows)
    for i in order.tolist():
        part[i] = seen[rows[i].group] % folds
        seen[rows[i].group] += 1
    return part


def fit(
    rows: Sequence[Row],
    *,
    model_clip: tuple[float, float],
    strength: float = STRENGTH,
    target: float = TARGET_FALSE_ALARMS,
    model_cap: float | None = None,
    firm: Collection[str] | None = None,
) -> Calibration:
    """Fit bias, classifier weight and evidence weights; then set the operating point. `firm`: the
    evidence never weakened below its prior (default: the taxonomy's firm cues)."""
    from scipy.optimize import minimize

    firm = firm_cues() if firm is None else firm

    names, x, priors = _design(rows)
    logit = np.clip(np.array([row.logit for row in rows]), *model_clip)
    y = np.array([row.label for row in rows], dtype=np.float64)
    sample = np.array([_weight_of(row.group) for row in rows])

    def objective(theta: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        bias, model, w = theta[0], theta[1], theta[2:]
        z = bias + model * logit + x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        loss = -float((sample * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum())
        loss += strength * float(((w - priors) ** 2).sum())
        g = sample * (p - y)
        grad = np.r_[g.sum(), (g * logit).sum(), x.T @ g + 2 * strength * (w - priors)]
        return loss, grad

    bounds = [(None, None), (0.0, model_cap)] + [
        _bounds(name, float(prior), firm) for name, prior in zip(names, priors, strict=True)
    ]
    start = np.r_[-1.0, 0.6, priors]
    result = minimize(objective, start, jac=True, method="L-BFGS-B", bounds=bounds)
    bias, model, w = float(result.x[0]), float(result.x[1]), result.x[2:]
    z = model * logit + x @ w
    bias = _operating_bias(z, rows, fitted=bias, target=target)
    report: dict[str, Any] = {"groups": _report(z + bias, rows)}
    report["model_clip"] = list(model_clip)
    report["model_cap"] = model_cap
    report["fitted_bias"] = round(float(result.x[0]), 4)
    report["target_false_alarms"] = target
    evidence = {name: float(weight) for name, weight in zip(names, w, strict=True)}
    prior_of = {name: float(prior) for name, prior in zip(names, priors, strict=True)}
    return Calibration(bias, model, model_clip, evidence, prior_of, report)


def _operating_bias(
    z: npt.NDArray[np.float64], rows: Sequence[Row], *, fitted: float, target: float
) -> float:
    """The highest bias (most scams caught) at which at most `target` of all the real everyday messages
    are flagged, and at most SOURCE_TARGET of those of any one source (banks' own notices are harder
    than chat lines: they may not carry all the false alarms). The fitted bias when there are no such
    rows."""
    by_source: dict[str, list[float]] = {}
    for zz, row in zip(z, rows, strict=True):
        if is_real_everyday(row.group):
            by_source.setdefault(row.group, []).append(float(zz))
    if not by_source:
        return fitted
    pooled = [zz for scores in by_source.values() for zz in scores]
    limits = [(pooled, target)] + [(scores, max(target, SOURCE_TARGET)) for scores in by_source.values()]
    highest = math.inf
    for scores, share in limits:
        ordered = sorted(scores, reverse=True)
        allowed = math.floor(share * len(ordered))  # this many may be flagged
        if allowed < len(ordered):
            highest = min(highest, -ordered[allowed] - 1e-6)  # the next one must stay below zero
    return float(highest) if math.isfinite(highest) else fitted


def _report(z: npt.NDArray[np.float64], rows: Sequence[Row]) -> dict[str, Any]:
    """Share flagged as a scam, per group, at the chosen operating point."""
    total: Counter[str] = Counter()
    flagged: Counter[str] = Counter()
    for zz, row in zip(z, rows, strict=True):
        total[row.group] += 1
        flagged[row.group] += int(zz >= 0)
    return {group: {"n": n, "flagged": round(flagged[group] / n, 4)} for group, n in sorted(total.items())}


def describe(meta: Mapping[str, Any], top: int = 15) -> list[str]:
    """The largest changes from the priors of a stored calibration (`Calibration.to_meta`), for the card."""
    priors = meta.get("priors", {})
    changes = sorted(
        (
            (name, float(priors.get(name, 0.0)), float(weight))
            for name, weight in meta.get("evidence", {}).items()
        ),
        key=lambda item: -abs(item[2] - item[1]),
    )
    return [f"- `{name}`: {prior:+.2f} → {weight:+.2f}" for name, prior, weight in changes[:top]]
