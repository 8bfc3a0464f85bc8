"""Anonymisation placeholders of public SMS corpora, read as what they stand for.

Published SMS data sets hide contacts behind capitalised placeholders (`URL`, `CELLPHONE`,
`WECHAT`, `DIGIT`, `NAME` …), sometimes run together (`URLWECHAT`) or followed by what was left of
a path (`URLbxlx`). A live message shows the link or the number itself; a placeholder shows that
one was there. `mask_placeholders` gives the cue rules and the classifier the same view of both: a
placeholder for a contact becomes the token of its kind (as a real link or number would after
`fanzha.detect.prepare.mask`), `DIGIT` becomes digits, and a name or place becomes blank.

Only capitals count (the normalised text is lower case, so the original decides): "url" or
"Name" in ordinary text is left alone.

People who paste a message, and data sets, also hide a number by crossing out its digits
(`400xxx6521`, `0xx-5xxxxxxx`, `138****2291`): a run that starts with a digit and has at least three
crossed-out digits, 8 to 14 characters long, reads as a phone number too (`mask_crossed_out`).
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


_CROSSED_OUT = re.compile(r"(?<![0-9a-z*./@_\-])[0-9][0-9x*]+(?:-[0-9x*]{2,}){0,2}(?![0-9a-z*._@\-])")
_PHONE_TOKEN = _WORDS["PHONE"]


def mask_crossed_out(masked: str) -> str:
    """`masked` with every crossed-out phone number (`400xxx6521`) replaced by the phone token."""
    if "x" not in masked and "*" not in masked:
        return masked
    out = masked
    for m in _CROSSED_OUT.finditer(masked):
        run = m.group()
        hidden = run.count("x") + run.count("*")  # the pattern makes the first character a digit
        if hidden >= 3 and 8 <= len(run) <= 14:
            out = out[: m.start()] + _PHONE_TOKEN * len(run) + out[m.end() :]
    return out


def mask_placeholders(masked: str, norm: NormText) -> str:
    """`masked` (normalised, identifiers masked) with every corpus placeholder of `norm.original`
    replaced and every crossed-out number masked, keeping the length."""
    masked = mask_crossed_out(masked)
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
