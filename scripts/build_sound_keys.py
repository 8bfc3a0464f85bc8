"""Build `src/fanzha/text/data/sound_keys.tsv.gz`: each Chinese character's readings, for the
variant-spelling repair in `fanzha.text.variants`.

    python -m venv /tmp/pinyin && /tmp/pinyin/bin/pip install pypinyin==0.55.0
    /tmp/pinyin/bin/python scripts/build_sound_keys.py --corpus ../shared/data/texts/train.jsonl \
        ../shared/data/texts/dev.jsonl ../shared/data/real/real_sms.jsonl

Readings come from pypinyin 0.55.0 (MIT; its data is from the pinyin-data project, MIT, which draws on
the Unihan database), without tones. fanzha itself does not need pypinyin: it reads the table.

Columns: character, its toneless readings (most common first, comma-separated), and `1` when the
character is common (it occurs at least COMMON_MIN times in the texts of the --corpus files, not
counting the real spam rows), else `0`.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import unicodedata
from pathlib import Path

from pypinyin import Style, pinyin

OUT = Path(__file__).resolve().parents[1] / "src" / "fanzha" / "text" / "data" / "sound_keys.tsv.gz"
RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))
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
    rows = []
    for lo, hi in RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            readings = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore", v_to_u=False)
            if not readings or not readings[0]:
                continue
            unique = list(dict.fromkeys(r for r in readings[0] if r.isascii() and r.isalpha()))
            if unique:
                rows.append(f"{ch}\t{','.join(unique)}\t{int(counts[ch] >= COMMON_MIN)}")
    header = (
        "# character\ttoneless readings (pypinyin 0.55.0, MIT; data from pinyin-data, MIT / Unihan)\t"
        f"common (>= {COMMON_MIN} occurrences in {', '.join(p.name for p in args.corpus)})\n"
    )
    data = (header + "\n".join(rows) + "\n").encode("utf-8")
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(data)  # mtime 0: the same input gives the same bytes
    print(f"{len(rows)} characters, {sum(r.endswith('1') for r in rows)} common -> {OUT}")


if __name__ == "__main__":
    main()
