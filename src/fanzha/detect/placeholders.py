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
    parts: list[str] = []
    last = 0
    for run in _PLACEHOLDERS.finditer(original):
        before = original[run.start() - 1] if run.start() else ""
        if (before.isascii() and before.isalpha()) or (
            run.end() < len(original) and original[run.end()].isupper()
        ):
            continue  # part of a longer word (iPHONE, URLS, PLACEMENT)
        for word in _ONE.finditer(run.group()):
            start, end = _norm_span(norm, run.start() + word.start(), run.start() + word.end())
            if start < last or end <= start:
                continue
            fill = _WORDS[word.group()]
            piece = masked[start:end]
            # An identifier's token stays: a placeholder never overwrites what was recognised.
            parts.append(masked[last:start])
            parts.append(piece if _TOKEN.search(piece) else fill * (end - start))
            last = end
    parts.append(masked[last:])
    return "".join(parts)


def _norm_span(norm: NormText, start: int, end: int) -> tuple[int, int]:
    """The normalised span of the original characters [start, end)."""
    if norm.origin is None:
        return start, end
    return bisect.bisect_left(norm.origin, start), bisect.bisect_left(norm.origin, end)
