"""Build an independently written set's scams.jsonl, adverts.jsonl and everyday.jsonl from its writers' batches
(`build(sources directory, id prefix, scam batch patterns)`, called by each set's `sources/build.py`).

Standard library only, deterministic. The batches are read with `ast.literal_eval` (never executed):
scam rows are `(label, kind, form, text)` from the scam batch patterns in the order given (one per writer),
advert rows the same from `adverts_*.py`, everyday rows `(kind, form, text)` from `everyday_*.py`, each in
numeric file order. Ids follow that order. Splits alternate within each kind, kinds taken
in order of first appearance, the starting split flipping after every odd-sized group, so every file is
split half and half and no kind differs by more than one row between its halves.

Fails (exit 1, `BUILD FAILED: …`) on a malformed row, a duplicate (exact or after NFKC and whitespace
removal) or two texts, across all files, whose character-bigram Jaccard exceeds 0.6.
"""

import ast
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from validate_set import norm

MAX_JACCARD = 0.6


def fail(message):
    sys.exit(f"BUILD FAILED: {message}")


def batches(here, pattern):
    def number(path):
        return int(re.search(r"(\d+)\.py$", path.name).group(1))

    return sorted(here.glob(pattern), key=number)


def read_rows(here, pattern, width):
    rows = []
    for path in batches(here, pattern):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        values = [
            node.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["ROWS"]
        ]
        if len(values) != 1:
            fail(f"{path.name}: expected one ROWS = [...]")
        for i, row in enumerate(ast.literal_eval(values[0])):
            if not (isinstance(row, tuple) and len(row) == width and all(isinstance(x, str) for x in row)):
                fail(f"{path.name} row {i}: expected {width} strings, got {row!r}")
            rows.append(row)
    return rows


def bigrams(text):
    t = norm(text)
    return {t[i : i + 2] for i in range(len(t) - 1)} or {t}


def splits(keys):
    groups = {}
    for index, key in enumerate(keys):
        groups.setdefault(key, []).append(index)
    out = [None] * len(keys)
    first = "dev"
    for members in groups.values():
        for j, index in enumerate(members):
            out[index] = first if j % 2 == 0 else ("test" if first == "dev" else "dev")
        if len(members) % 2:
            first = "test" if first == "dev" else "dev"
    return out


def build(sources, set_id, scam_patterns):
    """`sources`: the set's `sources/` directory (the files are written beside it); `set_id`: the ids'
    prefix (`ind5`); `scam_patterns`: the writers' scam batch globs, in id order (`scams_a_*.py`, …)."""
    here = Path(sources).resolve()
    out_dir = here.parent
    scams = [row for pattern in scam_patterns for row in read_rows(here, pattern, 4)]
    adverts = read_rows(here, "adverts_*.py", 4)
    everyday = [("normal", kind, form, text) for kind, form, text in read_rows(here, "everyday_*.py", 3)]
    files = {"scams.jsonl": ("s", scams), "adverts.jsonl": ("a", adverts), "everyday.jsonl": ("e", everyday)}

    seen = {}
    grams = []
    for name, (_, rows) in files.items():
        for *_, text in rows:
            if "\n" in text or text != text.strip():
                fail(f"{name}: newline or surrounding space in {text!r}")
            key = norm(text)
            if key in seen:
                fail(f"duplicate text (after NFKC and whitespace removal): {text!r} and {seen[key]!r}")
            seen[key] = text
            grams.append((text, bigrams(text)))
    worst = 0.0
    for i, (a, ga) in enumerate(grams):
        for b, gb in grams[i + 1 :]:
            j = len(ga & gb) / len(ga | gb)
            worst = max(worst, j)
            if j > MAX_JACCARD:
                fail(f"bigram Jaccard {j:.2f} > {MAX_JACCARD}: {a!r} / {b!r}")

    for name, (letter, rows) in files.items():
        assigned = splits([kind for _, kind, _, _ in rows])
        with open(out_dir / name, "w", encoding="utf-8") as f:
            for n, ((label, kind, form, text), split) in enumerate(zip(rows, assigned, strict=True), 1):
                row = {
                    "id": f"{set_id}-{letter}-{n:04d}",
                    "text": text,
                    "label": label,
                    "kind": kind,
                    "form": form,
                    "split": split,
                }
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} rows, dev {assigned.count('dev')}, test {assigned.count('test')}")
    print(f"largest bigram Jaccard between two texts: {worst:.3f}")
