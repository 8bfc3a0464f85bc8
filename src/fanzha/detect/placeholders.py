"""Anonymisation placeholders of public SMS corpora, read as what they stand for.

Published SMS data sets hide contacts behind capitalised placeholders (`URL`, `CELLPHONE`,
`WECHAT`, `DIGIT`, `NAME` …), sometimes run together (`URLWECHAT`) or followed by what was left of
a path (`URLbxlx`). A live message shows the link or the number itself; a placeholder shows that
one was there. `mask_placeholders` gives the cue rules and the classifier the same view of both: a
placeholder for a contact becomes the token of its kind (as a real link or number would after
`fanzha.detect.prepare.mask`), `DIGIT` becomes digits, and a name or place becomes blank.

Only capitals count (the normalised text is lower case, so the original decides): "url" or
"Name" in ordinary text is left alone.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from fanzha.text import NormText

_WORDS = {
    "URL": "\ue000",
    "CELLPHONE": "\ue001",
    "HOTLINE": "\ue001",
    "PHONE": "\ue001",
    "WECHAT": "\ue003",
    "BANK": "\ue002",
    "DIGIT": "0",
    "NAME": " ",
    "PLACE": " ",
}
_PLACEHOLDERS = re.compile("(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")+")
_ONE = re.compile("|".join(sorted(_WORDS, key=len, reverse=True)))
_TOKEN = re.compile("[\ue000-\ue00f]")


def mask_placeholders(masked: str, norm: NormText) -> str:
    """`masked` (normalised, identifiers masked) with every corpus placeholder of `norm.original`
    replaced, keeping the length."""
    original = norm.original
    if _PLACEHOLDERS.search(original) is None:
        return masked
    tokens = _TOKEN.search(masked) is not None  # an identifier's token stays where a placeholder was
    parts: list[str] = []
    last = 0
    for run in _PLACEHOLDERS.finditer(original):
        at, after = run.start(), run.end()
        before = original[at - 1] if at else ""
        if (before.isascii() and before.isalpha()) or (after < len(original) and original[after].isupper()):
            continue  # part of a longer word (iPHONE, URLS, PLACEMENT)
        for a, b, fill in _words_of(run.group()):
            start, end = _norm_span(norm, at + a, at + b)
            if start < last or end <= start:
                continue
            piece = masked[start:end]
            parts.append(masked[last:start])
            parts.append(piece if tokens and _TOKEN.search(piece) else fill * (end - start))
            last = end
    parts.append(masked[last:])
    return "".join(parts)


@lru_cache(maxsize=512)
def _words_of(run: str) -> tuple[tuple[int, int, str], ...]:
    """The placeholders of a run ("URLWECHAT") with their offsets and what fills them."""
    return tuple((m.start(), m.end(), _WORDS[m.group()]) for m in _ONE.finditer(run))


def _norm_span(norm: NormText, start: int, end: int) -> tuple[int, int]:
    """The normalised span of the original characters [start, end)."""
    if norm.origin is None:
        return start, end
    return bisect.bisect_left(norm.origin, start), bisect.bisect_left(norm.origin, end)
