"""What `fanzha.assess` returns: the verdict and everything that explains it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fanzha.extract.base import Identifier


@dataclass(frozen=True, slots=True)
class CueHit:
    """One piece of evidence: a highlighted span of the text and what it means."""

    id: str
    text: str
    start: int
    end: int
    meaning: str
    weight: float
    fraud_type: str | None = None
    source: str = "rule"  # rule: a taxonomy cue; identifier: a fact about a number or link; request (below)

    @property
    def suspicious(self) -> bool:
        """Shown to a user as a suspicious point: evidence for a scam, or a request for money or a code
        (`fanzha.detect.requests`, which weighs nothing in the score)."""
        return self.weight > 0 or self.source == "request"

    @property
    def reassuring(self) -> bool:
        """Shown to a user as a sign of a genuine message: evidence against a scam. A cue calibration gave
        no weight is neither ("让你点击链接并登录" adds nothing beside the other cues, but it is no sign of a
        genuine message): it is shown in neither list."""
        return self.weight < 0 and self.source != "request"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "meaning": self.meaning}


@dataclass(frozen=True, slots=True)
class Assessment:
    is_fraud: bool
    risk: int  # 0–100
    level: str  # high / medium / low: the colour a user sees
    fraud_type: str  # a taxonomy code, or "normal"
    fraud_type_name: str
    confidence: float
    probabilities: dict[str, float]
    cues: list[CueHit]
    identifiers: list[Identifier]
    advice: str
    explanation: list[str] = field(default_factory=list)
    # scam, normal, or an advert kind (advert, loan_advert, illegal_advert): an advert is not a scam
    # on the reader's money, and is told apart so that it is shown as what it is.
    category: str = "normal"
    category_name: str = "正常信息"
    # The verdict in one sentence when the text is nothing but numbers and links and they decide it
    # (“这是中国工商银行的官方客服号码”, `fanzha.detect.standalone`); empty otherwise.
    headline: str = ""

    def to_dict(self, *, full: bool = False) -> dict[str, Any]:
        """The `fanzha check --jsonl` record; `full` adds names, probabilities and explanations."""
        out: dict[str, Any] = {
            "is_fraud": self.is_fraud,
            "risk": self.risk,
            "fraud_type": self.fraud_type,
            "category": self.category,
            "confidence": round(self.confidence, 4),
            "cues": [c.to_dict() for c in self.cues],
            "identifiers": [i.public_dict() for i in self.identifiers],
            "advice": self.advice,
        }
        if full:
            out["level"] = self.level
            out["fraud_type_name"] = self.fraud_type_name
            out["category_name"] = self.category_name
            out["probabilities"] = {k: round(v, 4) for k, v in self.probabilities.items()}
            out["cues"] = [
                {**c.to_dict(), "id": c.id, "weight": c.weight, "fraud_type": c.fraud_type} for c in self.cues
            ]
            out["identifiers"] = [i.to_dict() for i in self.identifiers]
            out["explanation"] = self.explanation
            if self.headline:
                out["headline"] = self.headline
        return out


def marked_spans(cues: list[CueHit]) -> list[tuple[int, int]]:
    """The spans to highlight for a user: suspicious points, overlapping ones merged, in text order."""
    merged: list[list[int]] = []
    for start, end in sorted({(c.start, c.end) for c in cues if c.suspicious}):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]
