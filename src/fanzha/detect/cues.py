"""Find the taxonomy's cues in a text: an Aho-Corasick pass over all keywords, then the patterns of
the cues whose keywords occurred. A positive cue right after a negation ("不要转账", "切勿点击")
is not evidence of a scam and is dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from fanzha.taxonomy import Cue, Taxonomy

NEGATIONS = (
    "不会",
    "不要",
    "切勿",
    "勿",
    "谨防",
    "警惕",
    "防止",
    "绝不",
    "不存在",
    "没有",
    "严禁",
    "拒绝",
    "别",
    "从不",
    "不能",
    "不可",
    "不得",
    "所谓",
)
NEGATION_WINDOW = 5


@dataclass(frozen=True, slots=True)
class RawHit:
    cue: Cue
    start: int  # in the normalised text
    end: int


class CueMatcher:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.cues = taxonomy.all_cues
        self._automaton = ahocorasick.Automaton()
        by_keyword: dict[str, list[int]] = {}
        for index, cue in enumerate(self.cues):
            for keyword in cue.keywords:
                by_keyword.setdefault(keyword, []).append(index)
        for keyword, indices in by_keyword.items():
            self._automaton.add_word(keyword, (len(keyword), tuple(indices)))
        self._automaton.make_automaton()

    def match(self, text: str) -> list[RawHit]:
        """Cue hits in `text` (normalised, identifiers masked), at most one per cue and span."""
        keyword_hits: dict[int, list[tuple[int, int]]] = {}
        for end, (length, indices) in self._automaton.iter(text):
            for index in indices:
                keyword_hits.setdefault(index, []).append((end + 1 - length, end + 1))
        hits: list[RawHit] = []
        for index, spans in keyword_hits.items():
            cue = self.cues[index]
            if cue.pattern is None:
                candidates = spans
            else:
                candidates = [m.span() for m in cue.pattern.finditer(text) if m.end() > m.start()]
            for start, end in candidates:
                if cue.weight > 0 and _negated(text, start):
                    continue
                hits.append(RawHit(cue, start, end))
        hits.sort(key=lambda h: (h.start, h.end))
        return hits


_NEGATION = re.compile("|".join(NEGATIONS))


def _negated(text: str, start: int) -> bool:
    return _NEGATION.search(text, max(0, start - NEGATION_WINDOW), start) is not None
