"""Find the taxonomy's cues in a text: an Aho-Corasick pass over all keywords, then the patterns of
the cues whose keywords occurred. A positive cue right after a negation ("不要转账", "切勿点击"),
after a quoting word in the same sentence ("凡是要求转账到安全账户的…", "接到自称客服…的电话"), or
followed in its clause by the judgment that it is a scam ("贷款先交钱的都是诈骗") describes a scam
rather than attempting one, and is dropped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from fanzha.taxonomy import Cue, Taxonomy

NEGATIONS = (
    "不会",
    "不要",
    "切勿",
    "勿",
    "防止",
    "绝不",
    "没有",
    "严禁",
    "拒绝",
    "从不",
    "不能",
    "不可",
    "不得",
    "所谓",
)
# 别 negates only as a word of its own, not inside 分别、特别、识别、区别、个别、级别、类别、告别.
NEGATION_WINDOW = 5
# Words that put what follows them in quotes: a warning describing a scam, or a refusal, within a
# few characters ("谨防…", "切勿开启屏幕共享") …
QUOTING = (
    "谨防",
    "警惕",
    "提防",
    "不存在",
    "不会",
    "从不",
    "绝不",
    "切勿",
    "千万别",
    "千万不要",
    "别听",
    "别信",
    "不要信",
    "不要听",
    "别相信",
    "不要相信",
)
QUOTING_WINDOW = 16
# … or reported speech, up to the end of the sentence ("凡是要求转账到安全账户的都是诈骗",
# "有个自称公安的打电话说我涉嫌洗钱，让我转到安全账户").
REPORTED_WINDOW = 120  # a sentence longer than this is not reported speech any more
REPORTED = (
    "凡是",
    "所谓",
    "自称",
    "冒充",
    "假冒",
    "骗子",
    "声称",
    "打电话说",
    "来电说",
    "发短信说",
    "发消息说",
    "骗我说",
)
_SENTENCE_END = "。！？!?\n"


@dataclass(frozen=True, slots=True)
class RawHit:
    cue: Cue
    start: int  # in the normalised text
    end: int


class CueMatcher:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.cues = taxonomy.all_cues
        self._automaton = ahocorasick.Automaton()
        by_keyword: dict[str, tuple[list[int], list[int]]] = {}
        for index, cue in enumerate(self.cues):
            for keyword in cue.keywords:
                patterned, plain = by_keyword.setdefault(keyword, ([], []))
                (patterned if cue.pattern is not None else plain).append(index)
        for keyword, (patterned, plain) in by_keyword.items():
            self._automaton.add_word(keyword, (len(keyword), tuple(patterned), tuple(plain)))
        self._automaton.make_automaton()

    def match(self, text: str) -> list[RawHit]:
        """Cue hits in `text` (normalised, identifiers masked), at most one per cue and span."""
        patterned: set[int] = set()  # cues whose pattern must run: a keyword of theirs occurred
        plain: dict[int, list[tuple[int, int]]] = {}  # keyword cues: every occurrence is a hit
        for end, (length, to_run, found) in self._automaton.iter(text):
            patterned.update(to_run)
            for index in found:
                plain.setdefault(index, []).append((end + 1 - length, end + 1))
        hits: list[RawHit] = []
        for index in patterned:
            cue = self.cues[index]
            assert cue.pattern is not None
            self._keep(
                hits,
                cue,
                text,
                ((m.start(), m.end()) for m in cue.pattern.finditer(text) if m.end() > m.start()),
            )
        for index, spans in plain.items():
            self._keep(hits, self.cues[index], text, spans)
        hits.sort(key=lambda h: (h.start, h.end, h.cue.id))
        return hits

    @staticmethod
    def _keep(hits: list[RawHit], cue: Cue, text: str, spans: Iterable[tuple[int, int]]) -> None:
        for start, end in spans:
            if cue.weight > 0 and (_negated(text, start) or _judged(text, end)):
                continue
            start, end = _whole_tokens(text, start, end)
            hits.append(RawHit(cue, start, end))


_NEGATION = re.compile("|".join(NEGATIONS) + "|(?<![分特识区个级类性告辞离鉴派])别")
_QUOTING = re.compile("|".join(QUOTING))
_REPORTED = re.compile("|".join(REPORTED))


_SENTENCE_BREAK = re.compile("[" + _SENTENCE_END + "]")


def _sentence_start(text: str, start: int) -> int:
    """Start of the sentence holding `start`, looking back at most REPORTED_WINDOW characters."""
    lo = max(0, start - REPORTED_WINDOW)
    last = -1
    for match in _SENTENCE_BREAK.finditer(text, lo, start):
        last = match.end()
    return last if last >= 0 else lo


def _negated(text: str, start: int) -> bool:
    """A negation right before the cue, a quoting word shortly before it in the same sentence, or
    reported speech earlier in the same sentence."""
    if _NEGATION.search(text, max(0, start - NEGATION_WINDOW), start) is not None:
        return True
    sentence_start = _sentence_start(text, start)
    if _REPORTED.search(text, sentence_start, start) is not None:
        return True
    return _QUOTING.search(text, max(sentence_start, start - QUOTING_WINDOW), start) is not None


# What follows a described scam in a warning: "贷款先交钱的都是诈骗", "让你转账到安全账户的就是骗子".
_JUDGED = re.compile(
    r"[^。！？!?\n，,；;]{0,12}?(?:的)?(?:都是|就是|均为|均是|一律是|统统是|全是|必是|肯定是|是)(?:诈骗|骗局|骗子|陷阱|套路)"
)


def _judged(text: str, end: int) -> bool:
    """The cue is the subject of a judgment that it is a scam, in the same clause right after it."""
    return _JUDGED.match(text, end, end + 20) is not None


def _is_token(ch: str) -> bool:
    return "\ue000" <= ch <= "\ue00f"


def _whole_tokens(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span that cuts into a masked identifier so that it covers the whole identifier."""
    while start > 0 and _is_token(text[start]) and text[start - 1] == text[start]:
        start -= 1
    while end < len(text) and end > 0 and _is_token(text[end - 1]) and text[end] == text[end - 1]:
        end += 1
    return start, end
