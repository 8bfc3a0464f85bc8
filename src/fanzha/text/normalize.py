"""Normalise text for matching while keeping a map back to the original characters.

Real scam messages are written to slip past filters: full-width digits (１３８), circled and
mathematical digits (①, 𝟏), zero-width characters between the letters of a keyword, traditional
characters, upper-case Latin letters, Chinese numerals in phone numbers (幺三八…). `normalize`
undoes all of this *without changing what a span means*: every character of the normalised text
knows which character of the original it came from, so cues and identifiers found in the
normalised text are reported with spans in the text the user gave.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from fanzha.text.numerals import DIGITS

# Characters that carry no meaning but break keywords apart.
ZERO_WIDTH = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"

# Unicode blocks whose NFKC form differs from the character and that appear in real spam.
_NFKC_RANGES = (
    (0x00A0, 0x00FF),  # Latin-1 (no-break space, superscripts)
    (0x2000, 0x206F),  # general punctuation (odd spaces)
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x2100, 0x214F),  # letterlike symbols
    (0x2150, 0x218F),  # number forms (Roman numerals)
    (0x2460, 0x24FF),  # enclosed alphanumerics ①⑴⒈Ⓐ
    (0x2F00, 0x2FDF),  # Kangxi radicals used as look-alike hanzi (⼀⼆⼈)
    (0x2E80, 0x2EFF),  # CJK radicals supplement
    (0x3000, 0x303F),  # CJK symbols (ideographic space)
    (0x3200, 0x33FF),  # enclosed CJK and compatibility
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFE50, 0xFE6F),  # small form variants
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x1D400, 0x1D7FF),  # mathematical alphanumerics 𝟏𝐀
    (0x1F100, 0x1F1FF),  # enclosed alphanumeric supplement 🅰
)

# Chinese numerals that scammers use to spell out phone numbers, QQ numbers and accounts.
_NUMERAL_DIGITS = str.maketrans({c: str(v) for c, v in DIGITS.items()})
_NUMERAL_RUN = re.compile("[" + "".join(DIGITS) + r"\d]{7,}")


@dataclass(frozen=True, slots=True)
class NormText:
    """Normalised text and, for each of its characters, the index of its source character."""

    text: str
    original: str
    origin: tuple[int, ...] | None  # None: one-to-one with the original

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the original text."""
        if self.origin is None:
            return start, end
        if start >= len(self.origin):
            return len(self.original), len(self.original)
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        # An expanded character maps several normalised characters to one source character.
        return first, max(last, first)


def _single(mapped: str | None, default: str) -> str:
    return mapped if mapped is not None and len(mapped) == 1 else default


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], frozenset[str]]:
    table: dict[int, str] = {}
    for lo, hi in _NFKC_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            norm = unicodedata.normalize("NFKC", ch)
            if norm.lower() != ch:
                table[cp] = norm.lower()
    for ch in ZERO_WIDTH:
        table[ord(ch)] = ""
    data = resources.files("fanzha.text").joinpath("data/t2s_chars.tsv").read_text("utf-8")
    for line in data.splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[ord(trad)] = simp
    # Second pass: a NFKC result may itself be traditional (e.g. compatibility ideographs).
    for cp, value in list(table.items()):
        table[cp] = "".join(_single(table.get(ord(c)), c) for c in value)
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    for cp in (0x0009, 0x000B, 0x000C):
        table[cp] = " "
    for cp in range(0xE000, 0xE010):  # fanzha's own identifier tokens: never taken from user text
        table[cp] = " "
    changes_length = frozenset(chr(cp) for cp, value in table.items() if len(value) != 1)
    return table, changes_length


def _numerals_to_digits(text: str) -> str:
    """Turn runs of seven or more numeral characters (a spelled-out number) into digits.

    Length-preserving, so the origin map is unchanged. Shorter runs (三个, 一万) are words.
    """
    if not _NUMERAL_RUN.search(text):
        return text
    return _NUMERAL_RUN.sub(lambda m: m.group().translate(_NUMERAL_DIGITS), text)


# Spaces that split a word apart: between two Chinese characters ("刷 单 返 利"), or between the
# single characters of a spaced-out number or address ("1 3 8 0 0 …", "w w w . a b c . c o m").
_SPACES = re.compile(r"[ \t]+")
_CJK_LO, _CJK_HI = "\u3400", "\u9fff"
_SPELLED = frozenset("0123456789abcdefghijklmnopqrstuvwxyz.")
_MIN_SPELLED_RUN = 3  # spaces in a row between single characters before we call it spelled out


def _is_cjk(ch: str) -> bool:
    return _CJK_LO <= ch <= _CJK_HI


def _splitting_spaces(text: str) -> list[tuple[int, int]]:
    """Spans of the spaces that split a word or a spelled-out number apart."""
    found: list[tuple[int, int]] = []
    spelled: list[tuple[int, int]] = []
    n = len(text)
    for match in _SPACES.finditer(text):
        a, b = match.start(), match.end()
        if a == 0 or b == n:
            continue
        before, after = text[a - 1], text[b]
        if _is_cjk(before) and _is_cjk(after):
            found.append((a, b))
            continue
        isolated = (
            b - a == 1
            and before in _SPELLED
            and after in _SPELLED
            and (a < 2 or text[a - 2] not in _SPELLED)
            and (b + 1 >= n or text[b + 1] not in _SPELLED)
        )
        if isolated and spelled and spelled[-1][1] + 1 == a:
            spelled.append((a, b))
        else:
            if len(spelled) >= _MIN_SPELLED_RUN:
                found.extend(spelled)
            spelled = [(a, b)] if isolated else []
    if len(spelled) >= _MIN_SPELLED_RUN:
        found.extend(spelled)
    return sorted(found)


def _collapse_spaces(text: str, origin: list[int] | None) -> tuple[str, list[int] | None]:
    if " " not in text and "\t" not in text:
        return text, origin
    spans = _splitting_spaces(text)
    if not spans:
        return text, origin
    source = origin if origin is not None else list(range(len(text)))
    keep_text: list[str] = []
    keep_origin: list[int] = []
    last = 0
    for a, b in spans:
        keep_text.append(text[last:a])
        keep_origin.extend(source[last:a])
        last = b
    keep_text.append(text[last:])
    keep_origin.extend(source[last:])
    return "".join(keep_text), keep_origin


def normalize(text: str) -> NormText:
    """Normalise `text` for matching: NFKC, traditional→simplified, lower case, no zero-width,
    Chinese-numeral phone numbers as digits, and no spaces that split a word or number apart.

    >>> normalize("請撥打１３８ ００１３ ８０００").text
    '请拨打138 0013 8000'
    >>> normalize("刷 单 返 利").text
    '刷单返利'
    """
    table, changes_length = _tables()
    origin: list[int] | None = None
    if changes_length.isdisjoint(text):
        mapped = text.translate(table)
    else:
        out: list[str] = []
        origin = []
        for i, ch in enumerate(text):
            value = table.get(ord(ch), ch)
            out.append(value)
            origin.extend([i] * len(value))
        mapped = "".join(out)
    mapped, origin = _collapse_spaces(mapped, origin)
    mapped = _numerals_to_digits(mapped)
    return NormText(mapped, text, None if origin is None else tuple(origin))
