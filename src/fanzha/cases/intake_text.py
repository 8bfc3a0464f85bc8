"""The narrative as the intake rules read it: full-width forms folded, cut into sentences and clauses, with
the banks it names.

`fold` keeps every character's position (a full-width `５` becomes `5`, nothing is added or removed), so a
span found in the folded text is the same span in what the officer typed. A clause is what lies between
two commas or stops (the thousands comma of `4,800` does not cut); every pre-filled field points
back at its clause.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from fanzha.intel.banks import bank_name
from fanzha.intel.reference import brands

_SENTENCE_END = "。！？!?；;\n"
_CLAUSE_CUT = re.compile(r"[。！？!?；;\n]|(?<!\d),|,(?!\d{3}(?!\d))")  # not the comma of 4,800
# Banks with no entry in the brand list, kept as the caller said them.
_NOT_A_BANK_NAME = set("在到至时去向从于的了用和与及往给把其她他我")
_LOCAL_BANKS = (
    r"[\u4e00-\u9fa5]{2,4}(?:农商银行|农村商业银行|农商行|村镇银行|信用社)|农村信用社|农商银行|信用社|云闪付"
)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    sentence: int  # index of its sentence

    def text(self, narrative: str) -> str:
        return narrative[self.start : self.end]


def fold(text: str) -> str:
    """`text` with full-width letters, digits and signs as ASCII, one character for one."""
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


def clauses(text: str) -> list[Clause]:
    """The clauses of `text`, in order, each with the index of its sentence."""
    out: list[Clause] = []
    start, sentence = 0, 0
    for m in _CLAUSE_CUT.finditer(text + "\n"):
        if m.start() > start and text[start : m.start()].strip():
            out.append(Clause(start, m.start(), sentence))
        start = m.end()
        if m.group() in _SENTENCE_END:
            sentence += 1
    return out


@lru_cache(maxsize=1)
def _bank_pattern() -> re.Pattern[str]:
    spellings = {
        spelling
        for brand in brands()
        if brand.name.endswith("银行")
        for spelling in (brand.name, *brand.aliases)
        if not spelling.isascii()
    }
    names = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?:{_LOCAL_BANKS}|(?:{names})(?:银行)?)")


@dataclass(frozen=True, slots=True)
class BankMention:
    start: int
    end: int
    said: str
    name: str  # the bank's full name (中国农业银行 for 农行)


def find_banks(text: str) -> list[BankMention]:
    """Every bank named in `text` (云闪付 counted as one: a bank-card payment app)."""
    out = []
    for m in _bank_pattern().finditer(text):
        start = m.start()
        while start < m.end() - 2 and text[start] in _NOT_A_BANK_NAME:  # "于当日13时至农商银行": 农商银行
            start += 1
        said = text[start : m.end()]
        out.append(BankMention(start, m.end(), said, bank_name(said)))
    return out


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a pre-filled value came from: its span in the narrative and the rule that read it (Chinese)."""

    start: int
    end: int
    rule: str
