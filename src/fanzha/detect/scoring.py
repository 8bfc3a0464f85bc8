"""The verdict's score: evidence summed in log-odds units, so every part of it can be shown.

    z = bias + model · clip(logit of the classifier's P(scam)) · length factor
          + Σ weights of the distinct rule cues found (capped at ±cue_cap)
          + Σ weights of the identifier and spelling signals (capped at ±cue_cap)
    risk = 100 · sigmoid(z);  a scam when risk ≥ 50

- The classifier's voice is clipped and shrinks on short texts (less text, less evidence). The cue
  rules describe how scams work (a "safe account", a bank asking you to log in through a link, a
  fee before a loan) and carry over to text unlike anything the classifier saw.
- An anti-fraud *notice* ("【反诈提醒】凡是要求转账到安全账户的都是诈骗") names every scam cue: inside
  one, positive evidence counts `warning_damping` and the classifier cannot raise the risk — unless
  the message itself asks for an action no warning asks for (ACTION_CUES), which is a scam dressed
  as a warning. Warning words deep inside a long call transcript are the callee's doubts
  ("现在骗子很多") or the scammer's own script, and count `doubt`.

`Weights` holds every constant; the defaults were tuned on the real development folds with
out-of-fold classifier scores (`fanzha.learn.crossval`), never on the held-out fold.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fanzha.detect.assessment import CueHit
from fanzha.detect.cues import RawHit

WARNING_CUE = "warning_context"
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
# A notice frames itself early ("【反诈提醒】…", "国家反诈中心提醒您") or is short.
NOTICE_HEAD = 40
NOTICE_MAX_CHARS = 160


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float = -1.0
    model: float = 0.6
    model_clip: tuple[float, float] = (-2.5, 6.0)
    short_text: int = 50  # canonical characters below which the classifier's voice shrinks
    warning_damping: float = 0.25  # positive evidence inside an anti-fraud notice counts this much
    doubt: float = -1.5  # warning words inside a long text
    cue_cap: float = 8.0


@dataclass(frozen=True, slots=True)
class Score:
    p_scam: float  # the classifier's
    model: float  # its contribution to z
    rules: float  # the cue rules' contribution (capped)
    signals: float  # the identifier and spelling signals' contribution (capped)
    notice: bool  # read as an anti-fraud notice
    z: float

    @property
    def risk(self) -> int:
        return round(100.0 / (1.0 + math.exp(-self.z)))


def score(
    *,
    best_per_cue: Mapping[str, RawHit],
    signals: Sequence[CueHit],
    p_scam: float,
    canonical_chars: int,
    text_chars: int,
    weights: Weights,
) -> Score:
    """The score of one text from its distinct cues, its signals and the classifier's P(scam)."""
    warning = best_per_cue.get(WARNING_CUE)
    notice = (
        warning is not None
        and (warning.start < NOTICE_HEAD or text_chars <= NOTICE_MAX_CHARS)
        and not any(cue_id in best_per_cue for cue_id in ACTION_CUES)
    )
    damping = weights.warning_damping if notice else 1.0
    rules = sum(
        weights.doubt
        if hit.cue.id == WARNING_CUE and not notice
        else hit.cue.weight * (damping if hit.cue.weight > 0 else 1.0)
        for hit in best_per_cue.values()
    )
    signal_sum = damping * sum({s.id: s.weight for s in signals}.values())
    lo, hi = weights.model_clip
    logit = max(lo, min(hi, math.log(p_scam / (1.0 - p_scam))))
    logit *= min(1.0, 0.4 + canonical_chars / weights.short_text)
    if notice:
        logit = min(logit, 0.0)
    cap = weights.cue_cap
    model = weights.model * logit
    rules = max(-cap, min(cap, rules))
    signal_sum = max(-cap, min(cap, signal_sum))
    return Score(p_scam, model, rules, signal_sum, notice, weights.bias + model + rules + signal_sum)
