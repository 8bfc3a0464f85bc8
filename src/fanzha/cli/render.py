"""Human-readable rendering of assessments and identifiers for the terminal (Simplified Chinese)."""

from __future__ import annotations

import re

from fanzha.detect.assessment import Assessment, CueHit, marked_spans
from fanzha.extract.base import Identifier
from fanzha.extract.canonical import flags_of
from fanzha.extract.registry import KIND_NAMES

# A rule's code in an explanation (规则“login_to_fix”：…): the terminal shows the clause, not the code
# (`--json` keeps it).
_RULE_ID = re.compile(r"“[a-z][a-z0-9_]*”：")
_RED, _YELLOW, _GREEN, _BOLD, _RESET = "\033[31m", "\033[33m", "\033[32m", "\033[1m", "\033[0m"


def _style(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def highlight(text: str, cues: list[CueHit], *, color: bool) -> str:
    """The text with every cue span marked: 〖…〗 (and red when colour is on). Not 【】, which SMS
    sender tags use."""
    out, last = [], 0
    for start, end in marked_spans(cues):
        out.append(text[last:start])
        out.append(_style("〖" + text[start:end] + "〗", _RED, color))
        last = end
    out.append(text[last:])
    return "".join(out)


def _grouped(cues: list[CueHit]) -> list[str]:
    """One line per cue (and meaning), listing every text span that raised it."""
    spans: dict[tuple[str, str], list[str]] = {}
    for cue in cues:
        texts = spans.setdefault((cue.id, cue.meaning), [])
        if cue.text not in texts:
            texts.append(cue.text)
    return [
        "  · " + "、".join(f"“{t}”" for t in texts) + f" —— {meaning}"
        for (_, meaning), texts in spans.items()
    ]


def render_identifiers(identifiers: list[Identifier]) -> list[str]:
    """One line per identifier: its kind, value and why it was recognised, and the notes on an odd value
    (校验位不符, 号段未分配 …) that the reason does not say already."""
    lines = []
    for i in identifiers:
        notes = [flag for flag in flags_of(i.kind, i.value) if flag not in i.reason]
        note = f"（{'、'.join(notes)}）" if notes else ""
        lines.append(f"  · {KIND_NAMES.get(i.kind, i.kind)} {i.value} —— {i.reason}{note}")
    return lines


def render_assessment(text: str, verdict: Assessment, *, color: bool) -> str:
    shown = text if len(text) <= 2000 else text[:2000] + "…（其余省略）"
    shown_cues = [c for c in verdict.cues if c.end <= len(shown)]
    if verdict.is_fraud:
        head = _style(f"结论：疑似诈骗 —— {verdict.fraud_type_name}", _RED + _BOLD, color)
    elif verdict.level == "medium":
        head = _style("结论：有可疑之处，请核实", _YELLOW + _BOLD, color)
    else:
        head = _style("结论：未发现明显诈骗特征", _GREEN + _BOLD, color)
    # The confidence is that of the type named: for a medium verdict that is "normal", and "置信度 0.95"
    # beside "有可疑之处" would read as certainty of the doubt; the risk says it instead.
    sure = "" if verdict.level == "medium" else f"    置信度 {verdict.confidence:.2f}"
    lines = [f"{head}    风险 {verdict.risk}/100{sure}"]
    if verdict.headline:  # a text of numbers and links only: what they are, as the public page says it
        lines.append(verdict.headline)
    lines += ["", "原文（〖〗内为可疑之处）："]
    lines.append("  " + highlight(shown, shown_cues, color=color))
    positive = _grouped([c for c in verdict.cues if c.suspicious])
    if positive:
        lines += ["", "可疑之处：", *positive]
    negative = _grouped([c for c in verdict.cues if c.reassuring])
    if negative:
        lines += ["", "正常迹象：", *negative]
    if verdict.identifiers:
        lines += ["", "识别到的号码、账户和链接：", *render_identifiers(verdict.identifiers)]
    reasons = (_RULE_ID.sub("：", e) for e in verdict.explanation)
    lines += ["", "建议：" + verdict.advice, "", "判断依据：", *(f"  {e}" for e in reasons)]
    return "\n".join(lines)
