"""Build ../everyday.jsonl from the hand-written batches sources/everyday_N.py.

Stdlib only, deterministic:
  * batches are read in numeric order (everyday_1, everyday_2, ...), rows in file order;
  * ids ind3-e-0001 ... follow that order;
  * split: within each kind, rows alternate dev/test in file order.  Kinds with an odd
    number of rows get the extra row alternately in dev and in test (taken in order of the
    kind's first appearance), so the overall split is exactly half and half whenever the
    number of odd-sized kinds is even (it always is when the total is even).
Checks (the build fails loudly if any fails): label/form values, length 10-300, uniqueness
(raw and after NFKC + whitespace removal), character-bigram Jaccard <= 0.6 for every pair.

Usage: python3 build_everyday.py [--report]
"""
import glob
import importlib.util
import json
import os
import re
import sys
import unicodedata
from collections import Counter, OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "everyday.jsonl")
FORMS = {"sms", "chat", "call", "notice", "email", "post"}
JACCARD_MAX = 0.6


def load_rows():
    files = glob.glob(os.path.join(HERE, "everyday_*.py"))
    files = sorted(files, key=lambda f: int(re.search(r"everyday_(\d+)\.py$", f).group(1)))
    rows = []
    for f in files:
        name = os.path.splitext(os.path.basename(f))[0]
        spec = importlib.util.spec_from_file_location(name, f)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        for r in mod.ROWS:
            kind, form, text = r
            rows.append((kind, form, text, name))
    return rows


def norm(t):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", t))


def bigrams(t):
    t = norm(t)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def check(rows):
    errors = []
    seen_raw, seen_norm = {}, {}
    for i, (kind, form, text, src) in enumerate(rows):
        if form not in FORMS:
            errors.append(f"row {i+1}: bad form {form}")
        if not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", kind):
            errors.append(f"row {i+1}: bad kind {kind}")
        if not (10 <= len(text) <= 300):
            errors.append(f"row {i+1}: length {len(text)}")
        if text in seen_raw:
            errors.append(f"row {i+1}: duplicate of row {seen_raw[text]}")
        seen_raw.setdefault(text, i + 1)
        n = norm(text)
        if n in seen_norm:
            errors.append(f"row {i+1}: normalised duplicate of row {seen_norm[n]}")
        seen_norm.setdefault(n, i + 1)
    grams = [bigrams(r[2]) for r in rows]
    worst = []
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            a, b = grams[i], grams[j]
            if not a or not b:
                continue
            jac = len(a & b) / len(a | b)
            worst.append((jac, i + 1, j + 1))
            if jac > JACCARD_MAX:
                errors.append(f"rows {i+1} and {j+1}: bigram Jaccard {jac:.3f}")
    worst.sort(reverse=True)
    return errors, worst[:10]


def assign_splits(rows):
    counts = Counter(r[0] for r in rows)
    first_split = {}
    odd_index = 0
    for kind in OrderedDict.fromkeys(r[0] for r in rows):
        if counts[kind] % 2 == 1:
            first_split[kind] = "dev" if odd_index % 2 == 0 else "test"
            odd_index += 1
        else:
            first_split[kind] = "dev"
    pos = Counter()
    splits = []
    for kind, _, _, _ in rows:
        start = first_split[kind]
        other = "test" if start == "dev" else "dev"
        splits.append(start if pos[kind] % 2 == 0 else other)
        pos[kind] += 1
    return splits


def main():
    rows = load_rows()
    errors, worst = check(rows)
    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)
    splits = assign_splits(rows)
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for i, ((kind, form, text, _), split) in enumerate(zip(rows, splits), 1):
            rec = {"id": f"ind3-e-{i:04d}", "text": text, "label": "normal",
                   "kind": kind, "form": form, "split": split}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    sc = Counter(splits)
    print(f"wrote {len(rows)} rows to {os.path.normpath(OUT)}; splits {dict(sc)}; "
          f"kinds {len(set(r[0] for r in rows))}")
    if "--report" in sys.argv:
        print("forms", dict(Counter(r[1] for r in rows)))
        print("per batch", dict(Counter(r[3] for r in rows)))
        lens = sorted(len(r[2]) for r in rows)
        print("length min/median/max", lens[0], lens[len(lens) // 2], lens[-1])
        print("top bigram Jaccard pairs", [(round(j, 3), a, b) for j, a, b in worst])
        kc = Counter(r[0] for r in rows)
        for kind in kc:
            per = Counter(s for r, s in zip(rows, splits) if r[0] == kind)
            assert abs(per["dev"] - per["test"]) <= 1, kind
        print("per-kind split balance ok")


if __name__ == "__main__":
    main()
