"""The verdict's score: evidence summed in log-odds units, so every part of it can be shown.

    z = bias + model · clip(logit of the classifier's P(scam)) · length factor
          + Σ weight × value of each distinct piece of evidence (cue rules capped at ±cue_cap,
            identifier and spelling signals capped at ±cue_cap)
    risk = 100 · sigmoid(z);  a scam when risk ≥ 50

- Evidence is named: a cue rule by its id (`safe_account`), a signal by its id
  (`brand_link_mismatch`), warning words in a long text as `warning_doubt`. Its value is 1, or
  `warning_damping` for positive evidence inside an anti-fraud notice.
- The weights start from the taxonomy's and the signals' own weights (an expert's prior) and are
  calibrated on real development data (`fanzha.learn.calibrate`): the shipped model carries the
  calibrated weights, which keep the sign of their prior (a cue that argues against a scam never
  turns into one for it).
- The classifier's voice shrinks on short texts (less text, less evidence) and is clipped, most on
  the "not a scam" side: a classifier that learned real SMS is sure of itself on text unlike them,
  and the cue rules must be able to outvote it on a scam of a kind it never saw.
- A *firm* cue (police doctrine: "所有刷单都是诈骗", "不看征信的贷款都是诈骗"), or a firm signal (a bank's
  message giving a private line to call, `fanzha.detect.signals.BANK_PRIVATE_LINE`), outside a notice sets the
  classifier's "not a scam" voice aside: the classifier learned from real SMS labelled as adverts
  that such offers are adverts, which is the very judgement the doctrine overrules.
- An anti-fraud *notice* ("【反诈提醒】凡是要求转账到安全账户的都是诈骗") names every scam cue: inside
  one, positive evidence counts `warning_damping` and the classifier cannot raise the risk — unless
  the message itself asks for an action no warning asks for (ACTION_CUES), or sends the reader to a
  fake link (LINK_ACTION_CUES beside a look-alike, an install package, a bare IP, a link off the named
  brand's site), which is a scam dressed as a warning: its warning words ("我们是反诈中心
  的…转到安全账户", "Apple ID 安全提醒：…请立即通过 appleid-cn-support.com 验证") are the pose and
  count for nothing.
  Warning words deep inside a long call transcript are the callee's doubts ("现在骗子很多") or the
  scammer's own script, and count as `warning_doubt`; so do those of a text that ends with its writer's
  own question whether to trust or pay ("…要先交5%手续费才能退到我卡上，我要交吗"): a citizen pasting
  what they were told into the checker, which no notice is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fanzha.detect.assessment import CueHit
from fanzha.detect.cues import WARNING_CUE, RawHit
from fanzha.detect.signals import ALL_OFFICIAL, FAKE_LINKS, FIRM_SIGNALS, OWN_LINKS

DOUBT = "warning_doubt"
DOUBT_PRIOR = -1.5
# A text that names a scam's moves only to negate, quote or judge them ("要先交培训费的兼职都是骗人的",
# "平台不会通过私信要求您缴纳解冻费") and shows nothing else of a scam (no undescribed scam cue, no scam
# signal) talks about scams; it does not run one. Reported speech is not enough ("现在冒充公检法的骗子很
# 多，但这次是真的…" goes on with its own demand): `fanzha.detect.cues.CueMatcher.match_all`. Without
# this the classifier alone decided, and it reads the named moves as a scam's (the dev halves: 2 of 102
# such everyday texts flagged, 77 and 64; the 4 scams among them, victims' accounts at 99–100, keep
# their verdict).
DESCRIBED = "describes_scam"
DESCRIBED_PRIOR = -1.5
# A genuine warning never asks you to do these, nor vouches for anyone; a message that does (outside a
# quoted or judged description, see fanzha.detect.cues) is a scam wearing a warning's clothes ("这里是国家
# 反诈中心…转到监管账户", "外面都是骗子，我们是正规平台"). A promised return is no such sign: warnings
# name the lure ("稳赚不赔的投资是不存在的") in too many ways to tell them from the scam's own promise.
ACTION_CUES = frozenset(
    [
        "vouches_for_itself",
        "safe_account",
        "transfer_to_designated",
        "ask_for_code",
        "screen_share_or_remote",
        "fee_before_benefit",
        "atm_guided",
        "accused_of_crime",
    ]
)
# … nor to pay a bill or a fine at a link (the 【网警提示】 that wants the fine paid at wj-chufa.cn), unless
# every link is the brand's own or the government's ("请登录 10086.cn 缴费" is a genuine bill).
PAY_LINK_CUE = "bill_overdue_link"
_OWN_LINKS = OWN_LINKS | {ALL_OFFICIAL}
# … and the cues of a message that sends the reader to a link (点击链接, 登录网址, 下载安装…, 如非本人请…):
# with a fake link (FAKE_LINKS, `fanzha.detect.signals`) no notice does that; a notice that names the fake
# site it warns of ("警惕仿冒网站 ccb-zs.top") does not send anyone there.
LINK_ACTION_CUES = frozenset(["click_link_action", "not_you_link", "login_to_fix", "account_suspended_link"])
# A notice frames itself early ("【反诈提醒】…", "国家反诈中心提醒您") or is short.
NOTICE_HEAD = 40
NOTICE_MAX_CHARS = 160


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float = -1.0
    model: float = 0.6
    model_clip: tuple[float, float] = (-2.5, 6.0)
    # The classifier's voice on a short text: `short_floor` of it at no text, growing in a line to all of
    # it at `short_text` canonical characters.
    short_floor: float = 0.4
    short_text: int = 30
    warning_damping: float = 0.25  # positive evidence inside an anti-fraud notice counts this much
    cue_cap: float = 8.0
    evidence: Mapping[str, float] = field(default_factory=dict)  # calibrated weight by evidence name

    @classmethod
    def from_meta(cls, meta: Mapping[str, Any]) -> Weights:
        """The weights a model file carries (`meta["calibration"]`), or the defaults."""
        stored = meta.get("calibration")
        if not stored:
            return cls()
        return cls(
            bias=float(stored["bias"]),
            model=float(stored["model"]),
            model_clip=(float(stored["model_clip"][0]), float(stored["model_clip"][1])),
            evidence={str(k): float(v) for k, v in stored["evidence"].items()},
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a text shows, before weighing: named evidence with its value and prior weight, and the
    classifier's logit as it enters the score."""

    values: dict[str, float]  # evidence name → value (1, or the notice damping)
    priors: dict[str, float]  # evidence name → its prior weight (taxonomy / signal)
    rule_names: frozenset[str]  # which names are cue rules (the rest are signals)
    logit: float  # scaled by the text's length, ≤ 0 inside a notice, ≥ 0 beside a firm cue; `score` clips it
    p_scam: float
    notice: bool
    firm: bool = False  # a firm cue spoke (outside a notice): the classifier cannot argue it down


@dataclass(frozen=True, slots=True)
class Score:
    p_scam: float  # the classifier's
    model: float  # its contribution to z
    rules: float  # the cue rules' contribution (capped)
    signals: float  # the identifier and spelling signals' contribution (capped)
    notice: bool  # read as an anti-fraud notice
    z: float
    weights: dict[str, float]  # the weight each piece of evidence got
    firm: bool = False  # a firm cue set the classifier's "not a scam" voice aside

    @property
    def probability(self) -> float:
        return 1.0 / (1.0 + math.exp(-self.z))

    @property
    def risk(self) -> int:
        return round(100.0 * self.probability)


def evidence(
    *,
    best_per_cue: Mapping[str, RawHit],
    signals: Sequence[CueHit],
    p_scam: float,
    canonical_chars: int,
    text_chars: int,
    weights: Weights,
    dialogue: bool = False,
    question: bool = False,
    described: bool = False,
) -> Evidence:
    """Name and value every piece of evidence of one text. `dialogue`: the text is a conversation
    (`fanzha.detect.cues.is_dialogue`), which no notice is: its warning words are the callee's doubts
    ("这会不会是诈骗电话？") or the caller's pose ("这里是反诈中心"), never the text's own frame.
    `question`: the text ends by asking whether to trust or act on what it tells (`fanzha.detect.cues.
    asks_whether_to_act`), which no notice does: its warning words are the reader's own doubt.
    `described`: a scam cue occurs only described (`fanzha.detect.cues.CueMatcher.match_all`)."""
    warning = best_per_cue.get(WARNING_CUE)
    fake_link = any(signal.id in FAKE_LINKS for signal in signals)
    asks_for_action = (
        any(cue_id in best_per_cue for cue_id in ACTION_CUES)
        or (fake_link and any(cue_id in best_per_cue for cue_id in LINK_ACTION_CUES))
        or (
            PAY_LINK_CUE in best_per_cue
            and (fake_link or not any(signal.id in _OWN_LINKS for signal in signals))
        )
    )
    notice = (
        warning is not None
        and not dialogue
        and not question
        and (warning.start < NOTICE_HEAD or text_chars <= NOTICE_MAX_CHARS)
        and not asks_for_action
    )
    damping = weights.warning_damping if notice else 1.0
    values: dict[str, float] = {}
    priors: dict[str, float] = {}
    for cue_id, hit in best_per_cue.items():
        if cue_id == WARNING_CUE and not notice:
            if asks_for_action and not dialogue:
                continue  # a message that asks for a transfer or a code wears the warning words as a pose
            values[DOUBT], priors[DOUBT] = 1.0, DOUBT_PRIOR
        else:
            values[cue_id] = damping if hit.cue.weight > 0 else 1.0
            priors[cue_id] = hit.cue.weight
    if (
        described
        and not notice
        and not any(hit.cue.weight > 0 for hit in best_per_cue.values())
        and not any(signal.weight > 0 for signal in signals)
    ):
        values[DESCRIBED], priors[DESCRIBED] = 1.0, DESCRIBED_PRIOR
    rule_names = frozenset(values)
    for signal in signals:
        if signal.id == ALL_OFFICIAL and asks_for_action:
            continue  # a genuine notice asks for nothing: one that asks for a transfer is no genuine notice
        values[signal.id] = damping if signal.weight > 0 else 1.0
        priors[signal.id] = signal.weight
    logit = math.log(p_scam / (1.0 - p_scam)) * length_factor(canonical_chars, weights)
    firm = not notice and (
        any(hit.cue.firm for hit in best_per_cue.values()) or any(s.id in FIRM_SIGNALS for s in signals)
    )
    if notice:
        logit = min(logit, 0.0)
    elif firm:
        logit = max(logit, 0.0)
    return Evidence(values, priors, rule_names, logit, p_scam, notice, firm)


def length_factor(canonical_chars: int, weights: Weights) -> float:
    """How much of the classifier's voice a text of this length gets (`Weights.short_floor`)."""
    floor = weights.short_floor
    return min(1.0, floor + (1.0 - floor) * canonical_chars / weights.short_text)


def score(found: Evidence, weights: Weights) -> Score:
    """Weigh the evidence of one text."""
    used = {name: weights.evidence.get(name, prior) for name, prior in found.priors.items()}
    rules = sum(used[name] * found.values[name] for name in found.rule_names)
    signal_sum = sum(
        used[name] * value for name, value in found.values.items() if name not in found.rule_names
    )
    cap = weights.cue_cap
    lo, hi = weights.model_clip
    model = weights.model * max(lo, min(hi, found.logit))
    rules = max(-cap, min(cap, rules))
    signal_sum = max(-cap, min(cap, signal_sum))
    z = weights.bias + model + rules + signal_sum
    return Score(found.p_scam, model, rules, signal_sum, found.notice, z, used, found.firm)
