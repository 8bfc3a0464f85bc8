"""Build `src/fanzha/text/data/sound_keys.npz`: each Chinese character's readings, for the
variant-spelling repair in `fanzha.text.variants`.

    python -m venv /tmp/pinyin && /tmp/pinyin/bin/pip install pypinyin==0.55.0
    /tmp/pinyin/bin/python scripts/build_sound_keys.py --corpus ../shared/data/texts/train.jsonl \
        ../shared/data/texts/dev.jsonl ../shared/data/real/real_sms.jsonl

Readings come from pypinyin 0.55.0 (MIT; its data is from the pinyin-data project, MIT, which draws on
the Unihan database), without tones. fanzha itself does not need pypinyin: it reads the table.

Arrays, indexed by code point minus FIRST (the CJK blocks U+3400–U+9FFF): `first` and `second`, the
index (from 1; 0 for none) in `syllables` of the character's first and second reading, without tones
and with the sounds that southern speech and spam merge folded together (zh/z, ch/c, sh/s, initial
n/l, ang/an, eng/en, ing/in: 菇凉 for 姑娘); `common`, true when the character occurs at least
COMMON_MIN times in the texts of the --corpus files, not counting the real spam rows. `syllables`:
the folded readings, space-separated. Loading it is a plain read; fanzha does not need pypinyin.
"""

from __future__ import annotations

import argparse
import collections
import json
import unicodedata
from pathlib import Path

import numpy as np
from pypinyin import Style, pinyin

OUT = Path(__file__).resolve().parents[1] / "src" / "fanzha" / "text" / "data" / "sound_keys.npz"
FIRST, LAST = 0x3400, 0x9FFF
COMMON_MIN = 10
# Real spam writes variant characters on purpose (優蕙): its rows do not count towards "common".
SPAM_LABELS = frozenset(["fraud", "ad", "illegal", "other"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, nargs="+", required=True)
    args = parser.parse_args()
    counts: collections.Counter[str] = collections.Counter()
    for path in args.corpus:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("label") not in SPAM_LABELS:
                    counts.update(unicodedata.normalize("NFKC", row["text"]))
    size = LAST - FIRST + 1
    first = np.zeros(size, dtype=np.uint16)
    second = np.zeros(size, dtype=np.uint16)
    common = np.zeros(size, dtype=bool)
    syllables: dict[str, int] = {}
    for cp in range(FIRST, LAST + 1):
        ch = chr(cp)
        readings = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore", v_to_u=False)
        if not readings or not readings[0]:
            continue
        folded = list(dict.fromkeys(fold(r) for r in readings[0] if r.isascii() and r.isalpha()))
        for slot, reading in zip((first, second), folded[:2], strict=False):
            slot[cp - FIRST] = syllables.setdefault(reading, len(syllables) + 1)
        common[cp - FIRST] = counts[ch] >= COMMON_MIN
    np.savez_compressed(
        OUT, first=first, second=second, common=common, syllables=np.array(" ".join(syllables))
    )
    print(
        f"{int((first > 0).sum())} characters, {int(common.sum())} common, {len(syllables)} readings -> {OUT}"
    )


def fold(syllable: str) -> str:
    """Readings that southern speech and spam treat as one."""
    for a, b in (("zh", "z"), ("ch", "c"), ("sh", "s")):
        if syllable.startswith(a):
            syllable = b + syllable[len(a) :]
    if syllable.startswith("n") and not syllable.startswith("ng"):
        syllable = "l" + syllable[1:]
    for a, b in (("ang", "an"), ("eng", "en"), ("ing", "in")):
        if syllable.endswith(a):
            syllable = syllable[: -len(a)] + b
    return syllable


if __name__ == "__main__":
    main()
