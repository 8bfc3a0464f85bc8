"""Quality, part 2: the held-out fold of the real SMS again, disguised the ways spam slips past filters.

Each disguise is a mechanical rewrite of every held-out text, the same for both systems: the message in
traditional characters (OpenCC's `s2tw`, phrase by phrase, Taiwan forms: an independent converter, not
the table fanzha's normaliser reads), spaces, zero-width spaces, symbols or emoji put into half of the
gaps between two Chinese characters (chosen at random, seeded per text), full-width letters, digits and
punctuation, and all of these at once. The corpus's anonymisation placeholders (`URL`, `CELLPHONE` …)
mark what the data set removed, not what the sender wrote: they are left as they are. No rule or model
was fitted to these rewrites; they show whether what fanzha learnt from plain text still holds when the
text is dressed up, and whether the peer's character n-grams do.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

from suite.common import REAL_SMS, table
from suite.context import Context
from suite.quality_common import SYSTEMS, Part, predict_both, share_figure
from suite.quality_real import HEADLINE, rows_of

SEED = 20261207
_CHINESE = re.compile("[\u4e00-\u9fff]")
# the corpus's placeholders: capitals only (see fanzha.detect.placeholders)
_PLACEHOLDER = re.compile("[A-Z]{3,}")
_SYMBOLS = "*·|/~"
_EMOJI = "😊🔥👉💰✨❤🎁"
Disguise = Callable[[str, random.Random], str]


def _between_chinese(fill: Callable[[random.Random], str]) -> Disguise:
    """Put `fill` into half of the gaps between two Chinese characters."""

    def disguise(text: str, rng: random.Random) -> str:
        out = []
        for i, char in enumerate(text):
            out.append(char)
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if _CHINESE.match(char) and _CHINESE.match(nxt) and rng.random() < 0.5:
                out.append(fill(rng))
        return "".join(out)

    return disguise


def _full_width(text: str, rng: random.Random) -> str:
    """ASCII letters, digits and punctuation as their full-width forms, placeholders kept."""
    pieces, last = [], 0
    for match in _PLACEHOLDER.finditer(text):
        pieces += [_widen(text[last : match.start()]), match.group()]
        last = match.end()
    return "".join([*pieces, _widen(text[last:])])


def _widen(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def disguises() -> dict[str, Disguise]:
    import opencc

    converter = opencc.OpenCC("s2tw")

    def traditional(text: str, rng: random.Random) -> str:
        return converter.convert(text)

    spaces = _between_chinese(lambda rng: " ")
    zero_width = _between_chinese(lambda rng: "\u200b")
    symbols = _between_chinese(lambda rng: rng.choice(_SYMBOLS))
    emoji = _between_chinese(lambda rng: rng.choice(_EMOJI))

    def everything(text: str, rng: random.Random) -> str:
        return symbols(_full_width(traditional(text, rng), rng), rng)

    return {
        "traditional characters (OpenCC s2tw)": traditional,
        "spaces between characters": spaces,
        "zero-width spaces between characters": zero_width,
        "symbols between characters (* · | / ~)": symbols,
        "emoji between characters": emoji,
        "full-width letters, digits, punctuation": _full_width,
        "all of the above but spaces and emoji": everything,
    }


def disguised_real(ctx: Context, as_written: dict[str, dict[str, dict[str, Any]]]) -> Part:
    """`as_written`: the held-out part's headline figures (`quality_real.real_held_out`), the table's first
    row: the undisguised fold is not predicted a second time."""
    from fanzha.learn.real import HELD_OUT_FOLD, in_folds, read_real

    test = in_folds(read_real(REAL_SMS), [HELD_OUT_FOLD])
    groups = {name: [rows_of(labels)(m) for m in test] for name, labels in HEADLINE.items()}
    figures: dict[str, dict[str, dict[str, dict[str, Any]]]] = {"as written": as_written}
    for name, disguise in disguises().items():
        texts = [disguise(m.text, random.Random(f"{SEED}-{m.id}")) for m in test]
        verdicts, _ = predict_both(ctx, texts)
        figures[name] = {
            s: {
                g: share_figure([v.flagged for v, keep in zip(verdicts[s], mask, strict=True) if keep])
                for g, mask in groups.items()
            }
            for s in SYSTEMS
        }
    rows = [
        (
            name.replace("|", "\\|"),
            *(" / ".join(f"{cells[s][g]['k'] / cells[s][g]['n']:.3f}" for s in SYSTEMS) for g in groups),
        )
        for name, cells in figures.items()
    ]
    plain, mixed = figures["as written"], figures["all of the above but spaces and emoji"]

    def caught(cell: dict[str, dict[str, dict[str, Any]]], system: str) -> float:
        scams = cell[system]["scams caught"]
        return float(scams["k"] / scams["n"])

    md = [
        f"### Real SMS, held-out fold {HELD_OUT_FOLD}, disguised",
        "",
        f"The {len(test):,} held-out rows rewritten the ways spam slips past filters, the same rewrite for "
        "both systems (traditional characters by OpenCC's `s2tw`, an independent converter; a filler in half "
        "of the gaps between two Chinese characters, chosen at random with a seed per text; full-width ASCII; "
        "the corpus's `URL`/`CELLPHONE` placeholders left as they are). No rule or model was fitted to "
        "these rewrites; fanzha's repair of symbol and emoji chains (twenty-third session) was written "
        "knowing that such fillers cost it scams here, with a wider class of symbols than this rewrite "
        "uses. Each cell: fanzha / peer.",
        "",
        *table(["disguise", *groups], rows),
    ]
    summary = (
        f"disguised real held-out: scams caught as written {caught(plain, 'fanzha'):.3f} vs peer "
        f"{caught(plain, 'peer'):.3f}; all disguises at once {caught(mixed, 'fanzha'):.3f} vs "
        f"{caught(mixed, 'peer'):.3f}"
    )
    return Part(md, figures, summary)
