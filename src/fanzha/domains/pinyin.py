"""Does a label read as Chinese words in pinyin? Then a near-miss of a pinyin brand name is more
likely another word than a typo: `meitian` (美甜) is one letter from `meituan`, `huabeicheng` (华北城)
holds `huabei` (花呗).

The syllables are the standard Mandarin pinyin finals on each initial, without tones; bare vowels
(a, e, o) are left out so that a stray letter (`taoboa`) does not count as a syllable.
"""

from __future__ import annotations

from functools import lru_cache

_INITIALS = [
    "b",
    "p",
    "m",
    "f",
    "d",
    "t",
    "n",
    "l",
    "g",
    "k",
    "h",
    "j",
    "q",
    "x",
    "zh",
    "ch",
    "sh",
    "r",
    "z",
    "c",
    "s",
    "y",
    "w",
]
_FINALS = [
    "a",
    "o",
    "e",
    "i",
    "u",
    "v",
    "ai",
    "ei",
    "ao",
    "ou",
    "an",
    "en",
    "ang",
    "eng",
    "ong",
    "ia",
    "ie",
    "iao",
    "iu",
    "ian",
    "in",
    "iang",
    "ing",
    "iong",
    "ua",
    "uo",
    "uai",
    "ui",
    "uan",
    "un",
    "uang",
    "ue",
    "ve",
    "er",
]
_STANDALONE = ["ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er"]


def _syllables() -> frozenset[str]:
    out = set(_STANDALONE)
    for initial in _INITIALS:
        for final in _FINALS:
            out.add(initial + final)
    return frozenset(out)


SYLLABLES = _syllables()
_LONGEST = max(map(len, SYLLABLES))


@lru_cache(maxsize=65_536)
def is_pinyin(label: str) -> bool:
    """Can `label` be cut into two or more pinyin syllables (letters only)?

    >>> is_pinyin("meitian"), is_pinyin("alipey")
    (True, False)
    """
    if not label.isalpha() or not label.isascii():
        return False
    n = len(label)
    # fewest[i]: the fewest syllables covering label[:i], or 0 when it cannot be covered
    fewest = [0] * (n + 1)
    reachable = [False] * (n + 1)
    reachable[0] = True
    for i in range(n):
        if not reachable[i]:
            continue
        for j in range(i + 1, min(n, i + _LONGEST) + 1):
            if label[i:j] in SYLLABLES and (not reachable[j] or fewest[i] + 1 < fewest[j]):
                reachable[j] = True
                fewest[j] = fewest[i] + 1
    return reachable[n] and fewest[n] >= 2
