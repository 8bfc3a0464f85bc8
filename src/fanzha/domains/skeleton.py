"""Fold a domain label to its "skeleton": what it looks like, not what it spells.

Two labels with the same skeleton look alike to a reader: `icbc`, `1cbc`, `lcbc` and the Cyrillic `іcbс`
all fold to `lcbc`. The folding (after NFKD and dropping accents):

- Cyrillic and Greek letters that look Latin (а е о р с у х і ј ѕ ԁ ο α ν ρ τ ι κ …) → the Latin letter;
- digits that look like letters: 0→o, 1→l, 3→e, 4→a, 5→s, 6→b, 8→b, 9→g; and i, ı, | → l;
- letter pairs that read as one letter: rn→m, vv→w, nn→m is not folded (too common in real words).

The table is a small subset of Unicode's confusables (UTS #39) chosen for Latin-script domains.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_CONFUSABLE = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "һ": "h",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "ѕ": "s",
    "т": "t",
    "у": "y",
    "х": "x",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "ь": "b",
    "ӏ": "l",
    "ɡ": "g",
    # Greek
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "ω": "w",
    # Latin look-alikes
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ħ": "h",
    "ŀ": "l",
    "ƅ": "b",
    "ɑ": "a",
    "ɩ": "i",
    "ɵ": "o",
    # digits and letters that read as each other
    "0": "o",
    "1": "l",
    "i": "l",
    "|": "l",
    "3": "e",
    "4": "a",
    "5": "s",
    "6": "b",
    "8": "b",
    "9": "g",
}
_TABLE = str.maketrans(_CONFUSABLE)
_PAIRS = (("rn", "m"), ("vv", "w"))


@lru_cache(maxsize=131_072)
def skeleton(label: str) -> str:
    """The look-alike skeleton of one label (or of any string without dots).

    >>> skeleton("1cbc") == skeleton("icbc") == skeleton("іcbс")
    True
    """
    if not label.isascii():
        label = "".join(c for c in unicodedata.normalize("NFKD", label) if not unicodedata.combining(c))
    folded = label.translate(_TABLE).translate(_TABLE)  # twice: Cyrillic і → i → l
    for pair, single in _PAIRS:
        if pair in folded:
            folded = folded.replace(pair, single)
    return folded


def confusable_chars(label: str) -> list[str]:
    """The characters of `label` that only look like Latin letters (for the explanation)."""
    return [c for c in label if not c.isascii()]
