"""`assess`: combine cue rules, the classifier, identifiers and reference lists into a verdict.

The score is a sum of evidence in log-odds units, so every part of the verdict can be shown:

    z = BIAS + MODEL_WEIGHT · clip(logit of the classifier's P(scam), MODEL_CLIP) · length factor
          + Σ weights of the distinct rule cues found (capped at ±CUE_CAP)
          + Σ weights of the identifier signals (capped at ±CUE_CAP)
    risk = 100 · sigmoid(z);  a scam when risk ≥ 50

- The classifier's voice is clipped, more on the "not a scam" side, and shrinks on short texts: it
  was trained on model-written text and is sure of itself on text unlike its training data. The cue
  rules describe how scams work (a "safe account", a fee before a loan, a link on a domain the bank
  does not own) and carry over to real messages.
- An anti-fraud *notice* ("【反诈提醒】凡是要求转账到安全账户的都是诈骗") names every scam cue: inside
  one, positive evidence counts a quarter and the classifier cannot raise the risk — unless the
  message itself asks for an action no warning asks for (ACTION_CUES), which is a scam dressed as a
  warning. Warning words deep inside a long call transcript are the callee's doubts, and count as such.
- The fraud type is the type with the most evidence: the classifier's log P(type | scam), weighted by
  its belief that the text is a scam at all, plus the weights of that type's cues.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from fanzha.detect.assessment import Assessment, CueHit
from fanzha.detect.cues import CueMatcher, RawHit
from fanzha.detect.model import LinearTextModel, shipped_model
from fanzha.detect.prepare import Prepared, prepare
from fanzha.detect.signals import IntelLookup, identifier_signals, intel_signals
from fanzha.extract.id_card import mask_id_numbers
from fanzha.taxonomy import NORMAL, Taxonomy, load_taxonomy
from fanzha.text.limits import MAX_CHARS, InputError, check_text

__all__ = ["MAX_CHARS", "Detector", "InputError", "assess", "check_text", "default_detector"]

MODEL_PATH_ENV = "FANZHA_MODEL_PATH"
BIAS = -1.0
MODEL_WEIGHT = 0.6
MODEL_CLIP = (-2.5, 6.0)  # the classifier's "not a scam" counts for less: real scams look unlike its data
SHORT_TEXT = 50  # canonical characters below which the classifier's voice shrinks (less text, less evidence)
WARNING_CUE = "warning_context"
WARNING_DAMPING = 0.25  # positive evidence inside an anti-fraud notice counts a quarter
# A notice frames itself early ("【反诈提醒】…", "国家反诈中心提醒您") or is short; in a long call
# transcript warning words are the callee's doubts ("现在骗子很多") or the scammer's own script
# ("您的账户被不法分子利用") and count as DOUBT_WEIGHT.
# A genuine warning never asks you to do these; a message that does (outside a quoted description,
# see fanzha.detect.cues) is a scam wearing a warning's clothes ("这里是国家反诈中心…转到监管账户").
ACTION_CUES = frozenset(
    [
        "safe_account",
        "transfer_to_designated",
        "ask_for_code",
        "screen_share_or_remote",
        "fee_before_benefit",
        "atm_guided",
    ]
)
NOTICE_HEAD = 40
NOTICE_MAX_CHARS = 160
DOUBT_WEIGHT = -1.5
CUE_CAP = 8.0
TYPE_MODEL_WEIGHT = 1.0  # weight of log P(type | scam) against cue weights when choosing the type
FRAUD_THRESHOLD = 50
SUSPICIOUS_THRESHOLD = 25
GENERIC_ADVICE = "如已转账或泄露了银行卡、验证码，请立即拨打110报警，或拨打96110反诈专线咨询。"
SAFE_ADVICE = "未发现明显的诈骗特征。仍请记住：不轻信、不透露、不转账；拿不准时拨打96110咨询。"
SUSPICIOUS_ADVICE = "这条信息有可疑之处：不要点链接、不要转账，通过官方APP或官方客服电话核实后再处理。"


@dataclass(frozen=True, slots=True)
class _Evidence:
    prepared: Prepared
    rule_hits: list[RawHit]
    best_per_cue: dict[str, RawHit]
    signals: list[CueHit]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


class Detector:
    """The scam check engine. One instance is safe to share; `assess_many` is the fast path."""

    def __init__(
        self,
        *,
        model: LinearTextModel | None = None,
        taxonomy: Taxonomy | None = None,
        intel: IntelLookup | None = None,
    ) -> None:
        """`intel`: how to look up an identifier's risk level in the intelligence store, if there is one."""
        self.intel = intel
        self.taxonomy = taxonomy or load_taxonomy()
        self.model = model or shipped_model()
        self.matcher = CueMatcher(self.taxonomy)
        self._names = {t.code: t.name for t in self.taxonomy.types}
        self._names[NORMAL] = "正常信息"
        self._advice = {t.code: t.advice for t in self.taxonomy.types}
        self._fraud_codes = self.taxonomy.codes
        self._model_index = {c: i for i, c in enumerate(self.model.classes)}
        self._type_column = {c: i for i, c in enumerate(self._fraud_codes)}

    def type_name(self, code: str) -> str:
        """The Chinese name of a fraud type code (the code itself if unknown)."""
        return self._names.get(code, code)

    def assess(self, text: str) -> Assessment:
        return self.assess_many([text])[0]

    def assess_many(self, texts: Sequence[str], *, explain: bool = True) -> list[Assessment]:
        """Assess a batch (the classifier runs once over the batch). Raises InputError on a bad text.

        `explain=False` leaves `Assessment.explanation` empty (the JSONL output does not carry it).
        """
        for text in texts:
            check_text(text)
        evidence = []
        for text in texts:
            prepared = prepare(text)
            rule_hits = self.matcher.match(prepared.masked)
            best: dict[str, RawHit] = {}
            for hit in rule_hits:  # distinct cues count once each, however often they occur
                best.setdefault(hit.cue.id, hit)
            signals = identifier_signals(prepared.masked, prepared.located, text)
            if self.intel is not None:
                signals += intel_signals(prepared.located, text, self.intel)
            evidence.append(_Evidence(prepared, rule_hits, best, signals))
        proba = self.model.predict_proba([e.prepared.canonical for e in evidence])
        normal = self._model_index.get(NORMAL)
        p_normal = proba[:, normal] if normal is not None else np.full(len(texts), 0.5, dtype=np.float32)
        p_scam = np.clip(1.0 - p_normal.astype(np.float64), 1e-6, 1 - 1e-6)
        shares = self._type_shares(proba, evidence, p_scam)
        return [
            self._verdict(e, float(p_scam[i]), shares[i].tolist(), explain) for i, e in enumerate(evidence)
        ]

    def _verdict(
        self, evidence: _Evidence, p_scam: float, type_share: list[float], explain: bool
    ) -> Assessment:
        norm = evidence.prepared.norm
        original = norm.original
        best_per_cue = evidence.best_per_cue
        warning = best_per_cue.get(WARNING_CUE)
        notice = (
            warning is not None
            and (warning.start < NOTICE_HEAD or len(norm.text) <= NOTICE_MAX_CHARS)
            and not any(cue_id in best_per_cue for cue_id in ACTION_CUES)
        )
        damping = WARNING_DAMPING if notice else 1.0
        rule_score = sum(
            DOUBT_WEIGHT
            if h.cue.id == WARNING_CUE and not notice
            else h.cue.weight * (damping if h.cue.weight > 0 else 1.0)
            for h in best_per_cue.values()
        )
        signal_score = damping * sum({s.id: s.weight for s in evidence.signals}.values())
        model_logit = max(MODEL_CLIP[0], min(MODEL_CLIP[1], math.log(p_scam / (1.0 - p_scam))))
        model_logit *= min(1.0, 0.4 + len(evidence.prepared.canonical) / SHORT_TEXT)
        if damping < 1.0:
            model_logit = min(model_logit, 0.0)
        z = (
            BIAS
            + MODEL_WEIGHT * model_logit
            + max(-CUE_CAP, min(CUE_CAP, rule_score))
            + max(-CUE_CAP, min(CUE_CAP, signal_score))
        )
        p_fraud = _sigmoid(z)
        risk = round(100 * p_fraud)
        is_fraud = risk >= FRAUD_THRESHOLD

        probabilities = {NORMAL: 1.0 - p_fraud}
        probabilities.update(zip(self._fraud_codes, (p_fraud * share for share in type_share), strict=True))
        if is_fraud:
            fraud_type = self._fraud_codes[max(range(len(type_share)), key=type_share.__getitem__)]
        else:
            fraud_type = NORMAL
        confidence = probabilities[fraud_type]

        shown = mask_id_numbers(original, (i.identifier for i in evidence.prepared.located))
        cues = [
            CueHit(h.cue.id, shown[a:b], a, b, h.cue.meaning, h.cue.weight, h.cue.fraud_type)
            for h in evidence.rule_hits
            for a, b in [norm.span(h.start, h.end)]
        ]
        cues.extend(evidence.signals)
        cues.sort(key=lambda c: (c.start, c.end))
        explanation = (
            self._explain(p_scam, model_logit, best_per_cue, evidence.signals, risk) if explain else []
        )
        if is_fraud:
            advice = self._advice[fraud_type] + GENERIC_ADVICE
        elif risk >= SUSPICIOUS_THRESHOLD:
            advice = SUSPICIOUS_ADVICE
        else:
            advice = SAFE_ADVICE
        return Assessment(
            is_fraud=is_fraud,
            risk=risk,
            level="high" if is_fraud else "medium" if risk >= SUSPICIOUS_THRESHOLD else "low",
            fraud_type=fraud_type,
            fraud_type_name=self._names[fraud_type],
            confidence=confidence,
            probabilities=probabilities,
            cues=cues,
            identifiers=[item.identifier for item in evidence.prepared.located],
            advice=advice,
            explanation=explanation,
        )

    def _type_shares(
        self, proba: npt.NDArray[np.float32], evidence: list[_Evidence], p_scam: npt.NDArray[np.float64]
    ) -> npt.NDArray[np.float64]:
        """P(type | scam) for each text: the classifier's type distribution, shifted by each type's
        cue weights. The classifier's opinion on *which* scam counts in proportion to its belief
        that it is one (`p_scam`)."""
        n, n_types = len(evidence), len(self._fraud_codes)
        model_p = np.zeros((n, n_types))
        for column, code in enumerate(self._fraud_codes):
            index = self._model_index.get(code)
            if index is not None:
                model_p[:, column] = proba[:, index]
        mass = model_p.sum(axis=1, keepdims=True)
        mass[mass == 0] = 1.0
        scores: npt.NDArray[np.float64] = (
            TYPE_MODEL_WEIGHT * p_scam[:, None] * np.log(np.maximum(model_p / mass, 1e-4))
        )
        for row, item in enumerate(evidence):
            for hit in item.best_per_cue.values():
                if hit.cue.fraud_type is not None and hit.cue.weight > 0:
                    scores[row, self._type_column[hit.cue.fraud_type]] += hit.cue.weight
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def _explain(
        self, p_scam: float, model_logit: float, cues: dict[str, RawHit], signals: list[CueHit], risk: int
    ) -> list[str]:
        lines = [
            f"文本分类模型估计这是诈骗信息的概率为{p_scam:.0%}（计入{MODEL_WEIGHT * model_logit:+.1f}分）。"
        ]
        for hit in sorted(cues.values(), key=lambda h: -h.cue.weight):
            lines.append(f"规则“{hit.cue.id}”：{hit.cue.meaning}（{hit.cue.weight:+g}分）。")
        seen = set()
        for signal in signals:
            if signal.id not in seen:
                seen.add(signal.id)
                lines.append(f"号码/链接核验“{signal.id}”：{signal.meaning}（{signal.weight:+g}分）。")
        lines.append(f"综合风险分：{risk}/100。")
        return lines


_default: Detector | None = None


def default_detector() -> Detector:
    """The process-wide detector: the shipped model, or `FANZHA_MODEL_PATH` when set."""
    global _default
    if _default is None:
        # Read directly rather than through fanzha.config: importing pydantic-settings costs ~0.2 s,
        # a tenth of a 20,000-text `fanzha check --jsonl` run. Same variable as Settings.model_path.
        path = os.environ.get(MODEL_PATH_ENV)
        _default = Detector(model=LinearTextModel.load(Path(path)) if path else None)
    return _default


def assess(text: str) -> Assessment:
    """Is `text` a scam? The verdict, its type, the evidence and the advice.

    >>> assess("您涉嫌洗钱，请将资金转入安全账户配合调查").fraud_type
    'impersonate_authority'
    """
    return default_detector().assess(text)
