"""What a host looks like as a whole, beyond the brand name in it: does the registrable name read as
anything, and is its ending in the imitated brand's family?

Short brand names (`icbc`, `ccb`, `boc`, `189`) collide with real sites, so the lookalike rules for
them weigh the rest of the host: `icbc.x7k2q.cn` puts the name left of a string that reads as nothing,
which a partner's site (`icbc.zhihu.com`, `jd.zol.com.cn`) does not; `icb.com.cn` keeps the bank's own
ending, where `icb.com` is one of the three-letter names that were all registered long ago.

Random-looking is judged on the characters, without a dictionary: a character-bigram model of real
domain names (the labels of every official domain in `fanzha.intel`'s brand lists, a few thousand names
of Chinese and international firms) gives the mean log-probability per character; a name scoring below
RANDOM_BELOW, or with letters and digits interleaved four times or more (`x7k2q`), looks random. Numbers
(`4399`), pinyin (`zhihu`) and names shorter than five characters never do; a number beside a word
(`51job`, `hao123`) is judged by the word. RANDOM_BELOW was set on a
tuning half of `cn_common_domains.txt` (seed-fixed; about one real name in seven scores below it) and
checked on the other half; alone it proves nothing, it only counts beside a brand name.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from fanzha.domains.pinyin import is_pinyin
from fanzha.domains.suffix import split_host
from fanzha.intel import brands

MIN_RANDOM = 5  # characters (without hyphens): shorter names are too few to judge
RANDOM_BELOW = -3.5  # mean log-probability per character (natural log)
_ALPHABET = 38  # a–z, 0–9, "-" and the end mark
_SMOOTH = 0.5
_RUNS = re.compile(r"[a-z]+|[0-9]+")


class _Bigrams:
    def __init__(self, names: set[str]) -> None:
        self.pairs: Counter[str] = Counter()
        self.firsts: Counter[str] = Counter()
        for name in names:
            marked = f"^{name}$"
            for i in range(len(marked) - 1):
                self.pairs[marked[i : i + 2]] += 1
                self.firsts[marked[i]] += 1

    def mean_logp(self, name: str) -> float:
        marked = f"^{name}$"
        total = 0.0
        for i in range(len(marked) - 1):
            pair = self.pairs[marked[i : i + 2]] + _SMOOTH
            total += math.log(pair / (self.firsts[marked[i]] + _SMOOTH * _ALPHABET))
        return total / (len(marked) - 1)


@lru_cache(maxsize=1)
def _model() -> _Bigrams:
    names = set()
    for brand in brands():
        for domain in brand.domains:
            label = split_host(domain).label
            if label.isascii():
                names.add(label)
    return _Bigrams(names)


def name_logp(label: str) -> float:
    """Mean log-probability per character of `label` under the model of real domain names."""
    return _model().mean_logp(label)


@lru_cache(maxsize=65_536)
def looks_random(label: str) -> bool:
    """Does an ASCII label read as nothing: neither words, pinyin, nor a number with a word?

    >>> looks_random("x7k2q"), looks_random("zhihu"), looks_random("51job")
    (True, False, False)
    """
    text = label.replace("-", "")
    if len(text) < MIN_RANDOM or not text.isascii() or not text.isalnum() or text.isdigit():
        return False
    if text.isalpha() and is_pinyin(text):
        return False
    runs = _RUNS.findall(text)
    if len(runs) >= 4:
        return True
    if len(runs) == 2:  # a number and a word (51job, 4399dmw, hao123): judge the word
        word = runs[0] if runs[0].isalpha() else runs[1]
        return len(word) >= 3 and not is_pinyin(word) and name_logp(word) < RANDOM_BELOW
    return name_logp(label) < RANDOM_BELOW


GENERIC = frozenset(["com", "net", "org"])
# Endings only governments, schools and (.政务, .公益) Chinese public bodies can register: a short name there is theirs (pbc.gov.cn is the
# central bank, not a typo of psbc), so they are nobody's home for the typo rules.
RESTRICTED = frozenset(["gov.cn", "edu.cn", "mil.cn", "gov", "edu", "mil", "政务", "公益"])


def home_ending(suffix: str, official: str) -> bool:
    """Is `suffix` the brand's home: its own official ending, or any ending of the .cn space (cn,
    com.cn, net.cn, gov.cn …), home to every Chinese brand whatever it registered?

    Not the generic com/net/org, even when the brand's own: every name of three or four characters
    there was registered long ago, mostly by someone else. Not `gov.cn`, `edu.cn`: only governments and
    schools register there. Not `cn.com` either: a private registry that only looks Chinese (a risky
    ending of its own).
    """
    if suffix in GENERIC or suffix in RESTRICTED:
        return False
    return suffix == official or suffix == "cn" or suffix.endswith(".cn")
